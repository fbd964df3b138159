import { randomUUID } from 'node:crypto';
import { chinaDate, type Queryable, type RequestCtx } from '@jsga/kernel';
import { addDays, pausedWorkingDays } from '../calendar/business-calendar.rules';
import { definitionRepo } from '../definition/definition.repo';
import { migrateState } from '../engine/migration.rules';
import { workflowErrors } from '../workflow.errors';
import { instanceRepo } from './instance.repo';
import { candidateOrg, type WorkflowCore, type WorkflowServiceDeps } from './workflow.core';

/** 挂起 / 恢复 (the SLA clock stops and restarts) and 迁移 to another version of the process. */
export function createInstanceLifecycle(deps: WorkflowServiceDeps, core: WorkflowCore) {
  const { now, opinion } = core;
  const instanceOpinion = (tx: Queryable, ctx: RequestCtx, instanceId: string, action: string, text: string, at: Date) =>
    opinion(tx, ctx, { instanceId, nodeId: '', nodeName: '流程实例', action, opinion: text, at });

  return {
    /** 挂起 (补件, 特别程序): tasks cannot be worked, timers wait, and the SLA clock stands still. */
    async suspend(tx: Queryable, ctx: RequestCtx, input: { instanceId: string; reason: string }) {
      const inst = await core.lockInstance(tx, input.instanceId, { allowSuspended: true });
      if (inst.suspendedAt) throw workflowErrors.INSTANCE_ALREADY_SUSPENDED({ since: inst.suspendedAt.toISOString() });
      const at = now();
      const reason = input.reason.trim();
      await instanceRepo.setSuspended(tx, inst.id, at, reason);
      await instanceRepo.openSuspension(tx, { id: randomUUID(), instanceId: inst.id, reason, suspendedAt: at, suspendedBy: ctx.user?.userId ?? null, fromDate: chinaDate(at) });
      await instanceOpinion(tx, ctx, inst.id, 'suspend', reason, at);
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.instance.suspend', targetType: 'workflow_instance', targetIds: [inst.id], detail: { reason } });
      return { instanceId: inst.id, suspendedAt: at.toISOString() };
    },

    /**
     * 恢复: open tasks' due dates move later by the working days spent suspended (both ends counted,
     * never a task's own first day nor a day an earlier suspension already counted); timers wait as
     * long again as the instance stood still.
     */
    async resume(tx: Queryable, ctx: RequestCtx, input: { instanceId: string }) {
      const inst = await core.lockInstance(tx, input.instanceId, { allowSuspended: true });
      if (!inst.suspendedAt) throw workflowErrors.INSTANCE_NOT_SUSPENDED();
      const at = now();
      const today = chinaDate(at);
      const period = await instanceRepo.currentSuspension(tx, inst.id);
      const lastCounted = period ? await instanceRepo.lastCountedPauseDay(tx, inst.id, period.id) : null;
      let from = period?.fromDate ?? chinaDate(inst.suspendedAt);
      if (lastCounted && from <= lastCounted) from = addDays(lastCounted, 1);
      const cal = await core.calendar(tx);
      const moved: Array<{ taskId: string; dueDate: string; pausedWorkingDays: number }> = [];
      for (const task of await instanceRepo.listTasks(tx, inst.id, 'open')) {
        if (!task.dueDate) continue;
        const days = from <= today ? pausedWorkingDays(cal, chinaDate(task.createdAt), { from, to: today }) : 0;
        const dueDate = cal.addWorkingDays(task.dueDate, days);
        if (dueDate !== task.dueDate) await instanceRepo.updateTask(tx, task.id, { dueDate });
        moved.push({ taskId: task.id, dueDate, pausedWorkingDays: days });
      }
      await instanceRepo.delayJobs(tx, inst.id, at.getTime() - inst.suspendedAt.getTime());
      if (period) await instanceRepo.closeSuspension(tx, period.id, { resumedAt: at, resumedBy: ctx.user?.userId ?? null, toDate: today });
      await instanceRepo.setSuspended(tx, inst.id, null, null);
      const most = Math.max(0, ...moved.map((m) => m.pausedWorkingDays));
      await instanceOpinion(tx, ctx, inst.id, 'resume', most ? `暂停计时 ${most} 个工作日，办理期限相应顺延` : '恢复办理', at);
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.instance.resume', targetType: 'workflow_instance', targetIds: [inst.id], detail: { from, to: today, tasks: moved } });
      return { instanceId: inst.id, tasks: moved };
    },

    /**
     * 迁移 a running instance to another published version of the same process. Where it stands must
     * exist in the target (same node id, or `nodeMapping`); open tasks are re-pointed and renamed.
     */
    async migrate(tx: Queryable, ctx: RequestCtx, input: { instanceId: string; targetDefinitionId: string; nodeMapping?: Record<string, string> }) {
      const inst = await core.lockInstance(tx, input.instanceId, { allowSuspended: true });
      const from = (await definitionRepo.findById(tx, inst.definitionId))!;
      const to = await definitionRepo.findById(tx, input.targetDefinitionId);
      if (!to || to.status !== 'published' || to.key !== from.key || to.id === from.id) {
        throw workflowErrors.MIGRATION_TARGET_INVALID({ targetDefinitionId: input.targetDefinitionId });
      }
      const result = migrateState(from.model, to.model, inst.state, input.nodeMapping ?? {});
      if (!result.ok) {
        const label = (p: { nodeId: string; name: string }) => `${p.name}（${p.nodeId}）`;
        const missing = result.problems.filter((p) => p.reason === 'missing');
        if (missing.length) throw workflowErrors.MIGRATION_UNMAPPED_NODES({ nodes: missing }, `目标版本中缺少以下节点，请提供节点映射：${missing.map(label).join('、')}`);
        const why = { type: '节点类型不同', multi_instance: '会签设置不同', scope: '所在子流程不同', bad_mapping: '映射的目标节点不存在', missing: '' };
        throw workflowErrors.MIGRATION_INCOMPATIBLE({ problems: result.problems }, `节点映射不兼容：${result.problems.map((p) => `${label(p)}${why[p.reason]}`).join('；')}`);
      }
      const at = now();
      await instanceRepo.saveState(tx, inst.id, result.state, inst.revision, at, { definitionId: to.id });
      const rows = new Map((await instanceRepo.listTasks(tx, inst.id, 'open')).map((t) => [t.id, t]));
      for (const m of result.moves) {
        const node = to.model.nodes[m.to];
        const row = rows.get(m.taskId);
        if (!row) continue;
        await instanceRepo.updateTask(tx, m.taskId, {
          nodeId: node.id, nodeName: node.name,
          ...(row.signKind ? {} : { candidateRole: node.assignment?.role ?? null, candidateOrgId: candidateOrg(node, result.state.variables) }),
        });
      }
      await instanceOpinion(tx, ctx, inst.id, 'migrate', `由第 ${from.version} 版迁移至第 ${to.version} 版`, at);
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.instance.migrate', targetType: 'workflow_instance', targetIds: [inst.id], detail: { from: from.id, to: to.id, nodeMapping: input.nodeMapping ?? {} } });
      return { instanceId: inst.id, fromVersion: from.version, toVersion: to.version, moved: result.moves };
    },
  };
}
