import { describe, expect, it } from 'vitest';
import {
  BloodType, EducationLevel, EthnicityCode, HouseholdType, MaritalStatus, MilitaryServiceStatus, OccupationCategory, RelationToHead, Religion,
  isMarried, jiangsuCities,
} from '@jsga/contracts';
import { idNumberProblem } from '@jsga/form-engine';
import { findDuplicateIdNumbers, idNumberMatchesPerson, segmentProblems } from '../registry/id-number.rules';
import { ageOn, defaultPoliceStations, generatePopulation, type DemoResident } from './population.generator';

const pop = generatePopulation();
const byId = new Map(pop.persons.map((p) => [p.idNumber, p]));
const age = (p: DemoResident) => ageOn(p.birthDate, pop.asOf);
const years = (older: DemoResident, younger: DemoResident) => ageOn(older.birthDate, younger.birthDate);
const counties = new Set(jiangsuCities.flatMap((c) => c.counties.map((k) => k.code)));
const membersOf = (no: string) => pop.households.find((h) => h.householdNo === no)!.memberIdNumbers.map((id) => byId.get(id)!);
const SPOUSE: string[] = ['10', '11', '12'];
const CHILD = (r: string | null) => r !== null && Number(r) >= 20 && Number(r) <= 39 && r !== '28' && r !== '38';

describe('demo population: determinism and size', () => {
  it('gives exactly the number of persons asked for, 3000 by default', () => {
    expect(pop.persons).toHaveLength(3000);
    for (const n of [1, 2, 7, 50, 333]) expect(generatePopulation({ persons: n, seed: n }).persons).toHaveLength(n);
  });

  it('is the same for the same seed and different for another seed', () => {
    const a = generatePopulation({ persons: 400, seed: 11 });
    expect(generatePopulation({ persons: 400, seed: 11 })).toEqual(a);
    const b = generatePopulation({ persons: 400, seed: 12 });
    expect(b).not.toEqual(a);
    const shared = b.persons.filter((p) => a.persons.some((q) => q.idNumber === p.idNumber && q.name === p.name));
    expect(shared.length).toBeLessThan(20);
  });

  it('generates 3000 persons well within a few seconds', () => {
    const started = performance.now();
    generatePopulation({ seed: 99 });
    expect(performance.now() - started).toBeLessThan(2500);
  });
});

describe('demo population: ID numbers', () => {
  it('are valid GB 11643 numbers, unique, and agree with the birth date, sex and 出生地 of their holder', () => {
    expect(new Set(pop.persons.map((p) => p.idNumber)).size).toBe(pop.persons.length);
    expect(findDuplicateIdNumbers(pop.persons)).toEqual([]);
    for (const p of pop.persons) {
      expect(idNumberProblem(p.idNumber, pop.asOf), p.idNumber).toBeNull();
      expect(idNumberMatchesPerson(p.idNumber, p), p.idNumber).toBe(true);
      expect(p.idNumber.slice(0, 6)).toBe(p.birthPlaceCode);
    }
  });

  it('come from a sound 号段 table covering every county of the stations', () => {
    expect(segmentProblems(pop.segments)).toEqual([]);
    for (const s of pop.stations) expect(pop.segments.some((g) => g.stationKey === s.key && g.addressCode === s.regionCode)).toBe(true);
    for (const p of pop.persons) {
      const seq = Number(p.idNumber.slice(14, 17));
      expect(pop.segments.some((g) => g.addressCode === p.birthPlaceCode && g.from <= seq && seq <= g.to)).toBe(true);
    }
  });
});

