import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wellKnownLicenceTypes as T } from '@jsga/contracts';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { ElicenseApi } from '../index';
import { DEMO_CHILD, DEMO_CITIZEN, DEMO_CITIZEN_OLD_ID_CARD, DEMO_COMPANY, DEMO_SPOUSE } from '../testing/demo-citizen.fixture';

let p: TestPlatform;
let admin: string;
let officer: string;
let auditor: string;
const call = apiCaller(() => p, '/api/admin/elicense');
const api = () => p.modules.get('elicense')!.api as ElicenseApi;
const db = () => p.database.db;

beforeAll(async () => {
  p = await createTestPlatform();
  [admin, officer, auditor] = [await p.login('admin'), await p.login('xinjiekou'), await p.login('auditor')];
});
afterAll(() => p?.close());

type Summary = { id: string; typeCode: string; status: string; holderIdNoMasked: string; licenceNo: string; validTo: string | null; issueDate: string };

describe('officer licence lookup', () => {
  it('lists a citizen’s licences with the ID number masked and no 照面 data', async () => {
    const res = await call(officer, 'GET', `/licences?holderIdNo=${DEMO_CITIZEN.idNo}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(DEMO_CITIZEN.idNo);
    const { items, total } = res.json() as { items: Summary[]; total: number };
    expect(total).toBe(5);
    expect(items.map((i) => i.typeCode).sort()).toEqual([T.drivingLicence, T.householdRegister, T.marriageCertificate, T.residentIdCard, T.residentIdCard].sort());
    for (const i of items) expect(i.holderIdNoMasked).toBe('320102********0034');
    expect(items[0]).not.toHaveProperty('faceData');
    const cards = items.filter((i) => i.typeCode === T.residentIdCard);
    expect(cards.find((c) => c.validTo === DEMO_CITIZEN_OLD_ID_CARD.validTo)?.status).toBe('expired');
    expect(cards.find((c) => c.validTo !== DEMO_CITIZEN_OLD_ID_CARD.validTo)?.status).toBe('valid');
  });

  it('filters by type, finds companies by credit code and pages', async () => {
    const driving = (await call(officer, 'GET', `/licences?holderIdNo=${DEMO_CITIZEN.idNo}&type=${T.drivingLicence}`)).json();
    expect(driving.items).toHaveLength(1);
    const company = (await call(officer, 'GET', `/licences?creditCode=${DEMO_COMPANY.creditCode}`)).json();
    expect(company.items).toMatchObject([{ typeCode: T.businessLicence, holderName: DEMO_COMPANY.name, holderIdType: 'credit_code', status: 'valid' }]);
    const page2 = (await call(officer, 'GET', `/licences?holderIdNo=${DEMO_CITIZEN.idNo}&page=2&pageSize=2`)).json();
    expect(page2).toMatchObject({ total: 5 });
    expect(page2.items).toHaveLength(2);
  });

  it('refuses bad holders and unknown types with stable codes', async () => {
    const bad = await call(officer, 'GET', '/licences?holderIdNo=320102198807150035');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('ELICENSE_HOLDER_ID_INVALID');
    expect(bad.body).not.toContain('320102198807150035');
    expect((await call(officer, 'GET', '/licences')).json().code).toBe('ELICENSE_HOLDER_REQUIRED');
    expect((await call(officer, 'GET', `/licences?holderIdNo=${DEMO_CITIZEN.idNo}&creditCode=${DEMO_COMPANY.creditCode}`)).json().code).toBe('ELICENSE_HOLDER_REQUIRED');
    expect((await call(officer, 'GET', '/licences?creditCode=91320102573284186D')).json().code).toBe('ELICENSE_CREDIT_CODE_INVALID');
    expect((await call(officer, 'GET', `/licences?holderIdNo=${DEMO_CITIZEN.idNo}&type=fishing_licence`)).json().code).toBe('ELICENSE_TYPE_UNKNOWN');
  });

  it('shows one licence with its full 照面 data', async () => {
    const { items } = (await call(officer, 'GET', `/licences?holderIdNo=${DEMO_CITIZEN.idNo}&type=${T.householdRegister}`)).json() as { items: Summary[] };
    const res = await call(officer, 'GET', `/licences/${items[0].id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ holderIdNo: DEMO_CITIZEN.idNo, typeName: '居民户口簿', status: 'valid',
      faceData: { idNo: DEMO_CITIZEN.idNo, householdNo: DEMO_CITIZEN.householdNo, relationship: '户主', regionCode: '320102' } });
    expect(res.json().faceFields.find((f: { key: string }) => f.key === 'regionCode')).toEqual({ key: 'regionCode', label: '户籍地行政区划', prefillKey: 'hukouRegion' });
    expect((await call(officer, 'GET', '/licences/00000000-0000-4000-8000-000000000000')).json().code).toBe('ELICENSE_NOT_FOUND');
    expect((await call(officer, 'GET', '/licences/1.2.156.3005.2.unknown')).statusCode).toBe(404);
  });

  it('lists the six licence types', async () => {
    const types = (await call(officer, 'GET', '/licence-types')).json();
    expect(types.map((t: { code: string }) => t.code)).toEqual(Object.values(T).sort((a, b) =>
      ['resident_id_card', 'household_register', 'driving_licence', 'business_licence', 'birth_medical_certificate', 'marriage_certificate'].indexOf(a)
      - ['resident_id_card', 'household_register', 'driving_licence', 'business_licence', 'birth_medical_certificate', 'marriage_certificate'].indexOf(b)));
  });

  it('refuses a user without elicense:licence:view', async () => {
    for (const url of [`/licences?holderIdNo=${DEMO_CITIZEN.idNo}`, '/licences/00000000-0000-4000-8000-000000000000', '/licence-types']) {
      const res = await call(auditor, 'GET', url);
      expect(res.statusCode).toBe(403);
    }
  });

  it('audits every lookup and view, with the holder masked', async () => {
    const lookups = (await p.app.inject({ url: '/api/admin/audit/logs?action=elicense.licence.lookup&username=xinjiekou&pageSize=100', headers: p.as(admin) })).json();
    // the five successful lookups above (refused ones read nothing)
    expect(lookups.total).toBe(5);
    expect(JSON.stringify(lookups)).not.toContain(DEMO_CITIZEN.idNo);
    // oldest last: the first lookup of the demo citizen, which found all five licences
    expect(lookups.items.at(-1)).toMatchObject({
      targetType: 'elicense_licence', result: 'success', detail: { holderIdType: 'id_no', holder: '320102********0034', types: [], found: 5 } });
    expect(lookups.items.at(-1).targetIds).toHaveLength(5);
    const views = (await p.app.inject({ url: '/api/admin/audit/logs?action=elicense.licence.view&username=xinjiekou', headers: p.as(admin) })).json();
    expect(views.total).toBe(1);
    expect(views.items[0].targetIds).toHaveLength(1);
    const refused = (await p.app.inject({ url: '/api/admin/audit/logs?action=elicense&username=auditor', headers: p.as(admin) })).json();
    expect(refused.total).toBe(0);
  });
});

