import { createAudit, type RequestCtx } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { IdentityApi } from '../../identity';
import type { MessageApi } from '../../message';
import type { WorkflowApi } from '../index';
import { approvalXml, timerXml } from '../testing/bpmn.fixtures';
import { createWorkflowService, type WorkflowService } from './workflow.service';

// The workflow service on an injected clock; messages go through the real message centre.
let p: TestPlatform;
let svc: WorkflowService;
let clock: Date;
let xjkOrg: string;
let zhang: string;
const system: RequestCtx = { traceId: 't', clientIp: '127.0.0.1' };
const at = (isoChina: string) => { clock = new Date(`${isoChina}+08:00`); };
const tx = <T>(fn: (q: Parameters<Parameters<TestPlatform['database']['db']['transaction']>[0]>[0]) => Promise<T>) => p.database.db.transaction(fn);

beforeAll(async () => {
  p = await createTestPlatform();
  const identity = p.modules.get('identity')!.api as IdentityApi;
  const message = p.modules.get('message')!.api as MessageApi;
  svc = createWorkflowService({
    db: p.database.db, audit: createAudit({ db: p.database.db }), now: () => clock, warnDays: 1,
    sendMessage: (q, m) => message.send(q, m), resolveCandidates: (q, r, o) => identity.usersWithRole(q, r, o), findUsers: (q, ids) => identity.findUsers(q, ids),
  });
  const admin = await p.login('admin');
  zhang = await p.login('xinjiekou');
  xjkOrg = (await p.app.inject({ url: '/api/admin/identity/orgs?keyword=320102510100', headers: p.as(admin) })).json().items[0].id;
  at('2026-11-01T09:00:00');
  await tx(async (q) => {
    for (const [key, xml] of [['sla', approvalXml], ['sla-timer', timerXml]]) {
      const d = await svc.deploy(q, system, { key, xml });
      await svc.publish(q, system, d.id);
    }
    // Friday 11-06 is a public holiday, Saturday 11-07 a 调休 working day
    await svc.setCalendarDays(q, [{ date: '2026-11-06', kind: 'holiday', note: '测试假日' }, { date: '2026-11-07', kind: 'workday', note: '调休上班' }]);
  });
});
afterAll(() => p.close());

const start = (caseNo: string) => tx((q) => svc.start(q, system, { key: 'sla', businessKey: `case-${caseNo}`, variables: { amount: 1, acceptingOrgId: xjkOrg, caseNo } }));
const openOf = async (instanceId: string) => (await tx((q) => svc.openTasks(q, instanceId)))[0];
const titles = async (token: string) => ((await p.app.inject({ url: '/api/messages/inbox?pageSize=100', headers: p.as(token) })).json().items as Array<{ title: string; body: string }>);

