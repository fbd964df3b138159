import { birthDateOfId, isCreditCode, isIdNumber, isMobilePhone, sexOfId } from '../validators/id-number';

export type EvalEnv = { today: string };
type Fn = (env: EvalEnv, ...args: unknown[]) => unknown;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (item: unknown, key: unknown) =>
  typeof key === 'string' && item && typeof item === 'object' && Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const toDate = (v: unknown): Date | null => {
  if (typeof v !== 'string') return null;
  const s = DATE.test(v) ? v : isIdNumber(v) ? birthDateOfId(v) : null;
  if (!s) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
};
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Full years from `from` to `to` (a birthday counts on the day itself). */
export function yearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const beforeBirthday = to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate());
  if (beforeBirthday) years--;
  return years;
}

/** The only functions an expression may call. Each is total: bad input gives null or false, never an exception. */
export const functions: Record<string, Fn> = {
  len: (_e, v) => (typeof v === 'string' || Array.isArray(v) ? v.length : 0),
  isEmpty: (_e, v) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0),
  contains: (_e, hay, needle) => (Array.isArray(hay) ? hay.includes(needle) : typeof hay === 'string' && typeof needle === 'string' ? hay.includes(needle) : false),
  startsWith: (_e, s, p) => typeof s === 'string' && typeof p === 'string' && s.startsWith(p),
  endsWith: (_e, s, p) => typeof s === 'string' && typeof p === 'string' && s.endsWith(p),
  sum: (_e, list, key) => arr(list).reduce<number>((t, item) => t + (num(key === undefined ? item : field(item, key)) ?? 0), 0),
  countWhere: (_e, list, key, value) => arr(list).filter((item) => field(item, key) === value).length,
  pluck: (_e, list, key) => arr(list).map((item) => field(item, key) ?? null),
  min: (_e, ...xs) => { const ns = xs.flatMap((x) => (Array.isArray(x) ? x : [x])).map(num).filter((n): n is number => n !== null); return ns.length ? Math.min(...ns) : null; },
  max: (_e, ...xs) => { const ns = xs.flatMap((x) => (Array.isArray(x) ? x : [x])).map(num).filter((n): n is number => n !== null); return ns.length ? Math.max(...ns) : null; },
  round: (_e, v, digits) => { const n = num(v); const d = Math.min(Math.max(num(digits) ?? 0, 0), 10); return n === null ? null : Math.round(n * 10 ** d) / 10 ** d; },
  abs: (_e, v) => { const n = num(v); return n === null ? null : Math.abs(n); },
  number: (_e, v) => num(v),
  string: (_e, v) => (v === null || v === undefined ? '' : String(v)),
  trim: (_e, v) => (typeof v === 'string' ? v.trim() : v),
  today: (env) => env.today,
  addDays: (_e, d, n) => { const dt = toDate(d); const k = num(n); return dt && k !== null ? isoDate(new Date(dt.getTime() + Math.trunc(k) * 86_400_000)) : null; },
  daysBetween: (_e, a, b) => { const x = toDate(a), y = toDate(b); return x && y ? Math.round((y.getTime() - x.getTime()) / 86_400_000) : null; },
  yearsBetween: (_e, a, b) => { const x = toDate(a), y = toDate(b); return x && y ? yearsBetween(x, y) : null; },
  /** Age in full years today, from a birth date or an ID number. */
  age: (env, v) => { const b = toDate(v); return b ? yearsBetween(b, toDate(env.today)!) : null; },
  isIdNo: (_e, v) => isIdNumber(v),
  idBirthDate: (_e, v) => (isIdNumber(v) ? birthDateOfId(v) : null),
  idSex: (_e, v) => (isIdNumber(v) ? sexOfId(v) : null),
  isPhone: (_e, v) => isMobilePhone(v),
  isCreditCode: (_e, v) => isCreditCode(v),
};
