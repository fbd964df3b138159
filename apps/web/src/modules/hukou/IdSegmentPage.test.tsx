import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { IdSegmentView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, sampleMe, serve, type Handler } from '../../test-utils';
import { IdSegmentPage } from './IdSegmentPage';

const SEGMENTS = '/api/admin/hukou/id-segments';
const XJK = '11111111-1111-4111-8111-111111111111';
const HPL = '22222222-2222-4222-8222-222222222222';
const WAIT = { timeout: 15_000 };

const segment = (over: Partial<IdSegmentView>): IdSegmentView => ({
  id: 'dddddddd-dddd-4ddd-8ddd-dddddddddd01', addressCode: '320102', stationOrgId: XJK, stationName: '新街口派出所', seqFrom: 1, seqTo: 199, allocated: 37, ...over,
});
const xwSegments = [
  // out of order on purpose: the page sorts by 地址码 and 起号
  segment({ id: 'dddddddd-dddd-4ddd-8ddd-dddddddddd02', stationOrgId: HPL, stationName: '后宰门派出所', seqFrom: 300, seqTo: 999, allocated: 1234 }),
  segment({}),
];

function start(handler: Handler = () => undefined) {
  const me: MeView = { ...sampleMe, permissions: ['hukou:segment:manage'] };
  const fetchMock = serve(async (url, init, body) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    const own = await handler(url, init, body);
    if (own) return own;
    if (url.pathname === SEGMENTS && (init?.method ?? 'GET') === 'GET') {
      const code = url.searchParams.get('addressCode');
      if (code === '320102' || !code) return jsonResponse(200, { items: [...xwSegments, ...(code ? [] : [segment({ id: 'dddddddd-dddd-4ddd-8ddd-dddddddddd03', addressCode: '999999', stationName: null, allocated: 0 })])] });
      return jsonResponse(200, { items: [] });
    }
    return undefined;
  });
  render(
    <AppHarness path="/hukou/segments">
      <Route path="/hukou/segments" element={<IdSegmentPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const listQueries = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls
    .filter(([u, init]) => new URL(u, 'http://localhost').pathname === SEGMENTS && (init?.method ?? 'GET') === 'GET')
    .map(([u]) => Object.fromEntries(new URL(u, 'http://localhost').searchParams));
const bodyRows = () => [...document.querySelectorAll('.ant-card .ant-table-tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
const filterBy = (code: string) => {
  const input = screen.getByLabelText('地址码');
  fireEvent.change(input, { target: { value: code } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
};
const modal = () => document.querySelector('.ant-modal-content') as HTMLElement;
const choose = async (label: string, option: string) => {
  fireEvent.mouseDown(within(modal()).getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByText(option, { selector: '.ant-select-item-option-content' }, WAIT));
};
const type = (label: string, value: string) => fireEvent.change(within(modal()).getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(within(modal()).getByRole('button', { name: /保\s*存/ }));

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('IdSegmentPage', () => {
  it('lists the 号段 with the county name, the zero-padded range, the size and the numbers given out', async () => {
    const fetchMock = start();
    await screen.findByText('新街口派出所', undefined, WAIT);
    expect(listQueries(fetchMock)).toEqual([{}]);
    expect(bodyRows()).toEqual([
      ['320102南京市玄武区', '新街口派出所', '001–199', '199', '37', '19.9%'],
      ['320102南京市玄武区', '后宰门派出所', '300–999', '700', '1,234', '70.1%'],
      // an unknown address code is shown as it is
      ['999999', '-', '001–199', '199', '0', '19.9%'],
    ]);
  }, 30_000);

  it('filters by 地址码 on Enter, shows the unassigned ranges, and refuses a code that is not 6 digits', async () => {
    const fetchMock = start();
    await screen.findByText('新街口派出所', undefined, WAIT);
    filterBy('3201');
    expect(await screen.findByText('地址码为6位行政区划代码', undefined, WAIT)).toBeTruthy();
    expect(listQueries(fetchMock)).toHaveLength(1);

    filterBy('320102');
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toEqual({ addressCode: '320102' }), WAIT);
    expect((await screen.findByTestId('coverage', undefined, WAIT)).textContent).toBe('320102 南京市玄武区：已划分 899 / 999 个顺序码，未划分 200–299');
    await waitFor(() => expect(bodyRows()).toHaveLength(2), WAIT);
  }, 30_000);

  it('新增号段 offers the stations of the list, proposes the free range and shows the server refusal in the dialog', async () => {
    const fetchMock = start((url, init) => (init?.method === 'POST' && url.pathname === SEGMENTS
      ? error(400, 'HUKOU_SEGMENT_INVALID', '号段250–320与后宰门派出所的号段300–999重叠')
      : undefined));
    await screen.findByText('新街口派出所', undefined, WAIT);
    filterBy('320102');
    await screen.findByTestId('coverage', undefined, WAIT);
    fireEvent.click(screen.getByRole('button', { name: /新增号段/ }));
    await waitFor(() => expect(modal()).toBeTruthy(), WAIT);
    // the address code of the filter and its first unassigned range
    expect((within(modal()).getByLabelText('地址码') as HTMLInputElement).value).toBe('320102');
    expect((within(modal()).getByLabelText('起号') as HTMLInputElement).value).toBe('200');
    expect((within(modal()).getByLabelText('止号') as HTMLInputElement).value).toBe('299');
    expect(within(modal()).getByText('南京市玄武区')).toBeTruthy();

    fireEvent.mouseDown(within(modal()).getByRole('combobox', { name: '派出所' }));
    const options = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-item-option-content')].map((o) => o.textContent);
      if (!found.length) throw new Error('no options yet');
      return found;
    }, WAIT);
    expect(options).toEqual(['后宰门派出所', '新街口派出所']);
    fireEvent.click(screen.getByText('新街口派出所', { selector: '.ant-select-item-option-content' }));
    type('起号', '250');
    type('止号', '320');
    save();

    const alert = await within(modal()).findByRole('alert', undefined, WAIT);
    expect(alert.textContent).toContain('号段250–320与后宰门派出所的号段300–999重叠');
    expect(callsTo(fetchMock, SEGMENTS).filter((c) => c.method === 'POST')).toEqual([
      expect.objectContaining({ body: { addressCode: '320102', stationOrgId: XJK, seqFrom: 250, seqTo: 320 } }),
    ]);
    expect(modal()).toBeTruthy();
  }, 30_000);

  it('a new 地址码 gets the stations of all 号段, checks the form before posting and closes on success, refreshing the list', async () => {
    const fetchMock = start((url, init, body) => (init?.method === 'POST' && url.pathname === SEGMENTS
      ? jsonResponse(200, segment({ id: 'dddddddd-dddd-4ddd-8ddd-dddddddddd09', ...(body as object), stationName: '后宰门派出所', allocated: 0 }))
      : undefined));
    await screen.findByText('新街口派出所', undefined, WAIT);
    filterBy('320104');
    await screen.findByText('地址码 320104 下没有号段', undefined, WAIT);
    expect(screen.getByTestId('coverage').textContent).toBe('320104 南京市秦淮区：已划分 0 / 999 个顺序码，未划分 001–999');
    fireEvent.click(screen.getByRole('button', { name: /新增号段/ }));
    await waitFor(() => expect(modal()).toBeTruthy(), WAIT);
    expect((within(modal()).getByLabelText('地址码') as HTMLInputElement).value).toBe('320104');
    expect((within(modal()).getByLabelText('起号') as HTMLInputElement).value).toBe('1');
    expect((within(modal()).getByLabelText('止号') as HTMLInputElement).value).toBe('999');
    type('地址码', '32010');
    type('起号', '500');
    type('止号', '400');
    save();
    expect(await within(modal()).findByText('地址码为6位行政区划代码', undefined, WAIT)).toBeTruthy();
    expect(within(modal()).getByText('止号不能小于起号')).toBeTruthy();
    expect(within(modal()).getByText('请选择派出所')).toBeTruthy();
    expect(callsTo(fetchMock, SEGMENTS).filter((c) => c.method === 'POST')).toHaveLength(0);

    type('地址码', '320104');
    type('止号', '550');
    await choose('派出所', '后宰门派出所');
    // Enter in the dialog saves
    fireEvent.keyDown(within(modal()).getByLabelText('止号'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(callsTo(fetchMock, SEGMENTS).filter((c) => c.method === 'POST')).toEqual([
      expect.objectContaining({ body: { addressCode: '320104', stationOrgId: HPL, seqFrom: 500, seqTo: 550 } }),
    ]), WAIT);
    expect(await screen.findByText('已为后宰门派出所分配号段 320104 500–550', undefined, WAIT)).toBeTruthy();
    // the filtered list is asked again
    await waitFor(() => expect(listQueries(fetchMock).filter((q) => q.addressCode === '320104').length).toBeGreaterThanOrEqual(2), WAIT);
    // closed: the dialog is gone or leaving (jsdom never ends the leave animation)
    await waitFor(() => expect(document.querySelector('.ant-modal:not(.ant-zoom-leave)')).toBeNull(), WAIT);
  }, 30_000);
});
