import { describe, expect, it } from 'vitest';
import type { Licence, LicenceType } from '../provider/elicense-provider';
import { effectiveStatus, isLicenceIdentifier, licenceIdentifier, mergePrefill, mod37x36, usability } from './licence.rules';

const today = '2025-06-01';
const types: LicenceType[] = [
  { code: 'resident_id_card', name: '居民身份证', standardTypeCode: null, holderKind: 'natural', issuerName: '公安机关', sort: 10,
    faceFields: [{ key: 'name', label: '姓名', prefillKey: 'name' }, { key: 'address', label: '住址', prefillKey: 'address' }, { key: 'validPeriod', label: '有效期限', prefillKey: null }] },
  { code: 'household_register', name: '居民户口簿', standardTypeCode: null, holderKind: 'natural', issuerName: '公安机关', sort: 20,
    faceFields: [{ key: 'name', label: '姓名', prefillKey: 'name' }, { key: 'householdNo', label: '户号', prefillKey: 'householdNo' }, { key: 'address', label: '住址', prefillKey: 'hukouAddress' }] },
  { code: 'driving_licence', name: '机动车驾驶证', standardTypeCode: null, holderKind: 'natural', issuerName: '交管', sort: 30,
    faceFields: [{ key: 'address', label: '住址', prefillKey: 'address' }, { key: 'vehicleClass', label: '准驾车型', prefillKey: 'licenceClass' }] },
];
let n = 0;
const licence = (p: Partial<Licence>): Licence => ({
  id: `l${++n}`, typeCode: 'resident_id_card', licenceNo: 'x', identifier: null, holderName: '张明远', holderIdType: 'id_no', holderIdNo: '320102198807150034',
  issuerName: '某分局', issuerCode: null, issueDate: '2018-03-10', validFrom: '2018-03-10', validTo: '2038-03-10', status: 'valid', faceData: {}, createdAt: '', ...p,
});

describe('licence status', () => {
  it('reports a stored-valid licence past its 有效期 as expired, and keeps revoked as revoked', () => {
    expect(effectiveStatus({ status: 'valid', validFrom: '2008-03-05', validTo: '2018-03-05' }, today)).toBe('expired');
    expect(effectiveStatus({ status: 'valid', validFrom: '2008-03-05', validTo: null }, today)).toBe('valid');
    expect(effectiveStatus({ status: 'valid', validFrom: '2008-03-05', validTo: today }, today)).toBe('valid');
    expect(effectiveStatus({ status: 'revoked', validFrom: null, validTo: null }, today)).toBe('revoked');
  });
});

describe('prefill merging', () => {
  it('takes each key from the highest-priority in-force licence and says where it came from', () => {
    const id = licence({ faceData: { name: '张明远', address: '玄武区珠江路88号', validPeriod: '2018.03.10-2038.03.10' } });
    const book = licence({ typeCode: 'household_register', faceData: { name: '张明远', householdNo: '320102881', address: '玄武区珠江路88号1幢' } });
    const driving = licence({ typeCode: 'driving_licence', faceData: { address: '旧地址', vehicleClass: 'C1' } });
    const p = mergePrefill([driving, book, id], types, today);
    expect(p.values).toEqual({ name: '张明远', address: '玄武区珠江路88号', householdNo: '320102881', hukouAddress: '玄武区珠江路88号1幢', licenceClass: 'C1' });
    expect(p.sources.address).toEqual({ licenceId: id.id, typeCode: 'resident_id_card', typeName: '居民身份证', faceKey: 'address' });
    expect(p.sources.licenceClass.licenceId).toBe(driving.id);
    expect(p.byType.driving_licence).toEqual({ licenceId: driving.id, face: { address: '旧地址', vehicleClass: 'C1' }, validFrom: driving.validFrom, validTo: driving.validTo });
  });

  it('ignores expired and revoked licences, and prefers the newer of two of one type', () => {
    const old = licence({ issueDate: '2008-03-05', validFrom: '2008-03-05', validTo: '2018-03-05', faceData: { name: '旧', address: '旧住址' } });
    const revoked = licence({ issueDate: '2024-01-01', status: 'revoked', faceData: { address: '注销证住址' } });
    const newer = licence({ issueDate: '2020-01-01', validTo: null, faceData: { address: '新住址' } });
    const older = licence({ issueDate: '2019-01-01', faceData: { address: '次新住址', name: '张明远' } });
    const p = mergePrefill([old, revoked, older, newer], types, today);
    expect(p.values).toEqual({ address: '新住址', name: '张明远' });
    expect(p.sources.name.licenceId).toBe(older.id);
  });

  it('leaves out empty values and unknown types', () => {
    const p = mergePrefill([licence({ faceData: { name: '' } }), licence({ typeCode: 'fishing_licence', faceData: { name: 'x' } })], types, today);
    expect(p.values).toEqual({});
  });
});

describe('using a licence instead of an upload', () => {
  const l = licence({ typeCode: 'household_register' });
  it('accepts an in-force licence of the right type and holder (lower-case x tolerated)', () => {
    expect(usability(l, 'household_register', '320102198807150034', today)).toEqual({ usable: true });
    expect(usability(licence({ holderIdNo: '32011720001129001X' }), 'resident_id_card', '32011720001129001x', today)).toEqual({ usable: true });
  });
  it('refuses a missing, wrong-type, other-holder or expired licence', () => {
    expect(usability(null, 'household_register', '320102198807150034', today)).toMatchObject({ usable: false, reason: 'not_found' });
    expect(usability(l, 'resident_id_card', '320102198807150034', today)).toMatchObject({ usable: false, reason: 'wrong_type' });
    expect(usability(l, 'household_register', '320102199004120020', today)).toMatchObject({ usable: false, reason: 'wrong_holder' });
    expect(usability(licence({ validTo: '2020-01-01' }), 'resident_id_card', '320102198807150034', today)).toEqual({ usable: false, reason: 'not_in_force', status: 'expired' });
  });
});

describe('GB/T 36904 licence identifier', () => {
  it('verifies identifiers published in real data and rejects a changed one', () => {
    expect(isLicenceIdentifier('1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0')).toBe(true);
    expect(isLicenceIdentifier('1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F')).toBe(true);
    expect(isLicenceIdentifier('1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430598.001.F')).toBe(false);
  });
  it('builds identifiers that verify', () => {
    const id = licenceIdentifier({ standardTypeCode: '11100000000013338W032', issuerCode: '11220000013544541J', serial: '2430599' });
    expect(id).toBe('1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F');
    expect(mod37x36('11100000000013338W00911330105002500287C2025052201002')).toBe('0');
  });
});
