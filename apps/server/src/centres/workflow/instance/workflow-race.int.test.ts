import { loadConfig, type RequestCtx } from '@jsga/kernel';
import { describe, expect, it } from 'vitest';
import { appVersion } from '../../../app';
import { startPlatform } from '../../../bootstrap';
import { createScratchDatabase } from '../../../testing/test-platform';
import type { WorkflowApi } from '../index';
import { approvalXml, timerXml } from '../testing/bpmn.fixtures';

const system: RequestCtx = { traceId: 't', clientIp: '127.0.0.1' };

// Two server processes on one PostgreSQL database (PGlite is single-process by nature).
describe.runIf(!!process.env.DATABASE_URL)('workflow with two server instances', () => {
  it('exactly one of two racing completions of the same task succeeds, and a due timer runs once', async () => {
    const { databaseUrl, dropDatabase } = await createScratchDatabase(process.env.DATABASE_URL!);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, SEED_DEMO: 'false' }, appVersion);
    const a = await startPlatform(config);
    const b = await startPlatform(config);
    try {
      const wa = a.modules.get('workflow')!.api as WorkflowApi;
      const wb = b.modules.get('workflow')!.api as WorkflowApi;
      const instances = await a.database.db.transaction(async (q) => {
        for (const [key, xml] of [['approval', approvalXml], ['timer', timerXml]]) {
          const d = await wa.deploy(q, system, { key, xml });
          await wa.publish(q, system, d.id);
        }
        return {
          approval: (await wa.start(q, system, { key: 'approval', businessKey: 'race-1', variables: { amount: 1 } })).instanceId,
          timer: (await wa.start(q, system, { key: 'timer', businessKey: 'race-2', variables: {} })).instanceId,
        };
      });
      const [task] = await a.database.db.transaction((q) => wa.openTasks(q, instances.approval));
      const results = await Promise.allSettled([
        a.database.db.transaction((q) => wa.complete(q, system, { taskId: task.id, outcome: 'approve' })),
        b.database.db.transaction((q) => wb.complete(q, system, { taskId: task.id, outcome: 'approve' })),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason.code).toBe('WORKFLOW_TASK_ALREADY_DONE');
      const open = await a.database.db.transaction((q) => wa.openTasks(q, instances.approval));
      expect(open.map((t) => t.nodeName).sort()).toEqual(['户政审核', '治安审核']); // advanced once, not twice

      const [timerTask] = await a.database.db.transaction((q) => wa.openTasks(q, instances.timer));
      await a.database.db.transaction((q) => wa.complete(q, system, { taskId: timerTask.id, outcome: 'approve' }));
      const ran = await Promise.all([wa.runDueJobs(), wb.runDueJobs()]);
      expect(ran[0] + ran[1]).toBe(1);
    } finally {
      await a.close();
      await b.close();
      await dropDatabase();
    }
  });
});
