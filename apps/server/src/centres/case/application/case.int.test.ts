import { idCheckChar } from '@jsga/form-engine';
import { chinaDate, listEvents, type RequestCtx } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { twoSituationInput } from '../../matter/testing/matter-config.fixture';
import type { MessageApi } from '../../message';
import type { WorkflowApi } from '../../workflow';
import { caseProcessV1, caseProcessV2 } from '../testing/case-process.fixtures';

let p: TestPlatform;
let admin: string;
let window1: string; // 新街口派出所 受理岗
let window2: string; // 夫子庙派出所 受理岗
let approver: string; // 玄武分局 审批
let matterId: string;
let v2Definition: string;
const system: RequestCtx = { traceId: 't', clientIp: '127.0.0.1' };
const idNo = (first17: string) => first17 + idCheckChar(first17);
const APPLICANT = idNo('32010219990101123');

const matterApi = apiCaller(() => p, '/api/admin/matter');
const matterCall = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => matterApi(admin, method, url, payload);
const caseCall = apiCaller(() => p, '/api/admin/case');
const wf = () => p.modules.get('workflow')!.api as WorkflowApi;

async function publishVersion(versionId: string) {
  expect((await matterCall('POST', `/versions/${versionId}/submit`)).statusCode).toBe(200);
  expect((await matterCall('POST', `/versions/${versionId}/publish`)).statusCode).toBe(200);
}
const newCase = (token: string, extra: Record<string, unknown> = {}) => caseCall(token, 'POST', '/cases', {
  matterCode: 'TEST-CASE', applicantType: 'natural_person', applicantName: '张三', applicantIdNo: APPLICANT, contactPhone: '13912345678',
  situationAnswers: { reason: 'college', direction: 'enrol' }, formData: {}, ...extra,
});

beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
  [window1, window2, approver] = await Promise.all([p.login('xinjiekou'), p.login('fuzimiao'), p.login('xuanwu')]);
  await p.database.db.transaction(async (q) => {
    const d = await wf().deploy(q, system, { key: 'case_test', xml: caseProcessV1 });
    await wf().publish(q, system, d.id);
  });
  const created = await matterCall('POST', '/matters', { code: 'TEST-CASE', config: twoSituationInput({ bindings: { formKeys: [], sections: [], processKey: 'case_test' } }) });
  expect(created.statusCode).toBe(200);
  matterId = created.json().id;
  await publishVersion(created.json().versions[0].id);
});
afterAll(() => p.close());

