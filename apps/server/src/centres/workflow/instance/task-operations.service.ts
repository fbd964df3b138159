import { randomUUID } from 'node:crypto';
import type { Queryable, RequestCtx } from '@jsga/kernel';
import { addSign, canWithdraw, removeSigners, withdrawTask, type Effect } from '../engine/engine.rules';
import { workflowErrors } from '../workflow.errors';
import { instanceRepo, type InstanceRow, type TaskRow } from './instance.repo';
import { mayWork } from './task-actions.rules';
import type { WorkflowCore, WorkflowServiceDeps } from './workflow.core';

const REMIND_INTERVAL_MS = 60 * 60_000;
export const ADMIN_PERMISSION = 'workflow:instance:migrate';
export const MONITOR_PERMISSION = 'workflow:instance:monitor';

/**
 * The caller may work this open task: its assignee or (unassigned) a candidate, and not a delegate
 * (who may only hand it back). System calls (no user) are trusted.
 */
export function guardWorker(ctx: RequestCtx, task: TaskRow) {
  if (task.status !== 'open') throw workflowErrors.TASK_ALREADY_DONE();
  const u = ctx.user;
  if (!u) return;
  if (task.ownerId) {
    if (task.assigneeId === u.userId) throw workflowErrors.DELEGATE_ONLY_RESOLVE();
    if (task.ownerId === u.userId) throw workflowErrors.TASK_DELEGATED();
  }
  if (!mayWork(u, task)) throw workflowErrors.NOT_ASSIGNEE();
}

const withOpinion = (head: string, text?: string) => (text?.trim() ? `${head}；${text.trim()}` : head);
const created = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'task_created' ? [e.task.id] : []));

