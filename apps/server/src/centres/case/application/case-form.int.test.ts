import { idCheckChar } from '@jsga/form-engine';
import type { RequestCtx } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { householdForm } from '../../form/testing/household-form.fixture';
import { twoSituationInput } from '../../matter/testing/matter-config.fixture';
import type { WorkflowApi } from '../../workflow';

// 受理 may correct only the school; 审核 may change nothing.
const process = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jsga="http://jsga.gov.cn/schema/bpmn" id="d">
  <bpmn:process id="case_form" name="表单权限测试" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="accept" name="受理" jsga:candidateRole="window_officer" jsga:orgRelation="accepting" jsga:formAccess='{"*":"readonly","school":"edit"}'/>
    <bpmn:userTask id="review" name="审核" jsga:candidateRole="approver" jsga:orgRelation="parent"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
    <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="review"/>
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

let p: TestPlatform;
let admin: string;
let window1: string;
let approver: string;
const system: RequestCtx = { traceId: 't', clientIp: '127.0.0.1' };
const APPLICANT = '32010219990101123' + idCheckChar('32010219990101123');
const MEMBER = '32010220100101002' + idCheckChar('32010220100101002');
const caseCall = apiCaller(() => p, '/api/admin/case');
const admin$ = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => apiCaller(() => p, '/api/admin')(admin, method, url, payload);
const wf = () => p.modules.get('workflow')!.api as WorkflowApi;
const formData = { name: '张三', idNo: APPLICANT, reason: 'study', school: '南京大学', members: [{ name: '张小三', idNo: MEMBER }], memberCount: 99 };
const register = (data: Record<string, unknown>) => caseCall(window1, 'POST', '/cases', {
  matterCode: 'TEST-FORM', applicantType: 'natural_person', applicantName: '张三', applicantIdNo: APPLICANT,
  situationAnswers: { reason: 'college', direction: 'enrol' }, formData: data,
});

beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
  [window1, approver] = await Promise.all([p.login('xinjiekou'), p.login('xuanwu')]);
  await p.database.db.transaction(async (q) => {
    const d = await wf().deploy(q, system, { key: 'case_form', xml: process });
    await wf().publish(q, system, d.id);
  });
  const draft = await admin$('PUT', `/form/drafts/${householdForm.key}`, { definition: householdForm });
  expect((await admin$('POST', `/form/definitions/${draft.json().id}/publish`)).statusCode).toBe(200);
  const matter = await admin$('POST', '/matter/matters', { code: 'TEST-FORM', config: twoSituationInput({ bindings: { formKeys: [householdForm.key], sections: ['applicant'], processKey: 'case_form' } }) });
  expect(matter.statusCode).toBe(200);
  const versionId = matter.json().versions[0].id;
  for (const step of ['submit', 'publish']) expect((await admin$('POST', `/matter/versions/${versionId}/${step}`)).statusCode).toBe(200);
});
afterAll(() => p.close());

describe('the case form through the process', () => {
  let caseId: string;

  it('registration refuses a form the engine refuses and stores what the engine computes, not what the browser sent', async () => {
    const bad = await register({ ...formData, school: '' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'CASE_FORM_INVALID']);
    expect(bad.json().details.errors).toEqual([{ path: 'school', message: '请填写录取院校' }]);

    const created = await register(formData);
    expect(created.statusCode).toBe(200);
    caseId = created.json().id;
    expect(created.json().formData).toMatchObject({ school: '南京大学', memberCount: 1 });
    expect(created.json().formSections).toEqual(['applicant', 'school']); // the matter's section plus the one 大中专院校学生 adds
    expect(created.json().openTasks).toEqual([expect.objectContaining({ nodeName: '受理', formAccess: { '*': 'readonly', school: 'edit' } })]);
    // the version the case keeps is readable for rendering; it is the published one
    const form = await p.app.inject({ url: `/api/forms/versions/${created.json().formVersionId}` });
    expect(form.json()).toMatchObject({ key: householdForm.key, status: 'published' });
  });

  it('at 受理 only the fields the node makes editable change; the rest keep their stored values', async () => {
    const c = (await caseCall(window1, 'GET', `/cases/${caseId}`)).json();
    const invalid = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept', taskId: c.openTasks[0].id, formData: { ...c.formData, school: '' } });
    expect(invalid.json().code).toBe('CASE_FORM_INVALID');
    const accepted = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, {
      action: 'accept', taskId: c.openTasks[0].id, formData: { ...c.formData, school: '东南大学', name: '李四', members: [] },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().formData).toEqual({ ...c.formData, school: '东南大学' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', openTasks: [expect.objectContaining({ nodeName: '审核', formAccess: null })] });
  });

  it('a node without field permissions allows no form change, with a clear error, and nothing moves', async () => {
    const c = (await caseCall(approver, 'GET', `/cases/${caseId}`)).json();
    const refused = await caseCall(approver, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: c.openTasks[0].id, outcome: 'approve', formData: c.formData });
    expect([refused.statusCode, refused.json().code, refused.json().message]).toEqual([400, 'CASE_FORM_NOT_EDITABLE', '当前环节不允许修改申请表']);
    const after = (await caseCall(approver, 'GET', `/cases/${caseId}`)).json();
    expect([after.revision, after.openTasks[0].id]).toEqual([c.revision, c.openTasks[0].id]);
    const approved = await caseCall(approver, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: c.openTasks[0].id, outcome: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'concluded', formData: c.formData });
  });

  it('a draft form version is not served publicly', async () => {
    const draft = await admin$('PUT', `/form/drafts/${householdForm.key}`, { definition: { ...householdForm, title: '户口迁入申请表（修订）' } });
    expect((await p.app.inject({ url: `/api/forms/versions/${draft.json().id}` })).statusCode).toBe(404);
  });
});
