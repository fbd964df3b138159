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
  feeFen: 0, feeNote: '', statutoryLimitDays: 20, promisedLimitDays: 10, visits: 1, toleranceLimitDays: 30,
  materials: [{ code: 'M01', name: '居民户口簿', source: 'elicense', elicenseType: 'HKB', required: true, allowTolerance: false, form: 'original', count: 1, situational: false, templateFileId: null, sampleFileId: null, note: '' }],
  situations: [{ key: 'reason', text: '迁移原因', type: 'single', help: '', options: [
    { key: 'college', label: '大中专院校录取', effects: { addMaterials: ['M01'], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, moreEligibility: [], processKey: null }, children: [] },
  ] }],
  guide: { flow: [], place: '', hours: '', phone: '', faq: [], notes: '' },
  bindings: { formKeys: [], sections: [], processKey: null, printTemplateKeys: [], archiveRuleKey: null, registryEffect: null, appointment: { enabled: false, slotMinutes: 30, daysAhead: 7 }, fee: { collectAt: 'none', payChannels: [], items: [] } },
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

type Handler = (url: string, init?: RequestInit) => Response | undefined;

/** Answers of the mocked server for the public checklist endpoint: missing answer, or the materials for 大中专院校录取. */
const checklistAnswer: Handler = (url, init) => {
  if (url !== '/api/matters/JS-Z001/checklist') return undefined;
  const { answers } = JSON.parse(String(init?.body)) as { answers: Record<string, string> };
  if (!answers.reason) {
    return jsonResponse(400, { code: 'MATTER_SITUATION_ANSWER_INVALID', message: '情形选择不完整或不正确，请按提示重新选择', traceId: 't',
      details: { problems: [{ questionKey: 'reason', reason: 'missing', message: '请回答“迁移原因”' }] } });
  }
  return jsonResponse(200, { matterCode: 'JS-Z001', versionId: V1, versionNo: 1, materials: config.materials, sections: ['school'], processKey: 'hukou_college',
    eligibilityRules: [], selected: [{ questionKey: 'reason', optionKeys: [answers.reason] }] });
};