describe('node SLA on the business calendar', () => {
  it('a node due in 2 working days across a weekend, a holiday and a 调休 Saturday warns and alarms on the right dates; 补件 pauses the clock', async () => {
    const log: string[] = [];
    let seen = 0;
    const runOn = async (day: string) => {
      at(`${day}T09:00:00`);
      await svc.runSla();
      await svc.runSla(); // a second run the same day (or on a second server) sends nothing more
      const inbox = (await titles(zhang)).filter((m) => /超期/.test(m.title)); // not the 待办提醒 sent when tasks open
      for (const m of inbox.slice(0, inbox.length - seen).reverse()) log.push(`${day} ${m.title}`);
      seen = inbox.length;
    };

    // case B: reached Monday 11-02, due Wednesday 11-04; 补件 from that afternoon to Wednesday morning
    at('2026-11-02T09:00:00');
    const b = await start('SJ-B');
    expect((await openOf(b.instanceId)).dueDate).toBe('2026-11-04');
    at('2026-11-02T15:00:00');
    await tx((q) => svc.suspend(q, system, { instanceId: b.instanceId, reason: '补件：缺户口簿复印件' }));
    for (const day of ['2026-11-02', '2026-11-03', '2026-11-04']) await runOn(day); // inside the old warning window and past the old due date
    expect(log).toEqual([]);
    at('2026-11-04T10:00:00');
    const resumed = await tx((q) => svc.resume(q, system, { instanceId: b.instanceId }));
    // Tue 11-03 and Wed 11-04 stood still: due two working days later, Thu 11-05 and the 调休 Saturday 11-07
    expect(resumed.tasks).toEqual([{ taskId: (await openOf(b.instanceId)).id, dueDate: '2026-11-07', pausedWorkingDays: 2 }]);
    expect((await tx((q) => svc.history(q, b.instanceId))).map((h) => [h.action, h.opinion])).toEqual([
      ['start', ''], ['suspend', '补件：缺户口簿复印件'], ['resume', '暂停计时 2 个工作日，办理期限相应顺延'],
    ]);

    // case A: reached Thursday 11-05; Fri 11-06 is a holiday, Sat 11-07 counts, Sun 11-08 does not: due Monday 11-09
    at('2026-11-05T08:30:00');
    const a = await start('SJ-A');
    expect((await openOf(a.instanceId)).dueDate).toBe('2026-11-09');

    for (const day of ['2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10', '2026-11-11']) await runOn(day);
    expect(log).toEqual([
      '2026-11-05 即将超期：SJ-B', // one working day before Sat 11-07 is Thu 11-05 (Fri is a holiday)
      '2026-11-07 即将超期：SJ-A', // one working day before Mon 11-09 is the 调休 Saturday
      '2026-11-08 已超期：SJ-B', // the day after its due date, though a Sunday
      '2026-11-10 已超期：SJ-A',
    ]);
    const inbox = await titles(zhang);
    expect(inbox.find((m) => m.title === '即将超期：SJ-B')!.body).toBe('办件 SJ-B 的“受理”将于 2026-11-07 到期，请尽快办理。');
    expect(inbox.find((m) => m.title === '已超期：SJ-A')!.body).toBe('办件 SJ-A 的“受理”已于 2026-11-09 到期未办结。');
    // every candidate of the unclaimed task hears it, not only one
    expect((await titles(await p.login('xjk_fujing'))).filter((m) => /超期/.test(m.title))).toHaveLength(4);
  });

  it('催办 is refused within the hour and allowed again after it', async () => {
    at('2026-11-12T09:00:00');
    const c = await start('SJ-C');
    const task = await openOf(c.instanceId);
    await tx((q) => svc.remind(q, system, { taskId: task.id }));
    at('2026-11-12T09:59:00');
    const early = await tx((q) => svc.remind(q, system, { taskId: task.id })).catch((e) => e);
    expect([early.code, early.status, early.details]).toEqual(['WORKFLOW_REMIND_TOO_OFTEN', 429, { nextAt: '2026-11-12T02:00:00.000Z' }]);
    at('2026-11-12T10:00:30');
    await tx((q) => svc.remind(q, system, { taskId: task.id }));
    expect((await titles(zhang)).filter((m) => m.title === '催办：受理')).toHaveLength(2);
  });

  it('a suspended instance cannot be worked and its timers wait as long as it stood still', async () => {
    at('2026-11-12T09:00:00');
    const { instanceId } = await tx((q) => svc.start(q, system, { key: 'sla-timer', businessKey: 'timer-1', variables: {} }));
    const t = await openOf(instanceId);
    await tx((q) => svc.suspend(q, system, { instanceId, reason: '特别程序：鉴定' }));
    const blocked = await tx((q) => svc.complete(q, system, { taskId: t.id, outcome: 'approve' })).catch((e) => e);
    expect([blocked.code, blocked.message]).toEqual(['WORKFLOW_INSTANCE_SUSPENDED', '流程已挂起（暂停计时），恢复后才能办理']);
    expect((await tx((q) => svc.suspend(q, system, { instanceId, reason: 'x' })).catch((e) => e)).code).toBe('WORKFLOW_INSTANCE_ALREADY_SUSPENDED');
    await tx((q) => svc.resume(q, system, { instanceId }));
    expect((await tx((q) => svc.resume(q, system, { instanceId })).catch((e) => e)).code).toBe('WORKFLOW_INSTANCE_NOT_SUSPENDED');

    await tx((q) => svc.complete(q, system, { taskId: t.id, outcome: 'approve' })); // timer due at once (PT0S)
    await tx((q) => svc.suspend(q, system, { instanceId, reason: '特别程序：听证' }));
    at('2026-11-12T11:00:00');
    expect(await svc.runDueJobs()).toBe(0); // suspended: the timer waits
    await tx((q) => svc.resume(q, system, { instanceId })); // stood still 2 hours: due 11:00
    at('2026-11-12T10:59:00');
    expect(await svc.runDueJobs()).toBe(0);
    at('2026-11-12T11:00:00');
    expect(await svc.runDueJobs()).toBe(1);
  });
});
