import { jiangsuCities, type IdSex, type SexCode } from '@jsga/contracts';
import { birthDateOfId, idCheckChar, idNumberProblem, isValidDate, sexOfId, type IdNumberProblem } from '@jsga/form-engine';

/**
 * 公民身份号码管理 (GB 11643-1999), pure rules: 号段管理 (sequence segments per 派出所), 身份号码分配
 * (assignment), 重号管理 (duplicate detection) and the birth-date / sex consistency check used by 变更更正.
 *
 * Number layout: 6-digit address code (county-level GB/T 2260 code of the registration place) + 8-digit
 * birth date + 3-digit sequence code (odd = male, even = female) + check character (ISO 7064 MOD 11-2, the
 * form engine's `idCheckChar`). Numbers are never re-issued when divisions change, so validation of
 * *existing* numbers accepts retired address codes; only *new* numbers need a code in force.
 *
 * Concurrency is the caller's business: the service reads the used sequence codes of the prefix (see
 * `idNumberPrefix`) inside its transaction and records the chosen one under a uniqueness constraint on
 * (address code, birth date, sequence), retrying on conflict.
 */

export const SEQUENCE_MIN = 1;
export const SEQUENCE_MAX = 999;

/** County-level GB/T 2260 codes of Jiangsu in force (reference/jiangsu-regions.ts): the address codes new numbers may use. */
export const jiangsuCountyCodes: ReadonlySet<string> = new Set(jiangsuCities.flatMap((c) => c.counties.map((k) => k.code)));
const isJiangsuCounty = (code: string) => jiangsuCountyCodes.has(code);

/** Tells whether a 6-digit code is a county-level code new numbers may be assigned under. */
export type AddressCodeCheck = (code: string) => boolean;

const pad3 = (n: number) => String(n).padStart(3, '0');
const compactDate = (isoDate: string) => isoDate.replaceAll('-', '');
const isIsoDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isValidDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));

/** The GB/T 2261.1 sex code a number encodes: '1' for an odd sequence code, '2' for an even one. */
export const sexCodeOfId = (idNumber: string): IdSex => (sexOfId(idNumber) === '男' ? '1' : '2');

/** The first 14 characters (address code + birth date) shared by every number one sequence space covers. */
export const idNumberPrefix = (addressCode: string, birthDate: string) => `${addressCode}${compactDate(birthDate)}`;

/** The full 18-character number for a sequence code, with its check character. No validation. */
export function composeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  const body = `${idNumberPrefix(addressCode, birthDate)}${pad3(sequence)}`;
  return body + idCheckChar(body);
}

/** The sequence codes (as numbers) the given numbers use under one address code and birth date; other numbers are ignored. */
export function usedSequences(idNumbers: Iterable<string>, addressCode: string, birthDate: string): Set<number> {
  const prefix = idNumberPrefix(addressCode, birthDate);
  const used = new Set<number>();
  for (const id of idNumbers) if (id.startsWith(prefix) && /^\d{3}$/.test(id.slice(14, 17))) used.add(Number(id.slice(14, 17)));
  return used;
}

// ---------------------------------------------------------------------------------------------------
// 号段管理
// ---------------------------------------------------------------------------------------------------

/** A 号段: the sequence codes `from`..`to` (both included, 1–999) of one address code, held by one 派出所. */
export type IdSegment = { addressCode: string; stationKey: string; from: number; to: number };

export type SegmentProblem =
  | { code: 'bad_address_code'; segment: IdSegment; reason: string }
  | { code: 'bad_station'; segment: IdSegment; reason: string }
  | { code: 'bad_range'; segment: IdSegment; reason: string }
  | { code: 'overlap'; segment: IdSegment; other: IdSegment; reason: string };

/** '001–199', as the 号段 is shown. */
export const formatSegmentRange = (s: Pick<IdSegment, 'from' | 'to'>) => `${pad3(s.from)}–${pad3(s.to)}`;

const overlaps = (a: IdSegment, b: IdSegment) => a.addressCode === b.addressCode && a.from <= b.to && b.from <= a.to;

/** What is wrong with one segment on its own (address code, station, range), or null. */
export function segmentProblem(segment: IdSegment, opts: { isAddressCode?: AddressCodeCheck } = {}): SegmentProblem | null {
  const isAddressCode = opts.isAddressCode ?? isJiangsuCounty;
  if (!/^\d{6}$/.test(segment.addressCode) || !isAddressCode(segment.addressCode))
    return { code: 'bad_address_code', segment, reason: `地址码${segment.addressCode}不是有效的县级行政区划代码` };
  if (!segment.stationKey.trim()) return { code: 'bad_station', segment, reason: '号段须分配给一个派出所' };
  const { from, to } = segment;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < SEQUENCE_MIN || to > SEQUENCE_MAX || from > to)
    return { code: 'bad_range', segment, reason: `号段须在${pad3(SEQUENCE_MIN)}–${pad3(SEQUENCE_MAX)}之间且起号不大于止号` };
  return null;
}

