import { describe, expect, it } from 'vitest';
import { idNumberProblem, isCreditCode, isValidDate, sexOfId } from '@jsga/form-engine';
import { wellKnownLicenceTypes as T } from '@jsga/contracts';
import { DEMO_CHILD, DEMO_CITIZEN, DEMO_COMPANY, DEMO_SPOUSE } from '../testing/demo-citizen.fixture';
import { buildDemoPopulation, DEMO_AS_OF } from './demo-population';
import { demoLicenceId } from './elicense.demo';
import { addYears, ageOn, createRandom, creditCodeCheckChar, idCardValidYears, makeCreditCode, makeIdNumber } from './generators';

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isValidDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));

describe('ID number and credit code generators', () => {
  it('reproduces the verified GB 11643 sample numbers', () => {
    expect(makeIdNumber({ regionCode: '320102', birthDate: '1990-03-07', seq: 123, sex: '男' })).toBe('320102199003071239');
    expect(makeIdNumber({ regionCode: '320105', birthDate: '1985-06-15', seq: 246, sex: '女' })).toBe('320105198506152465');
    expect(makeIdNumber({ regionCode: '320117', birthDate: '2000-11-29', seq: 1, sex: '男' })).toBe('32011720001129001X');
  });

  it('gives the sequence code the parity of the sex', () => {
    const r = createRandom(7);
    for (let i = 0; i < 200; i++) {
      const sex = i % 2 ? '男' : '女';
      const id = makeIdNumber({ regionCode: '320104', birthDate: `19${r.int(50, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}`, seq: r.int(1, 998), sex });
      expect(idNumberProblem(id)).toBeNull();
      expect(sexOfId(id)).toBe(sex);
    }
  });

  it('reproduces the check character of real credit codes and makes codes that pass GB 32100', () => {
    expect(creditCodeCheckChar('11100000000013338')).toBe('W');
    expect(creditCodeCheckChar('11220000013544541')).toBe('J');
    const r = createRandom(11);
    for (let i = 0; i < 200; i++) {
      const code = makeCreditCode({ regionCode: '320102', serial: r.int(0, 99_999_999) });
      expect(isCreditCode(code)).toBe(true);
      expect(code.slice(0, 8)).toBe('91320102');
    }
  });

  it('sets 居民身份证 validity by age at issue', () => {
    expect([idCardValidYears(15), idCardValidYears(16), idCardValidYears(25), idCardValidYears(26), idCardValidYears(45), idCardValidYears(46)])
      .toEqual([5, 10, 10, 20, 20, null]);
    expect(ageOn('1988-07-15', '2025-07-14')).toBe(36);
    expect(ageOn('1988-07-15', '2025-07-15')).toBe(37);
    expect(addYears('2018-03-10', 20)).toBe('2038-03-10');
  });
});

describe('demo population', () => {
  const pop = buildDemoPopulation();

  it('is the same on every run', () => {
    expect(buildDemoPopulation()).toEqual(pop);
    expect(pop.licences.map(demoLicenceId)).toEqual(buildDemoPopulation().licences.map(demoLicenceId));
  });

  it('has about fifty adults, each with a 居民身份证 and a 居民户口簿, and valid unique ID numbers', () => {
    const adults = pop.people.filter((p) => ageOn(p.birthDate, DEMO_AS_OF) >= 18);
    expect(adults.length).toBeGreaterThanOrEqual(48);
    expect(adults.length).toBeLessThanOrEqual(52);
    expect(new Set(pop.people.map((p) => p.idNo)).size).toBe(pop.people.length);
    for (const p of pop.people) {
      expect(idNumberProblem(p.idNo, DEMO_AS_OF)).toBeNull();
      expect(sexOfId(p.idNo)).toBe(p.sex);
      const mine = pop.licences.filter((l) => l.holderIdNo === p.idNo).map((l) => l.typeCode);
      expect(mine).toContain(T.householdRegister);
      if (ageOn(p.birthDate, DEMO_AS_OF) >= 16) expect(mine).toContain(T.residentIdCard);
    }
  });

  it('has drivers, married couples, children with 出生医学证明 and ten companies with valid credit codes', () => {
    const count = (t: string) => pop.licences.filter((l) => l.typeCode === t).length;
    expect(count(T.drivingLicence)).toBeGreaterThanOrEqual(10);
    expect(count(T.marriageCertificate)).toBeGreaterThanOrEqual(8);
    expect(count(T.birthMedicalCertificate)).toBeGreaterThanOrEqual(3);
    expect(pop.companies).toHaveLength(10);
    expect(new Set(pop.companies.map((c) => c.creditCode)).size).toBe(10);
    for (const c of pop.companies) expect(isCreditCode(c.creditCode)).toBe(true);
    expect(pop.licences.filter((l) => l.typeCode === T.businessLicence).map((l) => l.status)).toContain('revoked');
  });

  it('uses real calendar dates, with no licence issued after the demo date', () => {
    for (const l of pop.licences) {
      for (const d of [l.issueDate, l.validFrom, l.validTo]) if (d) expect(isDate(d), `${l.typeCode} ${d}`).toBe(true);
      expect(l.issueDate <= DEMO_AS_OF).toBe(true);
      if (l.validTo) expect(l.validTo > l.issueDate).toBe(true);
    }
  });

  it('contains the documented demo citizen, his family and company', () => {
    for (const id of [DEMO_CITIZEN.idNo, DEMO_SPOUSE.idNo, DEMO_CHILD.idNo]) expect(idNumberProblem(id)).toBeNull();
    expect(isCreditCode(DEMO_COMPANY.creditCode)).toBe(true);
    const his = pop.licences.filter((l) => l.holderIdNo === DEMO_CITIZEN.idNo).map((l) => l.typeCode).sort();
    expect(his).toEqual([T.drivingLicence, T.householdRegister, T.marriageCertificate, T.residentIdCard, T.residentIdCard].sort());
    const birth = pop.licences.find((l) => l.typeCode === T.birthMedicalCertificate && l.holderIdNo === DEMO_CHILD.idNo)!;
    expect(birth.faceData).toMatchObject({ fatherIdNo: DEMO_CITIZEN.idNo, motherIdNo: DEMO_SPOUSE.idNo, certNo: DEMO_CHILD.birthCertNo });
    expect(pop.licences.find((l) => l.holderIdNo === DEMO_COMPANY.creditCode)?.faceData.legalRepresentative).toBe(DEMO_CITIZEN.name);
  });
});
