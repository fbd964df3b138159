import { wellKnownMatterCodes } from '@jsga/contracts';
import { idNumberProblem, sexOfId } from '@jsga/form-engine';
import { chinaDate } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';

// 出生登记 on the matter engine: the station accepts and registers; on 办结 the child is in the registry.
let p: TestPlatform;
let officer: string; // 新街口派出所
const caseCall = apiCaller(() => p, '/api/admin/case');
const hukou = apiCaller(() => p, '/api/admin/hukou');
type Member = { id: string; name: string; relationToHead: string | null; sex: string; householdId: string; householdNo: string };
let family: { householdId: string; householdNo: string; regionCode: string; father: { name: string; idNo: string }; mother: { name: string; idNo: string } };

const yearsAgo = (n: number, days = 0) => chinaDate(new Date(Date.now() - (n * 365.25 + days) * 86_400_000));
const declaration = (over: Record<string, unknown> = {}) => ({
  name: family.father.name, idNo: family.father.idNo, declarantRelation: 'father', contactPhone: '13951000001',
  childName: '张小满', childSex: '2', childBirthDate: yearsAgo(0, 20), childBirthPlace: '320102', childEthnicity: '汉族', birthCertNo: 'S320000001',
  fatherName: family.father.name, fatherIdNo: family.father.idNo, motherName: family.mother.name, motherIdNo: family.mother.idNo,
  householdNo: family.householdNo, relationToHead: '30', ...over,
});

async function register(formData: Record<string, unknown>) {
  const created = await caseCall(officer, 'POST', '/cases', {
    matterCode: wellKnownMatterCodes.birthRegistration, applicantType: 'natural_person', applicantName: family.father.name, applicantIdNo: family.father.idNo,
    contactPhone: '13951000001', formData,
  });
  if (created.statusCode !== 200) return created;
  let c = created.json();
  for (const body of [{ action: 'accept', taskId: c.openTasks[0].id }, null]) {
    const task = body ?? { action: 'approve_step', taskId: c.openTasks[0].id, outcome: 'approve', opinion: '准予登记' };
    const res = await caseCall(officer, 'POST', `/cases/${c.id}/actions`, task);
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
  }
  expect(c).toMatchObject({ status: 'concluded', result: 'approved' });
  await p.events.dispatch();
  return created;
}
const members = async () => (await hukou(officer, 'GET', `/households/${family.householdId}`)).json().members as Member[];

beforeAll(async () => {
  p = await createTestPlatform();
  officer = await p.login('xinjiekou');
  // a married couple of the station's own registry
  const persons = (await hukou(officer, 'GET', '/persons?pageSize=200')).json().items as Member[];
  const isSpouse = (m: Member) => ['10', '11', '12'].includes(m.relationToHead ?? '');
  const head = persons.find((h) => h.relationToHead === '02' && persons.some((s) => s.householdId === h.householdId && isSpouse(s) && s.sex !== h.sex))!;
  const spouse = persons.find((s) => s.householdId === head.householdId && isSpouse(s))!;
  const full = async (id: string) => (await hukou(officer, 'GET', `/persons/${id}`)).json();
  const [a, b] = [await full(head.id), await full(spouse.id)];
  const [father, mother] = a.sex === '1' ? [a, b] : [b, a];
  family = { householdId: head.householdId, householdNo: head.householdNo, regionCode: a.regionCode, father: { name: father.name, idNo: father.idNo }, mother: { name: mother.name, idNo: mother.idNo } };
});
afterAll(() => p.close());

describe('出生登记', () => {
  it('办结 adds the child to the household with a valid number of the station\'s county, birth date and sex, and the trajectory names the case', async () => {
    const before = await members();
    const created = await register(declaration());
    expect(created.statusCode, created.body).toBe(200);
    const after = await members();
    expect(after).toHaveLength(before.length + 1);
    const child = after.find((m) => m.name === '张小满')!;
    const view = (await hukou(officer, 'GET', `/persons/${child.id}`)).json();
    expect(idNumberProblem(view.idNo)).toBeNull();
    expect(view.idNo.slice(0, 6)).toBe(family.regionCode);
    expect(view.idNo.slice(6, 14)).toBe(declaration().childBirthDate.replaceAll('-', ''));
    expect(sexOfId(view.idNo)).toBe('女');
    expect(view).toMatchObject({ relationToHead: '30', maritalStatus: '10', ethnicity: '01', status: 'registered' });
    expect(view.changes).toEqual([expect.objectContaining({ kind: 'birth', caseNo: created.json().caseNo, summary: expect.stringMatching(/^出生登记：张小满/) })]);
    // the event delivered again changes nothing
    await p.events.dispatch();
    expect(await members()).toHaveLength(after.length);
  });

  it('a birth more than a year ago needs the reason, and is registered as 往年出生', async () => {
    const refused = await register(declaration({ childName: '张小暑', childBirthDate: yearsAgo(2), lateReason: undefined }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('往年出生未及时申报的原因');
    const ok = await register(declaration({ childName: '张小暑', childSex: '1', childBirthDate: yearsAgo(2), lateReason: '父母长期在外务工，未及时申报' }));
    expect(ok.statusCode, ok.body).toBe(200);
    const child = (await members()).find((m) => m.name === '张小暑')!;
    const view = (await hukou(officer, 'GET', `/persons/${child.id}`)).json();
    expect(sexOfId(view.idNo)).toBe('男');
    expect(view.changes[0].summary).toMatch(/^往年出生登记：张小暑/);
  });

  it('over six the matter does not apply; a 户号 not in the registry registers nobody and leaves a failed audit entry', async () => {
    const old = await register(declaration({ childName: '张小雪', childBirthDate: yearsAgo(7), lateReason: '说明' }));
    expect(old.statusCode).toBe(400);
    expect(old.body).toContain('6周岁以下');
    const count = (await members()).length;
    const created = await register(declaration({ childName: '张小寒', householdNo: '999999999' }));
    expect(created.statusCode, created.body).toBe(200);
    expect(await members()).toHaveLength(count);
    const logs = await p.app.inject({ method: 'GET', url: '/api/admin/audit/logs?action=hukou.effect.birth_registration&result=failure', headers: p.as(await p.login('auditor')) });
    expect(logs.json().items[0]).toMatchObject({ username: 'system:hukou', detail: { caseNo: created.json().caseNo, reason: '落户户号 999999999 不存在或已注销' } });
  });
});
