import { idCheckChar } from '@jsga/form-engine';
import type { RequestCtx } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { ElicenseApi } from '../../elicense';
import type { FilesApi } from '../../files';
import type { FormApi } from '../../form';
import type { IdentityApi } from '../../identity';
import type { MatterApi } from '../../matter';
import type { MessageApi } from '../../message';
import { twoSituationInput } from '../../matter/testing/matter-config.fixture';
import type { WorkflowApi } from '../../workflow';
import { createCaseService, type CaseService } from '../application/case.service';

// 2026-09-26 is a 调休 Saturday (working), 2026-09-28 a holiday Monday. A 2-working-day limit from
// Friday 09-25 therefore runs Sat 09-26 (1) → Sun off → Mon holiday → Tue 09-29 (2).
const CALENDAR = [
  { date: '2026-09-26', kind: 'workday' as const, note: '调休上班' },
  { date: '2026-09-28', kind: 'holiday' as const, note: '测试假日' },
];

let p: TestPlatform;
let clock = new Date('2026-09-25T10:00:00+08:00');
let cases: CaseService;
let officer: RequestCtx;
let officerToken: string;
const at = (iso: string) => { clock = new Date(iso); };
const inbox = async () => (await apiCaller(() => p, '/api/messages')(officerToken, 'GET', '/inbox?pageSize=50')).json().items as Array<{ title: string }>;

beforeAll(async () => {
  p = await createTestPlatform();
  const admin = await p.login('admin');
  const matter = apiCaller(() => p, '/api/admin/matter');
  const created = await matter(admin, 'POST', '/matters', { code: 'TEST-SLA', config: twoSituationInput({ promisedLimitDays: 2, bindings: { formKeys: [], sections: [], processKey: null } }) });
  const v = created.json().versions[0].id;
  await matter(admin, 'POST', `/versions/${v}/submit`);
  await matter(admin, 'POST', `/versions/${v}/publish`);
  const m = p.modules;
  const wf = m.get('workflow')!.api as WorkflowApi;
  await wf.setCalendarDays(p.database.db, CALENDAR);
  cases = createCaseService({
    db: p.database.db, audit: { record: async () => {}, recordFor: async () => {} }, events: p.events,
    identity: m.get('identity')!.api as IdentityApi, matter: m.get('matter')!.api as MatterApi, form: m.get('form')!.api as FormApi,
    workflow: wf, message: m.get('message')!.api as MessageApi, files: m.get('files')!.api as FilesApi,
    elicense: m.get('elicense')!.api as ElicenseApi, numberPattern: '{region}{yyyy}{MM}{dd}{seq:6}', warnDays: 1, now: () => clock,
  });
  officerToken = await p.login('xinjiekou');
  const me = (await p.app.inject({ url: '/api/auth/me', headers: p.as(officerToken) })).json();
  officer = {
    traceId: 't', clientIp: '127.0.0.1',
    user: { userId: me.user.id, username: 'xinjiekou', displayName: me.user.displayName, sessionId: 's', sessionExpiresAt: '', positionId: me.currentPosition.id,
      orgId: me.currentPosition.orgId, permissions: new Set(me.permissions), roleCodes: ['window_officer'], scope: { kind: 'org', orgIds: [me.currentPosition.orgId], userId: me.user.id } },
  };
});
afterAll(() => p.close());

const register = async (name: string) => {
  const c = await cases.create(officer, {
    matterCode: 'TEST-SLA', applicantType: 'natural_person', applicantName: name, applicantIdNo: `32010219900101123${idCheckChar('32010219900101123')}`,
    situationAnswers: { reason: 'spouse' },
  });
  return cases.act(officer, c.id, { action: 'accept' });
};

describe('case SLA clock over a weekend, a holiday and a 调休 Saturday', () => {
  let a: string;
  let b: string;

  it('accepted on Friday, due on Tuesday; the warning comes on the 调休 Saturday, once', async () => {
    at('2026-09-25T10:00:00+08:00');
    const caseA = await register('王五');
    a = caseA.id;
    expect(caseA).toMatchObject({ slaStartDate: '2026-09-25', slaDeadline: '2026-09-29', slaStatus: 'running' });
    b = (await register('赵六')).id;
    expect(await cases.runSla()).toBe(0);

    at('2026-09-26T09:00:00+08:00');
    const sup = await cases.act(officer, b, { action: 'request_supplement', opinion: '补充结婚证' }); // case B stops its clock today
    expect(sup).toMatchObject({ status: 'supplement', slaStatus: 'paused' });
    expect(await cases.runSla()).toBe(1); // A warns; B is paused and stays quiet
    expect((await cases.get(officer, a)).slaStatus).toBe('warning');
    expect(await cases.runSla()).toBe(0);
    expect((await inbox()).map((m) => m.title)).toEqual([`即将超期：${caseA.caseNo}`]);
  });

  it('nothing new over the holiday Monday; on Wednesday the overdue alarm comes once', async () => {
    at('2026-09-28T09:00:00+08:00');
    expect(await cases.runSla()).toBe(0);
    at('2026-09-30T09:00:00+08:00');
    expect(await cases.runSla()).toBe(1);
    expect(await cases.runSla()).toBe(0);
    expect((await cases.get(officer, a)).slaStatus).toBe('overdue');
  });

  it('补件 from Saturday to Tuesday paused one working day, so B is due Wednesday and alarms on Thursday', async () => {
    at('2026-09-29T15:00:00+08:00');
    const back = await cases.act(officer, b, { action: 'supplement_received' });
    expect(back).toMatchObject({ status: 'accepted', slaPausedDays: 1, slaDeadline: '2026-09-30', pauses: [expect.objectContaining({ fromDate: '2026-09-26', toDate: '2026-09-28' })] });
    at('2026-09-30T09:00:00+08:00');
    await cases.runSla();
    expect((await cases.get(officer, b)).slaStatus).toBe('warning');
    at('2026-10-01T09:00:00+08:00');
    await cases.runSla();
    const bView = await cases.get(officer, b);
    expect(bView.slaStatus).toBe('overdue');
    const titles = (await inbox()).map((m) => m.title);
    expect(titles.filter((t) => t === `已超期：${bView.caseNo}`)).toHaveLength(1);
    expect(titles.filter((t) => t === `即将超期：${bView.caseNo}`)).toHaveLength(1);
  });

  it('listing overdue cases uses the stored deadline', async () => {
    const overdue = await cases.list(officer, { page: 1, pageSize: 20, slaStatus: 'overdue' });
    expect(overdue.items.map((c) => c.applicantName).sort()).toEqual(['王五', '赵六']);
  });
});
