import { wellKnownMatterCodes } from '@jsga/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hukouCollegeEnrolSample } from '../../../centres/form/testing/featured-form-samples';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { DEMO_REGISTRY } from '../testing/demo-registry.fixture';
import { pdfPageTexts } from '../../../centres/print/testing/pdf-inspect';

// 大中专院校学生户口迁移 against the registry: eligibility from the registry's facts, and the move on 办结.
let p: TestPlatform;
let window1: string; // 新街口派出所
let approver: string; // 玄武分局
let admin: string;
const caseCall = apiCaller(() => p, '/api/admin/case');
const hukou = apiCaller(() => p, '/api/admin/hukou');
const enrol = { reason: 'college', college_direction: 'enrol', scope: 'in_province' };
type Person = { id: string; name: string; householdId: string; householdNo: string };

const findPerson = async (idNo: string) => ((await hukou(admin, 'GET', `/persons?idNo=${idNo}`)).json().items as Person[])[0];
const registerEnrolment = (who: { name: string; idNo: string }) => caseCall(window1, 'POST', '/cases', {
  matterCode: wellKnownMatterCodes.hukouMigration, applicantType: 'natural_person', applicantName: who.name, applicantIdNo: who.idNo,
  contactPhone: '13951001234', situationAnswers: enrol, formData: { ...hukouCollegeEnrolSample(), name: who.name, idNo: who.idNo },
});

beforeAll(async () => {
  p = await createTestPlatform();
  [window1, approver, admin] = await Promise.all([p.login('xinjiekou'), p.login('xuanwu'), p.login('admin')]);
});
afterAll(() => p.close());

describe('大中专院校录取学生户口迁移 and the registry', () => {
  it('a student whose 户口 is already in a school collective household is stopped with the reason', async () => {
    const res = await registerEnrolment(DEMO_REGISTRY.enrolledStudent);
    expect(res.json()).toMatchObject({ code: 'CASE_NOT_ELIGIBLE', message: '申请人户口已在学校学生集体户，不能重复办理录取迁入' });
  });

  it('an admitted freshman\'s approved case moves him from his family household in 昆山 into the 东南大学学生集体户', async () => {
    const before = await findPerson(DEMO_REGISTRY.freshman.idNo);
    expect(before.householdNo).toBe(DEMO_REGISTRY.freshmanFamily.householdNo);
    const created = await registerEnrolment(DEMO_REGISTRY.freshman);
    expect(created.statusCode, created.body).toBe(200);
    let c = created.json();
    c = (await caseCall(window1, 'POST', `/cases/${c.id}/actions`, { action: 'accept', taskId: c.openTasks[0].id })).json();
    for (let tasks = c.openTasks; tasks.length; tasks = (await caseCall(approver, 'GET', `/cases/${c.id}`)).json().openTasks) {
      const res = await caseCall(approver, 'POST', `/cases/${c.id}/actions`, { action: 'approve_step', taskId: tasks[0].id, outcome: 'approve', opinion: '同意' });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await caseCall(approver, 'GET', `/cases/${c.id}`)).json()).toMatchObject({ status: 'concluded', result: 'approved' });
    await p.events.dispatch();

    const after = await findPerson(DEMO_REGISTRY.freshman.idNo);
    expect(after.householdNo).toBe(DEMO_REGISTRY.seuCollective.householdNo);
    const view = (await hukou(admin, 'GET', `/persons/${after.id}`)).json();
    expect(view).toMatchObject({ address: DEMO_REGISTRY.seuCollective.address, regionCode: '320102', relationToHead: null, previousRegionCode: '320583', stationName: '新街口派出所' });
    expect(view.changes.map((x: { kind: string; caseNo: string }) => `${x.kind}:${x.caseNo}`)).toEqual(expect.arrayContaining([`move_in:${c.caseNo}`, `move_out:${c.caseNo}`]));
    const family = (await hukou(admin, 'GET', `/households/${before.householdId}`)).json();
    expect(family.members.map((m: Person) => m.name)).not.toContain(DEMO_REGISTRY.freshman.name);
    expect(family.changes[0]).toMatchObject({ kind: 'move_out', summary: expect.stringContaining('东南大学学生集体户') });
    // delivered again: nothing moves twice
    await p.events.dispatch();
    expect((await hukou(admin, 'GET', `/persons/${after.id}`)).json().changes).toHaveLength(view.changes.length);
    // the bound documents print with the case's facts and the form's own fields
    expect((await caseCall(window1, 'GET', `/cases/${c.id}/documents`)).json().items.map((d: { title: string }) => d.title)).toEqual(['户口迁移审批表', '准予迁入证明']);
    const certificate = await p.app.inject({ url: `/api/admin/case/cases/${c.id}/documents/hukou_migration_admission_certificate`, headers: p.as(window1) });
    expect(certificate.statusCode, certificate.body).toBe(200);
    expect(certificate.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPageTexts(new Uint8Array(certificate.rawPayload))).join('');
    expect(text).toContain('准予迁入证明');
    expect(text).toContain(DEMO_REGISTRY.freshman.idNo);
    expect(text).toContain('江苏省昆山市玉山镇人民路88号');
    const approval = (await pdfPageTexts(new Uint8Array((await p.app.inject({ url: `/api/admin/case/cases/${c.id}/documents/hukou_migration_approval_form`, headers: p.as(window1) })).rawPayload))).join('');
    expect(approval).toContain('户口迁移审批表');
    expect(approval).toContain('东南大学');
    expect((await caseCall(window1, 'GET', `/cases/${c.id}/documents/approval_result`)).json()).toMatchObject({ code: 'CASE_DOCUMENT_NOT_BOUND' });
    // and now he is in a student collective household: a second enrolment is refused
    expect((await registerEnrolment(DEMO_REGISTRY.freshman)).json()).toMatchObject({ code: 'CASE_NOT_ELIGIBLE' });
  });
});
