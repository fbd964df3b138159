import { randomUUID } from 'node:crypto';
import { chinaDate, commonErrors, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import { BpmnError, parseBpmn } from '../bpmn/bpmn.parse';
import type { FlowNode, ProcessModel } from '../bpmn/process-model';
import { createBusinessCalendar, type BusinessCalendar } from '../calendar/business-calendar.rules';
import { definitionRepo } from '../definition/definition.repo';
import { completeTask, EngineError, fireTimer, returnTo, startInstance, type Effect, type EngineEnv, type InstanceState, type TaskOutcome } from '../engine/engine.rules';
import { workflowErrors } from '../workflow.errors';
import { instanceRepo, type TaskRow } from './instance.repo';

/** A service task's handler: runs inside the instance's transaction. */
export type ServiceHandler = (tx: Queryable, input: { instanceId: string; businessKey: string; variables: Record<string, unknown> }) => Promise<void>;

export type WorkflowServiceDeps = {
  db: Db;
  audit: Audit;
  now?: () => Date;
  handlers?: Record<string, ServiceHandler>;
};

const mapEngineError = (e: unknown): never => {
  if (e instanceof EngineError) {
    if (e.code === 'TASK_NOT_OPEN') throw workflowErrors.TASK_ALREADY_DONE();
    if (e.code === 'NOT_RUNNING') throw workflowErrors.INSTANCE_NOT_RUNNING();
    if (e.code === 'BAD_TARGET') throw workflowErrors.BAD_RETURN_TARGET();
    throw workflowErrors.NO_PATH({ reason: e.message });
  }
  throw e;
};

export const createWorkflowService = (deps: WorkflowServiceDeps) => {
  const now = deps.now ?? (() => new Date());

  async function calendar(q: Queryable): Promise<BusinessCalendar> {
    const days = await instanceRepo.calendarDays(q);
    return createBusinessCalendar({
      weekendDays: [0, 6],
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
      makeUpWorkdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
    });
  }

  /** Turns engine effects into rows: tasks with candidates and due dates, timer jobs, handler calls. */
  async function applyEffects(tx: Queryable, inst: { id: string; businessKey: string }, model: ProcessModel, state: InstanceState, effects: Effect[], at: Date) {
    const today = chinaDate(at);
    const cal = effects.some((e) => e.kind === 'timer_set' || (e.kind === 'task_created' && model.nodes[e.task.nodeId].limitDays)) ? await calendar(tx) : null;
    for (const e of effects) {
      if (e.kind === 'task_created') {
        const node = model.nodes[e.task.nodeId];
        await instanceRepo.insertTask(tx, {
          id: e.task.id, instanceId: inst.id, nodeId: node.id, nodeName: node.name, assigneeId: e.task.assignee, status: 'open',
          candidateRole: node.assignment?.role ?? null, candidateOrgId: candidateOrg(node, state.variables), createdAt: at,
          dueDate: node.limitDays && cal ? cal.addWorkingDays(today, node.limitDays) : null,
        });
      } else if (e.kind === 'task_cancelled') {
        await instanceRepo.closeTask(tx, e.taskId, { status: 'cancelled', completedAt: at });
      } else if (e.kind === 'timer_set') {
        const due = e.timer.workingDays !== undefined && cal
          ? new Date(`${cal.addWorkingDays(today, e.timer.workingDays)}T00:00:00+08:00`)
          : new Date(at.getTime() + isoDurationMs(e.timer.duration ?? 'PT0S'));
        await instanceRepo.insertJob(tx, { id: randomUUID(), kind: 'timer', instanceId: inst.id, tokenId: e.tokenId, dueAt: due });
      } else if (e.kind === 'service_called') {
        const handler = deps.handlers?.[e.handler];
        if (!handler) throw workflowErrors.UNKNOWN_HANDLER({ handler: e.handler });
        await handler(tx, { instanceId: inst.id, businessKey: inst.businessKey, variables: state.variables });
      }
    }
  }

  const engineEnv = (at: Date): EngineEnv => ({ newId: randomUUID, today: chinaDate(at) });

  /** Loads and locks the instance, runs one engine step, persists state, tasks and the opinion record. */
  async function step(tx: Queryable, instanceId: string, run: (model: ProcessModel, state: InstanceState, env: EngineEnv) => { state: InstanceState; effects: Effect[] }) {
    const inst = await instanceRepo.lock(tx, instanceId);
    if (!inst) throw workflowErrors.INSTANCE_NOT_FOUND({ instanceId });
    const def = (await definitionRepo.findById(tx, inst.definitionId))!;
    const at = now();
    let result: { state: InstanceState; effects: Effect[] };
    try { result = run(def.model, inst.state, engineEnv(at)); } catch (e) { return mapEngineError(e); }
    await applyEffects(tx, inst, def.model, result.state, result.effects, at);
    await instanceRepo.saveState(tx, inst.id, result.state, inst.revision, at);
    return { instance: inst, model: def.model, ...result, at };
  }

  return {
    /** Parses, checks and stores a new draft version of a process. */
    async deploy(tx: Queryable, ctx: RequestCtx, input: { key: string; xml: string }) {
      let model: ProcessModel;
      try { model = parseBpmn(input.xml); } catch (e) {
        if (e instanceof BpmnError) throw workflowErrors.DEFINITION_INVALID({ problems: e.problems }, `流程定义有误：${e.problems.slice(0, 3).join('；')}`);
        throw e;
      }
      const id = randomUUID();
      const version = await definitionRepo.nextVersion(tx, input.key);
      await definitionRepo.insert(tx, { id, key: input.key, version, name: model.name, bpmnXml: input.xml, model, createdBy: ctx.user?.userId ?? null });
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.definition.deploy', targetType: 'workflow_definition', targetIds: [id], detail: { key: input.key, version } });
      return { id, key: input.key, version };
    },

    async publish(tx: Queryable, ctx: RequestCtx, definitionId: string) {
      const def = await definitionRepo.findById(tx, definitionId);
      if (!def) throw workflowErrors.DEFINITION_NOT_FOUND({ definitionId });
      if (def.status !== 'draft') throw workflowErrors.DEFINITION_NOT_DRAFT({ status: def.status });
      await definitionRepo.publish(tx, definitionId, now());
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.definition.publish', targetType: 'workflow_definition', targetIds: [definitionId] });
    },

    /** Starts the latest published version of `key` for a business object (a case). */
    async start(tx: Queryable, ctx: RequestCtx, input: { key: string; businessKey: string; variables: Record<string, unknown> }) {
      const def = await definitionRepo.findLatestPublished(tx, input.key);
      if (!def) throw workflowErrors.DEFINITION_NOT_FOUND({ key: input.key });
      const at = now();
      let result: { state: InstanceState; effects: Effect[] };
      try { result = startInstance(def.model, input.variables, engineEnv(at)); } catch (e) { return mapEngineError(e); }
      const id = randomUUID();
      await instanceRepo.insert(tx, { id, definitionId: def.id, businessKey: input.businessKey, status: 'running', state: result.state, startedAt: at });
      await applyEffects(tx, { id, businessKey: input.businessKey }, def.model, result.state, result.effects, at);
      if (result.state.status === 'completed') await instanceRepo.saveState(tx, id, result.state, 0, at);
      await instanceRepo.insertOpinion(tx, { id: randomUUID(), instanceId: id, nodeId: def.model.startId, nodeName: '开始', action: 'start', userId: ctx.user?.userId ?? null, userName: ctx.user?.displayName ?? null, orgId: ctx.user?.orgId ?? null, at });
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.instance.start', targetType: 'workflow_instance', targetIds: [id], detail: { key: input.key, version: def.version, businessKey: input.businessKey } });
      return { instanceId: id, definitionId: def.id, version: def.version };
    },

    /** 通过 / 不通过. Not approving needs a reason. The second of two racing callers gets TASK_ALREADY_DONE. */
    async complete(tx: Queryable, ctx: RequestCtx, input: { taskId: string; outcome: TaskOutcome; opinion?: string; variables?: Record<string, unknown> }) {
      const opinion = input.opinion?.trim() ?? '';
      if (input.outcome === 'reject' && !opinion) throw workflowErrors.REASON_REQUIRED();
      const task = await instanceRepo.findTask(tx, input.taskId);
      if (!task) throw workflowErrors.TASK_NOT_FOUND({ taskId: input.taskId });
      if (ctx.user && !mayWork(ctx, task)) throw workflowErrors.NOT_ASSIGNEE();
      const r = await step(tx, task.instanceId, (model, state, env) => completeTask(model, state, { taskId: task.id, outcome: input.outcome, variables: input.variables }, env));
      await instanceRepo.closeTask(tx, task.id, { status: 'completed', outcome: input.outcome, completedBy: ctx.user?.userId ?? null, completedAt: r.at });
      await instanceRepo.insertOpinion(tx, { id: randomUUID(), instanceId: task.instanceId, taskId: task.id, nodeId: task.nodeId, nodeName: task.nodeName,
        action: input.outcome, userId: ctx.user?.userId ?? null, userName: ctx.user?.displayName ?? null, orgId: ctx.user?.orgId ?? null, opinion, at: r.at });
      await deps.audit.recordFor(tx, ctx, { action: `workflow.task.${input.outcome}`, targetType: 'workflow_task', targetIds: [task.id, task.instanceId] });
      return { status: r.state.status };
    },

    /** 退回 to an earlier user task; every open task elsewhere in the instance is withdrawn. */
    async returnTo(tx: Queryable, ctx: RequestCtx, input: { taskId: string; targetNodeId: string; opinion: string }) {
      if (!input.opinion.trim()) throw workflowErrors.REASON_REQUIRED();
      const task = await instanceRepo.findTask(tx, input.taskId);
      if (!task) throw workflowErrors.TASK_NOT_FOUND({ taskId: input.taskId });
      if (task.status !== 'open') throw workflowErrors.TASK_ALREADY_DONE();
      const visited = new Set((await instanceRepo.listOpinions(tx, task.instanceId)).map((o) => o.nodeId));
      if (!visited.has(input.targetNodeId)) throw workflowErrors.BAD_RETURN_TARGET({ targetNodeId: input.targetNodeId });
      const r = await step(tx, task.instanceId, (model, state, env) => returnTo(model, state, input.targetNodeId, env));
      await instanceRepo.insertOpinion(tx, { id: randomUUID(), instanceId: task.instanceId, taskId: task.id, nodeId: task.nodeId, nodeName: task.nodeName,
        action: 'return', userId: ctx.user?.userId ?? null, userName: ctx.user?.displayName ?? null, orgId: ctx.user?.orgId ?? null,
        opinion: `退回至“${r.model.nodes[input.targetNodeId].name}”：${input.opinion.trim()}`, at: r.at });
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.task.return', targetType: 'workflow_task', targetIds: [task.id, task.instanceId], detail: { to: input.targetNodeId } });
    },

    /** Runs due timer jobs; safe to call from several instances at once (SKIP LOCKED). Returns how many ran. */
    async runDueJobs(limit = 50) {
      return deps.db.transaction(async (tx) => {
        const jobs = await instanceRepo.claimDueJobs(tx, now(), limit);
        for (const job of jobs) {
          try {
            // savepoint per job: one failing job is marked, the others still run
            await tx.transaction(async (sp) => {
              await step(sp, job.instanceId, (model, state, env) => fireTimer(model, state, job.tokenId!, env));
              await instanceRepo.finishJob(sp, job.id, 'done');
            });
          } catch (e) {
            await instanceRepo.finishJob(tx, job.id, 'failed', e instanceof Error ? e.message : String(e));
          }
        }
        return jobs.length;
      });
    },

    openTasks: (q: Queryable, instanceId: string) => instanceRepo.listTasks(q, instanceId, 'open'),

    /** 我的待办: assigned to me, or waiting for one of my position's roles at my org. */
    async myTasks(ctx: RequestCtx, page: { page: number; pageSize: number }) {
      if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
      const { rows, total } = await instanceRepo.listMine(deps.db, ctx.user, page);
      return { items: rows.map(taskView), total };
    },

    /** 签收 an unassigned candidate task; the second of two officers gets TASK_ALREADY_CLAIMED. */
    claim: (ctx: RequestCtx, taskId: string) =>
      deps.db.transaction(async (tx) => {
        const task = await instanceRepo.findTask(tx, taskId);
        if (!task || !ctx.user) throw workflowErrors.TASK_NOT_FOUND({ taskId });
        if (task.status !== 'open') throw workflowErrors.TASK_ALREADY_DONE();
        if (task.assigneeId || !mayWork(ctx, task)) {
          if (task.assigneeId && task.assigneeId !== ctx.user.userId) throw workflowErrors.TASK_ALREADY_CLAIMED();
          if (!task.assigneeId) throw workflowErrors.NOT_ASSIGNEE();
          return taskView(task);
        }
        if (!(await instanceRepo.claim(tx, taskId, ctx.user.userId))) throw workflowErrors.TASK_ALREADY_CLAIMED();
        await deps.audit.recordFor(tx, ctx, { action: 'workflow.task.claim', targetType: 'workflow_task', targetIds: [taskId, task.instanceId] });
        return taskView((await instanceRepo.findTask(tx, taskId))!);
      }),
    history: (q: Queryable, instanceId: string) => instanceRepo.listOpinions(q, instanceId),
    setCalendarDays: (q: Queryable, days: Array<{ date: string; kind: 'holiday' | 'workday'; note: string }>) => instanceRepo.upsertCalendarDays(q, days),
  };
};
export type WorkflowService = ReturnType<typeof createWorkflowService>;

/** The assignee, or (while unassigned) a holder of the candidate role at the candidate org. */
function mayWork(ctx: RequestCtx, task: TaskRow): boolean {
  const u = ctx.user!;
  if (task.assigneeId) return task.assigneeId === u.userId;
  if (!task.candidateRole) return true;
  return u.roleCodes.includes(task.candidateRole) && (!task.candidateOrgId || task.candidateOrgId === u.orgId);
}

const taskView = (t: TaskRow) => ({
  id: t.id, instanceId: t.instanceId, nodeId: t.nodeId, nodeName: t.nodeName, assigneeId: t.assigneeId, candidateRole: t.candidateRole,
  candidateOrgId: t.candidateOrgId, status: t.status as 'open' | 'completed' | 'cancelled', createdAt: t.createdAt.toISOString(), dueDate: t.dueDate,
});

function candidateOrg(node: FlowNode, vars: Record<string, unknown>): string | null {
  const a = node.assignment;
  if (!a?.orgRelation) return null;
  const v = a.orgRelation === 'specified' ? a.orgId : a.orgRelation === 'parent' ? vars.parentOrgId : vars.acceptingOrgId;
  return typeof v === 'string' ? v : null;
}

/** ISO-8601 durations as modellers write them for timers: PnDTnHnMnS. */
export function isoDurationMs(d: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(d);
  if (!m) return 0;
  const [, days, h, min, s] = m.map((x) => Number(x ?? 0));
  return (((days * 24 + h) * 60 + min) * 60 + s) * 1000;
}
