import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { HouseholdView, HukouChangeView, MeView, PersonSummary, PersonView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { formatDateTime } from '../../app/ui';
import { AppHarness, callsTo, jsonResponse, sampleMe, serve, type Handler } from '../../test-utils';
import { PersonListPage } from './PersonListPage';

const BASE = '/api/admin/hukou';
const P1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa01';
const P2 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa02';
const P3 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa03';
const H1 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbb01';
const H2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbb02';
const STATION = '11111111-1111-4111-8111-111111111111';
const WAIT = { timeout: 15_000 };

const summary = (over: Partial<PersonSummary> = {}): PersonSummary => ({
  id: P1, idNoMasked: '320102********1234', name: '王建国', sex: '1', birthDate: '1980-05-01', ethnicity: '01',
  householdId: H1, householdNo: '320102000123', relationToHead: '02', address: '南京市玄武区中山路1号', stationOrgId: STATION,
  stationName: '新街口派出所', status: 'registered', ...over,
});
const wife = summary({ id: P2, idNoMasked: '320102********2345', name: '李秀英', sex: '2', birthDate: '1982-03-08', ethnicity: '03', relationToHead: '10' });
const change = (over: Partial<HukouChangeView> = {}): HukouChangeView => ({
  id: 'cccccccc-cccc-4ccc-8ccc-cccccccccc01', kind: 'move_in', summary: '由南京市鼓楼区迁入', before: {}, after: {}, caseNo: 'XW-2024-0007',
  matterCode: null, occurredAt: '2024-06-01T09:30:00+08:00', personId: P1, householdId: H1, ...over,
});
const person = (over: Partial<PersonView> = {}): PersonView => ({
  ...summary(), idNo: '320102198005011234', formerName: null, birthPlaceCode: '320102', nativePlaceCode: '110101', religion: 'none',
  education: '20', maritalStatus: '21', militaryService: '1', heightCm: 175, bloodType: 'AB', occupation: '工程师', employer: '江苏某科技公司',
  fatherIdNoMasked: null, motherIdNoMasked: null, registeredOn: '2024-06-01', previousRegionCode: '320106', regionCode: '320102', statusReason: null,
  changes: [
    change({ id: 'cccccccc-cccc-4ccc-8ccc-cccccccccc00', kind: 'birth', summary: '出生登记', caseNo: null, occurredAt: '1980-05-20T10:00:00+08:00' }),
    change(),
  ],
  ...over,
});
const household: HouseholdView = {
  id: H1, householdNo: '320102000123', type: 'family', name: null, headName: '王建国', address: '南京市玄武区中山路1号', regionCode: '320102',
  stationOrgId: STATION, stationName: '新街口派出所', establishedOn: '2010-01-01', status: 'active', members: [summary(), wife],
  changes: [change({ id: 'cccccccc-cccc-4ccc-8ccc-cccccccccc09', kind: 'household_create', summary: '立户', caseNo: null, personId: null, occurredAt: '2010-01-01T09:00:00+08:00' })],
};

function start(handler: Handler = () => undefined) {
  const me: MeView = { ...sampleMe, permissions: ['hukou:person:view'] };
  const fetchMock = serve(async (url, init, body) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    const own = await handler(url, init, body);
    if (own) return own;
    if (url.pathname === `${BASE}/persons`) return jsonResponse(200, { items: [summary(), wife], total: 42 });
    if (url.pathname === `${BASE}/persons/${P1}`) return jsonResponse(200, person());
    if (url.pathname === `${BASE}/households/${H1}`) return jsonResponse(200, household);
    return undefined;
  });
  render(
    <AppHarness path="/hukou/persons">
      <Route path="/hukou/persons" element={<PersonListPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const listQueries = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === `${BASE}/persons`).map((u) => Object.fromEntries(u.searchParams));
const rowOf = (text: string, scope: HTMLElement = document.body) => within(scope).getByText(text).closest('tr') as HTMLElement;
const cells = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent);
/** The open drawers, front-most last. */
const drawers = () => [...document.querySelectorAll('.ant-drawer-open .ant-drawer-content')] as HTMLElement[];
/** A bordered Descriptions value by its label. */
const item = (scope: HTMLElement, label: string) => within(scope).getByText(label, { selector: 'th, th *' }).closest('th')?.nextElementSibling?.textContent;

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
const objectUrls = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete objectUrls.createObjectURL;
  delete objectUrls.revokeObjectURL;
});