/**
 * Whether a new segment may be added to the existing ones: valid on its own and overlapping no segment
 * of the same address code (whichever station holds it). Returns the first problem, or null.
 */
export function checkNewSegment(existing: readonly IdSegment[], candidate: IdSegment, opts: { isAddressCode?: AddressCodeCheck } = {}): SegmentProblem | null {
  const own = segmentProblem(candidate, opts);
  if (own) return own;
  const other = existing.find((s) => overlaps(s, candidate));
  return other
    ? { code: 'overlap', segment: candidate, other, reason: `号段${formatSegmentRange(candidate)}与${other.stationKey}的号段${formatSegmentRange(other)}重叠` }
    : null;
}

/** Every problem of a whole segment table: invalid segments, and each overlapping pair once. */
export function segmentProblems(segments: readonly IdSegment[], opts: { isAddressCode?: AddressCodeCheck } = {}): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  segments.forEach((segment, i) => {
    const own = segmentProblem(segment, opts);
    if (own) { problems.push(own); return; }
    for (const other of segments.slice(0, i))
      if (segmentProblem(other, opts) === null && overlaps(other, segment))
        problems.push({ code: 'overlap', segment, other, reason: `号段${formatSegmentRange(segment)}与${other.stationKey}的号段${formatSegmentRange(other)}重叠` });
  });
  return problems;
}

/** The segments a station holds under an address code, in ascending order (a station may be given more than one). */
export const segmentsOfStation = (segments: readonly IdSegment[], addressCode: string, stationKey: string): IdSegment[] =>
  segments.filter((s) => s.addressCode === addressCode && s.stationKey === stationKey).sort((a, b) => a.from - b.from);

/**
 * Splits 001–999 of one address code evenly and contiguously among stations, in the given order (the
 * first ones get one more number when it does not divide). Used to seed a 号段 table.
 */
export function evenSegments(addressCode: string, stationKeys: readonly string[]): IdSegment[] {
  const total = SEQUENCE_MAX - SEQUENCE_MIN + 1;
  const n = stationKeys.length;
  let from = SEQUENCE_MIN;
  return stationKeys.map((stationKey, i) => {
    const size = Math.floor(total / n) + (i < total % n ? 1 : 0);
    const segment = { addressCode, stationKey, from, to: from + size - 1 };
    from += size;
    return segment;
  });
}

// ---------------------------------------------------------------------------------------------------
// 身份号码分配
// ---------------------------------------------------------------------------------------------------

export type AllocateIdNumberInput = {
  /** County-level GB/T 2260 code of the registration place. */
  addressCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: IdSex;
  /** The 派出所 that registers the person; its segments under `addressCode` are used. */
  stationKey: string;
  /** The 号段 table (all stations' segments, or just this station's). */
  segments: readonly IdSegment[];
  /** Sequence codes already used under this address code and birth date, by any station (see `usedSequences`). */
  used: ReadonlySet<number>;
  /** YYYY-MM-DD; a birth date after it is refused. */
  today?: string;
  isAddressCode?: AddressCodeCheck;
};

export type AllocateIdNumberFailure = 'bad_address_code' | 'bad_birth_date' | 'no_segment' | 'segment_exhausted';
export const allocateIdNumberFailureLabels: Record<AllocateIdNumberFailure, string> = {
  bad_address_code: '地址码不是有效的县级行政区划代码',
  bad_birth_date: '出生日期无效',
  no_segment: '该派出所在此地址码下没有号段',
  segment_exhausted: '该派出所号段已用尽',
};

export type AllocateIdNumberResult =
  | { ok: true; idNumber: string; sequence: number; segment: IdSegment }
  | { ok: false; code: AllocateIdNumberFailure; reason: string };

const fail = (code: AllocateIdNumberFailure): AllocateIdNumberResult => ({ ok: false, code, reason: allocateIdNumberFailureLabels[code] });

/**
 * The next free number: the lowest unused sequence code of the right parity (odd = male, even = female)
 * in the station's segments under the address code, with its check character. Exhaustion and bad input
 * are results, not exceptions.
 */
