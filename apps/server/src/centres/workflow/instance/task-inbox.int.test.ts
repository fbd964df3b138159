import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { WorkflowApi } from '../index';
import { approvalXml } from '../testing/bpmn.fixtures';

let p: TestPlatform;
let instanceId: string;
const system = { traceId: 't', clientIp: '127.0.0.1' };
const tasks = async (token: string) => (await p.app.inject({ url: '/api/workflow/tasks', headers: p.as(token) })).json();

beforeAll(async () => {
  p = await createTestPlatform();
  const admin = await p.login('admin');
  const xjkOrg = (await p.app.inject({ url: '/api/admin/identity/orgs?keyword=320102510100', headers: p.as(admin) })).json().items[0].id;
  const wf = p.modules.get('workflow')!.api as WorkflowApi;
  instanceId = await p.database.db.transaction(async (q) => {
    const d = await wf.deploy(q, system, { key: 'approval', xml: approvalXml });
    await wf.publish(q, system, d.id);
    return (await wf.start(q, system, { key: 'approval', businessKey: 'case-inbox', variables: { amount: 1, acceptingOrgId: xjkOrg } })).instanceId;
  });
});
afterAll(() => p.close());

describe('task inbox and claiming', () => {
  it('shows a 受理 task to the window officers of the accepting 派出所 only', async () => {
    const xjk = await p.login('xinjiekou');
    const aux = await p.login('xjk_fujing');
    const other = await p.login('fuzimiao');
    expect((await tasks(xjk)).items.map((t: { nodeName: string; instanceId: string }) => [t.nodeName, t.instanceId])).toEqual([['受理', instanceId]]);
    expect((await tasks(aux)).total).toBe(1);
    expect((await tasks(other)).total).toBe(0);
    const [t] = (await tasks(xjk)).items;
    const claimed = await p.app.inject({ method: 'POST', url: `/api/workflow/tasks/${t.id}/claim`, headers: p.as(xjk) });
    expect(claimed.statusCode).toBe(200);
    const late = await p.app.inject({ method: 'POST', url: `/api/workflow/tasks/${t.id}/claim`, headers: p.as(aux) });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'WORKFLOW_TASK_ALREADY_CLAIMED', message: '该任务已被他人签收' });
    expect((await tasks(aux)).total).toBe(0);
    expect((await tasks(xjk)).total).toBe(1);
    const stranger = await p.app.inject({ method: 'POST', url: `/api/workflow/tasks/${t.id}/claim`, headers: p.as(other) });
    expect(stranger.statusCode).toBe(409);
  });
});
