import type { RequestCtx } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { WorkflowApi } from '../index';
import { approvalXml } from '../testing/bpmn.fixtures';

// Demo officers: 张受理 and 王辅警 are window officers of 新街口派出所, 李审批 is an approver, 陈受理 works elsewhere.
let p: TestPlatform;
const system: RequestCtx = { traceId: 't', clientIp: '127.0.0.1' };
const tok = {} as Record<'zhang' | 'wang' | 'li' | 'chen' | 'admin', string>;
const ids = {} as Record<'zhang' | 'wang' | 'li' | 'chen', string>;
let xjkOrg: string;
const wf = () => p.modules.get('workflow')!.api as WorkflowApi;

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  p.app.inject({ method, url, headers: p.as(token), ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });
const act = (token: string, taskId: string, action: string, payload: object = {}) => call(token, 'POST', `/api/workflow/tasks/${taskId}/${action}`, payload);
const detail = async (token: string, taskId: string) => (await call(token, 'GET', `/api/workflow/tasks/${taskId}`)).json();
const inbox = async (token: string) => (await call(token, 'GET', '/api/workflow/tasks?pageSize=200')).json().items as Array<Record<string, unknown>>;
const open = (instanceId: string) => p.database.db.transaction((q) => wf().openTasks(q, instanceId));
const history = async (instanceId: string) => (await p.database.db.transaction((q) => wf().history(q, instanceId))).map((h) => h.action);
const messages = async (token: string) => (await call(token, 'GET', '/api/messages/inbox?pageSize=50')).json().items as Array<{ title: string; body: string }>;
async function start(businessKey: string, variables: Record<string, unknown> = {}) {
  const { instanceId } = await p.database.db.transaction((q) => wf().start(q, system, { key: 'ops', businessKey, variables: { amount: 1, acceptingOrgId: xjkOrg, ...variables } }));
  return { instanceId, accept: (await open(instanceId))[0].id };
}

beforeAll(async () => {
  p = await createTestPlatform();
  for (const [k, u] of [['zhang', 'xinjiekou'], ['wang', 'xjk_fujing'], ['li', 'xuanwu'], ['chen', 'fuzimiao'], ['admin', 'admin']] as const) tok[k] = await p.login(u);
  for (const k of ['zhang', 'wang', 'li', 'chen'] as const) ids[k] = (await call(tok[k], 'GET', '/api/auth/me')).json().user.id;
  xjkOrg = (await call(tok.admin, 'GET', '/api/admin/identity/orgs?keyword=320102510100')).json().items[0].id;
  await p.database.db.transaction(async (q) => {
    const d = await wf().deploy(q, system, { key: 'ops', xml: approvalXml });
    await wf().publish(q, system, d.id);
  });
});
afterAll(() => p.close());

