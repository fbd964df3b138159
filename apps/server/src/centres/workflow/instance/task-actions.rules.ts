import type { WorkflowTaskAction } from '@jsga/contracts';

/** What the rules need to know about a task row and its instance. */
export type TaskFacts = {
  status: string;
  assigneeId: string | null;
  ownerId: string | null;
  candidateRole: string | null;
  candidateOrgId: string | null;
  completedBy: string | null;
  blocked: boolean;
  signKind: string | null;
  instanceRunning: boolean;
  suspended: boolean;
  hasReturnTargets: boolean;
  /** Open 会签 siblings or added signers the caller could remove. */
  removableSigners: number;
  /** The engine still holds the undo record for this task and the next tasks are untouched. */
  withdrawable: boolean;
};

export type Caller = {
  userId: string;
  orgId: string;
  roleCodes: readonly string[];
  /** Acted on the instance before (started it, handled a task) or supervises it (流程监控). */
  involved: boolean;
};

/** The assignee, or (while unassigned) a holder of the candidate role at the candidate org. */
export function mayWork(u: { userId: string; orgId: string; roleCodes: readonly string[] }, task: Pick<TaskFacts, 'assigneeId' | 'candidateRole' | 'candidateOrgId'>): boolean {
  if (task.assigneeId) return task.assigneeId === u.userId;
  if (!task.candidateRole) return true;
  return u.roleCodes.includes(task.candidateRole) && (!task.candidateOrgId || task.candidateOrgId === u.orgId);
}

/** 撤回 is offered to whoever completed the task, while the engine can still undo it and the instance is running and not suspended. */
export function mayWithdraw(task: Pick<TaskFacts, 'status' | 'completedBy' | 'instanceRunning' | 'suspended' | 'withdrawable'>, userId: string): boolean {
  return task.instanceRunning && !task.suspended && task.status === 'completed' && task.completedBy === userId && task.withdrawable;
}

/**
 * The operations the caller may take on a task right now. The service checks each operation again
 * when it is posted; this list only drives what the page offers.
 */
export function allowedActions(task: TaskFacts, me: Caller): WorkflowTaskAction[] {
  if (!task.instanceRunning) return [];
  const out: WorkflowTaskAction[] = [];
  if (task.status === 'open') {
    const remind = me.involved && task.assigneeId !== me.userId;
    if (task.suspended) return [];
    if (task.ownerId) {
      // delegated: the delegate hands it back; the owner waits
      if (task.assigneeId === me.userId) return ['resolve'];
      return task.ownerId === me.userId || remind ? ['remind'] : [];
    }
    if (!mayWork(me, task)) return remind ? ['remind'] : [];
    if (!task.assigneeId) out.push('claim');
    if (!task.blocked) {
      out.push('complete', 'approve', 'reject');
      if (!task.signKind && task.hasReturnTargets) out.push('return');
    }
    out.push('transfer');
    if (!task.signKind) {
      out.push('delegate');
      if (!task.blocked) out.push('add-sign');
    }
    if (task.removableSigners > 0) out.push('remove-sign');
    out.push('cc');
    return out;
  }
  if (task.status === 'completed' && task.completedBy === me.userId) {
    if (mayWithdraw(task, me.userId)) out.push('withdraw');
    if (task.removableSigners > 0 && !task.suspended) out.push('remove-sign');
    out.push('cc');
  }
  return out;
}
