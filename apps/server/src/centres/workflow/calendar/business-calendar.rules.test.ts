import { describe, expect, it } from 'vitest';
import { chinaDate } from '@jsga/kernel';
import { createBusinessCalendar, evaluateSla, warningHorizon } from './business-calendar.rules';

// 2026 National Day (illustrative configuration): 10-01…10-07 off, Saturday 10-10 is a 调休 working day.
const cal = createBusinessCalendar({
  weekendDays: [0, 6],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], // 10-03/10-04 are a weekend anyway
  makeUpWorkdays: ['2026-10-10'],
});

describe('business calendar', () => {
  it('knows weekends, holidays and 调休 make-up Saturdays', () => {
    expect(cal.isWorkingDay('2026-09-30')).toBe(true); // Wednesday
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // holiday
    expect(cal.isWorkingDay('2026-10-03')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-10-08')).toBe(true); // Thursday after the holiday
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(cal.isWorkingDay('2026-10-11')).toBe(false); // Sunday
  });

  it('a node due in 2 working days, reached the day before the holiday, is due on the Friday after it', () => {
    // reached Wed 09-30; working days after: Thu 10-08 (1), Fri 10-09 (2)
    expect(cal.addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    // reached Fri 10-09: the 调休 Saturday counts, so due Monday 10-12
    expect(cal.addWorkingDays('2026-10-09', 2)).toBe('2026-10-12');
  });

  it('warns one working day before and alarms from the day after the deadline', () => {
    const sla = { start: '2026-09-30', limitDays: 2, pauses: [], warnDays: 1 };
    expect(evaluateSla(cal, sla, '2026-10-07')).toMatchObject({ deadline: '2026-10-09', warnFrom: '2026-10-08', status: 'running', remainingWorkingDays: 2 });
    expect(evaluateSla(cal, sla, '2026-10-08').status).toBe('warning');
    expect(evaluateSla(cal, sla, '2026-10-09')).toMatchObject({ status: 'warning', remainingWorkingDays: 0 });
    expect(evaluateSla(cal, sla, '2026-10-10')).toMatchObject({ status: 'overdue', remainingWorkingDays: -1 });
  });

  it('补件 pauses the clock: the deadline moves by the working days spent waiting for materials', () => {
    // accepted Mon 11-02, limit 5 working days → Mon 11-09; 补件 Wed 11-04 … Fri 11-06 (3 working days)
    const sla = { start: '2026-11-02', limitDays: 5, pauses: [{ from: '2026-11-04', to: '2026-11-06' }], warnDays: 1 };
    const r = evaluateSla(cal, sla, '2026-11-10');
    expect(r).toMatchObject({ pausedDays: 3, deadline: '2026-11-12', status: 'running' });
    expect(evaluateSla(cal, { ...sla, pauses: [] }, '2026-11-10').status).toBe('overdue');
    expect(evaluateSla(cal, sla, '2026-11-05', true).status).toBe('paused');
  });

  it('knows the latest due date already inside its warning window, for a query', () => {
    // Wed 10-07 (holiday): a task due Thu 10-08 warns (its warning day was 09-30); one due Fri 10-09 waits for Thu
    expect(warningHorizon(cal, '2026-10-07', 1)).toBe('2026-10-08');
    // Fri 10-09: the 调休 Saturday 10-10 is due next and warns today, Monday 10-12 warns on Saturday
    expect(warningHorizon(cal, '2026-10-09', 1)).toBe('2026-10-10');
    expect(warningHorizon(cal, '2026-10-10', 1)).toBe('2026-10-12');
    expect(warningHorizon(cal, '2026-10-09', 0)).toBe('2026-10-09');
    for (const due of ['2026-10-08', '2026-10-09', '2026-10-12']) {
      for (const today of ['2026-10-07', '2026-10-09', '2026-10-10']) {
        expect(due <= warningHorizon(cal, today, 1)).toBe(today >= cal.subtractWorkingDays(due, 1));
      }
    }
  });

  it('takes the date in China, not UTC', () => {
    expect(chinaDate(new Date('2026-10-08T17:00:00Z'))).toBe('2026-10-09');
  });
});
