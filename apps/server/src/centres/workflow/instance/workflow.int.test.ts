import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequestCtx } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, restartTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { WorkflowApi } from '../index';
import { approvalXml, timerXml } from '../testing/bpmn.fixtures';

// users are uuids, as the identity centre issues them
const U = Object.fromEntries(['w1', 'u1', 'u2', 'u3', 'a1'].map((n, i) => [n, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`])) as Record<'w1' | 'u1' | 'u2' | 'u3' | 'a1', string>;

let p: TestPlatform;
let dataDir: string;
const wf = () => p.modules.get('workflow')!.api as WorkflowApi;
const ctx = (userId?: string): RequestCtx => ({ traceId: 't', clientIp: '127.0.0.1', ...(userId ? { user: { userId, username: userId, displayName: '测试', sessionId: 's', sessionExpiresAt: '', positionId: '00000000-0000-4000-8000-0000000000aa', orgId: '00000000-0000-4000-8000-0000000000bb', permissions: new Set(), roleCodes: ['window_officer', 'approver'], scope: { kind: 'province', orgIds: 'all', userId } } } : {}) });
const tx = <T>(fn: (q: Parameters<Parameters<TestPlatform['database']['db']['transaction']>[0]>[0]) => Promise<T>) => p.database.db.transaction(fn);
const open = (instanceId: string) => tx((q) => wf().openTasks(q, instanceId));

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'jsga-wf-'));
  p = await createTestPlatform({ demo: false, dataDir });
  await tx(async (q) => {
    const d = await wf().deploy(q, ctx(), { key: 'approval', xml: approvalXml });
    await wf().publish(q, ctx(), d.id);
    const t = await wf().deploy(q, ctx(), { key: 'timer', xml: timerXml });
    await wf().publish(q, ctx(), t.id);
  });
});
afterAll(async () => {
  await p.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('workflow centre', () => {
  it('refuses an invalid BPMN definition with the problems listed', async () => {
    const err = await tx((q) => wf().deploy(q, ctx(), { key: 'bad', xml: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x"/></bpmn:definitions>' })).catch((e) => e);
    expect(err.code).toBe('WORKFLOW_DEFINITION_INVALID');
    expect(err.details.problems).toContain('顶层须有且只有一个开始事件');
  });

  it('runs a case through 会签 and parallel review, surviving a restart in the middle', async () => {
    const { instanceId } = await tx((q) => wf().start(q, ctx(), { key: 'approval', businessKey: 'case-1', variables: { amount: 500, reviewers: [U.u1, U.u2, U.u3], acceptingOrgId: '00000000-0000-4000-8000-0000000000bb' } }));
    const [accept] = await open(instanceId);
    expect(accept).toMatchObject({ nodeName: '受理', candidateRole: 'window_officer', candidateOrgId: '00000000-0000-4000-8000-0000000000bb' });
    expect(accept.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const noReason = await tx((q) => wf().complete(q, ctx(U.w1), { taskId: accept.id, outcome: 'reject' })).catch((e) => e);
    expect(noReason.code).toBe('WORKFLOW_REASON_REQUIRED');
    await tx((q) => wf().complete(q, ctx(U.w1), { taskId: accept.id, outcome: 'approve', opinion: '材料齐全' }));
    const signers = await open(instanceId);
    expect(signers.map((t) => t.assigneeId)).toEqual([U.u1, U.u2, U.u3]);
    const notMine = await tx((q) => wf().complete(q, ctx(U.u2), { taskId: signers[0].id, outcome: 'approve' })).catch((e) => e);
    expect(notMine.code).toBe('WORKFLOW_NOT_ASSIGNEE');
    await tx((q) => wf().complete(q, ctx(U.u1), { taskId: signers[0].id, outcome: 'approve' }));
    await tx((q) => wf().complete(q, ctx(U.u2), { taskId: signers[1].id, outcome: 'approve' })); // 2/3 ≥ 60 %

    // restart: a new server process on the same data
    p = await restartTestPlatform(p);
    const reviews = await open(instanceId);
    expect(reviews.map((t) => t.nodeName).sort()).toEqual(['户政审核', '治安审核']);
    for (const t of reviews) await tx((q) => wf().complete(q, ctx(U.a1), { taskId: t.id, outcome: 'approve' }));
    expect(await open(instanceId)).toEqual([]);
    const history = await tx((q) => wf().history(q, instanceId));
    expect(history.map((h) => h.action)).toEqual(['start', 'approve', 'approve', 'approve', 'approve', 'approve']);
    expect(history[1].opinion).toBe('材料齐全');
  });

  it('a return from a parallel branch to 受理 withdraws the other branch\'s task', async () => {
    const { instanceId } = await tx((q) => wf().start(q, ctx(), { key: 'approval', businessKey: 'case-2', variables: { amount: 1 } }));
    await tx(async (q) => wf().complete(q, ctx(U.w1), { taskId: (await wf().openTasks(q, instanceId))[0].id, outcome: 'approve' }));
    const [a] = await open(instanceId);
    await tx((q) => wf().returnTo(q, ctx(U.a1), { taskId: a.id, targetNodeId: 'accept', opinion: '身份证复印件不清晰' }));
    const after = await open(instanceId);
    expect(after.map((t) => t.nodeName)).toEqual(['受理']);
    const history = await tx((q) => wf().history(q, instanceId));
    expect(history.at(-1)!.opinion).toBe('退回至“受理”：身份证复印件不清晰');
  });

  it('the second completion of one task gets a clear conflict', async () => {
    const { instanceId } = await tx((q) => wf().start(q, ctx(), { key: 'approval', businessKey: 'case-3', variables: { amount: 1 } }));
    const [t] = await open(instanceId);
    await tx((q) => wf().complete(q, ctx(U.w1), { taskId: t.id, outcome: 'approve' }));
    const again = await tx((q) => wf().complete(q, ctx(U.w1), { taskId: t.id, outcome: 'approve' })).catch((e) => e);
    expect(again.code).toBe('WORKFLOW_TASK_ALREADY_DONE');
    expect(again.status).toBe(409);
  });

  it('timer jobs run once when due', async () => {
    const { instanceId } = await tx((q) => wf().start(q, ctx(), { key: 'timer', businessKey: 'case-4', variables: {} }));
    const [t] = await open(instanceId);
    await tx((q) => wf().complete(q, ctx(U.w1), { taskId: t.id, outcome: 'approve' }));
    expect(await wf().runDueJobs()).toBe(1);
    expect(await wf().runDueJobs()).toBe(0);
    const history = await tx((q) => wf().history(q, instanceId));
    expect(history.map((h) => h.action)).toEqual(['start', 'approve']);
  });
});
