import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { WorkflowApi } from '../index';
import { approvalXml } from '../testing/bpmn.fixtures';
import { chinaDate } from '@jsga/kernel';
import { addDays } from '../calendar/business-calendar.rules';

let p: TestPlatform;
let admin: string;
beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
});
afterAll(() => p.close());

const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  p.app.inject({ method, url: `/api/admin/workflow${url}`, headers: p.as(token), ...(payload ? { payload } : {}) });

describe('workflow administration over HTTP', () => {
  it('deploys BPMN as a draft, refuses a broken one with its problems, and publishes', async () => {
    const broken = await call(admin, 'POST', '/definitions', { key: 'broken', xml: approvalXml.replace('jsga:candidateRole="approver"', '') });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'WORKFLOW_DEFINITION_INVALID' });
    expect(broken.json().details.problems).toContain('治安审核（reviewA） 未配置办理人');
    const deployed = await call(admin, 'POST', '/definitions', { key: 'hukou-approval', xml: approvalXml });
    expect(deployed.json()).toMatchObject({ key: 'hukou-approval', version: 1, status: 'draft', name: '测试流程' });
    const published = await call(admin, 'POST', `/definitions/${deployed.json().id}/publish`);
    expect(published.json().status).toBe('published');
    const again = await call(admin, 'POST', `/definitions/${deployed.json().id}/publish`);
    expect(again.json().code).toBe('WORKFLOW_DEFINITION_NOT_DRAFT');
    const v2 = await call(admin, 'POST', '/definitions', { key: 'hukou-approval', xml: approvalXml });
    expect(v2.json().version).toBe(2);
    const list = (await call(admin, 'GET', '/definitions?keyword=hukou-approval')).json();
    expect(list.items.map((d: { version: number; status: string }) => [d.version, d.status])).toEqual([[2, 'draft'], [1, 'published']]);
    const detail = (await call(admin, 'GET', `/definitions/${deployed.json().id}`)).json();
    expect(detail.bpmnXml).toContain('bpmn:definitions');
  });

  it('holidays saved in the business calendar push task due dates back', async () => {
    const today = chinaDate(new Date());
    const off = Array.from({ length: 10 }, (_, i) => addDays(today, i + 1));
    for (const year of new Set(off.map((d) => Number(d.slice(0, 4))))) {
      const res = await call(admin, 'PUT', '/calendar', { year, days: off.filter((d) => d.startsWith(`${year}-`)).map((date) => ({ date, kind: 'holiday', note: '测试假期' })) });
      expect(res.statusCode).toBe(200);
    }
    const year = Number(off[0].slice(0, 4));
    expect((await call(admin, 'GET', `/calendar?year=${year}`)).json().days.length).toBeGreaterThan(0);
    const wf = p.modules.get('workflow')!.api as WorkflowApi;
    const system = { traceId: 't', clientIp: '127.0.0.1' };
    const instanceId = await p.database.db.transaction(async (q) => (await wf.start(q, system, { key: 'hukou-approval', businessKey: 'c1', variables: { amount: 1 } })).instanceId);
    const [task] = await p.database.db.transaction((q) => wf.openTasks(q, instanceId));
    expect(task.dueDate! > off[off.length - 1]).toBe(true); // 2 working days, none of them in the holiday
    const wrongYear = await call(admin, 'PUT', '/calendar', { year: 2030, days: [{ date: '2031-01-01', kind: 'holiday' }] });
    expect(wrongYear.json().code).toBe('WORKFLOW_CALENDAR_YEAR_MISMATCH');
  });

  it('is closed to officers without workflow rights', async () => {
    const officer = await p.login('xinjiekou');
    expect((await call(officer, 'GET', '/definitions')).statusCode).toBe(403);
    expect((await call(officer, 'PUT', '/calendar', { year: 2026, days: [] })).statusCode).toBe(403);
  });
});
