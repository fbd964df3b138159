import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../../testing/multipart';
import { drivingLicenceAnswers, drivingLicenceMatter, onlineApplicant } from '../../../testing/online-application';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { DEMO_CITIZEN, DEMO_SPOUSE } from '../../elicense';

// 驾驶证补证 online, end to end on the API: draft, 感知回填, 免证办, submit, 补件, 预审通过, 审核.
let p: TestPlatform;
let citizen: string;
let window1: string; // 新街口派出所
let approver: string; // 玄武分局
let stationId: string;
const me = apiCaller(() => p, '/api/citizen');
const officer = apiCaller(() => p, '/api/admin/case');
const matterCode = drivingLicenceMatter;
const answers = drivingLicenceAnswers;

const { upload, startDraft } = onlineApplicant(() => p);
const prepared = (token: string) => onlineApplicant(() => p).prepared(token, stationId);

beforeAll(async () => {
  p = await createTestPlatform();
  [citizen, window1, approver] = await Promise.all([p.loginCitizen(), p.login('xinjiekou'), p.login('xuanwu')]);
  stationId = (await me(citizen, 'GET', '/service-points?keyword=新街口')).json().items[0].id;
});
afterAll(() => p.close());

describe('before applying', () => {
  it('needs the identity-verification consent for auto-fill, licences and drafts', async () => {
    const fresh = await p.loginCitizen(DEMO_SPOUSE, { consent: false });
    expect((await me(fresh, 'GET', '/prefill')).json()).toMatchObject({ code: 'DECLARATION_CONSENT_REQUIRED' });
    expect((await me(fresh, 'POST', '/declarations', { matterCode, situationAnswers: answers })).json()).toMatchObject({ code: 'DECLARATION_CONSENT_REQUIRED' });
  });

  it('auto-fills from the verified identity, the household register and the driving licence', async () => {
    const prefill = (await me(citizen, 'GET', '/prefill')).json();
    expect(prefill.applicant).toMatchObject({ name: '张明远', idNo: DEMO_CITIZEN.idNo, sex: '男' });
    expect(prefill.population).toMatchObject({ hukou: { regionCode: '320102', householdNo: DEMO_CITIZEN.householdNo }, address: DEMO_CITIZEN.address });
    expect(prefill.elicense.driving_licence).toMatchObject({ fileNo: DEMO_CITIZEN.drivingLicence.fileNo, vehicleClass: 'C1', validTo: '2031-06-18' });
    expect(prefill.sourceLabels).toMatchObject({ driving_licence: '电子证照·机动车驾驶证', population: '人口信息库' });
  });
});

describe('at the window', () => {
  it('fills the applicant from the card just read, and the rest from the registries; audited, officers only', async () => {
    const card = { idNo: DEMO_CITIZEN.idNo, name: '张明远', sex: '男', address: '江苏省南京市玄武区珠江路88号1幢302室' };
    const res = await p.app.inject({ method: 'POST', url: '/api/admin/declaration/window-prefill', headers: p.as(window1), payload: card });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      applicant: { name: '张明远', idNo: DEMO_CITIZEN.idNo, sex: '男', address: card.address },
      population: { hukou: { householdNo: DEMO_CITIZEN.householdNo } },
      elicense: { driving_licence: { fileNo: DEMO_CITIZEN.drivingLicence.fileNo } },
      sourceLabels: { applicant: '居民身份证（读卡）', population: '人口信息库' },
    });
    const bad = await p.app.inject({ method: 'POST', url: '/api/admin/declaration/window-prefill', headers: p.as(window1), payload: { ...card, idNo: '320102198807150035' } });
    expect(bad.statusCode).toBe(400);
    expect((await p.app.inject({ method: 'POST', url: '/api/admin/declaration/window-prefill', headers: p.as(citizen), payload: card })).statusCode).toBe(401);
    const audit = await p.app.inject({ url: '/api/admin/audit/logs?action=declaration.prefill.window', headers: p.as(await p.login('auditor')) });
    expect(audit.json().items).toHaveLength(1);
  });
});

