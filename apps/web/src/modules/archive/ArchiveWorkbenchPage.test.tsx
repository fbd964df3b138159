import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { ArchiveCheckResult, ArchiveRecordSummary, ArchiveRecordView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, sampleMe, serve, type Handler } from '../../test-utils';
import { ArchiveWorkbenchPage } from './ArchiveWorkbenchPage';

const BASE = '/api/admin/archive/records';
const ID1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa01';
const ID2 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa02';
const WAIT = { timeout: 15_000 };

const record = (over: Partial<ArchiveRecordSummary> = {}): ArchiveRecordSummary => ({
  id: ID1, caseId: 'cccccccc-cccc-4ccc-8ccc-cccccccccc01', caseNo: 'XW-2026-0001', matterCode: 'JS-C004', matterName: '对港澳居民的暂住登记',
  orgId: '11111111-1111-4111-8111-111111111111', orgName: '南京市公安局玄武分局', applicantName: '李四', result: 'approved',
  concludedAt: '2026-03-01T10:00:00+08:00', year: 2026, status: 'pending', retention: 'D30', archivalCode: null, archivedAt: null,
  missing: [], checkedAt: null, revision: 1, ...over,
});
const view = (over: Partial<ArchiveRecordView> = {}): ArchiveRecordView => ({
  ...record(), checks: [], packageName: null, packageFileId: null, packageSm3: null, packageSize: null, archivedBy: null, ...over,
});
const checks: ArchiveCheckResult[] = [
  { id: 'a1', property: 'authenticity', name: '电子签名有效', status: 'pass', detail: '签名验证通过' },
  { id: 'i1', property: 'integrity', name: '归档材料齐全', status: 'fail', detail: '缺少结果文书', files: ['批准书.pdf'] },
  { id: 'u1', property: 'usability', name: '格式可读', status: 'warn', detail: '存在非长期保存格式' },
  { id: 's1', property: 'security', name: '病毒检测', status: 'manual', detail: '请人工确认' },
];

function start(handler: Handler = () => undefined, permissions = ['archive:record:view', 'archive:record:archive']) {
  const me: MeView = { ...sampleMe, permissions };
  const fetchMock = serve(async (url, init, body) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    const own = await handler(url, init, body);
    if (own) return own;
    if ((init?.method ?? 'GET') === 'GET' && url.pathname === BASE) {
      const status = url.searchParams.get('status');
      if (status === 'pending') {
        return jsonResponse(200, { items: [record(), record({ id: ID2, caseNo: 'XW-2026-0002', missing: [{ kind: 'result_document', name: '结果文书' }], checkedAt: '2026-03-02T10:00:00+08:00' })], total: 12 });
      }
      return jsonResponse(200, { items: [], total: status === 'check_failed' ? 3 : 40 });
    }
    if (url.pathname === `${BASE}/${ID1}`) return jsonResponse(200, view());
    return undefined;
  });
  render(
    <AppHarness path="/archive/records">
      <Route path="/archive/records" element={<ArchiveWorkbenchPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

/** The list requests (not the one-row counts), as query parameters. */
const listQueries = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls
    .map(([u]) => new URL(u, 'http://localhost'))
    .filter((u) => u.pathname === BASE && u.searchParams.get('pageSize') !== '1')
    .map((u) => Object.fromEntries(u.searchParams));
/** The column titles of the page's table. */
const headers = () => [...document.querySelectorAll('.ant-card .ant-table-thead th')].map((th) => th.textContent ?? '');
const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;
const button = (scope: HTMLElement, text: string) => within(scope).getByText(text).closest('button') as HTMLButtonElement;
const drawer = () => document.querySelector('.ant-drawer-content') as HTMLElement;
/** One property's part of the 四性检测 report in the drawer. */
const propertySection = (name: string) => drawer().querySelector(`section[aria-label="${name}"]`) as HTMLElement;

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
const { createObjectURL, revokeObjectURL } = URL;
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});

