import { describe, expect, it } from 'vitest';
import { checkNumberPattern, renderNumber } from './numbering';
import { retryDelayMs } from '../events/events';

describe('business numbers', () => {
  it('renders region, date and a zero-padded sequence', () => {
    expect(renderNumber('{region}{yyyy}{MM}{dd}{seq:6}', { date: '2026-11-28', vars: { region: '320102' }, seq: 42 })).toBe('32010220261128000042');
    expect(renderNumber('SJ-{region}-{yy}-{seq:4}', { date: '2026-01-05', vars: { region: '320100' }, seq: 7 })).toBe('SJ-320100-26-0007');
  });
  it('the counter scope is the pattern without the sequence, so dated patterns restart daily', () => {
    const scope = (date: string) => renderNumber('{region}{yyyy}{MM}{dd}{seq:6}', { date, vars: { region: '320102' } });
    expect(scope('2026-11-28')).toBe('32010220261128');
    expect(scope('2026-11-29')).not.toBe(scope('2026-11-28'));
  });
  it('refuses patterns without exactly one sequence or with unknown tokens', () => {
    expect(checkNumberPattern('{region}{yyyy}', ['region'])).toContain('编号规则须包含且仅包含一个 {seq:N}');
    expect(checkNumberPattern('{seq:6}{seq:6}', [])).toContain('编号规则须包含且仅包含一个 {seq:N}');
    expect(checkNumberPattern('{city}{seq:6}', ['region'])).toContain('编号规则中的 {city} 无法识别');
    expect(checkNumberPattern('{region}{seq:2}', ['region'])).toContain('流水号位数 N 须在 3 到 12 之间');
    expect(checkNumberPattern('{region}{yyyy}{MM}{dd}{seq:6}', ['region'])).toEqual([]);
  });
  it('event redelivery backs off exponentially up to an hour', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000]);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });
});