describe('PersonListPage', () => {
  it('lists persons with masked numbers and the codes as Chinese labels', async () => {
    const fetchMock = start();
    await screen.findByText('王建国', undefined, WAIT);
    expect(listQueries(fetchMock)).toEqual([{ page: '1', pageSize: '20' }]);
    const headers = [...document.querySelectorAll('.ant-table-thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['姓名', '公民身份号码', '性别', '出生日期', '民族', '户号', '与户主关系', '住址', '派出所', '状态']);
    expect(cells(rowOf('王建国'))).toEqual(['王建国', '320102********1234', '男', '1980-05-01', '汉族', '320102000123', '户主', '南京市玄武区中山路1号', '新街口派出所', '正常']);
    expect(cells(rowOf('李秀英')).slice(2, 7)).toEqual(['女', '1982-03-08', '回族', '320102000123', '配偶']);
    expect(screen.getByText('共 42 人')).toBeTruthy();
    expect(within(rowOf('王建国')).getByText('正常').closest('.ant-tag')?.className).toContain('green');
  }, 30_000);

  it('searches with the typed conditions on Enter, upper-casing the check digit, and 重置 clears them', async () => {
    const fetchMock = start();
    await screen.findByText('王建国', undefined, WAIT);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: ' 王建国 ' } });
    fireEvent.change(screen.getByLabelText('公民身份号码'), { target: { value: '32010219800501123x' } });
    fireEvent.change(screen.getByLabelText('户号'), { target: { value: '320102000123' } });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }));
    fireEvent.click(await screen.findByText('迁出', { selector: '.ant-select-item-option-content' }, WAIT));
    fireEvent.keyDown(screen.getByLabelText('户号'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toEqual({
      idNo: '32010219800501123X', name: '王建国', householdNo: '320102000123', status: 'moved_out', page: '1', pageSize: '20',
    }), WAIT);

    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '中山路' } });
    fireEvent.click(screen.getByText(/重\s*置/).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toEqual({ page: '1', pageSize: '20' }), WAIT);
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('');
  }, 30_000);

  it('refuses a malformed 公民身份号码 without asking the server', async () => {
    const fetchMock = start();
    await screen.findByText('王建国', undefined, WAIT);
    fireEvent.change(screen.getByLabelText('公民身份号码'), { target: { value: '3201021980' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByText('公民身份号码为15位或18位', undefined, WAIT)).toBeTruthy();
    expect(listQueries(fetchMock)).toHaveLength(1);
  }, 30_000);

  it('a row opens the 常住人口登记表 with the full number, labelled codes, region names and the 业务变动轨迹', async () => {
    const fetchMock = start();
    await screen.findByText('王建国', undefined, WAIT);
    fireEvent.click(rowOf('320102********1234'));
    await waitFor(() => expect(drawers()).toHaveLength(1), WAIT);
    const d = await waitFor(() => within(drawers()[0]).getByTestId('person-detail'), WAIT);
    expect(callsTo(fetchMock, `${BASE}/persons/${P1}`)).toHaveLength(1);
    expect(within(d).getByText('查看完整信息已留痕')).toBeTruthy();
    expect(within(d).getByText('320102198005011234')).toBeTruthy();
    expect(item(d, '性别')).toBe('男');
    expect(item(d, '民族')).toBe('汉族');
    expect(item(d, '出生地')).toBe('南京市玄武区');
    // not a Jiangsu county: the code itself
    expect(item(d, '籍贯')).toBe('110101');
    expect(item(d, '何地迁来')).toBe('南京市鼓楼区');
    expect(item(d, '户籍地')).toBe('南京市玄武区');
    expect(item(d, '与户主关系')).toBe('户主');
    expect(item(d, '文化程度')).toBe('大学本科');
    expect(item(d, '婚姻状况')).toBe('初婚');
    expect(item(d, '兵役状况')).toBe('退出现役');
    expect(item(d, '血型')).toBe('AB型');
    expect(item(d, '宗教信仰')).toBe('无宗教信仰');
    expect(item(d, '身高')).toBe('175 厘米');
    expect(item(d, '曾用名')).toBe('-');

    const timeline = within(d).getByLabelText('业务变动轨迹');
    const entries = [...timeline.querySelectorAll('[data-change]')].map((e) => e.textContent);
    // newest first, with the kind's label, the summary, the date and the case when there is one
    expect(entries).toEqual([
      `迁入由南京市鼓楼区迁入${formatDateTime('2024-06-01T09:30:00+08:00')} · 办件 XW-2024-0007`,
      `出生登记出生登记${formatDateTime('1980-05-20T10:00:00+08:00')}`,
    ]);
  }, 30_000);

  it('打印登记表 shows the PDF with the print count the server gives', async () => {
    // jsdom has no object URLs: the preview gets a fixed one (removed after cleanup)
    objectUrls.createObjectURL = () => 'blob:register';
    objectUrls.revokeObjectURL = () => undefined;
    const fetchMock = start((url) => (url.pathname === `${BASE}/persons/${P1}/register.pdf`
      ? new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf', 'x-print-copy': '3' } }) : undefined));
    await screen.findByText('王建国', undefined, WAIT);
    fireEvent.click(rowOf('320102********1234'));
    await waitFor(() => within(drawers()[0]).getByTestId('person-detail'), WAIT);
    fireEvent.click(within(drawers()[0]).getByRole('button', { name: /打印登记表/ }));
    await waitFor(() => expect(document.querySelector('iframe[title="常住人口登记表（第 3 次打印）"]')).not.toBeNull(), WAIT);
    expect(callsTo(fetchMock, `${BASE}/persons/${P1}/register.pdf`)).toEqual([expect.objectContaining({ method: 'GET', auth: 'Bearer tok' })]);
  }, 30_000);

  it('查看本户 shows the household with 户别, 户主, 住址 and its members; a member opens in the person drawer', async () => {
    const fetchMock = start((url) => (url.pathname === `${BASE}/persons/${P2}` ? jsonResponse(200, person({ ...wife, idNo: '320102198203082345', changes: [] })) : undefined));
    await screen.findByText('王建国', undefined, WAIT);
    fireEvent.click(rowOf('王建国'));
    await waitFor(() => expect(within(drawers()[0]).getByTestId('person-detail')).toBeTruthy(), WAIT);
    fireEvent.click(within(drawers()[0]).getByText('查看本户').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(drawers()).toHaveLength(2), WAIT);
    const h = await waitFor(() => within(drawers()[1]).getByTestId('household-detail'), WAIT);
    expect(callsTo(fetchMock, `${BASE}/households/${H1}`)).toHaveLength(1);
    expect(item(h, '户别')).toBe('家庭户');
    expect(item(h, '户主')).toBe('王建国');
    expect(item(h, '住址')).toBe('南京市玄武区中山路1号');
    expect(within(h).getByText('户内成员（2 人）')).toBeTruthy();
    expect(cells(rowOf('李秀英', h))).toEqual(['李秀英', '320102********2345', '女', '1982-03-08', '回族', '配偶', '正常']);
    expect(within(within(h).getByLabelText('本户变动轨迹')).getByText('立户', { selector: '.ant-tag' })).toBeTruthy();

    fireEvent.click(rowOf('李秀英', h));
    await waitFor(() => expect(callsTo(fetchMock, `${BASE}/persons/${P2}`)).toHaveLength(1), WAIT);
    await waitFor(() => expect(drawers()).toHaveLength(1), WAIT);
    await waitFor(() => expect(within(drawers()[0]).getByText('320102198203082345')).toBeTruthy(), WAIT);
    expect(within(drawers()[0]).getByText('暂无业务变动')).toBeTruthy();
  }, 30_000);

  it('重号管理 lists each shared number with the persons holding it', async () => {
    const fetchMock = start((url) => (url.pathname === `${BASE}/duplicates`
      ? jsonResponse(200, { items: [{ idNoMasked: '320102********5678', persons: [
        summary({ id: P1, idNoMasked: '320102********5678', name: '张伟' }),
        summary({ id: P3, idNoMasked: '320102********5678', name: '张玮', householdId: H2, householdNo: '320102000999', sex: '2', relationToHead: '30' }),
      ] }] })
      : undefined));
    await screen.findByText('王建国', undefined, WAIT);
    expect(callsTo(fetchMock, `${BASE}/duplicates`)).toHaveLength(0);
    fireEvent.click(screen.getByText('重号管理'));
    const group = await waitFor(() => {
      const el = document.querySelector('[data-group="320102********5678"]');
      if (!el) throw new Error('no group yet');
      return el as HTMLElement;
    }, WAIT);
    expect(within(group).getByText('2 人共用')).toBeTruthy();
    expect(cells(rowOf('张玮', group)).slice(0, 7)).toEqual(['张玮', '320102********5678', '女', '1980-05-01', '汉族', '320102000999', '女']);
    expect(within(group).getByText('张伟')).toBeTruthy();
    expect(screen.getByLabelText('1 组重号')).toBeTruthy();
  }, 30_000);
});
