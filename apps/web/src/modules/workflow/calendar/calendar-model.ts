import dayjs from 'dayjs';
import type { CalendarDay } from '@jsga/contracts';

export type MarkKind = CalendarDay['kind'];
export type Marks = ReadonlyMap<string, { kind: MarkKind; note: string }>;

/** How a date counts: marked 法定节假日 / 调休上班, else by weekday. */
export type DayState = 'holiday' | 'workday' | 'weekend' | 'normal';

export const isWeekend = (date: string) => {
  const d = dayjs(date).day();
  return d === 0 || d === 6;
};

export function dayState(date: string, marks: Marks): DayState {
  const m = marks.get(date);
  if (m) return m.kind;
  return isWeekend(date) ? 'weekend' : 'normal';
}

/** Weeks (Monday first) of one month; cells outside the month are null. `month` is 0–11. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= first.daysInMonth(); d++) cells.push(first.date(d).format('YYYY-MM-DD'));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Every date from a to b inclusive (either order). */
export function datesBetween(a: string, b: string): string[] {
  let from = dayjs(a);
  let to = dayjs(b);
  if (to.isBefore(from)) [from, to] = [to, from];
  const out: string[] = [];
  for (let d = from; !d.isAfter(to); d = d.add(1, 'day')) out.push(d.format('YYYY-MM-DD'));
  return out;
}

/** Marks the dates (kind null: back to the weekday rule). A note applies to every date given. */
export function applyMark(marks: Marks, dates: readonly string[], kind: MarkKind | null, note: string): Map<string, { kind: MarkKind; note: string }> {
  const next = new Map(marks);
  for (const d of dates) {
    if (kind === null) next.delete(d);
    else next.set(d, { kind, note: note.trim().slice(0, 50) });
  }
  return next;
}

export const marksOf = (days: readonly CalendarDay[]): Map<string, { kind: MarkKind; note: string }> =>
  new Map(days.map((d) => [d.date, { kind: d.kind, note: d.note ?? '' }]));

export const daysOf = (marks: Marks): CalendarDay[] =>
  [...marks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, m]) => ({ date, kind: m.kind, note: m.note }));

/** A 调休上班 mark on a weekday changes nothing (the day is a working day anyway). */
export const pointlessWorkday = (date: string, marks: Marks) => marks.get(date)?.kind === 'workday' && !isWeekend(date);

export const sameMarks = (a: Marks, b: Marks) =>
  a.size === b.size && [...a.entries()].every(([k, v]) => {
    const o = b.get(k);
    return !!o && o.kind === v.kind && o.note === v.note;
  });
