import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, useLocation, useNavigate } from 'react-router-dom';
import type { MeView, PreReviewQueue } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { chinaToday } from '../form';
import { addDays } from './components/case-actions';
import { PreReviewPage } from './PreReviewPage';
import { summary } from './test-fixtures';

const LIST = '/api/admin/case/cases';
const sizes: Record<PreReviewQueue, number> = { pending: 45, received: 3, supplement: 2, supplement_history: 7, returned: 1, tolerated: 0, tolerated_done: 4 };
/** 待容缺后补 rows: one past its 补交期限 (yesterday in China), one due today. */
const tolerated = (deadline: string) => (queue: string) => (queue === 'tolerated' ? { status: 'tolerated' as const, toleranceDeadline: deadline } : {});
const rowsOf = (queue: string) => [
  summary({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa01', caseNo: `${queue}-001`, channel: 'online', ...tolerated(addDays(chinaToday(), -1))(queue) }),
  summary({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa02', caseNo: `${queue}-002`, channel: 'mobile', ...tolerated(chinaToday())(queue) }),
];

/** Shows where the router is, and a back button standing in for the browser's. */
function Probe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output aria-label="地址">{`${location.pathname}${location.search}`}</output>
      <output aria-label="来自">{(location.state as { from?: string } | null)?.from ?? ''}</output>
      <button type="button" onClick={() => navigate(-1)}>浏览器后退</button>
    </>
  );
}

function serve(path = '/handling/pre-review') {
  const me: MeView = { ...sampleMe, permissions: ['case:case:view', 'case:case:handle'] };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const [base, search = ''] = url.split('?');
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if ((init?.method ?? 'GET') === 'GET' && base === LIST) {
      const q = new URLSearchParams(search);
      const queue = (q.get('queue') ?? 'pending') as PreReviewQueue;
      return jsonResponse(200, { items: q.get('pageSize') === '1' ? rowsOf(queue).slice(0, 1) : rowsOf(queue), total: sizes[queue] });
    }
    return jsonResponse(404, { code: 'COMMON_ROUTE_NOT_FOUND', message: '接口不存在', traceId: 't' });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <AppHarness path={path}>
      <Route path="/handling/pre-review" element={<><PreReviewPage /><Probe /></>} />
      <Route path="/handling/cases/:id" element={<><div>办件详情页</div><Probe /></>} />
    </AppHarness>,
  );
  return fetchMock;
}

/** The list requests (not the one-row counts), as query parameters. */
const listCalls = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls
    .map(([url]) => url)
    .filter((url) => url.startsWith(`${LIST}?`))
    .map((url) => Object.fromEntries(new URLSearchParams(url.split('?')[1])))
    .filter((q) => q.pageSize !== '1');
const address = () => screen.getByLabelText('地址').textContent;
const tab = (name: string) => screen.getByRole('tab', { name: new RegExp(`^${name}`) });
const WAIT = { timeout: 15_000 };

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PreReviewPage', () => {
  it('opens on 待预审, asks the server for that queue, and counts every queue on its tab', async () => {
    const fetchMock = serve();
    expect(await screen.findByText('pending-001', undefined, WAIT)).toBeTruthy();
    expect(listCalls(fetchMock)).toEqual([{ queue: 'pending', page: '1', pageSize: '20' }]);

    // one one-row request per queue, for the counts on the tabs
    await waitFor(() => {
      const counted = fetchMock.mock.calls.map(([url]) => new URLSearchParams(url.split('?')[1])).filter((q) => q.get('pageSize') === '1');
      expect(counted.map((q) => q.get('queue')).sort()).toEqual(
        ['pending', 'received', 'supplement', 'supplement_history', 'returned', 'tolerated', 'tolerated_done'].sort(),
      );
    }, WAIT);
    await waitFor(() => expect(within(tab('补件记录')).getByLabelText('7 件')).toBeTruthy(), WAIT);
    expect(within(tab('待预审')).getByLabelText('45 件')).toBeTruthy();
    expect(tab('待预审').getAttribute('aria-selected')).toBe('true');

    const row = within(screen.getByText('pending-002').closest('tr')!);
    expect(row.getByText('320102********1234')).toBeTruthy();
    expect(row.getByText('已申报')).toBeTruthy();
  });

  it('each tab requests its own queue from page 1 and puts the queue in the address; the back button returns to the previous one', async () => {
    const fetchMock = serve();
    expect(await screen.findByText('pending-001', undefined, WAIT)).toBeTruthy();

    const expected: [string, PreReviewQueue][] = [
      ['已收', 'received'], ['待补件', 'supplement'], ['补件记录', 'supplement_history'], ['退件', 'returned'], ['待容缺后补', 'tolerated'], ['已容缺后补', 'tolerated_done'],
    ];
    for (const [name, queue] of expected) {
      fireEvent.click(tab(name));
      expect(await screen.findByText(`${queue}-001`, undefined, WAIT)).toBeTruthy();
      expect(listCalls(fetchMock).at(-1)).toEqual({ queue, page: '1', pageSize: '20' });
      expect(address()).toBe(`/handling/pre-review?queue=${queue}`);
    }

    fireEvent.click(screen.getByRole('button', { name: '浏览器后退' }));
    expect(await screen.findByText('tolerated-001', undefined, WAIT)).toBeTruthy();
    expect(address()).toBe('/handling/pre-review?queue=tolerated');
    expect(tab('待容缺后补').getAttribute('aria-selected')).toBe('true');
  });

  it('starts from the queue and page in the address, pages through the server and searches by keyword from page 1', async () => {
    const fetchMock = serve('/handling/pre-review?queue=supplement_history&page=2');
    expect(await screen.findByText('supplement_history-001', undefined, WAIT)).toBeTruthy();
    expect(listCalls(fetchMock)[0]).toEqual({ queue: 'supplement_history', page: '2', pageSize: '20' });
    expect(tab('补件记录').getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByRole('tab', { name: /^待预审/ }));
    await waitFor(() => expect(listCalls(fetchMock).at(-1)).toEqual({ queue: 'pending', page: '1', pageSize: '20' }), WAIT);
    // 45 pending cases: page 3 of 3
    const page3 = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-pagination-item-3');
      if (!el) throw new Error('no page 3');
      return el;
    }, WAIT);
    fireEvent.click(page3);
    await waitFor(() => expect(listCalls(fetchMock).at(-1)).toEqual({ queue: 'pending', page: '3', pageSize: '20' }), WAIT);
    expect(address()).toBe('/handling/pre-review?queue=pending&page=3');

    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: ' 李四 ' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(listCalls(fetchMock).at(-1)).toEqual({ queue: 'pending', page: '1', pageSize: '20', keyword: '李四' }), WAIT);
    expect(address()).toBe(`/handling/pre-review?queue=pending&keyword=${encodeURIComponent('李四')}`);
  });

  it('待容缺后补 shows the 补交期限, with 已逾期 once the date has passed', async () => {
    serve('/handling/pre-review?queue=tolerated');
    const late = within((await screen.findByText('tolerated-001', undefined, WAIT)).closest('tr')!);
    expect(screen.getAllByText('补交期限').length).toBeGreaterThan(0);
    expect(late.getByText(addDays(chinaToday(), -1))).toBeTruthy();
    expect(late.getByText('已逾期')).toBeTruthy();
    const due = within(screen.getByText('tolerated-002').closest('tr')!);
    expect(due.getByText(chinaToday())).toBeTruthy();
    expect(due.queryByText('已逾期')).toBeNull();
    // the other queues have no such column
    fireEvent.click(tab('待预审'));
    expect(await screen.findByText('pending-001', undefined, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.queryAllByText('补交期限')).toHaveLength(0), WAIT);
  });

  it('opens the case from its row, remembering the list to return to', async () => {
    serve('/handling/pre-review?queue=supplement');
    fireEvent.click((await screen.findByText('supplement-002', undefined, WAIT)).closest('tr')!.querySelector('td:nth-child(2)')!);
    expect(await screen.findByText('办件详情页', undefined, WAIT)).toBeTruthy();
    expect(address()).toBe('/handling/cases/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa02');
    expect(screen.getByLabelText('来自').textContent).toBe('/handling/pre-review?queue=supplement');
  });
});
