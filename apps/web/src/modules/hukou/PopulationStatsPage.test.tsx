import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { MeView, PopulationStats } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, jsonResponse, sampleMe, serve } from '../../test-utils';
import { PopulationStatsPage } from './PopulationStatsPage';

const STATS = '/api/admin/hukou/stats';
const WAIT = { timeout: 15_000 };

const stats: PopulationStats = {
  total: 1000,
  households: 400,
  bySex: [{ key: '2', count: 490 }, { key: '1', count: 510 }],
  // the 60+ band comes first and 35-59 is missing: the page orders the bands and shows the empty one
  byAgeBand: [{ key: '60+', count: 200 }, { key: '0-17', count: 300 }, { key: '18-34', count: 500 }],
  byEthnicity: [
    { key: '01', count: 900 }, { key: '03', count: 40 }, { key: '11', count: 20 }, { key: '02', count: 10 }, { key: '04', count: 8 }, { key: '05', count: 6 },
    { key: '06', count: 5 }, { key: '07', count: 4 }, { key: '08', count: 4 }, { key: '10', count: 3 },
  ],
  monthlyChanges: [
    { month: '2026-01', kind: 'birth', count: 3 }, { month: '2026-01', kind: 'move_in', count: 2 },
    { month: '2026-03', kind: 'move_out', count: 1 }, { month: '2026-03', kind: 'birth', count: 4 },
  ],
};

function start() {
  const me: MeView = { ...sampleMe, permissions: ['hukou:stats:view'] };
  const fetchMock = serve((url) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    if (url.pathname === STATS) return jsonResponse(200, stats);
    return undefined;
  });
  render(
    <AppHarness path="/hukou/stats">
      <Route path="/hukou/stats" element={<PopulationStatsPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

/** A bar group as [label, "count unit", "per cent"] rows. */
const bars = (title: string) =>
  [...screen.getByRole('list', { name: title }).querySelectorAll('[role="listitem"]')].map((li) => {
    const spans = li.querySelectorAll(':scope > span');
    return [spans[0].textContent, spans[1].firstChild?.textContent, spans[1].lastChild?.textContent];
  });
const statistic = (title: string) => screen.getByText(title).closest('.ant-statistic')?.querySelector('.ant-statistic-content')?.textContent;

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PopulationStatsPage', () => {
  it('shows the totals as statistics and sex, age band and ethnicity as labelled shares', async () => {
    const fetchMock = start();
    await screen.findByRole('list', { name: '性别构成' }, WAIT);
    expect(callsTo(fetchMock, STATS)).toHaveLength(1);
    expect(statistic('在册人口')).toBe('1,000人');
    expect(statistic('户数')).toBe('400户');
    expect(statistic('平均每户人口')).toBe('2.5人');
    expect(statistic('近一年业务变动')).toBe('10件');

    expect(bars('性别构成')).toEqual([['男', '510 人', '51%'], ['女', '490 人', '49%']]);
    expect(bars('年龄构成')).toEqual([['0–17 岁', '300 人', '30%'], ['18–34 岁', '500 人', '50%'], ['35–59 岁', '0 人', '0%'], ['60 岁及以上', '200 人', '20%']]);
    const ethnic = bars('民族构成');
    expect(ethnic.map((r) => r[0])).toEqual(['汉族', '回族', '满族', '蒙古族', '藏族', '维吾尔族', '苗族', '彝族', '其余 2 个民族']);
    expect(ethnic[0]).toEqual(['汉族', '900 人', '90%']);
    expect(ethnic.at(-1)).toEqual(['其余 2 个民族', '7 人', '0.7%']);
  }, 30_000);

  it('counts the changes per month and kind, with every month between and the totals', async () => {
    start();
    await screen.findByText('2026年1月', undefined, WAIT);
    const card = screen.getByText('每月业务变动', { selector: '.ant-card-head-title' }).closest('.ant-card') as HTMLElement;
    const headers = [...card.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['月份', '出生登记', '迁入', '迁出', '合计']);
    const rows = [...card.querySelectorAll('tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['2026年1月', '3', '2', '0', '5'],
      ['2026年2月', '0', '0', '0', '0'],
      ['2026年3月', '4', '0', '1', '5'],
    ]);
    expect(within(card).getByText('合计', { selector: 'td' }).closest('tr')?.textContent).toBe('合计72110');
  }, 30_000);
});
