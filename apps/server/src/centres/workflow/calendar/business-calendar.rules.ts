/**
 * Business calendar (工作日历): weekends, public holidays and 调休 make-up working days, all as data.
 * Dates are calendar dates in China Standard Time ('YYYY-MM-DD'); China has no DST, so date
 * arithmetic in UTC on those strings is exact.
 */
export type CalendarConfig = {
  /** Days of the week that are normally off: 0 = Sunday … 6 = Saturday. */
  weekendDays: number[];
  /** Non-working days that would otherwise be working days (法定节假日). */
  holidays: string[];
  /** Working days that would otherwise be off (调休上班日). */
  makeUpWorkdays: string[];
};

export type DateRange = { from: string; to: string }; // inclusive calendar dates

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromMs(toMs(d) + n * DAY);


export function createBusinessCalendar(config: CalendarConfig) {
  const holidays = new Set(config.holidays);
  const makeUps = new Set(config.makeUpWorkdays);
  const weekend = new Set(config.weekendDays);

  const isWorkingDay = (d: string) => {
    if (makeUps.has(d)) return true;
    if (holidays.has(d)) return false;
    return !weekend.has(new Date(toMs(d)).getUTCDay());
  };

  /** The date on which `n` working days after `start` have elapsed (`start` itself not counted); n = 0 gives `start`. */
  const addWorkingDays = (start: string, n: number) => {
    let d = start;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (isWorkingDay(d)) left--;
    }
    return d;
  };

  /** Working days d with from <= d <= to. */
  const countWorkingDays = ({ from, to }: DateRange) => {
    let n = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
    return n;
  };

  /** The working day `n` working days before `d` (d itself not counted). */
  const subtractWorkingDays = (d: string, n: number) => {
    let x = d;
    for (let left = n; left > 0;) {
      x = addDays(x, -1);
      if (isWorkingDay(x)) left--;
    }
    return x;
  };

  return { isWorkingDay, addWorkingDays, countWorkingDays, subtractWorkingDays };
}
export type BusinessCalendar = ReturnType<typeof createBusinessCalendar>;

export type SlaInput = {
  /** The date the clock starts (受理日 / 节点到达日). */
  start: string;
  /** Time limit in working days. */
  limitDays: number;
  /** Periods the clock stood still (补正, 特别程序); a period still running has `to` = today. */
  pauses: DateRange[];
  /** How many working days before the deadline the warning starts. */
  warnDays: number;
};
export type SlaStatus = 'running' | 'warning' | 'overdue' | 'paused';

/**
 * The deadline moves later by every working day spent paused; warning starts `warnDays` working days
 * before the deadline; overdue (alarm) from the first day after the deadline.
 */
export function evaluateSla(cal: BusinessCalendar, sla: SlaInput, today: string, pausedNow = false) {
  const pausedDays = sla.pauses.reduce((n, p) => n + pausedWorkingDays(cal, sla.start, p), 0);
  const deadline = cal.addWorkingDays(sla.start, sla.limitDays + pausedDays);
  const warnFrom = cal.subtractWorkingDays(deadline, sla.warnDays);
  const status: SlaStatus = pausedNow ? 'paused' : today > deadline ? 'overdue' : today >= warnFrom ? 'warning' : 'running';
  const remaining = today > deadline ? -cal.countWorkingDays({ from: addDays(deadline, 1), to: today }) : cal.countWorkingDays({ from: addDays(today, 1), to: deadline });
  return { deadline, warnFrom, pausedDays, status, remainingWorkingDays: remaining };
}

/**
 * Working days of a pause that count against a clock started on `start`: both ends inclusive, but never
 * the start day itself (the limit is counted from the day after).
 */
export const pausedWorkingDays = (cal: BusinessCalendar, start: string, pause: DateRange) =>
  cal.countWorkingDays({ from: pause.from > start ? pause.from : addDays(start, 1), to: pause.to });

/**
 * The latest due date that is already inside its warning window on `today`: a task warns when
 * `today >= subtractWorkingDays(due, warnDays)`, which holds for every due date up to this one.
 */
export function warningHorizon(cal: BusinessCalendar, today: string, warnDays: number): string {
  let d = today;
  while (cal.subtractWorkingDays(addDays(d, 1), warnDays) <= today) d = addDays(d, 1);
  return d;
}
