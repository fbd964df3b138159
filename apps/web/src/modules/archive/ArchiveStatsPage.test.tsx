import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe, serve } from '../../test-utils';
import { ArchiveStatsPage } from './ArchiveStatsPage';

const STATS = '/api/admin/archive/stats';
const WAIT = { timeout: 15_000 };
const row = (key: string, name: string, total: number, archived: number, failed: number) =>
  ({ key, name, total, archived, failed, pending: total - archived, rate: total ? Math.round((archived / total) * 1000) / 10 : 0 });

function start() {
  const me: MeView = { ...sampleMe, permissions: ['archive:stats:view'] };
  const fetchMock = serve((url) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    if (url.pathname === STATS) {
      // deliberately not in rank order: the page ranks by 归档率
      return jsonResponse(200, url.searchParams.get('by') === 'matter'
        ? { items: [row('JS-C004', '对港澳居民的暂住登记', 10, 10, 0)] }
        : { items: [row('o2', '南京市公安局鼓楼分局', 20, 10, 4), row('o1', '南京市公安局玄武分局', 8, 7, 1), row('o3', '南京市公安局秦淮分局', 5, 0, 0)] });
    }
    return undefined;
  });
  render(
    <AppHarness path="/archive/stats">
      <Route path="/archive/stats" element={<ArchiveStatsPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const statsQueries = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === STATS).map((u) => Object.fromEntries(u.searchParams));
/** The body rows as cell texts. */
const bodyRows = () => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
const thisYear = () => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ArchiveStatsPage', () => {
  it('ranks the units by 归档率 with 应归档, 已归档, 未通过 and 待归档, for this year', async () => {
    const fetchMock = start();
    await screen.findByText('南京市公安局玄武分局', undefined, WAIT);
    expect(statsQueries(fetchMock)).toEqual([{ by: 'org', year: thisYear() }]);
    expect(bodyRows()).toEqual([
      ['1', '南京市公安局玄武分局', '8', '7', '1', '1', '87.5%'],
      ['2', '南京市公安局鼓楼分局', '20', '10', '4', '10', '50%'],
      ['3', '南京市公安局秦淮分局', '5', '0', '0', '5', '0%'],
    ]);
    expect(screen.getByText('合计').closest('tr')?.textContent).toBe('合计331751651.5%');
  }, 30_000);

  it('按事项 asks for the matters', async () => {
    const fetchMock = start();
    await screen.findByText('南京市公安局玄武分局', undefined, WAIT);
    fireEvent.click(screen.getByText('按事项'));
    await screen.findByText('对港澳居民的暂住登记', undefined, WAIT);
    await waitFor(() => expect(statsQueries(fetchMock).at(-1)).toEqual({ by: 'matter', year: thisYear() }));
    expect(bodyRows()).toEqual([['1', '对港澳居民的暂住登记', '10', '10', '0', '0', '100%']]);
  }, 30_000);
});