describe('a draft', () => {
  it('is kept on the server and resumed from another sign-in; a stale save is refused', async () => {
    const draft = await startDraft(citizen);
    expect(draft.checklist.materials.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['ID_CARD', 'LOSS_STATEMENT']));
    const saved = await me(citizen, 'PUT', `/declarations/${draft.id}`, { formData: { healthCheckHospital: '南京市第一医院' }, expectedRevision: draft.revision });
    expect(saved.statusCode, saved.body).toBe(200);
    const phone = await p.loginCitizen();
    const resumed = await me(phone, 'GET', `/declarations/${draft.id}`);
    expect(resumed.json()).toMatchObject({ formData: { healthCheckHospital: '南京市第一医院' }, revision: 1 });
    expect((await me(phone, 'PUT', `/declarations/${draft.id}`, { formData: {}, expectedRevision: 0 })).json()).toMatchObject({ code: 'DECLARATION_STALE' });
    // someone else's draft is not found
    const spouse = await p.loginCitizen(DEMO_SPOUSE);
    expect((await me(spouse, 'GET', `/declarations/${draft.id}`)).statusCode).toBe(404);
  });
});

describe('submitting', () => {
  it('refuses a missing required material, and leaves no case behind', async () => {
    const d = await prepared(citizen);
    await me(citizen, 'PUT', `/declarations/${d.id}`, { formData: d.formData, orgId: stationId, materials: [], expectedRevision: d.revision });
    const res = await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision + 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CASE_MATERIALS_MISSING', message: '缺少必需的申请材料：居民身份证' });
    expect((await me(citizen, 'GET', `/declarations/${d.id}`)).json().status).toBe('draft');
    expect((await me(citizen, 'GET', '/cases')).json().total).toBe(0);
  });

  it('refuses an e-licence of another person in place of an upload', async () => {
    const d = await prepared(citizen);
    const spouse = await p.loginCitizen(DEMO_SPOUSE);
    const herCard = (await me(spouse, 'GET', '/licences')).json().items.find((l: { typeCode: string }) => l.typeCode === 'resident_id_card');
    await me(citizen, 'PUT', `/declarations/${d.id}`, { formData: d.formData, orgId: stationId, materials: [{ materialCode: 'ID_CARD', licenceId: herCard.id }], expectedRevision: d.revision });
    const res = await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision + 1 });
    expect(res.json()).toMatchObject({ code: 'CASE_ELICENSE_UNUSABLE', message: '“居民身份证”：该电子证照不属于申请人本人' });
  });

  it('refuses a file uploaded by someone else', async () => {
    const d = await prepared(citizen);
    const spouse = await p.loginCitizen(DEMO_SPOUSE);
    const hers = await upload(spouse, '声明.pdf', samplePdf('hers'));
    await me(citizen, 'PUT', `/declarations/${d.id}`, { formData: d.formData, orgId: stationId, materials: [...d.materials, { materialCode: 'LOSS_STATEMENT', fileId: hers }], expectedRevision: d.revision });
    expect((await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision + 1 })).json()).toMatchObject({ code: 'CASE_FILE_NOT_YOURS' });
  });
});

