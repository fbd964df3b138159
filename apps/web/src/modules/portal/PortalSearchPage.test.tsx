import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, useLocation } from 'react-router-dom';
import { AppHarness, jsonResponse } from '../../test-utils';
import { PortalLayout } from '../../shells/portal/PortalLayout';
import { PortalSearchPage } from './PortalSearchPage';
import { calls, serve, summary } from './test-fixtures';

const WAIT = { timeout: 15_000 };
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.search}</div>;
}

const suggestion = (code: string, name: string, score = 0.7) => ({ code, name, policeType: 'zhian', score });

function renderAt(path: string, handler: Parameters<typeof serve>[0]) {
  const fetchMock = serve(handler);
  render(
    <AppHarness path={path}>
      <Route path="/portal" element={<><PortalLayout /><Where /></>}>
        <Route path="search" element={<PortalSearchPage />} />
        <Route path="matters/:code" element={<div>办事指南页</div>} />
      </Route>
    </AppHarness>,
  );
  return fetchMock;
}
const searchInput = () => screen.getAllByRole('combobox', { name: '搜索办事事项' })[0] as HTMLInputElement;

describe('search box (header)', () => {
  it('suggests matters for a mistyped name and opens the chosen guide', async () => {
    const fetchMock = renderAt('/portal/search', (url) => {
      if (url.pathname === '/api/matters') return jsonResponse(200, { items: [], total: 0 });
      if (url.pathname === '/api/matters/suggest') {
        return jsonResponse(200, { items: url.searchParams.get('q') === '户口迁徙' ? [suggestion('JS-Z001', '户口迁移审批'), suggestion('JS-Q118', '国内户口迁移（含大学生）', 0.66)] : [] });
      }
      return undefined;
    });
    fireEvent.change(searchInput(), { target: { value: '户口迁徙' } });
    const option = await screen.findByText('户口迁移审批', { selector: '.ant-select-item-option-content span' }, WAIT);
    expect(screen.getByText('国内户口迁移（含大学生）')).toBeTruthy();
    expect(calls(fetchMock, '/api/matters/suggest').map((u) => u.searchParams.get('q'))).toEqual(['户口迁徙']); // debounced: one call
    fireEvent.click(option);
    expect(await screen.findByText('办事指南页', undefined, WAIT)).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/portal/matters/JS-Z001');
  });

  it('never shows the suggestions of an older text', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let releaseOld: () => void = () => {};
    renderAt('/portal/search', async (url) => {
      if (url.pathname === '/api/matters') return jsonResponse(200, { items: [], total: 0 });
      if (url.pathname !== '/api/matters/suggest') return undefined;
      if (url.searchParams.get('q') === '户口') {
        await new Promise<void>((r) => { releaseOld = r; });
        return jsonResponse(200, { items: [suggestion('JS-OLD', '旧关键字的事项')] });
      }
      return jsonResponse(200, { items: [suggestion('JS-Z029', '居民身份证业务')] });
    });
    fireEvent.change(searchInput(), { target: { value: '户口' } });
    await act(() => vi.advanceTimersByTimeAsync(400));
    fireEvent.change(searchInput(), { target: { value: '身分证' } });
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(await screen.findByText('居民身份证业务', undefined, WAIT)).toBeTruthy();
    await act(async () => { releaseOld(); await vi.advanceTimersByTimeAsync(50); });
    expect(screen.queryByText('旧关键字的事项')).toBeNull();
    expect(screen.getByText('居民身份证业务')).toBeTruthy();
  });

  it('searching closes the suggestions so they do not cover the results', async () => {
    renderAt('/portal/search', (url) => {
      if (url.pathname === '/api/matters') return jsonResponse(200, { items: [], total: 0 });
      if (url.pathname === '/api/matters/suggest') return jsonResponse(200, { items: [suggestion('JS-Z001', '户口迁移审批')] });
      return undefined;
    });
    fireEvent.change(searchInput(), { target: { value: '户口迁徙' } });
    await screen.findByText('户口迁移审批', { selector: '.ant-select-item-option-content span' }, WAIT);
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(`/portal/search?q=${encodeURIComponent('户口迁徙')}`), WAIT);
    // closing (jsdom never ends antd's leave animation) or closed
    await waitFor(() => expect(document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-leave)')).toBeNull(), WAIT);
  });

  it('Enter lists the results for the typed text', async () => {
    renderAt('/portal/search', (url) => {
      if (url.pathname === '/api/matters') return jsonResponse(200, { items: [], total: 0 });
      if (url.pathname === '/api/matters/suggest') return jsonResponse(200, { items: [] });
      return undefined;
    });
    fireEvent.change(searchInput(), { target: { value: '护照' } });
    fireEvent.keyDown(searchInput(), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(`/portal/search?q=${encodeURIComponent('护照')}`), WAIT);
  });
});

