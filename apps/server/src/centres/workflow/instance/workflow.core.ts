import { randomUUID } from 'node:crypto';
import { chinaDate, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { FlowNode, ProcessModel } from '../bpmn/process-model';
import { createBusinessCalendar, type BusinessCalendar } from '../calendar/business-calendar.rules';
import { definitionRepo } from '../definition/definition.repo';
import { EngineError, type Effect, type EngineEnv, type EngineErrorCode, type InstanceState } from '../engine/engine.rules';
import { workflowErrors } from '../workflow.errors';
import { instanceRepo, type InstanceRow, type TaskRow } from './instance.repo';

/** A service task's handler: runs inside the instance's transaction. */
export type ServiceHandler = (tx: Queryable, input: { instanceId: string; businessKey: string; variables: Record<string, unknown> }) => Promise<void>;

export type WorkflowServiceDeps = {
  db: Db;
  audit: Audit;
  now?: () => Date;
  handlers?: Record<string, ServiceHandler>;
  /** The message centre's send: in-app messages inside the caller's transaction. */
  sendMessage: (q: Queryable, input: { templateCode: string; recipients: Array<{ userId: string }>; vars: Record<string, unknown>; businessKey?: string; link?: string }) => Promise<unknown>;
  /** Identity: active users holding `role` at `orgId` (any org when null). */
  resolveCandidates: (q: Queryable, role: string, orgId: string | null) => Promise<string[]>;
  /** Identity: names and whether active. */
  findUsers: (q: Queryable, ids: string[]) => Promise<Array<{ id: string; displayName: string; active: boolean }>>;
  /** Working days before the due date that the SLA warning starts (default 1). */
  warnDays?: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Engine assignees come from process variables; only real user ids can receive messages. */
export const isUserId = (s: string | null | undefined): s is string => !!s && UUID.test(s);

const engineErrors: Record<EngineErrorCode, (e: EngineError) => Error> = {
  TASK_NOT_OPEN: () => workflowErrors.TASK_ALREADY_DONE(),
  NOT_RUNNING: () => workflowErrors.INSTANCE_NOT_RUNNING(),
  BAD_TARGET: () => workflowErrors.BAD_RETURN_TARGET(),
  TASK_BLOCKED: () => workflowErrors.TASK_WAITING_FOR_SIGN(),
  BAD_SIGN: (e) => workflowErrors.ADD_SIGN_NOT_ALLOWED(undefined, e.message),
  LAST_SIGNER: (e) => workflowErrors.REMOVE_SIGN_LAST(undefined, e.message),
  TOO_LATE: () => workflowErrors.WITHDRAW_TOO_LATE(),
  NO_PATH: (e) => workflowErrors.NO_PATH({ reason: e.message }),
  LOOP_LIMIT: (e) => workflowErrors.NO_PATH({ reason: e.message }),
};

export type StepResult = { state: InstanceState; effects: Effect[] };
export type StepOptions = {
  /** Context-specific wording for engine refusals. */
  errors?: Partial<Record<EngineErrorCode, (e: EngineError) => Error>>;
  save?: { terminated?: boolean };
};

/** Shared by the centre's services: calendar, effects → rows, one locked engine step, opinion records. */
export function createWorkflowCore(deps: WorkflowServiceDeps) {
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
        const sign = e.task.signId ? state.signs?.[e.task.signId] : undefined;
        const row = {
          id: e.task.id, instanceId: inst.id, nodeId: node.id, nodeName: node.name, assigneeId: e.task.assignee, status: 'open',
          candidateRole: sign ? null : node.assignment?.role ?? null, candidateOrgId: sign ? null : candidateOrg(node, state.variables), createdAt: at,
          dueDate: node.limitDays && cal ? cal.addWorkingDays(today, node.limitDays) : null,
          ...(sign ? { signKind: sign.kind, parentTaskId: sign.hostTaskId } : {}),
        };
        await instanceRepo.insertTask(tx, row);
        // 待办提醒: the assignee, or everyone who may claim it
        const to = row.assigneeId ? [row.assigneeId].filter(isUserId) : row.candidateRole ? await deps.resolveCandidates(tx, row.candidateRole, row.candidateOrgId) : [];
        if (to.length) {
          await deps.sendMessage(tx, { templateCode: 'task.assigned', recipients: to.map((userId) => ({ userId })), businessKey: inst.businessKey, link: taskLink(row.id),
            vars: { caseNo: String(state.variables.caseNo ?? inst.businessKey), matterName: String(state.variables.matterName ?? model.name), nodeName: node.name, dueDate: row.dueDate ?? '无时限要求' } });
        }
      } else if (e.kind === 'task_cancelled') {
        await instanceRepo.closeTask(tx, e.taskId, { status: 'cancelled', completedAt: at });
      } else if (e.kind === 'task_reopened') {
        await instanceRepo.reopenTask(tx, e.taskId);
      } else if (e.kind === 'task_blocked' || e.kind === 'task_unblocked') {
        await instanceRepo.updateTask(tx, e.taskId, { blocked: e.kind === 'task_blocked' });
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

  const mapEngineError = (e: unknown, overrides?: StepOptions['errors']): never => {
    if (e instanceof EngineError) throw (overrides?.[e.code] ?? engineErrors[e.code])(e);
    throw e;
  };

  /** The instance, locked; refuses ended instances (and suspended ones unless allowed). */
  async function lockInstance(tx: Queryable, instanceId: string, opts: { allowSuspended?: boolean } = {}) {
    const inst = await instanceRepo.lock(tx, instanceId);
    if (!inst) throw workflowErrors.INSTANCE_NOT_FOUND({ instanceId });
    if (inst.status !== 'running') throw workflowErrors.INSTANCE_NOT_RUNNING({ status: inst.status });
    if (inst.suspendedAt && !opts.allowSuspended) throw workflowErrors.INSTANCE_SUSPENDED({ reason: inst.suspendReason });
    return inst;
  }

  /** Loads the task, then locks its instance and reads the task again, so checks see the committed truth. */
  async function lockTask(tx: Queryable, taskId: string, opts: { allowSuspended?: boolean; allowEnded?: boolean } = {}) {
    const first = await instanceRepo.findTask(tx, taskId);
    if (!first) throw workflowErrors.TASK_NOT_FOUND({ taskId });
    const inst = await instanceRepo.lock(tx, first.instanceId);
    if (!inst) throw workflowErrors.INSTANCE_NOT_FOUND({ instanceId: first.instanceId });
    const task = (await instanceRepo.findTask(tx, taskId))!;
    if (!opts.allowEnded && inst.status !== 'running') throw task.status === 'open' ? workflowErrors.INSTANCE_NOT_RUNNING() : workflowErrors.TASK_ALREADY_DONE();
    if (inst.suspendedAt && !opts.allowSuspended) throw workflowErrors.INSTANCE_SUSPENDED({ reason: inst.suspendReason });
    return { task, inst };
  }

  /** Runs one engine step on an instance locked by the caller and persists state, task rows and jobs. */
  async function step(tx: Queryable, inst: InstanceRow, run: (model: ProcessModel, state: InstanceState, env: EngineEnv) => StepResult, opts: StepOptions = {}) {
    const def = (await definitionRepo.findById(tx, inst.definitionId))!;
    const model = def.model;
    const at = now();
    let result: StepResult;
    try { result = run(model, inst.state, engineEnv(at)); } catch (e) { return mapEngineError(e, opts.errors); }
    await applyEffects(tx, inst, model, result.state, result.effects, at);
    await instanceRepo.saveState(tx, inst.id, result.state, inst.revision, at, opts.save);
    return { instance: inst, definition: def, model, ...result, at };
  }

  /** One line of 审批意见与操作记录, by the caller. */
  const opinion = (tx: Queryable, ctx: RequestCtx, row: { instanceId: string; taskId?: string | null; nodeId: string; nodeName: string; action: string; opinion?: string; at: Date }) =>
    instanceRepo.insertOpinion(tx, {
      id: randomUUID(), instanceId: row.instanceId, taskId: row.taskId ?? null, nodeId: row.nodeId, nodeName: row.nodeName, action: row.action,
      userId: ctx.user?.userId ?? null, userName: ctx.user?.displayName ?? null, orgId: ctx.user?.orgId ?? null, opinion: row.opinion ?? '', at: row.at,
    });

  /** Active users by id, in the order asked; any unknown or disabled id is refused. */
  async function activeUsers(q: Queryable, ids: string[]) {
    const found = new Map((await deps.findUsers(q, ids)).filter((u) => u.active).map((u) => [u.id, u]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw workflowErrors.USER_NOT_FOUND({ userIds: missing });
    return ids.map((id) => found.get(id)!);
  }

  async function names(q: Queryable, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter(isUserId))];
    return new Map((wanted.length ? await deps.findUsers(q, wanted) : []).map((u) => [u.id, u.displayName]));
  }

  /** Who should hear about a task: its assignee (and delegating owner), or the candidates while unclaimed. */
  async function recipientsOf(q: Queryable, task: TaskRow): Promise<string[]> {
    const direct = [task.assigneeId, task.ownerId].filter(isUserId);
    if (direct.length) return [...new Set(direct)];
    if (task.assigneeId || !task.candidateRole) return [];
    return deps.resolveCandidates(q, task.candidateRole, task.candidateOrgId);
  }

  const caseNoOf = (inst: { businessKey: string; state: InstanceState }) => String(inst.state.variables.caseNo ?? inst.businessKey);
  const taskLink = (taskId: string) => `/handling/tasks?taskId=${taskId}`;

  return { now, calendar, applyEffects, engineEnv, mapEngineError, lockInstance, lockTask, step, opinion, activeUsers, names, recipientsOf, caseNoOf, taskLink };
}
export type WorkflowCore = ReturnType<typeof createWorkflowCore>;

export function candidateOrg(node: FlowNode, vars: Record<string, unknown>): string | null {
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
