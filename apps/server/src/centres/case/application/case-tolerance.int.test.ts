import { chinaDate } from '@jsga/kernel';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, samplePdf } from '../../../testing/multipart';
import { onlineApplicant } from '../../../testing/online-application';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { MessageApi } from '../../message';
import { caseApplication } from '../db/case.schema';
import type { CaseService } from './case.service';

// 容缺受理 of an online 驾驶证补证 missing its 遗失声明: promise, deadline, supply, overdue alarm, refusal.
let p: TestPlatform;
let citizen: string;
let window1: string; // 新街口派出所
let stationId: string;
const officer = apiCaller(() => p, '/api/admin/case');
const { me, upload, submitted } = onlineApplicant(() => p);
const inDays = (n: number) => chinaDate(new Date(Date.now() + n * 86_400_000));
const caseService = () => p.modules.get('case')!.api as CaseService;

async function tolerated(deadline = inDays(7)) {
  const caseId = await submitted(citizen, stationId);
  const c = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
  const res = await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept_tolerated', taskId: c.openTasks[0].id, missingMaterials: ['LOSS_STATEMENT'], toleranceDeadline: deadline, opinion: '遗失声明容缺' });
  expect(res.statusCode, res.body).toBe(200);
  return caseId;
}

beforeAll(async () => {
  p = await createTestPlatform();
  [citizen, window1] = await Promise.all([p.loginCitizen(), p.login('xinjiekou')]);
  stationId = (await me(citizen, 'GET', '/service-points?keyword=新街口')).json().items[0].id;
});
afterAll(() => p.close());

