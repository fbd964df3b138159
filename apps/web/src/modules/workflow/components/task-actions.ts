import type { PostedAction, TaskActionBodies } from '../api';

/** What the task drawer offers; 通过/不通过 are both `complete` on the server. */
export type UiAction = 'approve' | 'reject' | 'return' | 'transfer' | 'delegate' | 'resolve' | 'add-sign' | 'remove-sign' | 'withdraw' | 'remind' | 'cc';

export const UI_ACTION_ORDER: UiAction[] = ['approve', 'reject', 'return', 'resolve', 'transfer', 'delegate', 'add-sign', 'remove-sign', 'withdraw', 'remind', 'cc'];

export const uiActionLabels: Record<UiAction, string> = {
  approve: '通过',
  reject: '不通过',
  return: '退回',
  transfer: '转办',
  delegate: '委派',
  resolve: '办理交回',
  'add-sign': '加签',
  'remove-sign': '减签',
  withdraw: '撤回',
  remind: '催办',
  cc: '抄送',
};

/** One-line explanation shown in each dialog, so the officer knows what happens before confirming. */
export const uiActionHints: Record<UiAction, string> = {
  approve: '确认通过后，流程流转到下一环节。',
  reject: '不通过须填写理由，申请人将看到该理由。',
  return: '退回到之前已办理的环节重新办理，须填写退回原因。',
  transfer: '转办后，该任务由对方办理，您不再处理。',
  delegate: '委派对方代为办理，对方办理完成后任务交回给您。',
  resolve: '委派的任务办理完毕，交回委派人继续办理。',
  'add-sign': '增加办理人：前加签由对方先办理再回到您，后加签在您办理后由对方办理。',
  'remove-sign': '撤销尚未办理的加签任务。',
  withdraw: '撤回您已提交、下一环节尚未办理的任务。',
  remind: '向当前办理人发送催办提醒。',
  cc: '将办理情况抄送给他人知悉，不影响流程流转。',
};

/** The server's `allowedActions` → the drawer's buttons, in a fixed order. */
export function uiActionsOf(allowed: readonly string[]): UiAction[] {
  const set = new Set(allowed);
  return UI_ACTION_ORDER.filter((a) => (a === 'approve' || a === 'reject' ? set.has('complete') || set.has(a) : set.has(a)));
}

/** Actions after which the task is no longer the officer's (the drawer closes). */
export const finishingActions: ReadonlySet<UiAction> = new Set(['approve', 'reject', 'return', 'transfer', 'delegate', 'resolve', 'withdraw']);

export interface ActionForm {
  opinion?: string;
  targetNodeId?: string;
  userId?: string;
  userIds?: string[];
  position?: 'before' | 'after';
  taskIds?: string[];
  message?: string;
}

const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The endpoint and body of a dialog's values. */
export function requestOf(action: UiAction, v: ActionForm): { action: PostedAction; body: TaskActionBodies[PostedAction] } {
  switch (action) {
    case 'approve':
      return { action: 'complete', body: { outcome: 'approve', ...(opt(v.opinion) ? { opinion: opt(v.opinion) } : {}) } };
    case 'reject':
      return { action: 'complete', body: { outcome: 'reject', opinion: (v.opinion ?? '').trim() } };
    case 'return':
      return { action: 'return', body: { targetNodeId: v.targetNodeId ?? '', opinion: (v.opinion ?? '').trim() } };
    case 'transfer':
    case 'delegate':
      return { action, body: { userId: v.userId ?? '', ...(opt(v.opinion) ? { opinion: opt(v.opinion) } : {}) } };
    case 'resolve':
      return { action, body: { opinion: (v.opinion ?? '').trim() } };
    case 'add-sign':
      return { action, body: { userIds: v.userIds ?? [], position: v.position ?? 'after', ...(opt(v.opinion) ? { opinion: opt(v.opinion) } : {}) } };
    case 'remove-sign':
      return { action, body: { taskIds: v.taskIds ?? [] } };
    case 'withdraw':
      return { action, body: {} };
    case 'remind':
      return { action, body: opt(v.message) ? { message: opt(v.message) } : {} };
    case 'cc':
      return { action, body: { userIds: v.userIds ?? [], ...(opt(v.opinion) ? { opinion: opt(v.opinion) } : {}) } };
  }
}
