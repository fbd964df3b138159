import { chinaDate, type RequestCtx } from '@jsga/kernel';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { WorkflowApi } from '../index';
import { approvalXml } from '../testing/bpmn.fixtures';

let p: TestPlatform;
const system: RequestCtx = { traceId: 't', clientIp: '127.0.0.1' };
const tok = {} as Record<'admin' | 'li' | 'zhang' | 'chen', string>;
const org = {} as Record<'xjk' | 'fzm', string>;
const def = {} as Record<'v1' | 'v2' | 'draft', string>;
let onV1: string;
const wf = () => p.modules.get('workflow')!.api as WorkflowApi;
const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  p.app.inject({ method, url, headers: p.as(token), ...(payload ? { payload } : {}) });
const admin = (token: string, method: 'GET' | 'POST', url: string, payload?: object) => call(token, method, `/api/admin/workflow${url}`, payload);
const open = (instanceId: string) => p.database.db.transaction((q) => wf().openTasks(q, instanceId));
const start = async (businessKey: string, acceptingOrgId: string) =>
  (await p.database.db.transaction((q) => wf().start(q, system, { key: 'mon', businessKey, variables: { amount: 1, acceptingOrgId } }))).instanceId;

// v2 renames the first node: 受理 (accept) becomes 受理（新） (acceptV2)
const v2Xml = approvalXml.replace('id="accept" name="受理"', 'id="acceptV2" name="受理（新）"').replace('targetRef="accept"', 'targetRef="acceptV2"').replace('sourceRef="accept"', 'sourceRef="acceptV2"');

beforeAll(async () => {
  p = await createTestPlatform();
  for (const [k, u] of [['admin', 'admin'], ['li', 'xuanwu'], ['zhang', 'xinjiekou'], ['chen', 'fuzimiao']] as const) tok[k] = await p.login(u);
  org.xjk = (await call(tok.admin, 'GET', '/api/admin/identity/orgs?keyword=320102510100')).json().items[0].id;
  org.fzm = (await call(tok.admin, 'GET', '/api/admin/identity/orgs?keyword=320104510100')).json().items[0].id;
  await p.database.db.transaction(async (q) => {
    def.v1 = (await wf().deploy(q, system, { key: 'mon', xml: approvalXml })).id;
    await wf().publish(q, system, def.v1);
  });
  onV1 = await start('mon-migrate', org.xjk);
  await p.database.db.transaction(async (q) => {
    def.v2 = (await wf().deploy(q, system, { key: 'mon', xml: v2Xml })).id;
    await wf().publish(q, system, def.v2);
    def.draft = (await wf().deploy(q, system, { key: 'mon', xml: approvalXml })).id;
  });
});
afterAll(() => p.close());