function serve(permissions: string[], latest: MatterVersionHeader, extra: Handler = () => undefined) {
  const me: MeView = { ...sampleMe, permissions: ['matter:catalogue:view', ...permissions] };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const special = extra(url, init) ?? checklistAnswer(url, init);
    if (special) return special;
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (url === `/api/admin/matter/matters/${MATTER}`) return jsonResponse(200, matterWith(latest));
    if (url === `/api/admin/matter/versions/${V1}`) return jsonResponse(200, versionView(published));
    if (url === `/api/admin/matter/versions/${V2}` && (init?.method ?? 'GET') === 'GET') return jsonResponse(200, versionView(latest));
    if (url === `/api/admin/matter/versions/${V2}` && init?.method === 'PUT') return jsonResponse(200, { ...versionView(latest), config: JSON.parse(String(init.body)).config });
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

/** The body of the version save (PUT), once it was sent. */
async function savedConfig(fetchMock: ReturnType<typeof serve>): Promise<MatterConfig> {
  await waitFor(() => expect(fetchMock.mock.calls.some(([url, init]) => url === `/api/admin/matter/versions/${V2}` && init?.method === 'PUT')).toBe(true), { timeout: 15_000 });
  const [, init] = fetchMock.mock.calls.find(([url, i]) => url === `/api/admin/matter/versions/${V2}` && i?.method === 'PUT')!;
  return (JSON.parse(String(init?.body)) as { config: MatterConfig }).config;
}

async function openVersionsTab() {
  fireEvent.click(await screen.findByRole('tab', { name: /版本/ }));
  return screen.findByText('v2');
}
const rowOf = (versionText: string) => screen.getByText(versionText).closest('tr')!;

/** Opens 编辑 of the draft v2 and waits for the editor. */
async function openEditor() {
  await openVersionsTab();
  fireEvent.click(within(rowOf('v2')).getByText('编辑'));
  await screen.findByText('编辑草稿 · JS-Z001 v2', undefined, { timeout: 15_000 });
  await waitFor(() => expect(document.getElementById('matterDraft_name')).not.toBeNull(), { timeout: 15_000 });
}

// The editor is a large form: role queries (which compute styles for every element) are slow in jsdom,
// so these helpers find the drawer's tabs and buttons by their text.
const drawer = () => screen.getByText('编辑草稿 · JS-Z001 v2').closest<HTMLElement>('.ant-drawer-content')!;
const tabOf = (text: string) => within(drawer().querySelector<HTMLElement>('.ant-tabs-nav')!).getByText(text).closest<HTMLElement>('[role="tab"]')!;
const tab = (text: string) => fireEvent.click(tabOf(text));
const isActive = (text: string) => tabOf(text).getAttribute('aria-selected') === 'true';
const button = (text: string) => within(drawer()).getByText(text).closest<HTMLButtonElement>('button')!;
const saveButton = () => within(drawer()).getByText(/保\s*存/).closest<HTMLButtonElement>('button')!;
/** An editor input by its accessible name (aria-label; a plain selector is much faster than a label query here). */
function input<T extends HTMLElement = HTMLInputElement>(label: string): T {
  const el = document.querySelector<T>(`[aria-label="${label}"]`);
  if (!el) throw new Error(`no input labelled ${label}`);
  return el;
}
const findInput = <T extends HTMLElement = HTMLInputElement>(label: string) => waitFor(() => input<T>(label), WAIT);
const errorUnder = (label: string) => input(label).closest<HTMLElement>('.ant-form-item')!;

/** Picks an option of an antd Select (found by its label) in its open dropdown. */
async function pick(selectLabel: string, optionTitle: string) {
  fireEvent.mouseDown(input(selectLabel).closest('.ant-select')!.querySelector('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((o) => o.title === optionTitle);
    if (!found) throw new Error(`no option ${optionTitle}`);
    return found;
  }, WAIT);
  fireEvent.click(option);
}

/** The editor tests drive a big antd form in jsdom on a shared machine. */
const SLOW = 120_000;
const WAIT = { timeout: 15_000 };

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MatterDetailPage', () => {
  it('shows the published guide with its materials, the situation tree and the server-made checklist for chosen situations', async () => {
    const fetchMock = serve([], header(V2, 2, { status: 'draft' }));
    expect(await screen.findByText(/现行版本 v1，发布于 2026-01-01 \d\d:00:00/)).toBeTruthy();
    expect(await screen.findByText('居民户口簿')).toBeTruthy();
    expect(screen.getByText('电子证照')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /情形/ }));
    const tree = await screen.findByLabelText('情形问题树');
    expect(within(tree).getByText('大中专院校录取')).toBeTruthy();
    expect(within(tree).getByText('+材料 居民户口簿')).toBeTruthy();

    // 一单告知预览: nothing chosen yet → the server asks for the answer; choosing asks it for the checklist
    const preview = screen.getByRole('region', { name: '一单告知预览' });
    expect(await within(preview).findByText('请回答“迁移原因”')).toBeTruthy();
    fireEvent.click(within(preview).getByLabelText('大中专院校录取'));
    const list = await within(preview).findByRole('region', { name: '一单告知材料清单' });
    expect(within(list).getByText('需提交的材料（1 项）')).toBeTruthy();
    expect(within(list).getByText('居民户口簿')).toBeTruthy();
    expect(within(list).getByText('hukou_college')).toBeTruthy();
    const last = fetchMock.mock.calls.filter(([url]) => url === '/api/matters/JS-Z001/checklist').at(-1)!;
    expect(JSON.parse(String(last[1]?.body))).toEqual({ answers: { reason: 'college' } });
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

  it('edits 容缺补交期限（天） among the basic fields and saves it as toleranceLimitDays', async () => {
    const fetchMock = serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft' }));
    await openEditor();
    const days = input('容缺补交期限（天）');
    expect(days.value).toBe('30');
    fireEvent.change(days, { target: { value: '15' } });
    fireEvent.blur(days);
    fireEvent.click(saveButton());
    const saved = await savedConfig(fetchMock);
    expect(saved.toleranceLimitDays).toBe(15);
    expect(saved.visits).toBe(1);
  }, SLOW);

  it('binds a process, a document and the registry effect on the 业务绑定 tab from the server\'s lists, keeping the other bindings', async () => {
    const fetchMock = serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft' }), (url) => {
      if (url.startsWith('/api/admin/workflow/definitions')) return jsonResponse(200, { total: 2, items: [{ key: 'hukou_migration', name: '户口迁移审批流程' }, { key: 'hukou_migration', name: '户口迁移审批流程' }] });
      if (url.startsWith('/api/admin/print/templates')) return jsonResponse(200, { total: 1, items: [{ key: 'hukou_migration_admission_certificate', title: '准予迁入证明' }] });
      if (url.startsWith('/api/admin/form/definitions')) return jsonResponse(200, { total: 1, items: [{ key: 'hukou_migration', title: '户口迁移申请表' }] });
      return undefined;
    });
    await openEditor();
    tab('业务绑定');
    await pick('办理流程', '户口迁移审批流程（hukou_migration）');
    await pick('业务文书', '准予迁入证明（hukou_migration_admission_certificate）');
    await pick('办结生效', '户口迁移：迁入申请表所填的户');
    fireEvent.click(saveButton());
    const saved = await savedConfig(fetchMock);
    expect(saved.bindings).toMatchObject({
      processKey: 'hukou_migration', printTemplateKeys: ['hukou_migration_admission_certificate'], registryEffect: 'hukou_migration',
      formKeys: [], appointment: { enabled: false, slotMinutes: 30, daysAhead: 7 },
    });
  }, SLOW);

  it('adds a material in the materials table and saves it with the contract defaults', async () => {
    const fetchMock = serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft' }));
    await openEditor();
    tab('申请材料');
    fireEvent.click(button('添加材料'));
    expect((input('材料2编码') as HTMLInputElement).value).toBe('M02');

    // an empty name is refused in Chinese, on the materials tab, before anything is sent
    tab('基本信息');
    fireEvent.click(saveButton());
    await waitFor(() => expect(within(errorUnder('材料2名称')).getByText('请填写材料名称')).toBeTruthy(), WAIT);
    expect(isActive('申请材料')).toBe(true);
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);

    fireEvent.change(input('材料2名称'), { target: { value: '录取通知书' } });
    await pick('材料2来源', '电子证照可替代');
    fireEvent.change(await findInput('材料2证照类型'), { target: { value: 'admission_notice' } });
    fireEvent.click(saveButton());
    const saved = await savedConfig(fetchMock);
    expect(saved.materials).toHaveLength(2);
    expect(saved.materials[0]).toEqual(config.materials[0]);
    expect(saved.materials[1]).toEqual({
      code: 'M02', name: '录取通知书', source: 'elicense', elicenseType: 'admission_notice', required: true, allowTolerance: false,
      form: 'original', count: 1, situational: false, templateFileId: null, sampleFileId: null, note: '',
    });
    expect(saved.situations).toEqual(config.situations);
  }, SLOW);

  it('adds an option that adds the new material: the option names it and the save carries the reference', async () => {
    const fetchMock = serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft' }));
    await openEditor();
    // the options name the materials they refer to, even before the materials tab was opened
    tab('情形');
    await waitFor(() => expect(within(errorUnder('问题1选项1增加材料')).getByText('居民户口簿（M01）')).toBeTruthy(), WAIT);
    tab('申请材料');
    fireEvent.click(button('添加材料'));
    fireEvent.change(input('材料2名称'), { target: { value: '毕业证书' } });
    fireEvent.click(input('材料2仅情形需要'));

    tab('情形');
    fireEvent.click(button('给问题1添加选项'));
    fireEvent.change(await findInput('问题1选项2文本'), { target: { value: '毕业生迁出' } });
    fireEvent.change(input('问题1选项2标识'), { target: { value: 'graduate' } });
    await pick('问题1选项2增加材料', '毕业证书（M02）');
    expect(within(errorUnder('问题1选项2增加材料')).getAllByText('毕业证书（M02）').length).toBeGreaterThan(0);

    fireEvent.click(saveButton());
    const saved = await savedConfig(fetchMock);
    expect(saved.materials[1]).toMatchObject({ code: 'M02', name: '毕业证书', situational: true });
    expect(saved.situations[0].options.map((o) => o.key)).toEqual(['college', 'graduate']);
    expect(saved.situations[0].options[1]).toEqual({
      key: 'graduate', label: '毕业生迁出', children: [],
      effects: { addMaterials: ['M02'], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, moreEligibility: [], processKey: null },
    });
  }, SLOW);

  it('puts the server’s configuration errors under the inputs they name, by key, and opens that tab', async () => {
    const refusal: Handler = (url, init) => url === `/api/admin/matter/versions/${V2}` && init?.method === 'PUT'
      ? jsonResponse(400, { code: 'MATTER_CONFIG_INVALID', message: '事项配置有误', traceId: 't', details: { problems: [
        { path: 'situations[reason].options[college].effects.eligibilityRule', message: '选项“大中专院校录取”有资格提示但没有资格规则' },
        { path: 'materials[M01].elicenseType', message: '证照类型未登记' },
      ] } })
      : undefined;
    serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft' }), refusal);
    await openEditor();
    fireEvent.click(saveButton());
    await waitFor(() => expect(within(errorUnder('问题1选项1资格规则')).getByText('选项“大中专院校录取”有资格提示但没有资格规则')).toBeTruthy(), WAIT);
    expect(isActive('情形')).toBe(true);
    expect(within(errorUnder('材料1证照类型')).getByText('证照类型未登记')).toBeTruthy();
  }, SLOW);

  it('keeps a JSON tab: valid JSON is applied to the editors, invalid JSON is refused with the reason in Chinese', async () => {
    serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft' }));
    await openEditor();
    tab('JSON');
    const text = input<HTMLTextAreaElement>('申请材料 JSON');
    expect(JSON.parse(text.value)).toEqual(config.materials);
    fireEvent.change(text, { target: { value: '[{"code":"1bad","name":"x","source":"applicant","required":true}]' } });
    tab('申请材料');
    expect(await screen.findByText(/\[0\]\.code：标识须为字母开头/, undefined, WAIT)).toBeTruthy();
    expect(isActive('JSON')).toBe(true);
    fireEvent.change(text, { target: { value: JSON.stringify([...config.materials, { code: 'M05', name: '结婚证', source: 'applicant', required: false }]) } });
    tab('申请材料');
    expect(((await findInput('材料2名称')) as HTMLInputElement).value).toBe('结婚证');
  }, SLOW);

  it('uploads a blank form for a material to the files centre and saves the returned file id', async () => {
    const FILE_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
    const files: Handler = (url, init) => url === '/api/files/' && init?.method === 'POST'
      ? jsonResponse(200, { id: FILE_ID, fileName: '户口迁移申请表.pdf', size: 9, mime: 'application/pdf', type: 'pdf', sha256: 'a'.repeat(64), sm3: 'b'.repeat(64), createdAt: '2026-01-02T10:00:00+08:00' })
      : undefined;
    const fetchMock = serve(['matter:catalogue:edit'], header(V2, 2, { status: 'draft' }), files);
    await openEditor();
    tab('申请材料');
    const upload = errorUnder('上传材料1空白表格').querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(upload, { target: { files: [new File(['%PDF-1.7'], '户口迁移申请表.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(within(errorUnder('移除材料1空白表格')).getByText('户口迁移申请表.pdf')).toBeTruthy(), WAIT);
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/files/')!;
    const form = init?.body as FormData;
    expect(form.get('purpose')).toBe('matter-template');
    expect((form.get('file') as File).name).toBe('户口迁移申请表.pdf');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');

    fireEvent.click(saveButton());
    const saved = await savedConfig(fetchMock);
    expect(saved.materials[0]).toMatchObject({ code: 'M01', templateFileId: FILE_ID, sampleFileId: null });
  }, SLOW);
});