/** 转办, 委派, 交回, 加签, 减签, 撤回, 催办, 抄送: each leaves an opinion record and an audit entry. */
export function createTaskOperations(deps: WorkflowServiceDeps, core: WorkflowCore) {
  const { opinion, now } = core;
  const audit = (tx: Queryable, ctx: RequestCtx, action: string, task: TaskRow, detail?: Record<string, unknown>) =>
    deps.audit.recordFor(tx, ctx, { action: `workflow.task.${action}`, targetType: 'workflow_task', targetIds: [task.id, task.instanceId], ...(detail ? { detail } : {}) });
  const record = (tx: Queryable, ctx: RequestCtx, task: TaskRow, action: string, text: string, at: Date) =>
    opinion(tx, ctx, { instanceId: task.instanceId, taskId: task.id, nodeId: task.nodeId, nodeName: task.nodeName, action, opinion: text, at });

  async function targetUser(tx: Queryable, ctx: RequestCtx, task: TaskRow, userId: string) {
    if (userId === (ctx.user?.userId ?? task.assigneeId)) throw workflowErrors.SAME_USER();
    const [user] = await core.activeUsers(tx, [userId]);
    return user;
  }

  /** The caller may 催办 / 减签 as a supervisor: monitor rights over this instance's org. */
  const supervises = (ctx: RequestCtx, inst: InstanceRow, permission: string) => {
    const u = ctx.user;
    if (!u?.permissions.has(permission)) return false;
    return u.scope.orgIds === 'all' || (inst.orgId !== null && u.scope.orgIds.includes(inst.orgId));
  };

  return {
    /** 转办: the task now belongs to someone else; the previous holder no longer sees it. */
    async transfer(tx: Queryable, ctx: RequestCtx, input: { taskId: string; userId: string; opinion?: string }) {
      const { task, inst } = await core.lockTask(tx, input.taskId, { allowSuspended: true });
      guardWorker(ctx, task);
      const to = await targetUser(tx, ctx, task, input.userId);
      const at = now();
      if (!(await instanceRepo.reassign(tx, task.id, task, { assigneeId: to.id, ownerId: null }))) throw workflowErrors.TASK_ALREADY_CLAIMED();
      await record(tx, ctx, task, 'transfer', withOpinion(`转办给${to.displayName}`, input.opinion), at);
      await audit(tx, ctx, 'transfer', task, { from: task.assigneeId, to: to.id });
      return { status: inst.status, taskIds: [] as string[] };
    },

    /** 委派: the delegate works on it and hands it back (交回); the owner then decides. */
    async delegate(tx: Queryable, ctx: RequestCtx, input: { taskId: string; userId: string; opinion?: string }) {
      const { task, inst } = await core.lockTask(tx, input.taskId, { allowSuspended: true });
      guardWorker(ctx, task);
      const owner = ctx.user?.userId ?? task.assigneeId;
      if (!owner) throw workflowErrors.OPERATION_FORBIDDEN(undefined, '请先签收任务再委派');
      if (task.signKind) throw workflowErrors.OPERATION_FORBIDDEN(undefined, '加签人员的任务不能委派');
      const to = await targetUser(tx, ctx, task, input.userId);
      const at = now();
      if (!(await instanceRepo.reassign(tx, task.id, task, { ownerId: owner, assigneeId: to.id }))) throw workflowErrors.TASK_ALREADY_CLAIMED();
      await record(tx, ctx, task, 'delegate', withOpinion(`委派给${to.displayName}`, input.opinion), at);
      await audit(tx, ctx, 'delegate', task, { owner, to: to.id });
      return { status: inst.status, taskIds: [] as string[] };
    },

    /** 交回: the delegate is done; the task returns to its owner with the delegate's opinion. */
    async resolve(tx: Queryable, ctx: RequestCtx, input: { taskId: string; opinion: string }) {
      if (!input.opinion.trim()) throw workflowErrors.OPINION_REQUIRED();
      const { task, inst } = await core.lockTask(tx, input.taskId, { allowSuspended: true });
      if (task.status !== 'open') throw workflowErrors.TASK_ALREADY_DONE();
      if (!task.ownerId || (ctx.user && task.assigneeId !== ctx.user.userId)) throw workflowErrors.NOT_DELEGATED_TO_YOU();
      const at = now();
      if (!(await instanceRepo.reassign(tx, task.id, task, { assigneeId: task.ownerId, ownerId: null }))) throw workflowErrors.TASK_ALREADY_DONE();
      await record(tx, ctx, task, 'resolve', input.opinion.trim(), at);
      await audit(tx, ctx, 'resolve', task, { owner: task.ownerId });
      return { status: inst.status, taskIds: [] as string[] };
    },

    /** 加签 before (they sign first, then this task continues) or after (they confirm this task's approval). */
    async addSign(tx: Queryable, ctx: RequestCtx, input: { taskId: string; userIds: string[]; position: 'before' | 'after'; opinion?: string }) {
      const { task, inst } = await core.lockTask(tx, input.taskId);
      guardWorker(ctx, task);
      if (task.signKind) throw workflowErrors.ADD_SIGN_NOT_ALLOWED(undefined, '加签人员的任务不能再加签');
      if (task.blocked) throw workflowErrors.TASK_WAITING_FOR_SIGN();
      const ids = [...new Set(input.userIds)];
      const self = ctx.user?.userId ?? task.assigneeId;
      if (self && ids.includes(self)) throw workflowErrors.SAME_USER();
      const users = await core.activeUsers(tx, ids);
      // an unclaimed task is claimed by whoever adds signers, so it comes back to them
      if (!task.assigneeId && ctx.user && !(await instanceRepo.reassign(tx, task.id, task, { assigneeId: ctx.user.userId, ownerId: null }))) throw workflowErrors.TASK_ALREADY_CLAIMED();
      const r = await core.step(tx, inst, (model, state, env) => addSign(model, state, { taskId: task.id, assignees: ids, position: input.position }, env));
      const head = `${input.position === 'before' ? '前加签' : '后加签'}：${users.map((u) => u.displayName).join('、')}`;
      await record(tx, ctx, task, 'add_sign', withOpinion(head, input.opinion), r.at);
      await audit(tx, ctx, 'add_sign', task, { position: input.position, userIds: ids });
      return { status: r.state.status as 'running' | 'completed', taskIds: created(r.effects) };
    },

    /**
     * 减签: cancel participants who have not acted yet, of a running 会签 or of an 加签. Asked from a task
     * the caller works on in that 会签, from the task the signers were added to, or by a workflow administrator.
     */
    async removeSign(tx: Queryable, ctx: RequestCtx, input: { taskId: string; taskIds: string[] }) {
      const { task, inst } = await core.lockTask(tx, input.taskId);
      const targets = await instanceRepo.tasksByIds(tx, [...new Set(input.taskIds)]);
      if (targets.length !== new Set(input.taskIds).size || targets.some((t) => t.instanceId !== task.instanceId || t.id === task.id)) throw workflowErrors.REMOVE_SIGN_INVALID();
      if (targets.some((t) => t.status !== 'open')) throw workflowErrors.TASK_ALREADY_DONE(undefined, '所选人员中有人已经办理，不能减签');
      const u = ctx.user;
      if (u && !supervises(ctx, inst, ADMIN_PERMISSION)) {
        const host = targets.every((t) => t.parentTaskId === task.id);
        const sibling = targets.every((t) => !t.signKind && t.nodeId === task.nodeId) && !task.signKind;
        const allowed = host
          ? (task.status === 'open' && !task.ownerId && mayWork(u, task)) || task.completedBy === u.userId
          : sibling && task.status === 'open' && !task.ownerId && mayWork(u, task);
        if (!allowed) throw workflowErrors.OPERATION_FORBIDDEN();
      }
      const r = await core.step(tx, inst, (model, state, env) => removeSigners(model, state, { taskIds: targets.map((t) => t.id) }, env),
        { errors: { BAD_SIGN: (e) => workflowErrors.REMOVE_SIGN_INVALID(undefined, e.message) } });
      const who = await core.names(tx, targets.map((t) => t.assigneeId));
      await record(tx, ctx, task, 'remove_sign', `减签：${targets.map((t) => who.get(t.assigneeId ?? '') ?? t.assigneeId ?? '待签收').join('、')}`, r.at);
      await audit(tx, ctx, 'remove_sign', task, { removed: targets.map((t) => t.id) });
      return { status: r.state.status as 'running' | 'completed', taskIds: created(r.effects) };
    },

    /**
     * 撤回: the user who completed a task takes it back while nobody has touched what came next. The next
     * tasks are cancelled and the task is theirs again.
     */
    async withdraw(tx: Queryable, ctx: RequestCtx, input: { taskId: string }) {
      const { task, inst } = await core.lockTask(tx, input.taskId, { allowEnded: true });
      if (!ctx.user || task.completedBy !== ctx.user.userId) throw workflowErrors.WITHDRAW_NOT_YOURS();
      if (!(await completionUndoable(tx, inst, task))) throw workflowErrors.WITHDRAW_TOO_LATE();
      const r = await core.step(tx, inst, (model, state) => withdrawTask(model, state, task.id));
      await instanceRepo.updateTask(tx, task.id, { assigneeId: ctx.user.userId });
      await record(tx, ctx, task, 'withdraw', '撤回', r.at);
      await audit(tx, ctx, 'withdraw', task);
      return { status: r.state.status as 'running' | 'completed', taskIds: [task.id] };
    },

    /** 催办: an in-app message to whoever holds the task (or its candidates); once an hour per task. */
    async remind(tx: Queryable, ctx: RequestCtx, input: { taskId: string; message?: string }) {
      const { task, inst } = await core.lockTask(tx, input.taskId);
      if (task.status !== 'open') throw workflowErrors.TASK_ALREADY_DONE();
      const u = ctx.user;
      if (u) {
        const involved = task.ownerId === u.userId || supervises(ctx, inst, MONITOR_PERMISSION) || (await instanceRepo.participated(tx, inst.id, u.userId));
        if (!involved || task.assigneeId === u.userId) throw workflowErrors.OPERATION_FORBIDDEN(undefined, '只有流程的经办人或监控人员可以催办');
      }
      const recipients = (await core.recipientsOf(tx, task)).filter((id) => id !== u?.userId);
      if (!recipients.length) throw workflowErrors.NO_RECIPIENT();
      const at = now();
      if (!(await instanceRepo.stampReminder(tx, task.id, at, new Date(at.getTime() - REMIND_INTERVAL_MS)))) {
        throw workflowErrors.REMIND_TOO_OFTEN({ nextAt: new Date((task.remindedAt?.getTime() ?? at.getTime()) + REMIND_INTERVAL_MS).toISOString() });
      }
      const note = input.message?.trim() ? `附言：${input.message.trim()}` : '请尽快办理。';
      await deps.sendMessage(tx, { templateCode: 'task.remind', recipients: recipients.map((userId) => ({ userId })), businessKey: inst.businessKey, link: core.taskLink(task.id),
        vars: { fromName: u?.displayName ?? '系统', caseNo: core.caseNoOf(inst), nodeName: task.nodeName, note } });
      await record(tx, ctx, task, 'remind', input.message?.trim() ?? '', at);
      await audit(tx, ctx, 'remind', task, { recipients: recipients.length });
      return { status: inst.status, taskIds: [] as string[] };
    },

    /** 抄送: the given users are told and find the case under 抄送我的. */
    async cc(tx: Queryable, ctx: RequestCtx, input: { taskId: string; userIds: string[]; opinion?: string }) {
      const { task, inst } = await core.lockTask(tx, input.taskId, { allowSuspended: true, allowEnded: true });
      const u = ctx.user;
      if (u && !(mayWork(u, task) && task.status === 'open') && task.completedBy !== u.userId && task.ownerId !== u.userId) throw workflowErrors.OPERATION_FORBIDDEN();
      const ids = [...new Set(input.userIds)].filter((id) => id !== u?.userId);
      if (!ids.length) throw workflowErrors.USER_NOT_FOUND(undefined, '请选择抄送给谁（不含本人）');
      const users = await core.activeUsers(tx, ids);
      const at = now();
      const text = input.opinion?.trim() ?? '';
      await instanceRepo.insertCc(tx, users.map((r) => ({ id: randomUUID(), instanceId: inst.id, taskId: task.id, nodeName: task.nodeName, userId: r.id,
        fromUserId: u?.userId ?? null, fromUserName: u?.displayName ?? null, opinion: text, createdAt: at })));
      await deps.sendMessage(tx, { templateCode: 'task.cc', recipients: ids.map((userId) => ({ userId })), businessKey: inst.businessKey, link: '/handling/tasks?tab=cc',
        vars: { fromName: u?.displayName ?? '系统', caseNo: core.caseNoOf(inst), nodeName: task.nodeName, note: text ? `意见：${text}` : '请知悉。' } });
      await record(tx, ctx, task, 'cc', withOpinion(`抄送：${users.map((r) => r.displayName).join('、')}`, text), at);
      await audit(tx, ctx, 'cc', task, { userIds: ids });
      return { status: inst.status, taskIds: [] as string[] };
    },
  };
}

/**
 * 撤回 is still possible for this completed task: it made the instance's latest step, the instance is
 * running, and what that step created is untouched. The one rule behind 撤回, the task detail and 已办.
 */
export async function completionUndoable(q: Queryable, inst: InstanceRow, task: Pick<TaskRow, 'id' | 'status'>) {
  return inst.status === 'running' && task.status === 'completed' && canWithdraw(inst.state, task.id) && nextTasksUntouched(q, inst);
}

/**
 * The tasks the latest completion created are as they were born: nobody claimed, transferred or
 * delegated them and nobody recorded anything on them.
 */
async function nextTasksUntouched(tx: Queryable, inst: InstanceRow) {
  const before = new Set(inst.state.undo!.before.tasks.map((t) => t.id));
  const next = inst.state.tasks.filter((t) => !before.has(t.id));
  const rows = await instanceRepo.tasksByIds(tx, next.map((t) => t.id));
  const born = new Map(next.map((t) => [t.id, t]));
  if (rows.some((r) => r.status !== 'open' || r.ownerId || (r.assigneeId ?? null) !== (born.get(r.id)!.assignee ?? null))) return false;
  return !(await instanceRepo.anyOpinionOn(tx, rows.map((r) => r.id)));
}