describe('流程监控 over HTTP', () => {
  it('lists instances within the data scope and shows one with its diagram, active and completed nodes, tasks and history', async () => {
    // v2 is the latest published version: new instances run it
    const mine = await start('mon-1', org.xjk);
    const elsewhere = await start('mon-2', org.fzm);
    const list = (await admin(tok.admin, 'GET', '/instances?key=mon&pageSize=50')).json();
    expect(list.items.map((i: { businessKey: string }) => i.businessKey)).toEqual(expect.arrayContaining(['mon-1', 'mon-2']));
    expect(list.items.find((i: { id: string }) => i.id === mine)).toMatchObject({ status: 'running', suspended: false, definition: { key: 'mon', version: 2, name: '测试流程' } });
    expect((await admin(tok.admin, 'GET', '/instances?key=mon&status=completed')).json().total).toBe(0);

    // 李审批 supervises 玄武分局 and below: 新街口 yes, 夫子庙 (秦淮) no
    const scoped = (await admin(tok.li, 'GET', '/instances?keyword=mon-')).json();
    expect(scoped.items.map((i: { businessKey: string }) => i.businessKey).sort()).toEqual(['mon-1', 'mon-migrate']);
    expect((await admin(tok.li, 'GET', `/instances/${elsewhere}`)).statusCode).toBe(404);
    expect((await admin(tok.chen, 'GET', '/instances')).statusCode).toBe(403);

    const [accept] = await open(mine);
    await call(tok.zhang, 'POST', `/api/workflow/tasks/${accept.id}/complete`, { outcome: 'approve', opinion: '材料齐全' });
    const d = (await admin(tok.li, 'GET', `/instances/${mine}`)).json();
    expect(d.definition).toMatchObject({ key: 'mon', version: 2 });
    expect(d.definition.bpmnXml).toContain('bpmn:definitions');
    expect(d.activeNodeIds.sort()).toEqual(['reviewA', 'reviewB']);
    expect(d.completedNodeIds).toEqual(['start', 'acceptV2', 'gw', 'merge', 'fork']);
    expect(d.tasks.map((t: { nodeName: string; status: string }) => [t.nodeName, t.status])).toEqual(expect.arrayContaining([['受理（新）', 'completed'], ['治安审核', 'open'], ['户政审核', 'open']]));
    expect(d.history.map((h: { action: string; userName: string | null }) => [h.action, h.userName])).toEqual([['start', null], ['approve', '张受理']]);
  });

  it('migrates a running instance to a newer published version, naming unmapped nodes, and renames its open task', async () => {
    const id = onV1;
    const [task] = await open(id);
    expect(task).toMatchObject({ nodeId: 'accept', nodeName: '受理' });
    expect((await admin(tok.li, 'POST', `/instances/${id}/migrate`, { targetDefinitionId: def.v2 })).statusCode).toBe(403); // monitor rights only
    expect((await admin(tok.admin, 'POST', `/instances/${id}/migrate`, { targetDefinitionId: def.v1 })).json().code).toBe('WORKFLOW_MIGRATION_TARGET_INVALID');
    expect((await admin(tok.admin, 'POST', `/instances/${id}/migrate`, { targetDefinitionId: def.draft })).json().code).toBe('WORKFLOW_MIGRATION_TARGET_INVALID');
    const unmapped = await admin(tok.admin, 'POST', `/instances/${id}/migrate`, { targetDefinitionId: def.v2 });
    expect([unmapped.statusCode, unmapped.json().code, unmapped.json().message]).toEqual([400, 'WORKFLOW_MIGRATION_UNMAPPED_NODES', '目标版本中缺少以下节点，请提供节点映射：受理（accept）']);
    expect((await open(id))[0]).toMatchObject({ nodeId: 'accept' }); // nothing moved
    const moved = await admin(tok.admin, 'POST', `/instances/${id}/migrate`, { targetDefinitionId: def.v2, nodeMapping: { accept: 'acceptV2' } });
    expect(moved.json()).toEqual({ instanceId: id, fromVersion: 1, toVersion: 2, moved: [{ taskId: task.id, from: 'accept', to: 'acceptV2' }] });
    expect((await open(id))[0]).toMatchObject({ id: task.id, nodeId: 'acceptV2', nodeName: '受理（新）', candidateOrgId: org.xjk });
    const d = (await admin(tok.admin, 'GET', `/instances/${id}`)).json();
    expect(d.definition.version).toBe(2);
    expect(d.history.at(-1)).toMatchObject({ action: 'migrate', opinion: '由第 1 版迁移至第 2 版', userName: '系统管理员' });
    expect((await call(tok.zhang, 'POST', `/api/workflow/tasks/${task.id}/complete`, { outcome: 'approve' })).statusCode).toBe(200);
    expect((await open(id)).map((t) => t.nodeName).sort()).toEqual(['户政审核', '治安审核']);
  });

  it('suspends and resumes over HTTP; lists overdue and warning tasks of running, unsuspended instances', async () => {
    const today = chinaDate(new Date());
    const [late, warn, later, paused] = await Promise.all(['mon-late', 'mon-warn', 'mon-later', 'mon-paused'].map((k) => start(k, org.xjk)));
    const taskOf = async (id: string) => (await open(id))[0].id;
    for (const [id, due] of [[late, '2020-01-02'], [warn, today], [later, '2099-12-31'], [paused, '2020-01-02']]) {
      await p.database.db.execute(sql`update workflow_task set due_date = ${due} where id = ${await taskOf(id)}`);
    }
    expect((await admin(tok.admin, 'POST', `/instances/${paused}/suspend`, { reason: '' })).statusCode).toBe(400);
    expect((await admin(tok.admin, 'POST', `/instances/${paused}/suspend`, { reason: '补件' })).json()).toEqual({ ok: true });
    expect((await admin(tok.admin, 'GET', `/instances/${paused}`)).json()).toMatchObject({ suspended: true, suspendReason: '补件' });
    const pausedTask = await taskOf(paused);
    const refused = await call(tok.zhang, 'POST', `/api/workflow/tasks/${pausedTask}/complete`, { outcome: 'approve' });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'WORKFLOW_INSTANCE_SUSPENDED']);
    expect((await call(tok.zhang, 'GET', `/api/workflow/tasks/${pausedTask}`)).json()).toMatchObject({ suspended: true, allowedActions: [] });

    const overdue = (await admin(tok.li, 'GET', '/tasks/overdue?pageSize=50')).json();
    const mine = overdue.items.filter((t: { businessKey: string }) => t.businessKey.startsWith('mon-'));
    expect(mine.map((t: { businessKey: string; slaStatus: string }) => [t.businessKey, t.slaStatus])).toEqual([['mon-late', 'overdue'], ['mon-warn', 'warning']]);
    expect(mine[0].overdueDays).toBeGreaterThan(2000);
    expect(mine[1].overdueDays).toBe(0);

    expect((await admin(tok.admin, 'POST', `/instances/${paused}/resume`, {})).json()).toEqual({ ok: true });
    expect((await admin(tok.admin, 'POST', `/instances/${paused}/resume`, {})).json().code).toBe('WORKFLOW_INSTANCE_NOT_SUSPENDED');
    const again = (await admin(tok.li, 'GET', '/tasks/overdue?pageSize=50')).json();
    expect(again.items.filter((t: { businessKey: string }) => t.businessKey === 'mon-paused')).toHaveLength(1);
  });
});
