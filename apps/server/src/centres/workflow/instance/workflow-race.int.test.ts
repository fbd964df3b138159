import { createAudit, loadConfig, queryRows, type RequestCtx } from '@jsga/kernel';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appVersion } from '../../../app';
import { startPlatform } from '../../../bootstrap';
import { createScratchDatabase } from '../../../testing/test-platform';
import type { IdentityApi } from '../../identity';
import type { MessageApi } from '../../message';
import type { WorkflowApi } from '../index';
import { approvalXml, timerXml } from '../testing/bpmn.fixtures';
import { createWorkflowService } from './workflow.service';

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

  it('SLA notices and 催办 are sent once even when both instances try at the same moment', async () => {
    const { databaseUrl, dropDatabase } = await createScratchDatabase(process.env.DATABASE_URL!);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, SEED_DEMO: 'false' }, appVersion);
    const a = await startPlatform(config);
    const b = await startPlatform(config);
    try {
      // two services on two connection pools, on one clock
      let clock = new Date('2026-11-02T09:00:00+08:00');
      const on = (pl: typeof a) => {
        const identity = pl.modules.get('identity')!.api as IdentityApi;
        const message = pl.modules.get('message')!.api as MessageApi;
        return createWorkflowService({
          db: pl.database.db, audit: createAudit({ db: pl.database.db }), now: () => clock,
          sendMessage: (q, m) => message.send(q, m), resolveCandidates: async () => [], findUsers: (q, ids) => identity.findUsers(q, ids),
        });
      };
      const [sa, sb] = [on(a), on(b)];
      const officer = '00000000-0000-4000-8000-0000000000c1';
      const ids = await a.database.db.transaction(async (q) => {
        const d = await sa.deploy(q, system, { key: 'sla', xml: approvalXml.replace('jsga:candidateRole="window_officer"', 'jsga:assignee="officer"') });
        await sa.publish(q, system, d.id);
        const out: string[] = [];
        for (let i = 0; i < 30; i++) out.push((await sa.start(q, system, { key: 'sla', businessKey: `race-sla-${i}`, variables: { amount: 1, officer } })).instanceId);
        return out;
      });
      clock = new Date('2026-11-03T09:00:00+08:00'); // due Wed 11-04: warning day
      const sent = await Promise.all([sa.runSla(), sb.runSla(), sa.runSla(), sb.runSla()]);
      expect(sent.reduce((x, y) => x + y, 0)).toBe(30);
      const inbox = await queryRows<{ business_key: string }>(a.database.db, sql`select business_key from message_inbox where recipient_id = ${officer} and template_code = 'sla.warning'`);
      expect(new Set(inbox.map((r) => r.business_key)).size).toBe(30);
      expect(inbox).toHaveLength(30);

      const [task] = await a.database.db.transaction((q) => sa.openTasks(q, ids[0]));
      const reminds = await Promise.allSettled([
        a.database.db.transaction((q) => sa.remind(q, system, { taskId: task.id })),
        b.database.db.transaction((q) => sb.remind(q, system, { taskId: task.id })),
      ]);
      expect(reminds.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((reminds.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('WORKFLOW_REMIND_TOO_OFTEN');
    } finally {
      await a.close();
      await b.close();
      await dropDatabase();
    }
  });
});
