import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../../testing/multipart';
import { onlineApplicant } from '../../../testing/online-application';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { DEMO_CITIZEN, DEMO_SPOUSE } from '../../elicense';
import { pdfPageTexts } from '../../print/testing/pdf-inspect';

// The window's tools on a case: 打印申请表 and 证照服务.
let p: TestPlatform;
let citizen: string;
let window1: string; // 新街口派出所
let window2: string; // 夫子庙派出所 (another station)
let stationId: string;
let caseId: string;
const officer = apiCaller(() => p, '/api/admin/case');
const { me, upload, prepared } = onlineApplicant(() => p);

beforeAll(async () => {
  p = await createTestPlatform();
  [citizen, window1, window2] = await Promise.all([p.loginCitizen(), p.login('xinjiekou'), p.login('fuzimiao')]);
  stationId = (await me(citizen, 'GET', '/service-points?keyword=新街口')).json().items[0].id;
  // the applicant uploads a photo of the ID card instead of offering the e-licence
  const d = await prepared(citizen, stationId);
  const scan = await upload(citizen, '身份证.pdf', samplePdf('id card'));
  await me(citizen, 'PUT', `/declarations/${d.id}`, { formData: d.formData, orgId: stationId, materials: [{ materialCode: 'ID_CARD', fileId: scan }], expectedRevision: d.revision });
  const res = await me(citizen, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision + 1 });
  expect(res.statusCode, res.body).toBe(200);
  caseId = res.json().caseId;
});
afterAll(() => p.close());

describe('打印申请表', () => {
  it('prints the applicant, the filled-in form with readable values and the materials, and audits the print', async () => {
    const res = await p.app.inject({ url: `/api/admin/case/cases/${caseId}/application-form.pdf`, headers: p.as(window1) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    if (process.env.DUMP_PDF) (await import('node:fs')).writeFileSync(process.env.DUMP_PDF, res.rawPayload);
    const text = (await pdfPageTexts(new Uint8Array(res.rawPayload))).join('');
    expect(text).toContain('驾驶证补证、换证申请表');
    expect(text).toContain(DEMO_CITIZEN.idNo);
    expect(text).toContain('南京市第一医院');
    expect(text).toContain('居民身份证已提交：身份证.pdf');
    expect(text).toContain('网上申请');
    const audit = await p.app.inject({ url: '/api/admin/audit/logs?action=case.application.print_form', headers: p.as(await p.login('auditor')) });
    expect(audit.json().items.length).toBeGreaterThanOrEqual(1);
  });

  it('is not printed outside the officer\'s data scope', async () => {
    const res = await p.app.inject({ url: `/api/admin/case/cases/${caseId}/application-form.pdf`, headers: p.as(window2) });
    expect(res.statusCode).toBe(404);
  });
});

describe('证照服务', () => {
  it('offers the applicant\'s ID card e-licence for the uploaded ID card, and puts it in place of the file', async () => {
    const candidates = (await officer(window1, 'GET', `/cases/${caseId}/licence-candidates`)).json();
    const idCard = candidates.items.find((i: { materialCode: string }) => i.materialCode === 'ID_CARD');
    expect(idCard).toMatchObject({ materialName: '居民身份证', typeCode: 'resident_id_card', licences: [expect.objectContaining({ typeName: '居民身份证', holderName: '张明远' })] });
    expect(idCard.licences[0].licenceNo).not.toContain(DEMO_CITIZEN.idNo.slice(6, 14));

    // someone else's licence is refused
    const spouse = await p.loginCitizen(DEMO_SPOUSE);
    const hers = (await me(spouse, 'GET', '/licences')).json().items.find((l: { typeCode: string }) => l.typeCode === 'resident_id_card');
    const wrong = await officer(window1, 'POST', `/cases/${caseId}/materials/${idCard.materialId}/licence`, { licenceId: hers.id });
    expect(wrong.json()).toMatchObject({ code: 'CASE_ELICENSE_UNUSABLE', message: '“居民身份证”：该电子证照不属于申请人本人' });

    const res = await officer(window1, 'POST', `/cases/${caseId}/materials/${idCard.materialId}/licence`, { licenceId: idCard.licences[0].id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().materials.find((m: { materialCode: string }) => m.materialCode === 'ID_CARD')).toMatchObject({ source: 'elicense', licenceId: idCard.licences[0].id, fileId: null });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'licence_service', opinion: '“居民身份证”以电子证照替代' });
    // done: the material is no longer a candidate
    expect((await officer(window1, 'GET', `/cases/${caseId}/licence-candidates`)).json().items.map((i: { materialCode: string }) => i.materialCode)).not.toContain('ID_CARD');
  });
});