export function allocateIdNumber(input: AllocateIdNumberInput): AllocateIdNumberResult {
  const isAddressCode = input.isAddressCode ?? isJiangsuCounty;
  if (!/^\d{6}$/.test(input.addressCode) || !isAddressCode(input.addressCode)) return fail('bad_address_code');
  if (!isIsoDate(input.birthDate) || input.birthDate < '1900-01-01' || (input.today && input.birthDate > input.today)) return fail('bad_birth_date');
  const own = segmentsOfStation(input.segments, input.addressCode, input.stationKey);
  if (own.length === 0) return fail('no_segment');
  const parity = input.sex === '1' ? 1 : 0;
  for (const segment of own) {
    const from = Math.max(segment.from, SEQUENCE_MIN), to = Math.min(segment.to, SEQUENCE_MAX);
    for (let seq = from % 2 === parity ? from : from + 1; seq <= to; seq += 2) {
      if (input.used.has(seq)) continue;
      const idNumber = composeIdNumber(input.addressCode, input.birthDate, seq);
      if (idNumberProblem(idNumber) !== null) throw new Error(`composed ID number ${idNumber} fails GB 11643`); // cannot happen: inputs were checked
      return { ok: true, idNumber, sequence: seq, segment };
    }
  }
  return fail('segment_exhausted');
}

/** How many numbers of one sex a station still has under a prefix (for the 号段 usage view). */
export function freeSequenceCount(segments: readonly IdSegment[], sex: IdSex, used: ReadonlySet<number>): number {
  const parity = sex === '1' ? 1 : 0;
  let free = 0;
  for (const s of segments) for (let seq = s.from; seq <= s.to; seq++) if (seq % 2 === parity && !used.has(seq)) free++;
  return free;
}

// ---------------------------------------------------------------------------------------------------
// 重号管理
// ---------------------------------------------------------------------------------------------------

/**
 * The canonical 18-character form: trimmed, lower-case x upper-cased, and a 15-digit GB 11643-1989
 * number upgraded (19 inserted before its 6-digit birth date, check character appended). Null when the
 * value is shaped like neither.
 */
export function normalizeIdNumber(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(v)) return v;
  if (/^\d{15}$/.test(v)) {
    const body = `${v.slice(0, 6)}19${v.slice(6)}`;
    return body + idCheckChar(body);
  }
  return null;
}

/** Persons sharing one number (重号). */
export type DuplicateIdGroup<P> = { idNumber: string; persons: P[] };

/**
 * Groups persons whose numbers are the same once normalised (so a 15-digit number and its 18-digit form
 * collide). Only groups of two or more, ordered by number; persons keep their input order.
 */
export function findDuplicateIdNumbers<P extends { idNumber: string }>(persons: readonly P[]): DuplicateIdGroup<P>[] {
  const byNumber = new Map<string, P[]>();
  for (const p of persons) {
    const key = normalizeIdNumber(p.idNumber) ?? p.idNumber.trim().toUpperCase();
    const group = byNumber.get(key);
    if (group) group.push(p); else byNumber.set(key, [p]);
  }
  return [...byNumber].filter(([, ps]) => ps.length > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([idNumber, ps]) => ({ idNumber, persons: ps }));
}

// ---------------------------------------------------------------------------------------------------
// Consistency with the registered items (变更更正)
// ---------------------------------------------------------------------------------------------------

const idProblemReasons: Record<IdNumberProblem, string> = {
  format: '公民身份号码格式不正确', birth_date: '公民身份号码中的出生日期无效', check_digit: '公民身份号码校验码不正确',
};

export type IdPersonMismatch =
  | { field: 'idNumber'; problem: IdNumberProblem; reason: string }
  | { field: 'birthDate'; fromIdNumber: string; registered: string; reason: string }
  | { field: 'sex'; fromIdNumber: IdSex; registered: SexCode; reason: string };

/**
 * Where a number disagrees with a person's registered birth date and sex: empty when both match. An
 * invalid number (format, date or check character) gives one 'idNumber' entry; a registered sex other than 男/女 never matches.
 */
export function idNumberMismatches(idNumber: string, person: { birthDate: string; sex: SexCode }): IdPersonMismatch[] {
  const id = normalizeIdNumber(idNumber);
  const problem = id ? idNumberProblem(id) : 'format';
  if (!id || problem) return [{ field: 'idNumber', problem: problem ?? 'format', reason: idProblemReasons[problem ?? 'format'] }];
  const out: IdPersonMismatch[] = [];
  const birth = birthDateOfId(id);
  if (birth !== person.birthDate) out.push({ field: 'birthDate', fromIdNumber: birth, registered: person.birthDate, reason: '公民身份号码中的出生日期与登记的出生日期不一致' });
  const sex = sexCodeOfId(id);
  if (sex !== person.sex) out.push({ field: 'sex', fromIdNumber: sex, registered: person.sex, reason: '公民身份号码中的性别与登记的性别不一致' });
  return out;
}

/** True when the number's birth date and sex are the person's registered ones. */
export const idNumberMatchesPerson = (idNumber: string, person: { birthDate: string; sex: SexCode }) =>
  idNumberMismatches(idNumber, person).length === 0;