describe('ArchiveWorkbenchPage', () => {
  it('lists 待归档 with the status query, counts every tab and shows what the 清点 found missing', async () => {
    const fetchMock = start();
    expect(await screen.findByText('XW-2026-0001', undefined, WAIT)).toBeTruthy();
    expect(listQueries(fetchMock)).toEqual([{ status: 'pending', page: '1', pageSize: '20' }]);
    expect(headers()).toEqual(expect.arrayContaining(['办件编号', '事项', '申请人', '受理单位', '办结时间', '保管期限', '结果', '清点缺失', '操作']));
    expect(headers()).not.toContain('档号');
    await waitFor(() => expect(screen.getByLabelText('40 件')).toBeTruthy(), WAIT);
    expect(screen.getByLabelText('12 件')).toBeTruthy();
    expect(screen.getByLabelText('3 件')).toBeTruthy();
    const row = rowOf('XW-2026-0002');
    expect(within(row).getByText('结果文书')).toBeTruthy();
    expect(within(row).getByText('30年')).toBeTruthy();
    expect(within(row).getByText('南京市公安局玄武分局')).toBeTruthy();
    expect(within(rowOf('XW-2026-0001')).getByText('未清点')).toBeTruthy();

    fireEvent.click(screen.getByText('已归档'));
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toEqual({ status: 'archived', page: '1', pageSize: '20' }), WAIT);
    await waitFor(() => expect(headers()).toContain('档号'), WAIT);
    expect(headers()).toContain('归档时间');
    expect(headers()).not.toContain('清点缺失');
  }, 30_000);

  it('filters by 年度, 受理单位 and 事项 from the facets and counts the tabs with the same filters', async () => {
    const fetchMock = start((url) => {
      if (url.pathname === `${BASE}/facets`) {
        return jsonResponse(200, { orgs: [{ id: '11111111-1111-4111-8111-111111111111', name: '南京市公安局玄武分局' }], matters: [{ code: 'JS-C004', name: '对港澳居民的暂住登记' }], years: [2026, 2025] });
      }
      return undefined;
    });
    await screen.findByText('XW-2026-0001', undefined, WAIT);
    const choose = async (label: string, option: string) => {
      fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
      fireEvent.click(await screen.findByText(option, { selector: '.ant-select-item-option-content' }, WAIT));
    };
    await choose('事项', '对港澳居民的暂住登记');
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toEqual({ status: 'pending', matterCode: 'JS-C004', page: '1', pageSize: '20' }), WAIT);
    await choose('年度', '2025 年');
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toEqual({ status: 'pending', matterCode: 'JS-C004', year: '2025', page: '1', pageSize: '20' }), WAIT);
    // the tab counts follow the filters, and the facets follow the year
    const counts = fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === BASE && u.searchParams.get('pageSize') === '1');
    expect(Object.fromEntries(counts.at(-1)!.searchParams)).toMatchObject({ matterCode: 'JS-C004', year: '2025' });
    expect(callsTo(fetchMock, `${BASE}/facets`).length).toBeGreaterThanOrEqual(2);
    await choose('受理单位', '南京市公安局玄武分局');
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toMatchObject({ orgId: '11111111-1111-4111-8111-111111111111', matterCode: 'JS-C004', year: '2025' }), WAIT);
  }, 30_000);

  it('runs 四性检测 and shows every check in the drawer, grouped by property with its result', async () => {
    const checked = view({ status: 'check_failed', checks, checkedAt: '2026-03-02T10:00:00+08:00', missing: [{ kind: 'result_document', name: '结果文书' }] });
    let done = false;
    const fetchMock = start((url, init) => {
      if (init?.method === 'POST' && url.pathname === `${BASE}/${ID1}/check`) {
        done = true;
        return jsonResponse(200, checked);
      }
      if (done && url.pathname === `${BASE}/${ID1}`) return jsonResponse(200, checked);
      return undefined;
    });
    await screen.findByText('XW-2026-0001', undefined, WAIT);
    fireEvent.click(button(rowOf('XW-2026-0001'), '四性检测'));
    await waitFor(() => expect(drawer()).toBeTruthy(), WAIT);
    await waitFor(() => expect(within(drawer()).getByText('电子签名有效')).toBeTruthy(), WAIT);
    expect(callsTo(fetchMock, `${BASE}/${ID1}/check`)).toEqual([expect.objectContaining({ method: 'POST', auth: 'Bearer tok' })]);

    const section = (name: string) => propertySection(name);
    expect(within(section('真实性')).getByText('电子签名有效')).toBeTruthy();
    expect(within(section('真实性')).getByText('通过')).toBeTruthy();
    expect(within(section('完整性')).getByText('未通过')).toBeTruthy();
    expect(within(section('完整性')).getByText('缺少结果文书')).toBeTruthy();
    expect(within(section('完整性')).getByText('批准书.pdf')).toBeTruthy();
    expect(within(section('完整性')).getByText('共 1 项，1 项未通过')).toBeTruthy();
    expect(within(section('可用性')).getByText('警告')).toBeTruthy();
    expect(within(section('安全性')).getByText('需人工')).toBeTruthy();
    expect(within(section('完整性')).getByText('未通过').closest('.ant-tag')?.className).toContain('red');
    // 清点
    expect(within(drawer()).getByText('归档材料目录中缺少 1 项：')).toBeTruthy();
  }, 30_000);

  it('批量归档 posts the selected ids and shows each result: the 档号 or why it was not archived', async () => {
    const fetchMock = start((url, init) => {
      if (init?.method === 'POST' && url.pathname === `${BASE}/batch-archive`) {
        return jsonResponse(200, { items: [
          { id: ID1, caseNo: 'XW-2026-0001', ok: true, archivalCode: '320102-WS·2026-D30-0001', message: '已归档' },
          { id: ID2, caseNo: 'XW-2026-0002', ok: false, archivalCode: null, message: '四性检测未通过，不能归档' },
        ] });
      }
      return undefined;
    });
    await screen.findByText('XW-2026-0001', undefined, WAIT);
    expect(screen.getByText('批量归档').closest('button')?.disabled).toBe(true);
    fireEvent.click(rowOf('XW-2026-0001').querySelector('input[type="checkbox"]') as HTMLInputElement);
    fireEvent.click(rowOf('XW-2026-0002').querySelector('input[type="checkbox"]') as HTMLInputElement);
    expect(drawer()).toBeNull();
    fireEvent.click(screen.getByText('批量归档（2）'));

    const modal = await screen.findByText('批量归档结果', undefined, WAIT);
    expect(callsTo(fetchMock, `${BASE}/batch-archive`)).toEqual([expect.objectContaining({ method: 'POST', body: { ids: [ID1, ID2] } })]);
    const content = modal.closest('.ant-modal-content') as HTMLElement;
    expect(within(content).getByText('共 2 件：已归档 1 件，未归档 1 件')).toBeTruthy();
    const ok = within(content).getByText('320102-WS·2026-D30-0001').closest('tr') as HTMLElement;
    expect(within(ok).getByText('XW-2026-0001')).toBeTruthy();
    expect(within(ok).getByText('已归档')).toBeTruthy();
    const failed = within(content).getByText('四性检测未通过，不能归档').closest('tr') as HTMLElement;
    expect(within(failed).getByText('XW-2026-0002')).toBeTruthy();
    expect(within(failed).getByText('未归档')).toBeTruthy();
  }, 30_000);

  it('a refused 归档 (422 ARCHIVE_CHECK_FAILED) opens the drawer with the failing check', async () => {
    const fetchMock = start((url, init) => {
      if (init?.method === 'POST' && url.pathname === `${BASE}/${ID1}/archive`) {
        return error(422, 'ARCHIVE_CHECK_FAILED', '四性检测未通过，不能归档', { checks });
      }
      return undefined;
    });
    await screen.findByText('XW-2026-0001', undefined, WAIT);
    fireEvent.click(button(rowOf('XW-2026-0001'), '归档'));
    await waitFor(() => expect(drawer()).toBeTruthy(), WAIT);
    const failing = await within(drawer()).findByLabelText('未通过的检测项', undefined, WAIT);
    expect(callsTo(fetchMock, `${BASE}/${ID1}/archive`)).toEqual([expect.objectContaining({ method: 'POST' })]);
    expect(within(drawer()).getByText('四性检测未通过，不能归档')).toBeTruthy();
    expect(failing.textContent).toBe('完整性：归档材料齐全（缺少结果文书）');
    expect(within(propertySection('完整性')).getByText('未通过')).toBeTruthy();
  }, 30_000);

  it('an archived record shows its 档号, package, SM3 and size, and downloads the package with the token', async () => {
    const archived = view({
      status: 'archived', archivalCode: '320102-WS·2026-D30-0001', archivedAt: '2026-03-03T10:00:00+08:00', checks: checks.map((c) => ({ ...c, status: 'pass' as const })),
      packageName: '320102-WS·2026-D30-0001', packageFileId: 'f1', packageSm3: 'ab'.repeat(32), packageSize: 2048,
    });
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:package');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { saved.push(this.download); });
    const fetchMock = start((url) => {
      if (url.pathname === BASE && url.searchParams.get('status') === 'archived') return jsonResponse(200, { items: [archived], total: 1 });
      if (url.pathname === `${BASE}/${ID1}`) return jsonResponse(200, archived);
      if (url.pathname === `${BASE}/${ID1}/package`) return new Response('PK-zip', { status: 200, headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('320102-WS·2026-D30-0001.zip')}` } });
      return undefined;
    });
    await screen.findByText('XW-2026-0001', undefined, WAIT);
    fireEvent.click(screen.getByText('已归档'));
    fireEvent.click(await screen.findByText('XW-2026-0001', { selector: 'a' }, WAIT));
    await waitFor(() => expect(drawer()).toBeTruthy(), WAIT);
    await waitFor(() => expect(within(drawer()).getByText('ab'.repeat(32))).toBeTruthy(), WAIT);
    expect(within(drawer()).getByText('2.0 KB')).toBeTruthy();
    expect(within(drawer()).getAllByText('320102-WS·2026-D30-0001').length).toBeGreaterThanOrEqual(2);
    fireEvent.click(button(drawer(), '下载信息包'));
    await waitFor(() => expect(callsTo(fetchMock, `${BASE}/${ID1}/package`)).toEqual([expect.objectContaining({ auth: 'Bearer tok' })]), WAIT);
    await waitFor(() => expect(saved).toEqual(['320102-WS·2026-D30-0001.zip']), WAIT);
  }, 30_000);
});
