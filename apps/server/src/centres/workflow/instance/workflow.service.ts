import { randomUUID } from 'node:crypto';
import type { FieldAccess } from '@jsga/form-engine';
import { chinaDate, type Queryable, type RequestCtx } from '@jsga/kernel';
import { BpmnError, parseBpmn } from '../bpmn/bpmn.parse';
import type { ProcessModel } from '../bpmn/process-model';
import { evaluateSla } from '../calendar/business-calendar.rules';
import { definitionRepo } from '../definition/definition.repo';
import { completeTask, fireTimer, returnTo, startInstance, terminate, type Effect, type InstanceState, type TaskOutcome } from '../engine/engine.rules';
import { workflowErrors } from '../workflow.errors';
import { instanceRepo, type TaskRow } from './instance.repo';
import { createInstanceLifecycle } from './instance-lifecycle.service';
import { createSlaService } from './sla.service';
import { createTaskOperations, guardWorker } from './task-operations.service';
import { createWorkflowCore, type WorkflowServiceDeps } from './workflow.core';

export type { ServiceHandler, WorkflowServiceDeps } from './workflow.core';

/**
 * The workflow centre's use cases. Every call that changes something takes the caller's transaction,
 * so a case and its process move together or not at all.
 */
export const createWorkflowService = (deps: WorkflowServiceDeps) => {
  const core = createWorkflowCore(deps);
  const { now, step, opinion } = core;

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
      try { result = startInstance(def.model, input.variables, core.engineEnv(at)); } catch (e) { return core.mapEngineError(e); }
      const id = randomUUID();
      const org = input.variables.acceptingOrgId;
      await instanceRepo.insert(tx, { id, definitionId: def.id, businessKey: input.businessKey, status: 'running', state: result.state, startedAt: at,
        orgId: typeof org === 'string' && /^[0-9a-f-]{36}$/i.test(org) ? org : null });
      await core.applyEffects(tx, { id, businessKey: input.businessKey }, def.model, result.state, result.effects, at);
      if (result.state.status === 'completed') await instanceRepo.saveState(tx, id, result.state, 0, at);
      await opinion(tx, ctx, { instanceId: id, nodeId: def.model.startId, nodeName: '开始', action: 'start', at });
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.instance.start', targetType: 'workflow_instance', targetIds: [id], detail: { key: input.key, version: def.version, businessKey: input.businessKey } });
      return { instanceId: id, definitionId: def.id, version: def.version };
    },

    /** 通过 / 不通过. Not approving needs a reason. The second of two racing callers gets TASK_ALREADY_DONE. */
    async complete(tx: Queryable, ctx: RequestCtx, input: { taskId: string; outcome: TaskOutcome; opinion?: string; variables?: Record<string, unknown> }) {
      const text = input.opinion?.trim() ?? '';
      if (input.outcome === 'reject' && !text) throw workflowErrors.REASON_REQUIRED();
      const { task, inst } = await core.lockTask(tx, input.taskId);
      guardWorker(ctx, task);
      if (task.blocked) throw workflowErrors.TASK_WAITING_FOR_SIGN();
      const r = await step(tx, inst, (model, state, env) => completeTask(model, state, { taskId: task.id, outcome: input.outcome, variables: input.variables }, env));
      await instanceRepo.closeTask(tx, task.id, { status: 'completed', outcome: input.outcome, completedBy: ctx.user?.userId ?? null, completedAt: r.at });
      if (!task.assigneeId && ctx.user) await instanceRepo.updateTask(tx, task.id, { assigneeId: ctx.user.userId }); // a candidate who completes without claiming did the work
      await opinion(tx, ctx, { instanceId: task.instanceId, taskId: task.id, nodeId: task.nodeId, nodeName: task.nodeName, action: input.outcome, opinion: text, at: r.at });
      await deps.audit.recordFor(tx, ctx, { action: `workflow.task.${input.outcome}`, targetType: 'workflow_task', targetIds: [task.id, task.instanceId] });
      return { status: r.state.status as 'running' | 'completed', taskIds: createdTasks(r.effects) };
    },

    /** 退回 to an earlier user task; every open task elsewhere in the instance is withdrawn. */
    async returnTo(tx: Queryable, ctx: RequestCtx, input: { taskId: string; targetNodeId: string; opinion: string }) {
      if (!input.opinion.trim()) throw workflowErrors.REASON_REQUIRED();
      const { task, inst } = await core.lockTask(tx, input.taskId);
      guardWorker(ctx, task);
      if (task.blocked) throw workflowErrors.TASK_WAITING_FOR_SIGN();
      if (task.signKind) throw workflowErrors.OPERATION_FORBIDDEN(undefined, '加签人员不能退回，请办理后由原办理人决定');
      const visited = new Set((await instanceRepo.listOpinions(tx, task.instanceId)).map((o) => o.nodeId));
      if (!visited.has(input.targetNodeId)) throw workflowErrors.BAD_RETURN_TARGET({ targetNodeId: input.targetNodeId });
      const r = await step(tx, inst, (model, state, env) => returnTo(model, state, input.targetNodeId, env));
      await opinion(tx, ctx, { instanceId: task.instanceId, taskId: task.id, nodeId: task.nodeId, nodeName: task.nodeName, action: 'return',
        opinion: `退回至“${r.model.nodes[input.targetNodeId].name}”：${input.opinion.trim()}`, at: r.at });
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.task.return', targetType: 'workflow_task', targetIds: [task.id, task.instanceId], detail: { to: input.targetNodeId } });
      return { status: r.state.status as 'running' | 'completed', taskIds: createdTasks(r.effects) };
    },

    /** 终止 (撤件, 不予受理 …): open tasks are cancelled; allowed while suspended. */
    async terminate(tx: Queryable, ctx: RequestCtx, input: { instanceId: string; reason: string }) {
      const inst = await core.lockInstance(tx, input.instanceId, { allowSuspended: true });
      const r = await step(tx, inst, (_model, state) => terminate(state), { save: { terminated: true } });
      const pause = await instanceRepo.currentSuspension(tx, inst.id);
      if (pause) await instanceRepo.closeSuspension(tx, pause.id, { resumedAt: r.at, resumedBy: ctx.user?.userId ?? null, toDate: chinaDate(r.at) });
      await opinion(tx, ctx, { instanceId: inst.id, nodeId: '', nodeName: '流程实例', action: 'terminate', opinion: input.reason.trim(), at: r.at });
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.instance.terminate', targetType: 'workflow_instance', targetIds: [inst.id], detail: { reason: input.reason } });
      return { status: 'terminated' as const };
    },

    /** Runs due timer jobs of unsuspended instances; safe to call from several instances at once (SKIP LOCKED). Returns how many ran. */
    async runDueJobs(limit = 50) {
      return deps.db.transaction(async (tx) => {
        const jobs = await instanceRepo.claimDueJobs(tx, now(), limit);
        for (const job of jobs) {
          try {
            // savepoint per job: one failing job is marked, the others still run
            await tx.transaction(async (sp) => {
              const inst = await instanceRepo.lock(sp, job.instanceId);
              if (inst?.status === 'running') await step(sp, inst, (model, state, env) => fireTimer(model, state, job.tokenId!, env));
              await instanceRepo.finishJob(sp, job.id, 'done');
            });
          } catch (e) {
            await instanceRepo.finishJob(tx, job.id, 'failed', e instanceof Error ? e.message : String(e));
          }
        }
        return jobs.length;
      });
    },

    /** 签收 is a row update (the desk does it); this leaves its audit entry. */
    recordClaim: (tx: Queryable, ctx: RequestCtx, task: TaskRow) =>
      deps.audit.recordFor(tx, ctx, { action: 'workflow.task.claim', targetType: 'workflow_task', targetIds: [task.id, task.instanceId] }),

    /** Open tasks with their node's form field permissions (null: the node allows no form edits). */
    async openTasks(q: Queryable, instanceId: string): Promise<Array<TaskRow & { formAccess: FieldAccess | null }>> {
      const tasks = await instanceRepo.listTasks(q, instanceId, 'open');
      if (!tasks.length) return [];
      const inst = await instanceRepo.find(q, instanceId);
      const def = inst ? await definitionRepo.findById(q, inst.definitionId) : null;
      return tasks.map((t) => ({ ...t, formAccess: def?.model.nodes[t.nodeId]?.formAccess ?? null }));
    },
    history: (q: Queryable, instanceId: string) => instanceRepo.listOpinions(q, instanceId),
    setCalendarDays: (q: Queryable, days: Array<{ date: string; kind: 'holiday' | 'workday'; note: string }>) => instanceRepo.upsertCalendarDays(q, days),
    /** The business calendar as maintained (weekends, holidays, 调休 working days). */
    calendar: core.calendar,
    evaluateSla,

    ...createTaskOperations(deps, core),
    ...createInstanceLifecycle(deps, core),
    ...createSlaService(deps, core),
  };
};
export type WorkflowService = ReturnType<typeof createWorkflowService>;

const createdTasks = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'task_created' ? [e.task.id] : []));
