import { describe, expect, it } from 'vitest';
import { applyMark, datesBetween, dayState, daysOf, marksOf, monthGrid, pointlessWorkday, sameMarks } from './calendar-model';

describe('work calendar model', () => {
  it('lays a month out in Monday-first weeks', () => {
    const feb = monthGrid(2026, 1); // 2026-02-01 is a Sunday
    expect(feb[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(feb.flat().filter(Boolean)).toHaveLength(28);
    expect(feb.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid(2026, 5)[0][0]).toBe('2026-06-01'); // a Monday
  });

  it('marks ranges as 法定节假日 or 调休上班 and reads a day\'s state', () => {
    const range = datesBetween('2026-10-07', '2026-10-01');
    expect(range).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    let marks = applyMark(new Map(), range, 'holiday', ' 国庆节 ');
    marks = applyMark(marks, ['2026-10-10'], 'workday', '国庆调休');
    expect(dayState('2026-10-01', marks)).toBe('holiday');
    expect(dayState('2026-10-10', marks)).toBe('workday'); // a Saturday made a working day
    expect(dayState('2026-10-11', marks)).toBe('weekend');
    expect(dayState('2026-10-12', marks)).toBe('normal');
    expect(daysOf(marks)[0]).toEqual({ date: '2026-10-01', kind: 'holiday', note: '国庆节' });
    expect(daysOf(marks)).toHaveLength(8);
    expect(sameMarks(marksOf(daysOf(marks)), marks)).toBe(true);
    marks = applyMark(marks, ['2026-10-07'], null, '');
    expect(dayState('2026-10-07', marks)).toBe('normal');
    expect(sameMarks(marksOf(daysOf(marks)), applyMark(marks, ['2026-10-01'], 'holiday', '元旦'))).toBe(false);
    expect(pointlessWorkday('2026-10-12', applyMark(marks, ['2026-10-12'], 'workday', ''))).toBe(true);
  });
});