describe('转办 and 委派', () => {
  it('转办 hands the task to another officer: the previous holder no longer sees it or may complete it', async () => {
    const { instanceId, accept } = await start('ops-transfer');
    expect((await act(tok.zhang, accept, 'claim')).statusCode).toBe(200);
    const res = await act(tok.zhang, accept, 'transfer', { userId: ids.wang, opinion: '本人外出培训' });
    expect(res.json()).toEqual({ ok: true, instanceStatus: 'running', taskIds: [] });
    expect((await inbox(tok.zhang)).some((t) => t.id === accept)).toBe(false);
    expect((await inbox(tok.wang)).find((t) => t.id === accept)).toMatchObject({ assigneeId: ids.wang, assigneeName: '王辅警', businessKey: 'ops-transfer', definitionName: '测试流程' });
    const late = await act(tok.zhang, accept, 'complete', { outcome: 'approve' });
    expect([late.statusCode, late.json().code]).toEqual([403, 'WORKFLOW_NOT_ASSIGNEE']);
    expect((await act(tok.wang, accept, 'transfer', { userId: ids.wang })).json().code).toBe('WORKFLOW_SAME_USER');
    const ghost = await act(tok.wang, accept, 'transfer', { userId: '00000000-0000-4000-8000-00000000dead' });
    expect([ghost.statusCode, ghost.json().code, ghost.json().message]).toEqual([400, 'WORKFLOW_USER_NOT_FOUND', '所选人员不存在或已停用']);
    const h = (await detail(tok.wang, accept)).history.at(-1);
    expect(h).toMatchObject({ action: 'transfer', userName: '张受理', opinion: '转办给王辅警；本人外出培训', taskId: accept });
    const audit = (await call(tok.admin, 'GET', '/api/admin/audit/logs?action=workflow.task.transfer')).json();
    expect(audit.items[0]).toMatchObject({ username: 'xinjiekou', targetIds: [accept, instanceId], result: 'success' });
  });

  it('委派: the delegate may only hand back with an opinion; then the owner decides', async () => {
    const { instanceId, accept } = await start('ops-delegate');
    await act(tok.zhang, accept, 'claim');
    expect((await act(tok.zhang, accept, 'delegate', { userId: ids.wang, opinion: '请核对户籍信息' })).statusCode).toBe(200);
    expect(await detail(tok.wang, accept)).toMatchObject({ assigneeId: ids.wang, ownerId: ids.zhang, ownerName: '张受理', allowedActions: ['resolve'] });
    const byDelegate = await act(tok.wang, accept, 'complete', { outcome: 'approve' });
    expect([byDelegate.statusCode, byDelegate.json().code]).toEqual([403, 'WORKFLOW_DELEGATE_ONLY_RESOLVE']);
    const byOwner = await act(tok.zhang, accept, 'complete', { outcome: 'approve' });
    expect([byOwner.statusCode, byOwner.json().code]).toEqual([409, 'WORKFLOW_TASK_DELEGATED']);
    expect((await detail(tok.zhang, accept)).allowedActions).toEqual(['remind']);
    expect((await inbox(tok.zhang)).find((t) => t.id === accept)).toMatchObject({ ownerId: ids.zhang, assigneeName: '王辅警' }); // the owner still tracks it
    expect((await act(tok.wang, accept, 'resolve', { opinion: '' })).statusCode).toBe(400);
    expect((await act(tok.chen, accept, 'resolve', { opinion: '我来' })).json().code).toBe('WORKFLOW_NOT_DELEGATED_TO_YOU');
    expect((await act(tok.wang, accept, 'resolve', { opinion: '户籍信息一致' })).statusCode).toBe(200);
    expect(await detail(tok.zhang, accept)).toMatchObject({ assigneeId: ids.zhang, ownerId: null, allowedActions: expect.arrayContaining(['approve', 'reject']) });
    expect((await act(tok.zhang, accept, 'complete', { outcome: 'approve', opinion: '材料齐全' })).statusCode).toBe(200);
    expect((await open(instanceId)).map((t) => t.nodeName).sort()).toEqual(['户政审核', '治安审核']);
    expect(await history(instanceId)).toEqual(['start', 'delegate', 'resolve', 'approve']);
  });
});

