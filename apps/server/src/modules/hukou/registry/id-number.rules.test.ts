import { describe, expect, it } from 'vitest';
import { birthDateOfId, idNumberProblem } from '@jsga/form-engine';
import { createRandom } from '@jsga/kernel';
import {
  allocateIdNumber, checkNewSegment, composeIdNumber, evenSegments, findDuplicateIdNumbers, freeSequenceCount, idNumberMatchesPerson,
  idNumberMismatches, idNumberPrefix, jiangsuCountyCodes, normalizeIdNumber, segmentProblem, segmentProblems, segmentsOfStation,
  sexCodeOfId, usedSequences, type IdSegment,
} from './id-number.rules';

const XJK = '320102510100'; // 新街口派出所
const XWM = '320102510200'; // 玄武门派出所
const table: IdSegment[] = [
  { addressCode: '320102', stationKey: XJK, from: 1, to: 199 },
  { addressCode: '320102', stationKey: XWM, from: 200, to: 399 },
  { addressCode: '320102', stationKey: XJK, from: 800, to: 809 },
  { addressCode: '320104', stationKey: '320104510100', from: 1, to: 999 },
];

/** Allocates `count` numbers for one station, address code and birth date, as a service would (used set updated each time). */
function allocateMany(p: { count: number; stationKey: string; addressCode: string; birthDate: string; sexOf: (i: number) => '1' | '2'; used?: Set<number> }) {
  const used = p.used ?? new Set<number>();
  const results = [];
  for (let i = 0; i < p.count; i++) {
    const r = allocateIdNumber({ addressCode: p.addressCode, birthDate: p.birthDate, sex: p.sexOf(i), stationKey: p.stationKey, segments: table, used });
    results.push(r);
    if (r.ok) used.add(r.sequence);
  }
  return results;
}

describe('ID number composition', () => {
  it('reproduces the verified GB 11643 samples of the standards digest', () => {
    expect(composeIdNumber('320102', '1990-03-07', 123)).toBe('320102199003071239');
    expect(composeIdNumber('320105', '1985-06-15', 246)).toBe('320105198506152465');
    expect(composeIdNumber('320117', '2000-11-29', 1)).toBe('32011720001129001X');
    expect(composeIdNumber('321302', '1978-12-31', 998)).toBe('321302197812319989');
  });

  it('derives the prefix, the used sequence codes and the sex code from numbers', () => {
    expect(idNumberPrefix('320102', '1990-03-07')).toBe('32010219900307');
    const ids = ['320102199003071239', '320102199003070019', composeIdNumber('320102', '1990-03-08', 5), composeIdNumber('320104', '1990-03-07', 7)];
    expect([...usedSequences(ids, '320102', '1990-03-07')].sort((a, b) => a - b)).toEqual([1, 123]);
    expect(sexCodeOfId('320102199003071239')).toBe('1');
    expect(sexCodeOfId('320105198506152465')).toBe('2');
  });

  it('knows the Jiangsu county codes in force and not the retired ones or the city codes', () => {
    expect(jiangsuCountyCodes.has('320102')).toBe(true);
    expect(jiangsuCountyCodes.has('321324')).toBe(true);
    expect(jiangsuCountyCodes.has('320103')).toBe(false); // 白下区, retired 2013
    expect(jiangsuCountyCodes.has('320100')).toBe(false); // 南京市 is not county level
  });
});

