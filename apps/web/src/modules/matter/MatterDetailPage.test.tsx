import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { MatterAdminDetail, MatterConfig, MatterVersionHeader, MatterVersionView, MeView, VersionDiffView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { MatterDetailPage } from './MatterDetailPage';

const MATTER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const V1 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1';
const V2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb2';
const OTHER_USER = '99999999-9999-4999-8999-999999999999';
const ME = sampleMe.user.id;

const config: MatterConfig = {
  name: '户口迁移审批', policeType: 'zhian', category: '治安服务事项', matterType: 'licensing',
  handlingModes: ['promised'], applicantTypes: ['natural_person'], channels: ['online', 'window'], zones: ['province_wide'],
  needsApproval: true, isOnline: true, isOffline: true, legalBasis: '《中华人民共和国户口登记条例》', conditions: '迁入地符合落户条件',
  feeFen: 0, feeNote: '', statutoryLimitDays: 20, promisedLimitDays: 10, visits: 1,
  materials: [{ code: 'M01', name: '居民户口簿', source: 'elicense', elicenseType: 'HKB', required: true, allowTolerance: false, form: 'original', count: 1, situational: false, templateFileId: null, sampleFileId: null, note: '' }],
  situations: [{ key: 'reason', text: '迁移原因', type: 'single', help: '', options: [
    { key: 'college', label: '大中专院校录取', effects: { addMaterials: ['M01'], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, processKey: null }, children: [] },
  ] }],
  guide: { flow: [], place: '', hours: '', phone: '', faq: [], notes: '' },
  bindings: { formKeys: [], sections: [], processKey: null, printTemplateKeys: [], archiveRuleKey: null, appointment: { enabled: false, slotMinutes: 30, daysAhead: 7 }, fee: { collectAt: 'none', payChannels: [], items: [] } },
};

const header = (id: string, versionNo: number, over: Partial<MatterVersionHeader>): MatterVersionHeader => ({
  id, versionNo, status: 'draft', name: config.name, updatedAt: '2026-01-02T10:00:00+08:00', updatedBy: OTHER_USER,
  submittedAt: null, publishedAt: null, publishedBy: null, retiredAt: null, reviewNote: null, ...over,
});

const published = header(V1, 1, { status: 'published', publishedAt: '2026-01-01T09:00:00+08:00' });
const matterWith = (latest: MatterVersionHeader): MatterAdminDetail => ({
  id: MATTER, code: 'JS-Z001', createdAt: '2026-01-01T00:00:00+08:00', publishedVersionId: V1, versions: [latest, published], implementing: [],
});
const versionView = (h: MatterVersionHeader): MatterVersionView => ({
  ...h, matterId: MATTER, matterCode: 'JS-Z001', implementingId: null, orgId: null, sourceVersionId: null, baseVersionId: null, createdAt: h.updatedAt, config,
});
const diff: VersionDiffView = {
  from: { id: V1, versionNo: 1 }, to: { id: V2, versionNo: 2 },
  changes: [
    { path: 'promisedLimitDays', kind: 'changed', before: 10, after: 5 },
    { path: 'materials[M02]', kind: 'added', before: undefined, after: { code: 'M02', name: '录取通知书' } },
  ],
};

function serve(permissions: string[], latest: MatterVersionHeader) {
  const me: MeView = { ...sampleMe, permissions: ['matter:catalogue:view', ...permissions] };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (url === `/api/admin/matter/matters/${MATTER}`) return jsonResponse(200, matterWith(latest));
    if (url === `/api/admin/matter/versions/${V1}`) return jsonResponse(200, versionView(published));
    if (url === `/api/admin/matter/versions/${V2}/return`) return jsonResponse(200, versionView({ ...latest, status: 'draft', reviewNote: JSON.parse(String(init?.body)).reason }));
    if (url.startsWith('/api/admin/matter/versions/diff?')) return jsonResponse(200, diff);
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found', traceId: 't' });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <AppHarness path={`/config/matters/${MATTER}`}>
      <Route path="/config/matters/:id" element={<MatterDetailPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

async function openVersionsTab() {
  fireEvent.click(await screen.findByRole('tab', { name: /版本/ }));
  return screen.findByText('v2');
}
const rowOf = (versionText: string) => screen.getByText(versionText).closest('tr')!;

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MatterDetailPage', () => {
  it('shows the published guide with its materials and the situation tree', async () => {
    serve([], header(V2, 2, { status: 'draft' }));
    expect(await screen.findByText(/现行版本 v1，发布于 2026-01-01 \d\d:00:00/)).toBeTruthy();
    expect(await screen.findByText('居民户口簿')).toBeTruthy();
    expect(screen.getByText('电子证照')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /情形/ }));
    expect(await screen.findByText('大中专院校录取')).toBeTruthy();
    expect(screen.getByText('+材料 居民户口簿')).toBeTruthy();
  });

  it('offers a reviewer 退回草稿 but blocks 发布 of a version the reviewer last edited (four-eyes), and hides editor actions', async () => {
    const fetchMock = serve(['matter:catalogue:publish'], header(V2, 2, { status: 'in_review', updatedBy: ME, submittedAt: '2026-01-02T11:00:00+08:00' }));
    await openVersionsTab();
    const row = rowOf('v2');
    expect(within(row).getByText('退回草稿')).toBeTruthy();
    const publish = within(row).getByText('发布');
    expect(publish.closest('[aria-disabled="true"], .ant-typography-disabled')).not.toBeNull();
    expect(within(row).queryByText('编辑')).toBeNull();
    expect(screen.queryByRole('button', { name: /新建草稿/ })).toBeNull();
    // the published version may be retired by a publisher
    expect(within(rowOf('v1')).getByText('停用')).toBeTruthy();

    fireEvent.click(within(row).getByText('退回草稿'));
    const reason = await screen.findByLabelText('退回原因');
    fireEvent.change(reason, { target: { value: '材料清单缺少录取通知书' } });
    fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => url === `/api/admin/matter/versions/${V2}/return`)).toBe(true));
    const call = fetchMock.mock.calls.find(([url]) => url === `/api/admin/matter/versions/${V2}/return`)!;
    expect(JSON.parse(String(call[1]?.body))).toEqual({ reason: '材料清单缺少录取通知书' });
  });

  it('lets an editor edit and submit a draft, not publish; 新建草稿 is disabled while the draft is open', async () => {
    serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft', reviewNote: '请补充收费说明' }));
    await openVersionsTab();
    const row = rowOf('v2');
    expect(within(row).getByText('编辑')).toBeTruthy();
    expect(within(row).getByText('提交审核')).toBeTruthy();
    expect(within(row).getByText('退回原因：请补充收费说明')).toBeTruthy();
    expect(within(row).queryByText('发布')).toBeNull();
    expect(within(rowOf('v1')).queryByText('停用')).toBeNull();
    expect((screen.getByRole('button', { name: /新建草稿/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('compares the published version with the newest and lists the server diff', async () => {
    const fetchMock = serve([], header(V2, 2, { status: 'draft' }));
    await openVersionsTab();
    fireEvent.click(screen.getByRole('button', { name: /对\s*比/ }));
    expect(await screen.findByText('v1 → v2：2 处差异')).toBeTruthy();
    expect(screen.getByText('promisedLimitDays')).toBeTruthy();
    expect(screen.getByText('materials[M02]')).toBeTruthy();
    expect(screen.getByText('新增')).toBeTruthy();
    const diffCall = fetchMock.mock.calls.find(([url]) => url.startsWith('/api/admin/matter/versions/diff?'))!;
    expect(diffCall[0]).toBe(`/api/admin/matter/versions/diff?from=${V1}&to=${V2}`);
  });
});