describe('容缺受理', () => {
  it('needs a deadline after today and within the matter\'s limit', async () => {
    const caseId = await submitted(citizen, stationId);
    const c = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
    const act = (toleranceDeadline?: string) => officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept_tolerated', taskId: c.openTasks[0].id, missingMaterials: ['LOSS_STATEMENT'], toleranceDeadline });
    for (const d of [undefined, chinaDate(new Date()), inDays(31)]) {
      const res = await act(d);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'CASE_TOLERANCE_DEADLINE_INVALID', message: expect.stringContaining('不超过 30 天') });
    }
    expect((await officer(window1, 'GET', `/cases/${caseId}`)).json()).toMatchObject({ status: 'submitted', tolerance: null });
  });

  it('online: the applicant signs the promise, hands in the material, and the officer confirms 容缺材料补齐', async () => {
    const caseId = await tolerated();
    const seen = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
    expect(seen).toMatchObject({ status: 'tolerated', toleranceDeadline: inDays(7), tolerance: { deadline: inDays(7), overdue: false, promise: null, materials: [{ code: 'LOSS_STATEMENT', name: '驾驶证遗失声明', supplied: false }] } });
    expect(seen.allowedActions).not.toContain('not_accept');
    expect((await officer(window1, 'GET', '/cases?queue=tolerated')).json().items.map((x: { id: string }) => x.id)).toContain(caseId);

    // the applicant is asked to sign first, and sees it among their to-dos
    expect((await me(citizen, 'GET', `/cases/${caseId}`)).json()).toMatchObject({ todo: 'sign_promise', tolerance: { promise: null } });
    expect((await me(citizen, 'GET', '/cases?status=todo')).json().items.map((x: { id: string }) => x.id)).toContain(caseId);
    expect((await me(citizen, 'POST', `/cases/${caseId}/tolerance-promise`, { agree: false })).statusCode).toBe(400);
    const signed = await me(citizen, 'POST', `/cases/${caseId}/tolerance-promise`, { agree: true });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ todo: 'supply_tolerated', tolerance: { promise: { via: 'online', fileId: expect.any(String) } } });
    expect(signed.json().steps.map((s: { label: string }) => s.label)).toContain('签署容缺受理承诺书');
    expect((await me(citizen, 'POST', `/cases/${caseId}/tolerance-promise`, { agree: true })).json()).toMatchObject({ code: 'CASE_TOLERANCE_PROMISE_SIGNED' });
    // the signed promise is a PDF the station can open
    const promise = await p.app.inject({ url: `/api/files/${signed.json().tolerance.promise.fileId}/content`, headers: p.as(window1) });
    expect(promise.statusCode).toBe(200);
    expect(promise.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await me(citizen, 'GET', `/cases/${caseId}/files/${signed.json().tolerance.promise.fileId}`)).statusCode).toBe(200);

    // nothing handed in yet: the officer cannot confirm
    expect((await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'tolerated_completed' })).json())
      .toMatchObject({ code: 'CASE_TOLERANCE_MATERIALS_MISSING', message: '容缺材料尚未补齐：驾驶证遗失声明' });
    const fileId = await upload(citizen, '遗失声明.pdf', samplePdf('statement'));
    expect((await me(citizen, 'POST', `/cases/${caseId}/supplement`, { materials: [{ materialCode: 'PHOTO', fileId }] })).json()).toMatchObject({ code: 'CASE_MATERIAL_NOT_MISSING' });
    const supplied = await me(citizen, 'POST', `/cases/${caseId}/supplement`, { materials: [{ materialCode: 'LOSS_STATEMENT', fileId }] });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect(supplied.json()).toMatchObject({ status: 'tolerated', todo: null, tolerance: { materials: [{ code: 'LOSS_STATEMENT', supplied: true }] } });
    const inbox = (await p.app.inject({ url: '/api/messages/inbox', headers: p.as(window1) })).json();
    expect(inbox.items.map((m: { title: string }) => m.title)).toContain(`容缺材料已补交：${seen.caseNo}`);

    const done = await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'tolerated_completed' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'accepted' });
    expect(done.json().materials.find((m: { materialCode: string }) => m.materialCode === 'LOSS_STATEMENT')).toMatchObject({ status: 'supplemented', fileId });
    expect((await officer(window1, 'GET', '/cases?queue=tolerated_done')).json().items.map((x: { id: string }) => x.id)).toContain(caseId);
  });

  it('at the window the signed paper promise is required, and scans of the missing materials complete it', async () => {
    const caseId = await submitted(citizen, stationId);
    await p.database.db.update(caseApplication).set({ channel: 'window' }).where(eq(caseApplication.id, caseId));
    const c = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
    const body = { action: 'accept_tolerated', taskId: c.openTasks[0].id, missingMaterials: ['LOSS_STATEMENT'], toleranceDeadline: inDays(5) };
    expect((await officer(window1, 'POST', `/cases/${caseId}/actions`, body)).json()).toMatchObject({ code: 'CASE_TOLERANCE_PROMISE_REQUIRED' });

    // the promise to print, with the applicant, the material and the date on it
    const preview = await officer(window1, 'POST', `/cases/${caseId}/tolerance-promise/preview`, { missingMaterials: ['LOSS_STATEMENT'], toleranceDeadline: inDays(5) });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');

    const scan = async (name: string) => {
      const m = multipart(name, samplePdf(name));
      const res = await p.app.inject({ method: 'POST', url: '/api/files/', headers: { ...p.as(window1), ...m.headers }, payload: m.payload });
      return res.json().id as string;
    };
    const promiseFileId = await scan('承诺书.pdf');
    const accepted = await officer(window1, 'POST', `/cases/${caseId}/actions`, { ...body, promiseFileId });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().tolerance).toMatchObject({ promise: { via: 'paper', fileId: promiseFileId } });
    expect((await me(citizen, 'GET', `/cases/${caseId}`)).json().todo).toBe('supply_tolerated');

    const done = await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'tolerated_completed', materials: [{ materialCode: 'LOSS_STATEMENT', fileId: await scan('声明.pdf') }] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'accepted', tolerance: { materials: [{ supplied: true }] } });
  });

  it('past the deadline the officer and the applicant are alarmed once, and the officer may then refuse', async () => {
    const caseId = await tolerated(inDays(3));
    // not overdue yet: refusing is not offered and is refused
    expect((await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'not_accept', opinion: '逾期未补交' })).json()).toMatchObject({ code: 'CASE_TOLERANCE_NOT_OVERDUE' });
    await p.database.db.update(caseApplication).set({ toleranceDeadline: inDays(-1) }).where(eq(caseApplication.id, caseId));

    expect(await caseService().runToleranceDeadlines()).toBeGreaterThanOrEqual(1);
    expect(await caseService().runToleranceDeadlines()).toBe(0);
    const c = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
    expect(c.tolerance).toMatchObject({ overdue: true });
    expect(c.allowedActions).toContain('not_accept');
    expect(c.history.at(-1)).toMatchObject({ action: 'tolerance_overdue', userName: '系统' });
    const inbox = (await p.app.inject({ url: '/api/messages/inbox', headers: p.as(window1) })).json();
    expect(inbox.items.filter((m: { title: string }) => m.title === `容缺材料逾期：${c.caseNo}`)).toHaveLength(1);
    const sms = await (p.modules.get('message')!.api as MessageApi).listSms(p.database.db, caseId);
    expect(sms.filter((s) => s.body.includes('尚未提交'))).toHaveLength(1);

    const refused = await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'not_accept', opinion: '容缺材料逾期未补交，按承诺不予受理' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'not_accepted', openTasks: [] });
    expect((await me(citizen, 'GET', `/cases/${caseId}`)).json()).toMatchObject({ status: 'not_accepted', refusalReason: '容缺材料逾期未补交，按承诺不予受理' });
  });
});
