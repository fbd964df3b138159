import { commonErrors, scopeAllows, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { TaskActionResult, WorkflowCcView, WorkflowDoneTaskQuery, WorkflowDoneTaskView, WorkflowOpinionView, WorkflowTaskDetail, WorkflowTaskView } from '@jsga/contracts';
import { definitionRepo } from '../definition/definition.repo';
import { pendingAfterSigners } from '../engine/engine.rules';
import { workflowErrors } from '../workflow.errors';
import { instanceRepo, type InstanceRow, type OpinionRow, type TaskRow } from './instance.repo';
import { allowedActions, mayWithdraw, mayWork } from './task-actions.rules';
import { completionUndoable, MONITOR_PERMISSION } from './task-operations.service';
import type { WorkflowService } from './workflow.service';

export type TaskDeskDeps = { db: Db; workflow: WorkflowService; findUsers: (q: Queryable, ids: string[]) => Promise<Array<{ id: string; displayName: string }>> };

export const toTaskView = (t: TaskRow, ctx: { businessKey: string; definitionName: string }, names: Map<string, string>): WorkflowTaskView => ({
  id: t.id, instanceId: t.instanceId, nodeId: t.nodeId, nodeName: t.nodeName,
  assigneeId: t.assigneeId, assigneeName: t.assigneeId ? names.get(t.assigneeId) ?? null : null,
  ownerId: t.ownerId, ownerName: t.ownerId ? names.get(t.ownerId) ?? null : null,
  candidateRole: t.candidateRole, candidateOrgId: t.candidateOrgId, status: t.status as WorkflowTaskView['status'],
  outcome: (t.outcome as WorkflowTaskView['outcome']) ?? null, createdAt: t.createdAt.toISOString(), completedAt: t.completedAt?.toISOString() ?? null,
  dueDate: t.dueDate, blocked: t.blocked, signKind: (t.signKind as WorkflowTaskView['signKind']) ?? null, parentTaskId: t.parentTaskId,
  businessKey: ctx.businessKey, definitionName: ctx.definitionName,
});

export const toOpinionView = (o: OpinionRow): WorkflowOpinionView => ({
  id: o.id, taskId: o.taskId, nodeId: o.nodeId, nodeName: o.nodeName, action: o.action, userId: o.userId, userName: o.userName, orgId: o.orgId, opinion: o.opinion, at: o.at.toISOString(),
});

/** Whether the caller supervises this instance: monitor rights whose data scope covers its org. */
export const supervises = (ctx: RequestCtx, inst: Pick<InstanceRow, 'orgId'>) =>
  !!ctx.user?.permissions.has(MONITOR_PERMISSION) && scopeAllows(ctx.user.scope, { orgId: inst.orgId });

/** The officer's side over HTTP: 我的待办, 已办, a task with what may be done to it, the operations, 抄送我的. */
export function createTaskDesk(deps: TaskDeskDeps) {
  const { db, workflow } = deps;
  const me = (ctx: RequestCtx) => { if (!ctx.user) throw commonErrors.UNAUTHENTICATED(); return ctx.user; };
  const namesOf = async (q: Queryable, ids: Array<string | null>) => {
    const wanted = [...new Set(ids.filter((x): x is string => !!x && /^[0-9a-f-]{36}$/i.test(x)))];
    return new Map((wanted.length ? await deps.findUsers(q, wanted) : []).map((u) => [u.id, u.displayName]));
  };
  type Op = (tx: Queryable) => Promise<{ status: string; taskIds: string[] }>;
  const act = (op: Op): Promise<TaskActionResult> => db.transaction(async (tx) => {
    const r = await op(tx);
    return { ok: true as const, instanceStatus: r.status as TaskActionResult['instanceStatus'], taskIds: r.taskIds };
  });

  return {
    /** 我的待办: assigned to me, waiting for my position's role at my org, or delegated by me. */
    async myTasks(ctx: RequestCtx, page: { page: number; pageSize: number }) {
      const { rows, total } = await instanceRepo.listMine(db, me(ctx), page);
      const names = await namesOf(db, rows.flatMap((r) => [r.task.assigneeId, r.task.ownerId]));
      return { items: rows.map((r) => toTaskView(r.task, r, names)), total };
    },

    /**
     * 已办: tasks the caller settled — 通过 / 不通过 (also as a candidate or an added signer), 退回, and 交回
     * as a delegate — newest first, each with where its process stands now and whether 撤回 is still possible.
     * A completion the caller withdrew is not listed: the task is back in their 待办. Handing a task on
     * (转办, 委派) settles nothing and is not listed either. Only the caller's own records, whatever their data scope.
     */
    async doneTasks(ctx: RequestCtx, query: WorkflowDoneTaskQuery): Promise<{ items: WorkflowDoneTaskView[]; total: number }> {
      const u = me(ctx);
      const { rows, total } = await instanceRepo.listSettledBy(db, u.userId, query);
      const standing = new Map<string, string[]>();
      for (const t of await instanceRepo.openTasksOf(db, [...new Set(rows.map((r) => r.instance.id))])) {
        const names = standing.get(t.instanceId) ?? [];
        if (!names.includes(t.nodeName)) standing.set(t.instanceId, [...names, t.nodeName]);
      }
      const items: WorkflowDoneTaskView[] = [];
      for (const { opinion: o, task, instance: inst, definitionName } of rows) {
        const vars = inst.state.variables;
        const completion = o.action === 'approve' || o.action === 'reject';
        const withdrawable = completion && mayWithdraw({
          status: task.status, completedBy: task.completedBy, instanceRunning: inst.status === 'running', suspended: !!inst.suspendedAt,
          withdrawable: await completionUndoable(db, inst, task),
        }, u.userId);
        items.push({
          id: o.id, taskId: task.id, instanceId: inst.id, nodeId: o.nodeId, nodeName: o.nodeName, definitionName, businessKey: inst.businessKey,
          caseNo: typeof vars.caseNo === 'string' && vars.caseNo ? vars.caseNo : inst.businessKey,
          title: typeof vars.matterName === 'string' && vars.matterName ? vars.matterName : null,
          outcome: o.action as WorkflowDoneTaskView['outcome'], opinion: o.opinion, completedAt: o.at.toISOString(),
          instanceStatus: inst.status as WorkflowDoneTaskView['instanceStatus'], suspended: !!inst.suspendedAt,
          currentNodeNames: inst.status === 'running' ? standing.get(inst.id) ?? [] : [], withdrawable,
        });
      }
      return { items, total };
    },

    /** One task as the caller sees it; tasks they have nothing to do with are not found. */
    async detail(ctx: RequestCtx, taskId: string): Promise<WorkflowTaskDetail> {
      const u = me(ctx);
      const row = await instanceRepo.findTaskWithContext(db, taskId);
      if (!row) throw workflowErrors.TASK_NOT_FOUND({ taskId });
      const { task } = row;
      const inst = (await instanceRepo.find(db, task.instanceId))!;
      const supervisor = supervises(ctx, inst);
      const participated = await instanceRepo.participated(db, inst.id, u.userId);
      const visible = mayWork(u, task) || [task.assigneeId, task.ownerId, task.completedBy].includes(u.userId) || participated || supervisor
        || (await instanceRepo.isCcRecipient(db, inst.id, u.userId));
      if (!visible) throw workflowErrors.TASK_NOT_FOUND({ taskId });

      const def = (await definitionRepo.findById(db, inst.definitionId))!;
      const opinions = await instanceRepo.listOpinions(db, inst.id);
      const returnTargets = [...new Set(opinions.map((o) => o.nodeId))]
        .filter((id) => id !== task.nodeId && def.model.nodes[id]?.type === 'userTask')
        .map((id) => ({ nodeId: id, name: def.model.nodes[id].name }));
      const all = await instanceRepo.listTasks(db, inst.id);
      const multi = !!def.model.nodes[task.nodeId]?.multiInstance;
      const signTasks = all.filter((t) => t.status === 'open' && t.id !== task.id && (t.parentTaskId === task.id
        || (task.status === 'open' && multi && !task.signKind && !t.signKind && t.nodeId === task.nodeId)));
      const withdrawable = await completionUndoable(db, inst, task);
      const pending = pendingAfterSigners(inst.state, task.id);
      const names = await namesOf(db, [task.assigneeId, task.ownerId, ...signTasks.map((t) => t.assigneeId), ...pending]);
      const actions = allowedActions({
        ...task, instanceRunning: inst.status === 'running', suspended: !!inst.suspendedAt, hasReturnTargets: returnTargets.length > 0,
        removableSigners: signTasks.length, withdrawable,
      }, { userId: u.userId, orgId: u.orgId, roleCodes: u.roleCodes, involved: participated || supervisor });
      return {
        ...toTaskView(task, row, names), allowedActions: actions, returnTargets,
        signTasks: signTasks.map((t) => ({ id: t.id, assigneeId: t.assigneeId, assigneeName: t.assigneeId ? names.get(t.assigneeId) ?? null : null, status: t.status as 'open' })),
        pendingAfterSigners: pending.map((id) => names.get(id) ?? id), suspended: !!inst.suspendedAt, history: opinions.map(toOpinionView),
      };
    },

    /** 签收 an unassigned candidate task; the second of two officers gets TASK_ALREADY_CLAIMED. */
    claim: (ctx: RequestCtx, taskId: string) =>
      db.transaction(async (tx) => {
        const u = me(ctx);
        const row = await instanceRepo.findTaskWithContext(tx, taskId);
        if (!row) throw workflowErrors.TASK_NOT_FOUND({ taskId });
        const { task } = row;
        if (task.status !== 'open') throw workflowErrors.TASK_ALREADY_DONE();
        if (task.assigneeId) {
          if (task.assigneeId !== u.userId) throw workflowErrors.TASK_ALREADY_CLAIMED();
        } else {
          if (!mayWork(u, task)) throw workflowErrors.NOT_ASSIGNEE();
          if (!(await instanceRepo.claim(tx, taskId, u.userId))) throw workflowErrors.TASK_ALREADY_CLAIMED();
          await workflow.recordClaim(tx, ctx, task);
        }
        const fresh = (await instanceRepo.findTaskWithContext(tx, taskId))!;
        return toTaskView(fresh.task, fresh, await namesOf(tx, [fresh.task.assigneeId, fresh.task.ownerId]));
      }),

    complete: (ctx: RequestCtx, taskId: string, body: { outcome: 'approve' | 'reject'; opinion?: string; variables?: Record<string, unknown> }) =>
      act(async (tx) => workflow.complete(tx, ctx, { taskId, ...body })),
    returnTo: (ctx: RequestCtx, taskId: string, body: { targetNodeId: string; opinion: string }) => act((tx) => workflow.returnTo(tx, ctx, { taskId, ...body })),
    transfer: (ctx: RequestCtx, taskId: string, body: { userId: string; opinion?: string }) => act((tx) => workflow.transfer(tx, ctx, { taskId, ...body })),
    delegate: (ctx: RequestCtx, taskId: string, body: { userId: string; opinion?: string }) => act((tx) => workflow.delegate(tx, ctx, { taskId, ...body })),
    resolve: (ctx: RequestCtx, taskId: string, body: { opinion: string }) => act((tx) => workflow.resolve(tx, ctx, { taskId, ...body })),
    addSign: (ctx: RequestCtx, taskId: string, body: { userIds: string[]; position: 'before' | 'after'; opinion?: string }) => act((tx) => workflow.addSign(tx, ctx, { taskId, ...body })),
    removeSign: (ctx: RequestCtx, taskId: string, body: { taskIds: string[] }) => act((tx) => workflow.removeSign(tx, ctx, { taskId, ...body })),
    withdraw: (ctx: RequestCtx, taskId: string) => act((tx) => workflow.withdraw(tx, ctx, { taskId })),
    remind: (ctx: RequestCtx, taskId: string, body: { message?: string }) => act((tx) => workflow.remind(tx, ctx, { taskId, ...body })),
    cc: (ctx: RequestCtx, taskId: string, body: { userIds: string[]; opinion?: string }) => act((tx) => workflow.cc(tx, ctx, { taskId, ...body })),

    /** 抄送我的, newest first. */
    async ccToMe(ctx: RequestCtx, page: { page: number; pageSize: number }): Promise<{ items: WorkflowCcView[]; total: number }> {
      const { rows, total } = await instanceRepo.listCcFor(db, me(ctx).userId, page);
      return {
        items: rows.map(({ cc, businessKey, definitionName }) => ({
          id: cc.id, instanceId: cc.instanceId, taskId: cc.taskId, nodeName: cc.nodeName, businessKey, definitionName,
          fromUserId: cc.fromUserId, fromUserName: cc.fromUserName, opinion: cc.opinion, createdAt: cc.createdAt.toISOString(),
        })),
        total,
      };
    },
  };
}
export type TaskDesk = ReturnType<typeof createTaskDesk>;
