import { chinaDate, type RequestCtx } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { WorkflowApi } from '../index';
import { approvalXml } from '../testing/bpmn.fixtures';

// 已办. Demo officers: 张受理 and 王辅警 are window officers of 新街口派出所 (受理), 李审批 is an approver
// (治安审核 ‖ 户政审核), 陈受理 works at another station and handles nothing here.
let p: TestPlatform;
const system: RequestCtx = { traceId: 't', clientIp: '127.0.0.1' };
const tok = {} as Record<'zhang' | 'wang' | 'li' | 'chen' | 'admin', string>;
let xjkOrg: string;
const wf = () => p.modules.get('workflow')!.api as WorkflowApi;

type Done = { id: string; taskId: string; instanceId: string; nodeName: string; caseNo: string; outcome: string; opinion: string; completedAt: string; instanceStatus: string; currentNodeNames: string[]; withdrawable: boolean };
const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  p.app.inject({ method, url, headers: p.as(token), ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });
const act = async (token: string, taskId: string, action: string, payload: object = {}) => {
  const res = await call(token, 'POST', `/api/workflow/tasks/${taskId}/${action}`, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const done = async (token: string, query = '') => {
  const res = await call(token, 'GET', `/api/workflow/tasks/done${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Done[]; total: number };
};
const open = (instanceId: string) => p.database.db.transaction((q) => wf().openTasks(q, instanceId));
const openAt = async (instanceId: string, nodeName: string) => (await open(instanceId)).find((t) => t.nodeName === nodeName)!.id;
async function start(businessKey: string, variables: Record<string, unknown> = {}) {
  const { instanceId } = await p.database.db.transaction((q) => wf().start(q, system, { key: 'done', businessKey, variables: { amount: 1, acceptingOrgId: xjkOrg, ...variables } }));
  return { instanceId, accept: await openAt(instanceId, '受理') };
}
const brief = (d: Done) => [d.caseNo, d.nodeName, d.outcome];

const flow = {} as Record<'a' | 'b' | 'c', { instanceId: string; accept: string }>;

beforeAll(async () => {
  p = await createTestPlatform();
  for (const [k, u] of [['zhang', 'xinjiekou'], ['wang', 'xjk_fujing'], ['li', 'xuanwu'], ['chen', 'fuzimiao'], ['admin', 'admin']] as const) tok[k] = await p.login(u);
  xjkOrg = (await call(tok.admin, 'GET', '/api/admin/identity/orgs?keyword=320102510100')).json().items[0].id;
  await p.database.db.transaction(async (q) => {
    const d = await wf().deploy(q, system, { key: 'done', xml: approvalXml });
    await wf().publish(q, system, d.id);
  });

  // A: 张受理 accepts, 李审批 then approves 治安审核 (so A can no longer be withdrawn). B: 王辅警 accepts.
  // C: 张受理 does not approve (the process still moves on, as this test process does not branch on it).
  flow.a = await start('done-a', { caseNo: 'SL-DONE-A', matterName: '户口迁移' });
  await act(tok.zhang, flow.a.accept, 'claim');
  await act(tok.zhang, flow.a.accept, 'complete', { outcome: 'approve', opinion: '材料齐全，同意受理' });
  flow.b = await start('done-b', { caseNo: 'SL-DONE-B', matterName: '居民身份证换领' });
  await act(tok.wang, flow.b.accept, 'complete', { outcome: 'approve', opinion: '王辅警受理' });
  flow.c = await start('done-c', { caseNo: 'SL-DONE-C', matterName: '居民身份证换领' });
  await act(tok.zhang, flow.c.accept, 'complete', { outcome: 'reject', opinion: '照片不合格' });
  const reviewA = await openAt(flow.a.instanceId, '治安审核');
  await act(tok.li, reviewA, 'claim');
  await act(tok.li, reviewA, 'complete', { outcome: 'approve', opinion: '同意' });
});
afterAll(() => p.close());

describe('已办', () => {
  it('lists exactly the caller\'s own settled tasks, newest first, with where each process stands now', async () => {
    const mine = await done(tok.zhang);
    expect(mine.total).toBe(2);
    expect(mine.items.map(brief)).toEqual([['SL-DONE-C', '受理', 'reject'], ['SL-DONE-A', '受理', 'approve']]);
    const [c, a] = mine.items;
    expect(a).toEqual({
      id: expect.any(String), taskId: flow.a.accept, instanceId: flow.a.instanceId, nodeId: 'accept', nodeName: '受理', definitionName: '测试流程',
      businessKey: 'done-a', caseNo: 'SL-DONE-A', title: '户口迁移', outcome: 'approve', opinion: '材料齐全，同意受理', completedAt: expect.any(String),
      instanceStatus: 'running', suspended: false, currentNodeNames: ['户政审核'], withdrawable: false, // 治安审核 has been handled since
    });
    expect(Date.parse(c.completedAt)).toBeGreaterThan(Date.parse(a.completedAt));
    expect(c).toMatchObject({ opinion: '照片不合格', currentNodeNames: ['治安审核', '户政审核'], withdrawable: true });

    expect((await done(tok.wang)).items.map(brief)).toEqual([['SL-DONE-B', '受理', 'approve']]);
    expect((await done(tok.li)).items.map(brief)).toEqual([['SL-DONE-A', '治安审核', 'approve']]);
    expect(await done(tok.chen)).toEqual({ items: [], total: 0 });
    expect((await p.app.inject({ url: '/api/workflow/tasks/done' })).statusCode).toBe(401);
  });

  it('shows what happened next: 办结 and 终止', async () => {
    const reviewB = await openAt(flow.a.instanceId, '户政审核');
    await act(tok.li, reviewB, 'complete', { outcome: 'approve' });
    await p.database.db.transaction((q) => wf().terminate(q, system, { instanceId: flow.c.instanceId, reason: '申请人撤件' }));
    const [c, a] = (await done(tok.zhang)).items;
    expect([c.caseNo, c.instanceStatus, c.currentNodeNames, c.withdrawable]).toEqual(['SL-DONE-C', 'terminated', [], false]);
    expect([a.caseNo, a.instanceStatus, a.currentNodeNames, a.withdrawable]).toEqual(['SL-DONE-A', 'completed', [], false]);
    expect((await done(tok.li)).items.map(brief)).toEqual([['SL-DONE-A', '户政审核', 'approve'], ['SL-DONE-A', '治安审核', 'approve']]);
  });

  it('pages and filters by keyword (办件编号, business key, 事项, 流程) and by completion date', async () => {
    const page2 = await done(tok.zhang, 'page=2&pageSize=1');
    expect([page2.total, page2.items.map((d) => d.caseNo)]).toEqual([2, ['SL-DONE-A']]);
    expect((await done(tok.zhang, 'page=3&pageSize=1')).items).toEqual([]);
    const kw = async (k: string) => (await done(tok.zhang, `keyword=${encodeURIComponent(k)}`)).items.map((d) => d.caseNo);
    expect(await kw('sl-done-a')).toEqual(['SL-DONE-A']);
    expect(await kw('done-c')).toEqual(['SL-DONE-C']);
    expect(await kw('身份证')).toEqual(['SL-DONE-C']);
    expect(await kw('测试流程')).toEqual(['SL-DONE-C', 'SL-DONE-A']);
    expect(await kw('SL-DONE-B')).toEqual([]); // 王辅警's, not mine
    expect(await kw('100%')).toEqual([]); // LIKE wildcards are matched literally

    const today = chinaDate(new Date());
    const shift = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));
    expect((await done(tok.zhang, `from=${today}&to=${today}`)).total).toBe(2);
    expect((await done(tok.zhang, `from=${shift(1)}`)).total).toBe(0);
    expect((await done(tok.zhang, `to=${shift(-1)}`)).total).toBe(0);
    const bad = await call(tok.zhang, 'GET', `/api/workflow/tasks/done?from=${today}&to=${shift(-1)}`);
    expect([bad.statusCode, bad.json().code, JSON.stringify(bad.json().details)]).toEqual([400, 'COMMON_VALIDATION_FAILED', expect.stringContaining('开始日期不能晚于结束日期')]);
  });

  it('a withdrawn completion leaves 已办 (the task is back in 待办) and comes back once completed again', async () => {
    const d = await start('done-withdraw', { caseNo: 'SL-DONE-W' });
    await act(tok.zhang, d.accept, 'complete', { outcome: 'approve', opinion: '第一次' });
    const first = (await done(tok.zhang, 'keyword=SL-DONE-W')).items;
    expect(first.map((x) => [x.opinion, x.withdrawable])).toEqual([['第一次', true]]);
    await act(tok.zhang, d.accept, 'withdraw');
    expect(await done(tok.zhang, 'keyword=SL-DONE-W')).toEqual({ items: [], total: 0 });
    await act(tok.zhang, d.accept, 'complete', { outcome: 'approve', opinion: '第二次' });
    const again = (await done(tok.zhang, 'keyword=SL-DONE-W')).items;
    expect(again.map((x) => [x.taskId, x.opinion, x.withdrawable])).toEqual([[d.accept, '第二次', true]]);
    // once the next step is claimed, 撤回 is no longer offered (the withdraw operation's own rule)
    await act(tok.li, await openAt(d.instanceId, '治安审核'), 'claim');
    expect((await done(tok.zhang, 'keyword=SL-DONE-W')).items[0].withdrawable).toBe(false);
  });

  it('lists a delegate\'s 交回 and an approver\'s 退回; handing a task on (委派) is not listed', async () => {
    const e = await start('done-delegate', { caseNo: 'SL-DONE-E' });
    await act(tok.zhang, e.accept, 'claim');
    await act(tok.zhang, e.accept, 'delegate', { userId: (await call(tok.wang, 'GET', '/api/auth/me')).json().user.id, opinion: '请核对户籍' });
    expect((await done(tok.zhang, 'keyword=SL-DONE-E')).total).toBe(0);
    await act(tok.wang, e.accept, 'resolve', { opinion: '户籍信息一致' });
    expect((await done(tok.wang, 'keyword=SL-DONE-E')).items.map((x) => [x.taskId, x.outcome, x.opinion, x.withdrawable, x.currentNodeNames]))
      .toEqual([[e.accept, 'resolve', '户籍信息一致', false, ['受理']]]);
    await act(tok.zhang, e.accept, 'complete', { outcome: 'approve' });
    expect((await done(tok.zhang, 'keyword=SL-DONE-E')).items.map(brief)).toEqual([['SL-DONE-E', '受理', 'approve']]);

    const reviewA = await openAt(e.instanceId, '治安审核');
    await act(tok.li, reviewA, 'return', { targetNodeId: 'accept', opinion: '请补充材料' });
    const [ret] = (await done(tok.li, 'keyword=SL-DONE-E')).items;
    expect(ret).toMatchObject({ taskId: reviewA, nodeName: '治安审核', outcome: 'return', opinion: '退回至“受理”：请补充材料', currentNodeNames: ['受理'], withdrawable: false });
    // 张受理's approval still stands in 已办; the process has come back to 受理
    expect((await done(tok.zhang, 'keyword=SL-DONE-E')).items.map((x) => [x.outcome, x.currentNodeNames, x.withdrawable])).toEqual([['approve', ['受理'], false]]);
  });
});