describe('demo population: households', () => {
  it('have unique 9-digit 户号 of their county, stations of the input, and members that point back to them', () => {
    const numbers = pop.households.map((h) => h.householdNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    const stationKeys = new Map(pop.stations.map((s) => [s.key, s]));
    const seen = new Set<string>();
    for (const h of pop.households) {
      expect(h.householdNo).toMatch(/^\d{9}$/);
      expect(`32${h.householdNo.slice(0, 4)}`).toBe(h.regionCode);
      expect(stationKeys.get(h.stationKey)?.regionCode).toBe(h.regionCode);
      expect(HouseholdType.safeParse(h.type).success).toBe(true);
      expect(h.address.startsWith('江苏省')).toBe(true);
      expect(h.memberIdNumbers.length).toBeGreaterThan(0);
      for (const p of membersOf(h.householdNo)) {
        expect(seen.has(p.idNumber)).toBe(false);
        seen.add(p.idNumber);
        expect(p).toMatchObject({ householdNo: h.householdNo, address: h.address, regionCode: h.regionCode, stationKey: h.stationKey });
        expect(p.registeredOn >= h.establishedOn && p.registeredOn >= p.birthDate && p.registeredOn <= pop.asOf, p.idNumber).toBe(true);
      }
    }
    expect(seen.size).toBe(pop.persons.length);
  });

  it('gives every 家庭户 exactly one 户主, listed first, and no 集体户 a head', () => {
    for (const h of pop.households) {
      const members = membersOf(h.householdNo);
      if (h.type === 'family') {
        expect(members.filter((p) => p.relationToHead === '02')).toHaveLength(1);
        expect(members[0].relationToHead).toBe('02');
        expect(h.headIdNumber).toBe(members[0].idNumber);
        expect(h.name).toBeNull();
        expect(members.every((p) => p.relationToHead !== null)).toBe(true);
      } else {
        expect(h.headIdNumber).toBeNull();
        expect(h.name).toMatch(/集体户$/);
        expect(members.every((p) => p.relationToHead === null)).toBe(true);
      }
    }
  });

  it('are mostly 家庭户, with a few 集体户 of every kind including a Nanjing university 学生集体户', () => {
    const family = pop.households.filter((h) => h.type === 'family');
    expect(family.length / pop.households.length).toBeGreaterThan(0.97);
    for (const t of ['unit_collective', 'talent_collective', 'community_collective'] as const)
      expect(pop.households.some((h) => h.type === t)).toBe(true);
    const students = pop.households.filter((h) => h.type === 'student_collective');
    expect(students).toHaveLength(1);
    expect(students[0].name).toMatch(/大学学生集体户$/);
    expect(students[0].regionCode.slice(0, 4)).toBe('3201');
    const studentMembers = membersOf(students[0].householdNo);
    expect(studentMembers.length).toBeGreaterThanOrEqual(50);
    expect(studentMembers.every((p) => p.occupation === '学生' && age(p) >= 18 && age(p) <= 27 && (p.education === '20' || p.education === '10'))).toBe(true);
    expect(studentMembers.every((p) => p.previousRegionCode === p.birthPlaceCode)).toBe(true);
    // students come from all over the province, not only from Nanjing
    expect(new Set(studentMembers.map((p) => p.birthPlaceCode.slice(0, 4))).size).toBeGreaterThan(5);
  });

  it('have plausible family shapes: sizes, children, parents living along', () => {
    const family = pop.households.filter((h) => h.type === 'family').map((h) => membersOf(h.householdNo));
    const sizes = family.map((m) => m.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2.4);
    expect(mean).toBeLessThan(4);
    expect(family.some((m) => m.some((p) => ['51', '52', '53', '54', '55', '56'].includes(p.relationToHead!)))).toBe(true);
    expect(family.some((m) => m.some((p) => ['41', '42', '43', '44'].includes(p.relationToHead!)))).toBe(true);
  });
});

describe('demo population: family relations', () => {
  it('marries the head to a spouse of the other sex, both married, of legal age, and of similar age', () => {
    let couples = 0;
    for (const h of pop.households.filter((x) => x.type === 'family')) {
      const [head, ...rest] = membersOf(h.householdNo);
      for (const spouse of rest.filter((p) => SPOUSE.includes(p.relationToHead!))) {
        couples++;
        expect(spouse.sex).not.toBe(head.sex);
        expect(spouse.relationToHead).toBe(spouse.sex === '1' ? '11' : '12');
        expect(isMarried(head.maritalStatus) && isMarried(spouse.maritalStatus)).toBe(true);
        for (const p of [head, spouse]) expect(age(p)).toBeGreaterThanOrEqual(p.sex === '1' ? 22 : 20);
        expect(Math.abs(ageOn(head.birthDate, spouse.birthDate))).toBeLessThanOrEqual(10);
      }
      expect(rest.filter((p) => SPOUSE.includes(p.relationToHead!)).length).toBeLessThanOrEqual(1);
      // a 儿媳 is married to a son of the head, a 女婿 to a daughter
      for (const inLaw of rest.filter((p) => p.relationToHead === '38' || p.relationToHead === '28')) {
        const partner = rest.find((p) => CHILD(p.relationToHead) && p.sex !== inLaw.sex && isMarried(p.maritalStatus));
        expect(partner).toBeDefined();
        expect(inLaw.sex).toBe(inLaw.relationToHead === '38' ? '2' : '1');
      }
    }
    expect(couples).toBeGreaterThan(pop.households.length / 2);
  });

  it('makes children at least 18 years younger than their parents, fathers men and mothers women', () => {
    let links = 0;
    for (const p of pop.persons) {
      for (const [parentId, sex] of [[p.fatherIdNumber, '1'], [p.motherIdNumber, '2']] as const) {
        if (!parentId) continue;
        const parent = byId.get(parentId);
        expect(parent, `${p.idNumber} → ${parentId}`).toBeDefined();
        links++;
        expect(parent!.sex).toBe(sex);
        expect(years(parent!, p)).toBeGreaterThanOrEqual(18);
        expect(parent!.householdNo).toBe(p.householdNo);
      }
    }
    expect(links).toBeGreaterThan(1000);
  });

  it('keeps the head older than their children and younger than their parents by at least 18 years', () => {
    for (const h of pop.households.filter((x) => x.type === 'family')) {
      const [head, ...rest] = membersOf(h.householdNo);
      for (const p of rest) {
        if (CHILD(p.relationToHead)) expect(years(head, p)).toBeGreaterThanOrEqual(18);
        if (['51', '52', '53', '54', '55', '56'].includes(p.relationToHead!)) expect(years(p, head)).toBeGreaterThanOrEqual(18);
        if (['41', '42', '43', '44'].includes(p.relationToHead!)) expect(years(head, p)).toBeGreaterThanOrEqual(36);
      }
      const kids = rest.filter((p) => ['21', '31'].includes(p.relationToHead!));
      if (kids.length) expect(rest.filter((p) => CHILD(p.relationToHead))).toHaveLength(1); // 独生子/独生女 only when alone
    }
  });

  it('gives children the surname of a parent', () => {
    const withFather = pop.persons.filter((p) => p.fatherIdNumber && p.motherIdNumber);
    const fromFather = withFather.filter((p) => p.name[0] === byId.get(p.fatherIdNumber!)!.name[0]);
    const fromEither = withFather.filter((p) => [byId.get(p.fatherIdNumber!)!.name[0], byId.get(p.motherIdNumber!)!.name[0]].includes(p.name[0]));
    expect(fromEither).toHaveLength(withFather.length);
    expect(fromFather.length / withFather.length).toBeGreaterThan(0.9);
  });
});

describe('demo population: 常住人口登记表 items', () => {
  it('uses the dictionary codes for every coded item and region codes of Jiangsu counties', () => {
    for (const p of pop.persons) {
      expect(EthnicityCode.safeParse(p.ethnicity).success).toBe(true);
      expect(MaritalStatus.safeParse(p.maritalStatus).success).toBe(true);
      expect(MilitaryServiceStatus.safeParse(p.militaryService).success).toBe(true);
      expect(BloodType.safeParse(p.bloodType).success).toBe(true);
      expect(Religion.safeParse(p.religion).success).toBe(true);
      expect(p.education === null || EducationLevel.safeParse(p.education).success).toBe(true);
      expect(p.occupationCategory === null || OccupationCategory.safeParse(p.occupationCategory).success).toBe(true);
      expect(p.relationToHead === null || RelationToHead.safeParse(p.relationToHead).success).toBe(true);
      for (const code of [p.birthPlaceCode, p.nativePlaceCode, p.regionCode]) expect(counties.has(code)).toBe(true);
      if (p.previousRegionCode !== null) expect(counties.has(p.previousRegionCode)).toBe(true);
    }
  });

  it('has realistic names, mostly 汉族, both sexes, and a few 曾用名', () => {
    const names = pop.persons.map((p) => p.name);
    expect(names.every((n) => /^[\u4e00-\u9fa5]{2,4}$/.test(n))).toBe(true);
    expect(new Set(names.map((n) => n[0])).size).toBeGreaterThan(50);
    const han = pop.persons.filter((p) => p.ethnicity === '01').length / pop.persons.length;
    expect(han).toBeGreaterThan(0.95);
    expect(han).toBeLessThan(1);
    const men = pop.persons.filter((p) => p.sex === '1').length / pop.persons.length;
    expect(men).toBeGreaterThan(0.44);
    expect(men).toBeLessThan(0.56);
    const former = pop.persons.filter((p) => p.formerName !== null);
    expect(former.length).toBeGreaterThan(0);
    expect(former.length).toBeLessThan(pop.persons.length * 0.05);
    expect(former.every((p) => p.formerName !== p.name)).toBe(true);
  });

  it('sets 文化程度, 婚姻状况, 职业 and 身高 as the age allows', () => {
    for (const p of pop.persons) {
      const a = age(p);
      expect(p.birthDate <= pop.asOf).toBe(true);
      if (a < 6) expect(p.education).toBeNull();
      else expect(p.education).not.toBeNull();
      if (a >= 6 && a < 12) expect(p.education).toBe('80');
      if (p.education === '10') expect(a).toBeGreaterThanOrEqual(22);
      if (p.education === '20') expect(a).toBeGreaterThanOrEqual(17);
      if (a < 18) {
        expect(p.maritalStatus).toBe('10');
        expect(p.militaryService).toBe('0');
        expect(p.occupationCategory).toBeNull();
      }
      if (p.maritalStatus !== '10') expect(a).toBeGreaterThanOrEqual(p.sex === '1' ? 22 : 20);
      if (a >= 6 && a < 18) expect(p.occupation).toBe('学生');
      if (a < 6) expect([p.occupation, p.employer]).toEqual([null, null]);
      if (p.occupationCategory !== null) expect(p.employer === null ? p.occupation === '农民' : true).toBe(true);
      if (a >= 18) expect(p.heightCm).toBeGreaterThanOrEqual(130);
      expect(p.heightCm).toBeGreaterThanOrEqual(40);
      expect(p.heightCm).toBeLessThanOrEqual(210);
      if (p.militaryService === '4') throw new Error('a serviceman’s 户口 is cancelled on enlistment'); // 入伍注销
    }
    const adults = pop.persons.filter((p) => age(p) >= 25);
    const meanHeight = (sex: '1' | '2') => { const xs = adults.filter((p) => p.sex === sex).map((p) => p.heightCm); return xs.reduce((a, b) => a + b, 0) / xs.length; };
    expect(meanHeight('1') - meanHeight('2')).toBeGreaterThan(8);
  });

  it('registers a person born into the household at birth, and one who moved in with where they came from', () => {
    for (const p of pop.persons) {
      if (p.previousRegionCode === null) {
        expect(p.birthPlaceCode).toBe(p.regionCode);
        expect(toDays(p.registeredOn) - toDays(p.birthDate)).toBeLessThanOrEqual(31);
      }
    }
    expect(pop.persons.some((p) => p.previousRegionCode === null)).toBe(true);
    expect(pop.persons.some((p) => p.previousRegionCode !== null && p.previousRegionCode !== p.regionCode)).toBe(true);
  });
});

describe('demo population: stations as input', () => {
  it('spreads households over the given stations only, and has no 学生集体户 without a Nanjing station', () => {
    const stations = defaultPoliceStations.filter((s) => s.regionCode === '320508');
    const small = generatePopulation({ persons: 300, seed: 5, stations });
    expect(new Set(small.households.map((h) => h.stationKey))).toEqual(new Set(stations.map((s) => s.key)));
    expect(small.households.some((h) => h.type === 'student_collective')).toBe(false);
    expect(small.persons.every((p) => p.birthPlaceCode === '320508' && idNumberProblem(p.idNumber) === null)).toBe(true);
    expect(new Set(small.persons.map((p) => p.idNumber)).size).toBe(300);
    expect(small.segments.map((s) => [s.from, s.to])).toEqual([[1, 500], [501, 999]]);
  });

  it('accepts stations of the org tree by key and refuses a region that is not a Jiangsu county', () => {
    const one = generatePopulation({ persons: 30, stations: [{ key: 'org-1', name: '测试派出所', regionCode: '320115' }] });
    expect(one.households.every((h) => h.stationKey === 'org-1')).toBe(true);
    expect(() => generatePopulation({ stations: [{ key: 'x', name: '外省派出所', regionCode: '110101' }] })).toThrow(/not a Jiangsu county/);
    expect(() => generatePopulation({ stations: [] })).toThrow();
  });
});

const toDays = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
