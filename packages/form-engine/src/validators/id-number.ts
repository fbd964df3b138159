/** GB 11643-1999 citizen ID number: 6-digit address code, 8-digit birth date, 3-digit sequence, check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const idCheckChar = (first17: string) =>
  CHECK[[...first17].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i], 0) % 11];

export function isValidDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

/** Why an ID number is invalid, or null when it is valid. */
export function idNumberProblem(value: string, today?: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const y = Number(value.slice(6, 10)), m = Number(value.slice(10, 12)), d = Number(value.slice(12, 14));
  if (y < 1900 || !isValidDate(y, m, d)) return 'birth_date';
  if (today && value.slice(6, 14) > today.replaceAll('-', '')) return 'birth_date';
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return 'check_digit';
  return null;
}

export const isIdNumber = (value: unknown): value is string => typeof value === 'string' && idNumberProblem(value) === null;
export const birthDateOfId = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
/** The 17th digit: odd for men, even for women. */
export const sexOfId = (id: string): '男' | '女' => (Number(id[16]) % 2 === 1 ? '男' : '女');

export const isMobilePhone = (v: unknown) => typeof v === 'string' && /^1[3-9]\d{9}$/.test(v);

/** 统一社会信用代码 (GB 32100-2015): 18 characters with a mod-31 check character. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function isCreditCode(v: unknown): boolean {
  if (typeof v !== 'string' || !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  const sum = [...v.slice(0, 17)].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i], 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === v[17];
}