describe('加签 and 减签', () => {
  it('前加签: the added officer signs first, and only then may the original officer complete the task', async () => {
    const { instanceId, accept } = await start('ops-before');
    await act(tok.zhang, accept, 'claim');
    const added = await act(tok.zhang, accept, 'add-sign', { userIds: [ids.li], position: 'before', opinion: '请审批岗先把关' });
    expect(added.json().taskIds).toHaveLength(1);
    const mine = await detail(tok.zhang, accept);
    expect(mine).toMatchObject({ blocked: true, signTasks: [{ assigneeName: '李审批', status: 'open' }] });
    expect(mine.allowedActions).not.toContain('approve');
    expect(mine.allowedActions).toContain('remove-sign');
    const early = await act(tok.zhang, accept, 'complete', { outcome: 'approve' });
    expect([early.statusCode, early.json().code]).toEqual([422, 'WORKFLOW_TASK_WAITING_FOR_SIGN']);
    const signTask = (await inbox(tok.li)).find((t) => t.parentTaskId === accept)!;
    expect(signTask).toMatchObject({ nodeName: '受理', signKind: 'before', instanceId });
    expect((await detail(tok.li, signTask.id as string)).allowedActions).toEqual(['complete', 'approve', 'reject', 'transfer', 'cc']);
    expect((await act(tok.li, signTask.id as string, 'complete', { outcome: 'approve', opinion: '同意受理' })).json().instanceStatus).toBe('running');
    expect((await open(instanceId)).map((t) => t.id)).toEqual([accept]); // the signer's approval did not move the process
    expect((await act(tok.zhang, accept, 'complete', { outcome: 'approve' })).statusCode).toBe(200);
    expect((await open(instanceId)).map((t) => t.nodeName).sort()).toEqual(['户政审核', '治安审核']);
    expect(await history(instanceId)).toEqual(['start', 'add_sign', 'approve', 'approve']);
  });

  it('后加签: the added officers confirm after the approval; the original officer may remove one who has not acted', async () => {
    const { instanceId, accept } = await start('ops-after');
    await act(tok.zhang, accept, 'claim');
    await act(tok.zhang, accept, 'add-sign', { userIds: [ids.li, ids.wang], position: 'after' });
    expect((await detail(tok.zhang, accept)).pendingAfterSigners).toEqual(['李审批', '王辅警']);
    const approved = await act(tok.zhang, accept, 'complete', { outcome: 'approve' });
    expect(approved.json().taskIds).toHaveLength(2);
    const signers = await open(instanceId);
    expect(signers.map((t) => [t.nodeName, t.signKind, t.parentTaskId])).toEqual([['受理', 'after', accept], ['受理', 'after', accept]]);
    const [byLi, byWang] = [ids.li, ids.wang].map((u) => signers.find((t) => t.assigneeId === u)!);
    expect((await detail(tok.zhang, accept)).allowedActions).toEqual(['withdraw', 'remove-sign', 'cc']);
    expect((await act(tok.zhang, accept, 'remove-sign', { taskIds: [byWang.id] })).statusCode).toBe(200);
    expect((await inbox(tok.wang)).some((t) => t.id === byWang.id)).toBe(false);
    await act(tok.li, byLi.id, 'complete', { outcome: 'approve' });
    expect((await open(instanceId)).map((t) => t.nodeName).sort()).toEqual(['户政审核', '治安审核']);
  });

  it('减签 in a 会签 recomputes the ratio on the smaller total and never removes the last open signer', async () => {
    const { instanceId, accept } = await start('ops-countersign', { amount: 500, reviewers: [ids.zhang, ids.wang, ids.li] });
    await p.database.db.transaction((q) => wf().complete(q, system, { taskId: accept, outcome: 'approve' }));
    const signing = await open(instanceId);
    const [tZhang, tWang, tLi] = [ids.zhang, ids.wang, ids.li].map((u) => signing.find((t) => t.assigneeId === u)!);
    await act(tok.zhang, tZhang.id, 'complete', { outcome: 'approve' }); // 1 of 3
    expect((await detail(tok.li, tLi.id)).signTasks).toEqual([{ id: tWang.id, assigneeId: ids.wang, assigneeName: '王辅警', status: 'open' }]);
    expect((await act(tok.chen, tLi.id, 'remove-sign', { taskIds: [tWang.id] })).json().code).toBe('WORKFLOW_OPERATION_FORBIDDEN');
    expect((await act(tok.li, tLi.id, 'remove-sign', { taskIds: [tWang.id] })).json()).toMatchObject({ ok: true, instanceStatus: 'running' });
    expect((await open(instanceId)).map((t) => t.id)).toEqual([tLi.id]); // 1 of 2 is below 60 %: 李审批 must still sign
    const last = await act(tok.admin, tZhang.id, 'remove-sign', { taskIds: [tLi.id] });
    expect([last.statusCode, last.json().code]).toEqual([422, 'WORKFLOW_REMOVE_SIGN_LAST']);
    await act(tok.li, tLi.id, 'complete', { outcome: 'approve' });
    expect((await open(instanceId)).map((t) => t.nodeName).sort()).toEqual(['户政审核', '治安审核']);
    const h = await p.database.db.transaction((q) => wf().history(q, instanceId));
    expect(h.find((x) => x.action === 'remove_sign')).toMatchObject({ userName: '李审批', opinion: '减签：王辅警' });
  });
});

