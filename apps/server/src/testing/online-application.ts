import { wellKnownMatterCodes } from '@jsga/contracts';
import { chinaDate } from '@jsga/kernel';
import { expect } from 'vitest';
import { DEMO_CITIZEN } from '../centres/elicense';
import { multipart } from './multipart';
import { apiCaller, type TestPlatform } from './test-platform';

/**
 * 驾驶证补证 applied for online by the demo citizen, as the portal does it: a draft, 感知回填 from
 * /prefill, the ID card e-licence in place of an upload. Shared by the API tests of the online flow.
 */
export const drivingLicenceMatter = wellKnownMatterCodes.drivingLicenceRenewal;
export const drivingLicenceAnswers = { apply_type: 'replace', senior: 'no' };
const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * 86_400_000));

/** What the page would have after 感知回填 plus what the applicant types. */
export function drivingLicenceForm(prefill: { applicant: Record<string, unknown>; population: Record<string, unknown>; elicense: Record<string, Record<string, unknown>> }) {
  const dl = prefill.elicense.driving_licence;
  return {
    name: prefill.applicant.name, idNo: prefill.applicant.idNo, contactPhone: '13851880715', contactAddress: (prefill.population as { address: string }).address,
    applyType: 'replace', replaceReason: 'lost', fileNo: dl.fileNo, licenceClass: dl.vehicleClass, firstIssueDate: dl.firstIssueDate, validFrom: dl.validFrom, validUntil: dl.validTo,
    healthCheckHospital: '南京市第一医院', healthCheckDate: daysAgo(10), deliveryMethod: 'post',
    mailRecipient: DEMO_CITIZEN.name, mailPhone: '13851880715', mailRegion: '320102', mailAddress: DEMO_CITIZEN.address,
  };
}

export function onlineApplicant(p: () => TestPlatform) {
  const me = apiCaller(p, '/api/citizen');
  const upload = async (token: string, name: string, bytes: Buffer) => {
    const body = multipart(name, bytes);
    const res = await p().app.inject({ method: 'POST', url: '/api/citizen/files/', headers: { ...p().as(token), ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  async function startDraft(token: string) {
    const draft = await me(token, 'POST', '/declarations', { matterCode: drivingLicenceMatter, situationAnswers: drivingLicenceAnswers });
    expect(draft.statusCode, draft.body).toBe(200);
    return draft.json();
  }
  /** A saved draft ready to submit at `stationId`. */
  async function prepared(token: string, stationId: string) {
    const draft = await startDraft(token);
    const prefill = (await me(token, 'GET', '/prefill')).json();
    const idCard = (await me(token, 'GET', '/licences')).json().items.find((l: { typeCode: string }) => l.typeCode === 'resident_id_card');
    const saved = await me(token, 'PUT', `/declarations/${draft.id}`, {
      formData: drivingLicenceForm(prefill), orgId: stationId, contactPhone: '13851880715', expectedRevision: draft.revision,
      materials: [{ materialCode: 'ID_CARD', licenceId: idCard.id, label: '电子证照·居民身份证' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return saved.json();
  }
  /** Submitted: the case id. */
  async function submitted(token: string, stationId: string): Promise<string> {
    const d = await prepared(token, stationId);
    const res = await me(token, 'POST', `/declarations/${d.id}/submit`, { expectedRevision: d.revision });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().caseId;
  }
  return { me, upload, startDraft, prepared, submitted };
}