describe('the online flow', () => {
  let caseId: string;

  it('submits with the ID card e-licence and gets a receipt; a second submit returns the same case', async () => {
    const d = await prepared(citizen);
    const res = await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision });
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json();
    expect(receipt).toMatchObject({ matterName: '驾驶证补证、换证', orgName: '新街口派出所', caseNo: expect.stringMatching(/^320102\d{14}$/) });
    expect(receipt.nextSteps.length).toBeGreaterThan(1);
    caseId = receipt.caseId;
    expect((await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision })).json().caseId).toBe(caseId);

    const mine = (await me(citizen, 'GET', `/cases/${caseId}`)).json();
    expect(mine).toMatchObject({ status: 'submitted', channel: 'online', applicantIdNoMasked: '320102********0034', delivery: { method: 'post', recipient: '张明远' } });
    expect(mine.materials).toEqual([expect.objectContaining({ materialCode: 'ID_CARD', source: 'elicense' })]);
  });

  it('appears in the station\'s 待预审 queue; 补件 names the material and the reason', async () => {
    const queue = (await officer(window1, 'GET', '/cases?queue=pending')).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const res = await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'request_supplement', opinion: '请上传驾驶证遗失声明', supplementMaterials: ['LOSS_STATEMENT'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().supplementRequest).toMatchObject({ reason: '请上传驾驶证遗失声明', materials: [{ code: 'LOSS_STATEMENT', name: '驾驶证遗失声明' }] });
    const mine = (await me(citizen, 'GET', `/cases/${caseId}`)).json();
    expect(mine).toMatchObject({ status: 'supplement', todo: 'supplement', supplementRequest: { reason: '请上传驾驶证遗失声明' } });
    expect((await officer(window1, 'GET', '/cases?queue=supplement')).json().items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it('the citizen supplies it online; the case goes back to pre-review and the officer can open the file', async () => {
    expect((await me(citizen, 'POST', `/cases/${caseId}/supplement`, { materials: [] })).statusCode).toBe(400);
    const fileId = await upload(citizen, '遗失声明.pdf', samplePdf('statement'));
    const incomplete = await me(citizen, 'POST', `/cases/${caseId}/supplement`, { materials: [{ materialCode: 'PHOTO', fileId }] });
    expect(incomplete.json()).toMatchObject({ code: 'CASE_SUPPLEMENT_INCOMPLETE', message: '还有需补正的材料未提交：驾驶证遗失声明' });
    const res = await me(citizen, 'POST', `/cases/${caseId}/supplement`, { materials: [{ materialCode: 'LOSS_STATEMENT', fileId }], note: '已上传' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', todo: null });
    expect(res.json().steps.map((s: { label: string }) => s.label)).toEqual(['申报', '一次性告知补件', '补件完成']);
    expect((await p.app.inject({ url: `/api/files/${fileId}/content`, headers: p.as(window1) })).statusCode).toBe(200);
    expect((await officer(window1, 'GET', '/cases?queue=supplement_history')).json().items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it('预审通过 accepts it; the approver refuses with a reason the citizen sees', async () => {
    const c = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
    const accepted = await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept', taskId: c.openTasks[0].id, opinion: '预审通过' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await officer(window1, 'GET', '/cases?queue=received')).json().items.map((x: { id: string }) => x.id)).toContain(caseId);
    const tasks = (await officer(approver, 'GET', `/cases/${caseId}`)).json().openTasks;
    expect(tasks.map((t: { nodeName: string }) => t.nodeName)).toEqual(['审核']);
    const noReason = await officer(approver, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: tasks[0].id, outcome: 'reject' });
    expect(noReason.json()).toMatchObject({ code: 'CASE_REASON_REQUIRED' });
    const refused = await officer(approver, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: tasks[0].id, outcome: 'reject', opinion: '驾驶证处于扣押状态，不予补证' });
    expect(refused.json()).toMatchObject({ status: 'concluded', result: 'disapproved' });
    const mine = (await me(citizen, 'GET', `/cases/${caseId}`)).json();
    expect(mine).toMatchObject({ status: 'concluded', result: 'disapproved', refusalReason: '驾驶证处于扣押状态，不予补证', todo: 'evaluate' });
  });

  it('the 不予许可决定书 is issued after the conclusion and the citizen downloads it', async () => {
    await p.events.dispatch();
    const mine = (await me(citizen, 'GET', `/cases/${caseId}`)).json();
    expect(mine.resultDocument).toMatchObject({ label: '不予许可决定书' });
    const pdf = await me(citizen, 'GET', `/cases/${caseId}/files/${mine.resultDocument.fileId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // the station sees it on the case too
    expect((await officer(window1, 'GET', `/cases/${caseId}`)).json().links).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'result_document' })]));
    await p.events.dispatch();
    expect((await officer(window1, 'GET', `/cases/${caseId}`)).json().links.filter((l: { kind: string }) => l.kind === 'result_document')).toHaveLength(1);
  });

  it('the citizen evaluates the concluded case once; a poor rating needs a reason; the station sees it', async () => {
    const poor = await me(citizen, 'POST', `/cases/${caseId}/evaluation`, { level: 2 });
    expect(poor.statusCode).toBe(400);
    expect(poor.json().details.fields[0]).toMatchObject({ message: '差评请写明原因，便于我们整改' });
    const ok = await me(citizen, 'POST', `/cases/${caseId}/evaluation`, { level: 4, tags: ['办理迅速'], comment: '' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await me(citizen, 'POST', `/cases/${caseId}/evaluation`, { level: 5 })).json()).toMatchObject({ code: 'EVALUATION_ALREADY_EVALUATED' });
    expect((await me(citizen, 'GET', `/cases/${caseId}`)).json().todo).toBeNull();
    const list = (await p.app.inject({ url: '/api/admin/evaluation/evaluations', headers: p.as(window1) })).json();
    expect(list.items).toEqual([expect.objectContaining({ caseId, level: 4, tags: ['办理迅速'] })]);
    const other = (await p.app.inject({ url: '/api/admin/evaluation/evaluations', headers: p.as(await p.login('fuzimiao')) })).json();
    expect(other.total).toBe(0);
  });

  it('an approved case goes on to 邮寄送达 and concludes as approved', async () => {
    const d = await prepared(citizen);
    const receipt = (await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision })).json();
    const step = async (token: string, body: object) => {
      const tasks = (await officer(token, 'GET', `/cases/${receipt.caseId}`)).json().openTasks;
      const res = await officer(token, 'POST', `/cases/${receipt.caseId}/actions`, { taskId: tasks[0].id, ...body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await step(window1, { action: 'accept', opinion: '预审通过' });
    expect((await step(approver, { action: 'approve_step', outcome: 'approve', opinion: '同意补证' })).openTasks.map((t: { nodeName: string }) => t.nodeName)).toEqual(['邮寄送达']);
    expect(await step(window1, { action: 'approve_step', outcome: 'approve', opinion: '已寄出' })).toMatchObject({ status: 'concluded', result: 'approved' });
    const mine = (await me(citizen, 'GET', `/cases/${receipt.caseId}`)).json();
    expect(mine).toMatchObject({ status: 'concluded', result: 'approved', refusalReason: null, todo: 'evaluate' });
    expect(mine.steps.at(-1)).toMatchObject({ label: '办结' });
  });

  it('a result collected at the window is registered once, by the applicant or an agent with their ID', async () => {
    const d = await prepared(citizen);
    await me(citizen, 'PUT', `/declarations/${d.id}`, { formData: { ...d.formData, deliveryMethod: 'window' }, orgId: stationId, materials: d.materials, expectedRevision: d.revision });
    const receipt = (await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision + 1 })).json();
    const id = receipt.caseId;
    const step = async (token: string, body: object) => {
      const tasks = (await officer(token, 'GET', `/cases/${id}`)).json().openTasks;
      return (await officer(token, 'POST', `/cases/${id}/actions`, { taskId: tasks[0].id, ...body })).json();
    };
    expect((await officer(window1, 'POST', `/cases/${id}/collection`, { relation: 'self', collectorName: DEMO_CITIZEN.name, collectorIdNo: DEMO_CITIZEN.idNo })).json()).toMatchObject({ code: 'CASE_NOT_COLLECTABLE' });
    await step(window1, { action: 'accept' });
    await step(approver, { action: 'approve_step', outcome: 'approve', opinion: '同意' });
    expect((await step(window1, { action: 'approve_step', outcome: 'approve', opinion: '窗口发证' })).openTasks).toEqual([]);
    const notSelf = await officer(window1, 'POST', `/cases/${id}/collection`, { relation: 'self', collectorName: DEMO_SPOUSE.name, collectorIdNo: DEMO_SPOUSE.idNo });
    expect(notSelf.json()).toMatchObject({ code: 'CASE_COLLECTOR_NOT_APPLICANT' });
    const agent = await officer(window1, 'POST', `/cases/${id}/collection`, { relation: 'agent', collectorName: DEMO_SPOUSE.name, collectorIdNo: DEMO_SPOUSE.idNo, note: '持委托书' });
    expect(agent.statusCode, agent.body).toBe(200);
    expect(agent.json().collection).toMatchObject({ relation: 'agent', collectorName: DEMO_SPOUSE.name, collectorIdNoMasked: '320102********0020', registeredBy: '张受理' });
    expect((await officer(window1, 'POST', `/cases/${id}/collection`, { relation: 'self', collectorName: DEMO_CITIZEN.name, collectorIdNo: DEMO_CITIZEN.idNo })).json()).toMatchObject({ code: 'CASE_ALREADY_COLLECTED' });
    expect((await me(citizen, 'GET', `/cases/${id}`)).json().steps.at(-1)).toMatchObject({ action: 'collect', label: '领取登记' });
  });

  it('an officer cannot read the case through the citizen routes, nor a citizen another applicant\'s case', async () => {
    expect((await me(window1, 'GET', `/cases/${caseId}`)).statusCode).toBe(401);
    const spouse = await p.loginCitizen(DEMO_SPOUSE);
    expect((await me(spouse, 'GET', `/cases/${caseId}`)).statusCode).toBe(404);
    expect((await me(spouse, 'GET', '/cases')).json().total).toBe(0);
  });
});