describe('撤回', () => {
  it('takes a completed task back while the next tasks are untouched, and refuses once someone has claimed one', async () => {
    const { instanceId, accept } = await start('ops-withdraw');
    await act(tok.zhang, accept, 'claim');
    await act(tok.zhang, accept, 'complete', { outcome: 'approve' });
    expect((await detail(tok.zhang, accept)).allowedActions).toEqual(['withdraw', 'cc']);
    const other = await act(tok.wang, accept, 'withdraw');
    expect([other.statusCode, other.json().code]).toEqual([403, 'WORKFLOW_WITHDRAW_NOT_YOURS']);
    expect((await act(tok.zhang, accept, 'withdraw')).json()).toEqual({ ok: true, instanceStatus: 'running', taskIds: [accept] });
    expect((await open(instanceId)).map((t) => [t.id, t.assigneeId, t.status])).toEqual([[accept, ids.zhang, 'open']]);

    await act(tok.zhang, accept, 'complete', { outcome: 'approve' });
    const [reviewA] = await open(instanceId);
    await act(tok.li, reviewA.id, 'claim');
    expect((await detail(tok.zhang, accept)).allowedActions).toEqual(['cc']);
    const late = await act(tok.zhang, accept, 'withdraw');
    expect([late.statusCode, late.json().code, late.json().message]).toEqual([409, 'WORKFLOW_WITHDRAW_TOO_LATE', '下一环节已开始办理或流程已有新进展，不能撤回']);
    expect(await history(instanceId)).toEqual(['start', 'approve', 'withdraw', 'approve']);
  });
});

describe('催办 and 抄送', () => {
  it('催办 messages the candidates of an unclaimed task, once an hour, and only from someone involved', async () => {
    const { instanceId, accept } = await start('ops-remind');
    await act(tok.zhang, accept, 'complete', { outcome: 'approve' });
    const reviewA = (await open(instanceId)).find((t) => t.nodeName === '治安审核')!;
    expect((await act(tok.chen, reviewA.id, 'remind')).json().code).toBe('WORKFLOW_OPERATION_FORBIDDEN');
    expect((await act(tok.zhang, reviewA.id, 'remind', { message: '申请人来电催问' })).statusCode).toBe(200);
    expect(await messages(tok.li)).toContainEqual(expect.objectContaining({ title: '催办：治安审核', body: '张受理催办办件 ops-remind 的“治安审核”：附言：申请人来电催问' }));
    const again = await act(tok.zhang, reviewA.id, 'remind');
    expect([again.statusCode, again.json().code]).toEqual([429, 'WORKFLOW_REMIND_TOO_OFTEN']);
    expect((await detail(tok.li, reviewA.id)).history.at(-1)).toMatchObject({ action: 'remind', userName: '张受理', opinion: '申请人来电催问' });
  });

  it('抄送 tells the chosen officers, who find it under 抄送我的 and may read the task but not act on it', async () => {
    const { instanceId, accept } = await start('ops-cc');
    await act(tok.zhang, accept, 'claim');
    expect((await call(tok.chen, 'GET', `/api/workflow/tasks/${accept}`)).statusCode).toBe(404); // nothing to do with it yet
    expect((await act(tok.zhang, accept, 'cc', { userIds: [ids.chen, ids.zhang], opinion: '跨所协查，请知悉' })).statusCode).toBe(200);
    const cc = (await call(tok.chen, 'GET', '/api/workflow/cc')).json();
    expect(cc.total).toBe(1);
    expect(cc.items[0]).toMatchObject({ instanceId, taskId: accept, nodeName: '受理', businessKey: 'ops-cc', definitionName: '测试流程', fromUserName: '张受理', opinion: '跨所协查，请知悉' });
    expect((await call(tok.zhang, 'GET', '/api/workflow/cc')).json().total).toBe(0); // not to oneself
    expect(await messages(tok.chen)).toContainEqual(expect.objectContaining({ title: '抄送：受理', body: '张受理将办件 ops-cc 的“受理”抄送给您：意见：跨所协查，请知悉' }));
    const seen = await detail(tok.chen, accept);
    expect(seen).toMatchObject({ id: accept, allowedActions: [], businessKey: 'ops-cc' });
    expect(await history(instanceId)).toEqual(['start', 'cc']);
    expect((await call(tok.wang, 'GET', '/api/workflow/cc')).json().total).toBe(0);
  });
});