describe('PortalSearchPage', () => {
  it('lists the matters found for the keyword and filters, and pages', async () => {
    const items = Array.from({ length: 10 }, (_, i) => summary({ code: `JS-J${String(i).padStart(3, '0')}`, name: `交管事项${i}`, policeType: 'jiaoguan' }));
    const fetchMock = renderAt('/portal/search?policeType=jiaoguan', (url) => {
      if (url.pathname === '/api/matters') return jsonResponse(200, { items, total: 23 });
      return undefined;
    });
    const results = await screen.findByRole('region', { name: '搜索结果' }, WAIT);
    expect(await within(results).findByRole('link', { name: '交管事项0' }, WAIT)).toHaveProperty('pathname', '/portal/matters/JS-J000');
    expect(within(results).getByText('共 23 项')).toBeTruthy();
    expect(calls(fetchMock, '/api/matters')[0].searchParams.toString()).toBe('policeType=jiaoguan&page=1&pageSize=10');
    fireEvent.click(within(results).getByTitle(/Next Page|下一页/)); // a phone (jsdom) gets the simple pager
    await waitFor(() => expect(calls(fetchMock, '/api/matters').at(-1)!.searchParams.get('page')).toBe('2'), WAIT);
    expect(screen.getByTestId('where').textContent).toBe('/portal/search?policeType=jiaoguan&page=2');

    // choosing a zone keeps the police type and goes back to the first page
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '按专区筛选' }));
    fireEvent.click(await screen.findByTitle('全省通办', undefined, WAIT));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/portal/search?policeType=jiaoguan&zone=province_wide'), WAIT);
    await waitFor(() => expect(calls(fetchMock, '/api/matters').at(-1)!.searchParams.toString()).toBe('policeType=jiaoguan&zone=province_wide&page=1&pageSize=10'), WAIT);
  });

  it('when the keyword finds nothing, says so in Chinese and offers "您是不是要找" from the suggestions', async () => {
    const fetchMock = renderAt(`/portal/search?q=${encodeURIComponent('户口迁徙')}`, (url) => {
      if (url.pathname === '/api/matters') return jsonResponse(200, { items: [], total: 0 });
      if (url.pathname === '/api/matters/suggest') return jsonResponse(200, { items: [suggestion('JS-Z001', '户口迁移审批')] });
      return undefined;
    });
    expect(await screen.findByText('没有找到与“户口迁徙”相关的事项，请换个关键字或减少筛选条件', undefined, WAIT)).toBeTruthy();
    const hint = (await screen.findByText(/您是不是要找/, undefined, WAIT)).closest('.ant-alert') as HTMLElement;
    expect(within(hint).getByRole('link', { name: '户口迁移审批' })).toHaveProperty('pathname', '/portal/matters/JS-Z001');
    expect(calls(fetchMock, '/api/matters')[0].searchParams.get('keyword')).toBe('户口迁徙');
    expect(searchInput().value).toBe('户口迁徙');
  });

  it('without a keyword there is no "您是不是要找", only the empty state', async () => {
    const fetchMock = renderAt('/portal/search?zone=yangtze_delta&policeType=jindu', (url) =>
      (url.pathname === '/api/matters' ? jsonResponse(200, { items: [], total: 0 }) : undefined));
    expect(await screen.findByText('该条件下暂无可办理的事项', undefined, WAIT)).toBeTruthy();
    expect(screen.queryByText(/您是不是要找/)).toBeNull();
    expect(calls(fetchMock, '/api/matters/suggest')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '清除条件' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/portal/search'), WAIT);
  });
});
