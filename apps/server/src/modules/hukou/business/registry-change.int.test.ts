import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';

// 户口注销 and 非主项变更 at the station: on 办结 the registry changes, with the old values in the trajectory.
const CANCEL = 'JS-Z003';
const ITEM_CHANGE = 'JS-Z005';
let p: TestPlatform;
let officer: string; // 新街口派出所
const caseCall = apiCaller(() => p, '/api/admin/case');
const hukou = apiCaller(() => p, '/api/admin/hukou');
type Member = { id: string; name: string; relationToHead: string | null; householdId: string; status: string };
type Person = { id: string; name: string; idNo: string; [k: string]: unknown };
let adults: Person[];

const declarant = (who: Person) => ({ name: who.name, idNo: who.idNo, declarantRelation: 'self', contactPhone: '13951000002' });

async function handle(matterCode: string, applicant: Person, formData: Record<string, unknown>) {
  const created = await caseCall(officer, 'POST', '/cases', {
    matterCode, applicantType: 'natural_person', applicantName: applicant.name, applicantIdNo: applicant.idNo, contactPhone: '13951000002', formData,
  });
  expect(created.statusCode, created.body).toBe(200);
  let c = created.json();
  for (const body of [{ action: 'accept', taskId: c.openTasks[0].id }, null]) {
    const res = await caseCall(officer, 'POST', `/cases/${c.id}/actions`, body ?? { action: 'approve_step', taskId: c.openTasks[0].id, outcome: 'approve', opinion: '准予' });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
  }
  expect(c).toMatchObject({ status: 'concluded', result: 'approved' });
  await p.events.dispatch();
  return c as { id: string; caseNo: string };
}
const person = async (id: string) => (await hukou(officer, 'GET', `/persons/${id}`)).json();

beforeAll(async () => {
  p = await createTestPlatform();
  officer = await p.login('xinjiekou');
  const heads = ((await hukou(officer, 'GET', '/persons?pageSize=200')).json().items as Member[]).filter((m) => m.relationToHead === '02').slice(0, 2);
  adults = await Promise.all(heads.map((h) => person(h.id)));
});
afterAll(() => p.close());

describe('户口登记项目变更 and 户口注销', () => {
  it('a 非主项 change writes the new value and keeps the old one in the trajectory', async () => {
    const who = adults[0];
    const c = await handle(ITEM_CHANGE, who, { ...declarant(who), subjectName: who.name, subjectIdNo: who.idNo, changeItem: 'heightCm', newHeightCm: 181, changeReason: '原登记有误' });
    const after = await person(who.id);
    expect(after.heightCm).toBe(181);
    expect(after.changes[0]).toMatchObject({ kind: 'correction', caseNo: c.caseNo, before: { heightCm: who.heightCm }, after: { heightCm: 181 } });
    expect(after.changes[0].summary).toMatch(/^身高变更：/);
  });

  it('a name that does not match the registry changes nothing and leaves the reason in the audit trail', async () => {
    const who = adults[0];
    const c = await handle(ITEM_CHANGE, who, { ...declarant(who), subjectName: '不是本人', subjectIdNo: who.idNo, changeItem: 'bloodType', newBloodType: 'AB' });
    expect((await person(who.id)).bloodType).toBe(who.bloodType);
    const logs = await p.app.inject({ url: '/api/admin/audit/logs?action=hukou.effect.registry_item_change&result=failure', headers: p.as(await p.login('auditor')) });
    expect(logs.json().items[0]).toMatchObject({ detail: { caseNo: c.caseNo, reason: '申报的姓名与人口库登记的不一致' } });
  });

  it('户口注销 for a death ends the registration with the reason; the person stays findable with the status', async () => {
    const who = adults[1];
    const c = await handle(CANCEL, adults[0], { ...declarant(adults[0]), declarantRelation: 'family', subjectName: who.name, subjectIdNo: who.idNo, cancelReason: 'death', eventDate: '2026-01-10', proofNo: 'SW20260110001' });
    const after = await person(who.id);
    expect(after).toMatchObject({ status: 'deceased', statusReason: '死亡（2026-01-10，证明编号 SW20260110001）' });
    expect(after.changes[0]).toMatchObject({ kind: 'death', caseNo: c.caseNo });
    // the list still finds the person, by status
    const deceased = (await hukou(officer, 'GET', '/persons?status=deceased')).json().items as Member[];
    expect(deceased.map((m) => m.id)).toContain(who.id);
    // a second 注销 of the same person finds nobody registered
    const again = await handle(CANCEL, adults[0], { ...declarant(adults[0]), declarantRelation: 'family', subjectName: who.name, subjectIdNo: who.idNo, cancelReason: 'death', eventDate: '2026-01-10', proofNo: 'SW20260110001' });
    const logs = await p.app.inject({ url: '/api/admin/audit/logs?action=hukou.effect.registration_cancel&result=failure', headers: p.as(await p.login('auditor')) });
    expect(logs.json().items[0]).toMatchObject({ detail: { caseNo: again.caseNo, reason: expect.stringContaining('没有公民身份号码为') } });
  });
});