describe('case centre', () => {
  let caseId: string;

  it('registers a case with a region-date-sequence number on the published matter version, and starts its process', async () => {
    const res = await newCase(window1, { idempotencyKey: 'window-1-first-case' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    caseId = c.id;
    const today = chinaDate(new Date()).replaceAll('-', '');
    expect(c.caseNo).toBe(`320102${today}000001`);
    expect(c).toMatchObject({ status: 'submitted', matterVersionNo: 1, applicantIdNoMasked: expect.stringMatching(/^3201\*+\d{3}[\dX]$|^320102\*+/), contactPhoneMasked: '139****5678' });
    expect(c.applicantIdNoMasked).not.toContain('19990101');
    expect(c.openTasks.map((t: { nodeName: string }) => t.nodeName)).toEqual(['受理']);
    expect(c.history).toEqual([expect.objectContaining({ action: 'submit', toStatus: 'submitted', userName: expect.any(String), orgName: '新街口派出所' })]);
    // the same submission again (a double click, a retried request) gives the same case, not a second one
    const again = await newCase(window1, { idempotencyKey: 'window-1-first-case' });
    expect(again.json().id).toBe(caseId);
    const second = await newCase(window1);
    expect(second.json().caseNo).toBe(`320102${today}000002`);
  });

  it('refuses a bad ID number and an applicant the situation rules out, with Chinese messages', async () => {
    const badId = await newCase(window1, { applicantIdNo: '320102199901011230' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ code: 'CASE_APPLICANT_ID_INVALID', message: '公民身份号码无效' });
    const child = await newCase(window1, { applicantIdNo: idNo('32010220200101123') });
    expect(child.json()).toMatchObject({ code: 'CASE_NOT_ELIGIBLE', message: '须年满15周岁' });
  });

  it('search stays inside the data scope: another station neither lists nor opens the case', async () => {
    const mine = await caseCall(window1, 'GET', '/cases?keyword=张三');
    expect(mine.json().total).toBe(2);
    const byId = await caseCall(window1, 'GET', `/cases?keyword=${APPLICANT}`);
    expect(byId.json().total).toBe(2);
    const other = await caseCall(window2, 'GET', '/cases?keyword=张三');
    expect(other.json()).toEqual({ items: [], total: 0 });
    expect((await caseCall(window2, 'GET', `/cases/${caseId}`)).statusCode).toBe(404);
    const county = await caseCall(approver, 'GET', '/cases?status=submitted&matterCode=TEST-CASE');
    expect(county.json().total).toBe(2); // 玄武分局 sees its stations' cases
  });

  it('a republished matter applies to new cases only; the running case keeps version 1', async () => {
    const draft = await matterCall('POST', `/matters/${matterId}/versions`, {});
    await matterCall('PUT', `/versions/${draft.json().id}`, { config: twoSituationInput({ promisedLimitDays: 5, bindings: { formKeys: [], sections: [], processKey: 'case_test' } }) });
    await publishVersion(draft.json().id);
    const fresh = await newCase(window1);
    expect(fresh.json()).toMatchObject({ matterVersionNo: 2, limitDays: 5 });
    const old = await caseCall(window1, 'GET', `/cases/${caseId}`);
    expect(old.json()).toMatchObject({ matterVersionNo: 1, limitDays: 10 });
  });

  it('acceptance completes the 受理 task and starts the clock; 补件 pauses it and comes back', async () => {
    const c = (await caseCall(window1, 'GET', `/cases/${caseId}`)).json();
    const noTask = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept' });
    expect(noTask.json().code).toBe('CASE_TASK_REQUIRED');
    const accepted = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept', taskId: c.openTasks[0].id, opinion: '材料齐全', expectedRevision: c.revision });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', slaStartDate: chinaDate(new Date()), slaStatus: expect.stringMatching(/running|warning/) });
    expect(accepted.json().openTasks.map((t: { nodeName: string }) => t.nodeName)).toEqual(['审核']);
    // the 分局 approvers who may claim the next task are told, with the case number and the matter
    const inbox = (await p.app.inject({ url: '/api/messages/inbox', headers: p.as(approver) })).json().items;
    expect(inbox.find((m: { title: string }) => m.title === '新的待办：审核')?.body).toMatch(new RegExp(`^办件 ${c.caseNo}（测试户口迁移）已到“审核”，请在 \\d{4}-\\d{2}-\\d{2} 前办理。$`));
    const stale = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, { action: 'request_supplement', opinion: '补充录取通知书', expectedRevision: c.revision });
    expect(stale.json().code).toBe('CASE_STALE');
    const noReason = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, { action: 'request_supplement' });
    expect(noReason.json().code).toBe('CASE_REASON_REQUIRED');
    const sup = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, { action: 'request_supplement', opinion: '补充录取通知书原件' });
    expect(sup.json()).toMatchObject({ status: 'supplement', slaStatus: 'paused', pauses: [expect.objectContaining({ kind: 'supplement', toDate: null })] });
    expect(sup.json().allowedActions).toEqual(['supplement_received', 'return', 'withdraw']);
    const back = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, { action: 'supplement_received' });
    expect(back.json()).toMatchObject({ status: 'accepted', pauses: [expect.objectContaining({ toDate: expect.any(String) })] });
    const sms = await (p.modules.get('message')!.api as MessageApi).listSms(p.database.db, caseId);
    expect(sms.map((s) => s.body)).toEqual(expect.arrayContaining([expect.stringContaining('已受理'), expect.stringContaining('补充录取通知书原件')]));
  });

  it('a running case moves to the new process version and finishes on it', async () => {
    await p.database.db.transaction(async (q) => {
      const d = await wf().deploy(q, system, { key: 'case_test', xml: caseProcessV2 });
      await wf().publish(q, system, d.id);
      v2Definition = d.id;
    });
    const forbidden = await caseCall(window1, 'POST', `/cases/${caseId}/migrate-process`, { targetDefinitionId: v2Definition });
    expect(forbidden.statusCode).toBe(403);
    const migrated = await caseCall(admin, 'POST', `/cases/${caseId}/migrate-process`, { targetDefinitionId: v2Definition });
    expect(migrated.statusCode).toBe(200);
    expect(migrated.json().openTasks.map((t: { nodeName: string }) => t.nodeName)).toEqual(['审核（新版）']);
    expect(migrated.json().history.at(-1)).toMatchObject({ action: 'migrate_process' });

    const c = migrated.json();
    const approved = await caseCall(approver, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: c.openTasks[0].id, outcome: 'approve', opinion: '同意' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().openTasks.map((t: { nodeName: string }) => t.nodeName)).toEqual(['审批']); // the node v2 added
    const done = await caseCall(approver, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: approved.json().openTasks[0].id, outcome: 'approve', opinion: '准予迁入' });
    expect(done.json()).toMatchObject({ status: 'concluded', result: 'approved', slaStatus: 'stopped', allowedActions: [] });
    expect(done.json().history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept', 'request_supplement', 'supplement_received', 'migrate_process', 'approve_step', 'approve_step']);
    await p.events.dispatch();
    const concluded = await listEvents(p.database.db, 'case.application.concluded');
    expect(concluded.map((e) => e.payload)).toEqual([expect.objectContaining({ caseId, result: 'approved' })]);
  });

  it('refusing acceptance needs a reason and ends the process', async () => {
    const c = (await newCase(window1)).json();
    const noReason = await caseCall(window1, 'POST', `/cases/${c.id}/actions`, { action: 'not_accept', taskId: c.openTasks[0].id });
    expect(noReason.json().code).toBe('CASE_REASON_REQUIRED');
    const refused = await caseCall(window1, 'POST', `/cases/${c.id}/actions`, { action: 'not_accept', taskId: c.openTasks[0].id, opinion: '不属于本所管辖' });
    expect(refused.json()).toMatchObject({ status: 'not_accepted', openTasks: [] });
    const later = await caseCall(window1, 'POST', `/cases/${c.id}/actions`, { action: 'accept' });
    expect(later.json().code).toBe('CASE_ACTION_NOT_ALLOWED');
  });

  it('the full ID number is shown on request, and the look is audited', async () => {
    const res = await caseCall(window1, 'GET', `/cases/${caseId}/sensitive`);
    expect(res.json()).toEqual({ applicantIdNo: APPLICANT, contactPhone: '13912345678' });
    const audit = await p.app.inject({ url: '/api/admin/audit/logs?action=case.application.view_sensitive', headers: p.as(admin) });
    expect(audit.json().total).toBeGreaterThanOrEqual(1);
  });
});