describe('号段 rules', () => {
  it('accepts the sample table and finds no problem in it', () => {
    expect(segmentProblems(table)).toEqual([]);
  });

  it('rejects ranges outside 001–999, reversed or fractional ranges, unknown address codes and a missing station', () => {
    const base = { addressCode: '320102', stationKey: XJK };
    for (const [from, to] of [[0, 10], [990, 1000], [300, 200], [1.5, 20], [-5, 3]])
      expect(segmentProblem({ ...base, from, to })?.code).toBe('bad_range');
    expect(segmentProblem({ ...base, from: 1, to: 999 })).toBeNull();
    expect(segmentProblem({ ...base, from: 7, to: 7 })).toBeNull();
    expect(segmentProblem({ ...base, addressCode: '320103', from: 1, to: 9 })?.code).toBe('bad_address_code');
    expect(segmentProblem({ ...base, addressCode: '32010', from: 1, to: 9 })?.code).toBe('bad_address_code');
    expect(segmentProblem({ ...base, addressCode: '320103', from: 1, to: 9 }, { isAddressCode: (c) => c === '320103' })).toBeNull();
    expect(segmentProblem({ ...base, stationKey: ' ', from: 1, to: 9 })?.code).toBe('bad_station');
  });

  it('refuses a new segment that overlaps any segment of the same address code, whoever holds it, and allows touching ones', () => {
    const r = createRandom(3);
    for (let i = 0; i < 300; i++) {
      const from = r.int(1, 999), to = r.int(from, 999);
      const candidate = { addressCode: '320102', stationKey: 'new', from, to };
      const clash = table.some((s) => s.addressCode === '320102' && from <= s.to && s.from <= to);
      const problem = checkNewSegment(table, candidate);
      expect(problem?.code ?? null).toBe(clash ? 'overlap' : null);
    }
    expect(checkNewSegment(table, { addressCode: '320102', stationKey: 'x', from: 400, to: 799 })).toBeNull();
    const overlap = checkNewSegment(table, { addressCode: '320102', stationKey: 'x', from: 150, to: 250 });
    expect(overlap).toMatchObject({ code: 'overlap', other: table[0] });
    expect(overlap?.reason).toContain('重叠');
    // the same range under another address code is fine
    expect(checkNewSegment(table, { addressCode: '320105', stationKey: XJK, from: 1, to: 199 })).toBeNull();
  });

  it('reports each overlapping pair of a table once', () => {
    const bad = [...table, { addressCode: '320102', stationKey: 'a', from: 100, to: 250 }, { addressCode: '320104', stationKey: 'b', from: 500, to: 500 }];
    const problems = segmentProblems(bad);
    expect(problems.map((p) => p.code)).toEqual(['overlap', 'overlap', 'overlap']);
    expect(problems.filter((p) => p.segment.stationKey === 'a')).toHaveLength(2);
  });

  it('picks the segments of a station in ascending order', () => {
    expect(segmentsOfStation([...table].reverse(), '320102', XJK).map((s) => s.from)).toEqual([1, 800]);
    expect(segmentsOfStation(table, '320104', XJK)).toEqual([]);
  });

  it('splits 001–999 evenly and contiguously among stations', () => {
    for (let n = 1; n <= 12; n++) {
      const keys = Array.from({ length: n }, (_, i) => `s${i}`);
      const segments = evenSegments('320106', keys);
      expect(segmentProblems(segments)).toEqual([]);
      expect(segments[0].from).toBe(1);
      expect(segments[n - 1].to).toBe(999);
      segments.slice(1).forEach((s, i) => expect(s.from).toBe(segments[i].to + 1));
      const sizes = segments.map((s) => s.to - s.from + 1);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('ID number allocation', () => {
  it('gives valid numbers with the sequence parity of the sex, inside the station segment, all different', () => {
    const r = createRandom(42);
    for (let round = 0; round < 40; round++) {
      const birthDate = `${r.int(1930, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      const results = allocateMany({ count: 120, stationKey: XJK, addressCode: '320102', birthDate, sexOf: () => r.pick(['1', '2'] as const) });
      const ids = new Set<string>();
      for (const res of results) {
        if (!res.ok) continue;
        expect(idNumberProblem(res.idNumber)).toBeNull();
        expect(res.idNumber.slice(0, 6)).toBe('320102');
        expect(birthDateOfId(res.idNumber)).toBe(birthDate);
        expect(Number(res.idNumber.slice(14, 17))).toBe(res.sequence);
        expect(res.segment.stationKey).toBe(XJK);
        expect((res.sequence >= 1 && res.sequence <= 199) || (res.sequence >= 800 && res.sequence <= 809)).toBe(true);
        ids.add(res.idNumber);
      }
      expect(ids.size).toBe(results.filter((x) => x.ok).length);
    }
  });

  it('matches the sex: odd sequence codes for men, even for women', () => {
    const results = allocateMany({ count: 60, stationKey: XWM, addressCode: '320102', birthDate: '1995-08-08', sexOf: (i) => (i % 3 ? '1' : '2') });
    results.forEach((res, i) => {
      if (!res.ok) throw new Error(res.reason);
      expect(res.sequence % 2).toBe(i % 3 ? 1 : 0);
      expect(sexCodeOfId(res.idNumber)).toBe(i % 3 ? '1' : '2');
    });
  });

  it('takes the lowest free code and skips codes used by other stations or earlier registrations', () => {
    const used = new Set([1, 3, 7, 2]);
    const first = allocateIdNumber({ addressCode: '320102', birthDate: '2024-02-29', sex: '1', stationKey: XJK, segments: table, used });
    expect(first).toMatchObject({ ok: true, sequence: 5 });
    const woman = allocateIdNumber({ addressCode: '320102', birthDate: '2024-02-29', sex: '2', stationKey: XJK, segments: table, used });
    expect(woman).toMatchObject({ ok: true, sequence: 4 });
    const other = allocateIdNumber({ addressCode: '320102', birthDate: '2024-02-29', sex: '2', stationKey: XWM, segments: table, used });
    expect(other).toMatchObject({ ok: true, sequence: 200 });
  });

  it('stays unique over many allocations by several stations on one prefix until every segment is exhausted', () => {
    const used = new Set<number>();
    const all: string[] = [];
    for (const stationKey of [XJK, XWM]) {
      for (const sex of ['1', '2'] as const) {
        const results = allocateMany({ count: 200, stationKey, addressCode: '320102', birthDate: '2001-01-01', sexOf: () => sex, used });
        const ok = results.flatMap((x) => (x.ok ? [x.idNumber] : []));
        // 新街口: 001–199 and 800–809 = 100 + 5 odd, 99 + 5 even; 玄武门: 200–399 = 100 odd, 100 even
        const capacity = stationKey === XJK ? (sex === '1' ? 105 : 104) : 100;
        expect(ok).toHaveLength(capacity);
        expect(results.slice(capacity).every((x) => !x.ok && x.code === 'segment_exhausted' && x.reason === '该派出所号段已用尽')).toBe(true);
        all.push(...ok);
      }
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => idNumberProblem(id) === null)).toBe(true);
  });

  it('counts the free codes of a sex', () => {
    const segments = segmentsOfStation(table, '320102', XJK);
    expect(freeSequenceCount(segments, '1', new Set())).toBe(105);
    expect(freeSequenceCount(segments, '2', new Set([2, 4, 3]))).toBe(102);
  });

  it('returns typed failures, not exceptions, for bad input and missing segments', () => {
    const base = { addressCode: '320102', birthDate: '1990-03-07', sex: '1' as const, stationKey: XJK, segments: table, used: new Set<number>() };
    expect(allocateIdNumber({ ...base, addressCode: '320103' })).toMatchObject({ ok: false, code: 'bad_address_code' });
    expect(allocateIdNumber({ ...base, addressCode: '3201' })).toMatchObject({ ok: false, code: 'bad_address_code' });
    expect(allocateIdNumber({ ...base, birthDate: '1990-02-30' })).toMatchObject({ ok: false, code: 'bad_birth_date' });
    expect(allocateIdNumber({ ...base, birthDate: '1899-12-31' })).toMatchObject({ ok: false, code: 'bad_birth_date' });
    expect(allocateIdNumber({ ...base, birthDate: '2030-01-01', today: '2025-06-01' })).toMatchObject({ ok: false, code: 'bad_birth_date' });
    expect(allocateIdNumber({ ...base, stationKey: 'unknown' })).toMatchObject({ ok: false, code: 'no_segment', reason: '该派出所在此地址码下没有号段' });
    expect(allocateIdNumber({ ...base, addressCode: '320104' })).toMatchObject({ ok: false, code: 'no_segment' });
    expect(allocateIdNumber({ ...base, addressCode: '320103', segments: [{ ...table[0], addressCode: '320103' }], isAddressCode: () => true })).toMatchObject({ ok: true });
  });
});

describe('重号 detection', () => {
  it('groups persons sharing a number, including a 15-digit number and its 18-digit form and lower-case x', () => {
    const persons = [
      { key: 'a', idNumber: '320102199003071239' },
      { key: 'b', idNumber: '32011720001129001X' },
      { key: 'c', idNumber: '320102900307123' }, // GB 11643-1989 form of a
      { key: 'd', idNumber: '320105198506152465' },
      { key: 'e', idNumber: ' 32011720001129001x' },
      { key: 'f', idNumber: '320102199003071239' },
    ];
    const groups = findDuplicateIdNumbers(persons);
    expect(groups.map((g) => [g.idNumber, g.persons.map((p) => p.key)])).toEqual([
      ['320102199003071239', ['a', 'c', 'f']],
      ['32011720001129001X', ['b', 'e']],
    ]);
    expect(findDuplicateIdNumbers(persons.slice(3, 4))).toEqual([]);
  });

  it('finds exactly the planted duplicates among many distinct numbers', () => {
    const r = createRandom(9);
    const used = new Set<number>();
    const persons = allocateMany({ count: 150, stationKey: XJK, addressCode: '320102', birthDate: '1988-10-10', sexOf: () => r.pick(['1', '2'] as const), used })
      .flatMap((x, i) => (x.ok ? [{ n: i, idNumber: x.idNumber }] : []));
    const planted = [persons[3], persons[40], persons[41]].map((p, i) => ({ n: 1000 + i, idNumber: p.idNumber }));
    const groups = findDuplicateIdNumbers([...persons, ...planted]);
    expect(groups).toHaveLength(3);
    expect(groups.every((g) => g.persons.length === 2)).toBe(true);
  });

  it('normalises numbers and refuses what is not one', () => {
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeIdNumber('320102900307123')).toBe('320102199003071239');
    expect(normalizeIdNumber('12345')).toBeNull();
  });
});

describe('ID number against the registered birth date and sex', () => {
  it('matches when both agree and names each disagreement', () => {
    const id = '320105198506152465';
    expect(idNumberMatchesPerson(id, { birthDate: '1985-06-15', sex: '2' })).toBe(true);
    expect(idNumberMismatches(id, { birthDate: '1985-06-16', sex: '1' })).toEqual([
      expect.objectContaining({ field: 'birthDate', fromIdNumber: '1985-06-15', registered: '1985-06-16' }),
      expect.objectContaining({ field: 'sex', fromIdNumber: '2', registered: '1' }),
    ]);
    expect(idNumberMatchesPerson(id, { birthDate: '1985-06-15', sex: '9' })).toBe(false);
    expect(idNumberMatchesPerson('320102900307123', { birthDate: '1990-03-07', sex: '1' })).toBe(true);
  });

  it('reports an invalid number as such instead of comparing', () => {
    expect(idNumberMismatches('320105198506152466', { birthDate: '1985-06-15', sex: '2' })).toEqual([expect.objectContaining({ field: 'idNumber', problem: 'check_digit' })]);
    expect(idNumberMismatches('abc', { birthDate: '1985-06-15', sex: '2' })).toEqual([expect.objectContaining({ field: 'idNumber', problem: 'format' })]);
  });

  it('agrees with every allocated number for the data it was allocated from', () => {
    const r = createRandom(5);
    for (let i = 0; i < 300; i++) {
      const birthDate = `${r.int(1940, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      const sex = r.pick(['1', '2'] as const);
      const res = allocateIdNumber({ addressCode: '320104', birthDate, sex, stationKey: '320104510100', segments: table, used: new Set([r.int(1, 999)]) });
      if (!res.ok) throw new Error(res.reason);
      expect(idNumberMatchesPerson(res.idNumber, { birthDate, sex })).toBe(true);
    }
  });
});