describe('ElicenseApi for other centres', () => {
  it('prefills a citizen’s form from his in-force licences and names each source', async () => {
    const p1 = await api().prefillFor(db(), DEMO_CITIZEN.idNo);
    expect(p1.holder).toEqual({ idType: 'id_no', name: DEMO_CITIZEN.name });
    expect(p1.values).toMatchObject({
      name: DEMO_CITIZEN.name, idNo: DEMO_CITIZEN.idNo, sex: '男', birthDate: DEMO_CITIZEN.birthDate, address: DEMO_CITIZEN.address, ethnicity: '汉族',
      householdNo: DEMO_CITIZEN.householdNo, hukouRegion: '320102', hukouAddress: DEMO_CITIZEN.address, licenceClass: 'C1', fileNo: DEMO_CITIZEN.drivingLicence.fileNo,
      spouseName: DEMO_SPOUSE.name, marriageDate: '2014-10-01',
    });
    expect(p1.sources.address.typeCode).toBe(T.residentIdCard);
    expect(p1.sources.hukouRegion.typeCode).toBe(T.householdRegister);
    const card = await api().get(db(), p1.sources.idNo.licenceId);
    expect(card.validTo).toBe('2038-03-10'); // the current card, not the expired one
    expect(p1.byType[T.drivingLicence].face).toMatchObject({ vehicleClass: 'C1', fileNo: DEMO_CITIZEN.drivingLicence.fileNo });
    const company = await api().prefillFor(db(), DEMO_COMPANY.creditCode.toLowerCase());
    expect(company.values).toMatchObject({ creditCode: DEMO_COMPANY.creditCode, companyName: DEMO_COMPANY.name, legalRepresentative: DEMO_CITIZEN.name });
  });

  it('finds a holder’s licences by type', async () => {
    const found = await api().findForHolder(db(), { idNo: DEMO_CHILD.idNo, types: [T.birthMedicalCertificate] });
    expect(found).toHaveLength(1);
    expect(found[0].faceData).toMatchObject({ fatherIdNo: DEMO_CITIZEN.idNo, certNo: DEMO_CHILD.birthCertNo });
    await expect(api().get(db(), '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'ELICENSE_NOT_FOUND' });
  });

  it('accepts a citizen’s own in-force licence instead of an upload, and refuses other holders, other types and expired licences', async () => {
    const his = await api().findForHolder(db(), { idNo: DEMO_CITIZEN.idNo });
    const book = his.find((l) => l.typeCode === T.householdRegister)!;
    const oldCard = his.find((l) => l.typeCode === T.residentIdCard && l.validTo === DEMO_CITIZEN_OLD_ID_CARD.validTo)!;
    const newCard = his.find((l) => l.typeCode === T.residentIdCard && l.id !== oldCard.id)!;
    expect(await api().isUsableAs(db(), book.id, T.householdRegister, DEMO_CITIZEN.idNo)).toMatchObject({ usable: true, licence: { id: book.id } });
    expect(await api().isUsableAs(db(), newCard.id, T.residentIdCard, DEMO_CITIZEN.idNo)).toMatchObject({ usable: true });
    expect(await api().isUsableAs(db(), book.id, T.householdRegister, DEMO_SPOUSE.idNo))
      .toEqual({ usable: false, reason: 'wrong_holder', code: 'ELICENSE_WRONG_HOLDER', message: '该电子证照不属于申请人本人' });
    expect(await api().isUsableAs(db(), oldCard.id, T.residentIdCard, DEMO_CITIZEN.idNo)).toMatchObject({ usable: false, reason: 'not_in_force', code: 'ELICENSE_NOT_IN_FORCE' });
    expect(await api().isUsableAs(db(), book.id, T.residentIdCard, DEMO_CITIZEN.idNo)).toMatchObject({ usable: false, code: 'ELICENSE_WRONG_TYPE' });
    expect(await api().isUsableAs(db(), '00000000-0000-4000-8000-000000000000', T.residentIdCard, DEMO_CITIZEN.idNo)).toMatchObject({ usable: false, code: 'ELICENSE_NOT_FOUND' });
    expect(await api().verify(db(), oldCard.id)).toMatchObject({ found: true, status: 'expired', valid: false });
  });

  it('seeds idempotently', async () => {
    const before = (await api().findForHolder(db(), { idNo: DEMO_CITIZEN.idNo })).map((l) => l.id).sort();
    const m = p.modules.get('elicense')!;
    await m.seedReference!();
    await m.seedDemo!({ password: 'x' });
    expect((await api().findForHolder(db(), { idNo: DEMO_CITIZEN.idNo })).map((l) => l.id).sort()).toEqual(before);
    expect(await api().listTypes(db())).toHaveLength(6);
  });
});
