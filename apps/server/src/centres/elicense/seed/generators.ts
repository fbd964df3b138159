import { idCheckChar, isCreditCode } from '@jsga/form-engine';

/** The seeded PRNG lives in the kernel now; re-exported for this centre's seed code. */
export { createRandom, type Random } from '@jsga/kernel';

/**
 * GB 11643 公民身份号码: address code, birth date, 3-digit sequence (odd for men, even for women) and
 * check character. `seq` is adjusted to the right parity.
 */
export function makeIdNumber(p: { regionCode: string; birthDate: string; seq: number; sex: '男' | '女' }): string {
  if (!/^\d{6}$/.test(p.regionCode) || !/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate)) throw new Error('bad region code or birth date');
  let seq = Math.min(Math.max(p.seq, 1), 998);
  if ((seq % 2 === 1) !== (p.sex === '男')) seq += 1;
  const body = `${p.regionCode}${p.birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

/** GB 11714 组织机构代码 check character over 8 characters of 0-9A-Z (weights 3 7 9 10 5 8 4 2; 10 → X, 11 → 0). */
export function orgCodeCheckChar(body8: string): string {
  const W = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  const c = 11 - ([...body8].reduce((s, ch, i) => s + value(ch) * W[i], 0) % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const creditCodeCheckChar = (first17: string) =>
  USCC_CHARS[(31 - ([...first17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i], 0) % 31)) % 31];

/**
 * GB 32100 统一社会信用代码: 登记管理部门 (9 = 市场监管) + 机构类别 (1 = 企业) + 6-digit region +
 * 9-character organisation code (8 digits + GB 11714 check) + mod-31 check character.
 */
export function makeCreditCode(p: { regionCode: string; serial: number; authority?: string; category?: string }): string {
  const body8 = String(p.serial % 100_000_000).padStart(8, '0');
  const first17 = `${p.authority ?? '9'}${p.category ?? '1'}${p.regionCode}${body8}${orgCodeCheckChar(body8)}`;
  const code = first17 + creditCodeCheckChar(first17);
  if (!isCreditCode(code)) throw new Error('generated credit code fails the GB 32100 check');
  return code;
}

/** Whole years between two YYYY-MM-DD dates. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const addYears = (date: string, years: number) => `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

/** 居民身份证有效期 by age at issue: under 16 five years, 16–25 ten, 26–45 twenty, over 46 长期 (null). */
export function idCardValidYears(ageAtIssue: number): number | null {
  if (ageAtIssue < 16) return 5;
  if (ageAtIssue <= 25) return 10;
  if (ageAtIssue <= 45) return 20;
  return null;
}
