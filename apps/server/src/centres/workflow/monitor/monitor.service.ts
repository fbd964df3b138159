import { chinaDate, commonErrors, scopeAllows, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { MigrateInstanceResult, OverdueTaskView, WorkflowInstanceDetail, WorkflowInstanceListQuery, WorkflowInstanceSummary } from '@jsga/contracts';
import { addDays, warningHorizon } from '../calendar/business-calendar.rules';
import { definitionRepo } from '../definition/definition.repo';
import { instanceRepo, type InstanceRow } from '../instance/instance.repo';
import { toOpinionView, toTaskView } from '../instance/task-desk.service';
import type { WorkflowService } from '../instance/workflow.service';
import { workflowErrors } from '../workflow.errors';
import { monitorRepo } from './monitor.repo';

export type MonitorDeps = {
  db: Db;
  workflow: WorkflowService;
  findUsers: (q: Queryable, ids: string[]) => Promise<Array<{ id: string; displayName: string }>>;
  now?: () => Date;
  warnDays?: number;
};

const summary = (i: InstanceRow, definition: WorkflowInstanceSummary['definition']): WorkflowInstanceSummary => ({
  id: i.id, businessKey: i.businessKey, status: i.status as WorkflowInstanceSummary['status'], suspended: !!i.suspendedAt, definition,
  startedAt: i.startedAt.toISOString(), endedAt: i.endedAt?.toISOString() ?? null,
});

/** 流程监控: instances with diagram highlights and history, overdue tasks, and the administrator's 迁移 / 挂起 / 恢复. */
export function createMonitorService(deps: MonitorDeps) {
  const now = deps.now ?? (() => new Date());
  const warnDays = deps.warnDays ?? 1;
  const scopeOf = (ctx: RequestCtx) => { if (!ctx.user) throw commonErrors.UNAUTHENTICATED(); return ctx.user.scope; };
  const namesOf = async (q: Queryable, ids: Array<string | null>) => {
    const wanted = [...new Set(ids.filter((x): x is string => !!x && /^[0-9a-f-]{36}$/i.test(x)))];
    return new Map((wanted.length ? await deps.findUsers(q, wanted) : []).map((u) => [u.id, u.displayName]));
  };
  /** Outside the caller's scope an instance does not exist. */
  async function load(q: Queryable, ctx: RequestCtx, id: string) {
    const inst = await instanceRepo.find(q, id);
    if (!inst || !scopeAllows(scopeOf(ctx), { orgId: inst.orgId })) throw workflowErrors.INSTANCE_NOT_FOUND({ id });
    return inst;
  }
  const inScope = (ctx: RequestCtx, id: string, run: (tx: Queryable) => Promise<unknown>) =>
    deps.db.transaction(async (tx) => { await load(tx, ctx, id); return run(tx); });

  return {
    async list(ctx: RequestCtx, query: WorkflowInstanceListQuery) {
      const { rows, total } = await monitorRepo.listInstances(deps.db, scopeOf(ctx), query);
      return { items: rows.map((r) => summary(r.instance, r.definition)), total };
    },

    async get(ctx: RequestCtx, id: string): Promise<WorkflowInstanceDetail> {
      const inst = await load(deps.db, ctx, id);
      const def = (await definitionRepo.findById(deps.db, inst.definitionId))!;
      const tasks = await instanceRepo.listTasks(deps.db, inst.id);
      const history = await instanceRepo.listOpinions(deps.db, inst.id);
      const names = await namesOf(deps.db, tasks.flatMap((t) => [t.assigneeId, t.ownerId]));
      const active = [...new Set(inst.state.tokens.map((t) => t.nodeId))];
      const done = new Set([...(inst.state.visited ?? []), ...tasks.filter((t) => t.status === 'completed').map((t) => t.nodeId)]);
      const context = { businessKey: inst.businessKey, definitionName: def.name };
      return {
        ...summary(inst, { id: def.id, key: def.key, version: def.version, name: def.name }),
        suspendReason: inst.suspendReason,
        definition: { id: def.id, key: def.key, version: def.version, name: def.name, bpmnXml: def.bpmnXml },
        activeNodeIds: active,
        completedNodeIds: [...done].filter((n) => !active.includes(n) && def.model.nodes[n]),
        tasks: tasks.map((t) => toTaskView(t, context, names)),
        history: history.map(toOpinionView),
      };
    },

    /** Open tasks past their due date, and those inside their warning window (flagged). */
    async overdue(ctx: RequestCtx, page: { page: number; pageSize: number }) {
      const today = chinaDate(now());
      const cal = await deps.workflow.calendar(deps.db);
      const { rows, total } = await monitorRepo.dueTasks(deps.db, scopeOf(ctx), warningHorizon(cal, today, warnDays), page);
      const names = await namesOf(deps.db, rows.flatMap((r) => [r.task.assigneeId, r.task.ownerId]));
      const items: OverdueTaskView[] = rows.map((r) => {
        const overdue = r.task.dueDate! < today;
        let days = 0;
        for (let d = r.task.dueDate!; overdue && d < today; d = addDays(d, 1)) days++;
        return { ...toTaskView(r.task, r, names), slaStatus: overdue ? 'overdue' : 'warning', overdueDays: days };
      });
      return { items, total };
    },

    migrate: (ctx: RequestCtx, id: string, body: { targetDefinitionId: string; nodeMapping?: Record<string, string> }) =>
      inScope(ctx, id, (tx) => deps.workflow.migrate(tx, ctx, { instanceId: id, ...body })) as Promise<MigrateInstanceResult>,
    suspend: (ctx: RequestCtx, id: string, reason: string) =>
      inScope(ctx, id, async (tx) => { await deps.workflow.suspend(tx, ctx, { instanceId: id, reason }); return { ok: true as const }; }) as Promise<{ ok: true }>,
    resume: (ctx: RequestCtx, id: string) =>
      inScope(ctx, id, async (tx) => { await deps.workflow.resume(tx, ctx, { instanceId: id }); return { ok: true as const }; }) as Promise<{ ok: true }>,
  };
}
export type MonitorService = ReturnType<typeof createMonitorService>;
