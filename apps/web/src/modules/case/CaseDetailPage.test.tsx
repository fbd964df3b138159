import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { CaseView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { chinaToday } from '../form';
import { CaseDetailPage } from './CaseDetailPage';
import { addDays } from './components/case-actions';
import { CASE_ID, caseView, INSTANCE_ID, TASK_1, TASK_2 } from './test-fixtures';

type Handler = (init: RequestInit | undefined) => Response;
const URL_CASE = `/api/admin/case/cases/${CASE_ID}`;
const URL_ACT = `${URL_CASE}/actions`;
const PROMISE_ID = '12121212-1212-4212-8212-121212121212';
const SCAN_ID = '34343434-3434-4343-8343-343434343434';
const pdf = () => new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf' } });

/** antd spaces out two-character button labels (受 理) outside the app's ConfigProvider. */
const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

function serve(view: CaseView | (() => CaseView), over: Record<string, Handler> = {}, permissions = ['case:case:view', 'case:case:handle']) {
  const me: MeView = { ...sampleMe, permissions };
  const current = typeof view === 'function' ? view : () => view;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    if (over[key]) return over[key](init);
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (key === `GET ${URL_CASE}`) return jsonResponse(200, current());
    return jsonResponse(404, { code: 'COMMON_ROUTE_NOT_FOUND', message: '接口不存在', traceId: 't' });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <AppHarness path={`/handling/cases/${CASE_ID}`}>
      <Route path="/handling/cases/:id" element={<CaseDetailPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const calls = (fetchMock: ReturnType<typeof serve>, method: string, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => url.split('?')[0] === path && (init?.method ?? 'GET') === method);
const bodies = (fetchMock: ReturnType<typeof serve>, path: string) => calls(fetchMock, 'POST', path).map(([, init]) => JSON.parse(String(init?.body)));

const toolbar = () => screen.findByRole('toolbar', { name: '办理操作' });
/** A button of a dialog by its text (role queries are slow in a large antd dialog under jsdom). */
const buttonIn = (dialog: HTMLElement, text: RegExp) => within(dialog).getByText(text).closest('button')!;

/** In jsdom antd gives every dialog the same aria-labelledby id, so dialogs are found by their title text. */
const dialogTitled = (title: string) =>
  waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.startsWith(title));
    if (!d) throw new Error(`no dialog titled ${title}`);
    return d;
  });

// jsdom has no object URLs: the PDF previews get a fixed one
const objectUrls = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
beforeEach(() => {
  localStorage.clear();
  setToken('tok');
  objectUrls.createObjectURL = () => 'blob:promise';
  objectUrls.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete objectUrls.createObjectURL;
  delete objectUrls.revokeObjectURL;
});

describe('CaseDetailPage', () => {
  it('shows the header facts and offers exactly the allowed actions', async () => {
    serve(caseView({ status: 'accepted', allowedActions: ['request_supplement', 'approve_step', 'start_special', 'conclude', 'withdraw'] }));
    expect(await screen.findByRole('heading', { name: '办件 320102202601050000001' })).toBeTruthy();
    expect(screen.getAllByText('已受理').length).toBeGreaterThan(0);
    expect(screen.getByText('v2')).toBeTruthy();
    expect(screen.getByText('320102********1234')).toBeTruthy();

    const bar = await toolbar();
    const names = within(bar).getAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''));
    expect(names).toEqual(['一次性告知补件', '审核审批', '进入特别程序', '办结', '撤件']);
    expect(within(bar).queryByRole('button', { name: label('受理') })).toBeNull();
    expect(within(bar).queryByRole('button', { name: label('退件') })).toBeNull();
    // no open workflow task: nothing to send back
    expect(within(bar).queryByRole('button', { name: label('退回') })).toBeNull();
  });

  it('shows no action buttons to an officer who may only view cases', async () => {
    serve(caseView(), {}, ['case:case:view']);
    expect(await screen.findByText('当前岗位只有查询权限，不能办理办件')).toBeTruthy();
    expect(screen.queryByRole('toolbar', { name: '办理操作' })).toBeNull();
    expect(screen.queryByRole('button', { name: '查看证件号码' })).toBeNull();
  });

  it('refuses 退件 without a reason in Chinese and sends nothing', async () => {
    const fetchMock = serve(caseView());
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('退件') }));
    const dialog = await dialogTitled('退件 · 320102202601050000001');
    fireEvent.click(within(dialog).getByRole('button', { name: /确认退件/ }));
    expect(await within(dialog).findByText('请填写退件理由')).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_ACT)).toHaveLength(0);
  });

  it('sends 退件 with the reason and the revision on screen when Enter is pressed', async () => {
    const fetchMock = serve(caseView(), { [`POST ${URL_ACT}`]: () => jsonResponse(200, caseView({ status: 'returned', allowedActions: [], revision: 4 })) });
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('退件') }));
    const dialog = await dialogTitled('退件 · 320102202601050000001');
    const reason = within(dialog).getByLabelText('退件理由');
    fireEvent.change(reason, { target: { value: '不属于本单位管辖' } });
    fireEvent.keyDown(reason, { key: 'Enter' });
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'return', opinion: '不属于本单位管辖', expectedRevision: 3 }]));
    expect(await screen.findByText('办件当前状态下没有可办理的操作')).toBeTruthy();
  });

  it('on CASE_STALE tells the officer someone else changed the case and reloads it', async () => {
    let revision = 3;
    const fetchMock = serve(() => caseView({ revision }), {
      [`POST ${URL_ACT}`]: () => {
        revision = 5;
        return jsonResponse(409, { code: 'CASE_STALE', message: '办件已被他人更新，请刷新后再操作', traceId: 't' });
      },
    });
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('受理') }));
    const dialog = await dialogTitled('受理 · 320102202601050000001');
    const gets = calls(fetchMock, 'GET', URL_CASE).length;
    fireEvent.click(within(dialog).getByRole('button', { name: /确认受理/ }));
    expect(await screen.findByText('办件已被他人办理或修改，已重新加载最新内容，请核对后再操作')).toBeTruthy();
    await waitFor(() => expect(calls(fetchMock, 'GET', URL_CASE).length).toBeGreaterThan(gets));
    expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'accept', expectedRevision: 3 }]);
    await waitFor(() => expect(screen.queryAllByRole('dialog').filter((d) => d.textContent?.startsWith('受理 ·'))).toHaveLength(0));

    // the next action carries the reloaded revision
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('受理') }));
    const again = await dialogTitled('受理 · 320102202601050000001');
    fireEvent.click(within(again).getByRole('button', { name: /确认受理/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT).at(-1)).toEqual({ action: 'accept', expectedRevision: 5 }));
  });

  it('with open workflow tasks, 受理 completes the first open task unless the officer picks another', async () => {
    const view = caseView({
      workflowInstanceId: INSTANCE_ID,
      processKey: 'hukou',
      openTasks: [
        { id: TASK_1, nodeId: 'accept', nodeName: '窗口受理', assigneeId: null, dueDate: '2026-01-06', formAccess: null },
        { id: TASK_2, nodeId: 'check', nodeName: '材料核查', assigneeId: null, dueDate: null, formAccess: null },
      ],
    });
    const fetchMock = serve(view, { [`POST ${URL_ACT}`]: () => jsonResponse(200, { ...view, status: 'accepted', allowedActions: [] }) });
    expect(await screen.findByText('窗口受理')).toBeTruthy();
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('受理') }));
    const dialog = await dialogTitled('受理 · 320102202601050000001');
    expect(within(dialog).getByText('窗口受理（2026-01-06 到期）')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('受理意见（可选）'), { target: { value: '材料齐全' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认受理/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'accept', opinion: '材料齐全', taskId: TASK_1, expectedRevision: 3 }]));
  });

  it('办结 asks for the result and sends it', async () => {
    const view = caseView({ status: 'accepted', slaStatus: 'warning', slaDeadline: '2026-01-20', allowedActions: ['conclude'] });
    const fetchMock = serve(view, { [`POST ${URL_ACT}`]: () => jsonResponse(200, { ...view, status: 'concluded', result: 'approved', allowedActions: [] }) });
    expect(await screen.findByText('预警')).toBeTruthy();
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('办结') }));
    const dialog = await dialogTitled('办结 · 320102202601050000001');
    fireEvent.click(within(dialog).getByRole('button', { name: /确认办结/ }));
    expect(await within(dialog).findByText('请选择办理结果')).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_ACT)).toHaveLength(0);
    fireEvent.click(within(dialog).getByLabelText('准予'));
    fireEvent.click(within(dialog).getByRole('button', { name: /确认办结/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'conclude', result: 'approved', expectedRevision: 3 }]));
  });

  it('puts the server’s CASE_REASON_REQUIRED under the reason of 审核审批 不通过', async () => {
    const view = caseView({ status: 'accepted', allowedActions: ['approve_step'] });
    const fetchMock = serve(view, { [`POST ${URL_ACT}`]: () => jsonResponse(400, { code: 'CASE_REASON_REQUIRED', message: '该操作须填写理由', traceId: 't' }) });
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('审核审批') }));
    const dialog = await dialogTitled('审核审批 · 320102202601050000001');
    fireEvent.click(within(dialog).getByLabelText('不通过'));
    fireEvent.click(within(dialog).getByRole('button', { name: /确认审核审批/ }));
    expect(await within(dialog).findByText('请填写不通过理由')).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_ACT)).toHaveLength(0);
    // approving needs no reason; the server's refusal still lands under the field
    fireEvent.click(within(dialog).getByLabelText('通过'));
    fireEvent.click(within(dialog).getByRole('button', { name: /确认审核审批/ }));
    expect(await within(dialog).findByText('该操作须填写理由')).toBeTruthy();
    expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'approve_step', outcome: 'approve', expectedRevision: 3 }]);
  });

  it('shows the history, materials with digests and a download link, and the form data', async () => {
    serve(caseView({
      status: 'accepted',
      history: [
        { seq: 1, action: 'submit', fromStatus: null, toStatus: 'submitted', userName: '张受理', orgName: '新街口派出所', opinion: '', at: '2026-01-05T09:00:00+08:00' },
        { seq: 2, action: 'accept', fromStatus: 'submitted', toStatus: 'accepted', userName: '张受理', orgName: '新街口派出所', opinion: '材料齐全', at: '2026-01-05T10:00:00+08:00' },
      ],
    }));
    fireEvent.click(await screen.findByRole('tab', { name: /办理过程/ }));
    const timeline = await screen.findByLabelText('办理过程');
    expect(within(timeline).getByText('申报')).toBeTruthy();
    expect(within(timeline).getByText('受理')).toBeTruthy();
    expect(within(timeline).getByText('材料齐全')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: /材料/ }));
    expect(await screen.findByText('居民户口簿')).toBeTruthy();
    expect(screen.getByText('已提交')).toBeTruthy();
    expect(screen.getByText('aaaaaaaa…aaaaaaaa')).toBeTruthy();
    expect(screen.getByText('bbbbbbbb…bbbbbbbb')).toBeTruthy();
    expect(screen.getByRole('link', { name: /下载/ }).getAttribute('href')).toBe('/api/files/eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee/content');

    fireEvent.click(screen.getByRole('tab', { name: '申请表' }));
    expect(await screen.findByText('南京市玄武区中山路1号')).toBeTruthy();
  });

  it('shows the full ID number only after 查看, from the audited endpoint', async () => {
    const fetchMock = serve(caseView(), { [`GET ${URL_CASE}/sensitive`]: () => jsonResponse(200, { applicantIdNo: '320102199001011234', contactPhone: '13812345678' }) });
    expect(await screen.findByText('320102********1234')).toBeTruthy();
    expect(calls(fetchMock, 'GET', `${URL_CASE}/sensitive`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '查看证件号码' }));
    expect(await screen.findByText('320102199001011234')).toBeTruthy();
    expect(screen.getByText('13812345678')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '隐藏证件号码' }));
    expect(await screen.findByText('320102********1234')).toBeTruthy();
  });

  it('退回 sends an open approval task back to a node the workflow centre offers, with the reason', async () => {
    const view = caseView({
      status: 'approving', workflowInstanceId: INSTANCE_ID, processKey: 'hukou', allowedActions: ['approve_step'],
      openTasks: [{ id: TASK_2, nodeId: 'approve', nodeName: '审批', assigneeId: sampleMe.user.id, dueDate: null, formAccess: null }],
    });
    const fetchMock = serve(view, {
      [`GET /api/workflow/tasks/${TASK_2}`]: () => jsonResponse(200, { returnTargets: [{ nodeId: 'accept', name: '受理' }, { nodeId: 'check', name: '审核' }] }),
      [`POST ${URL_CASE}/return-step`]: () => jsonResponse(200, view),
    });
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('退回') }));
    const dialog = await dialogTitled('退回 · 320102202601050000001');
    await waitFor(() => expect(within(dialog).getByText('审核')).toBeTruthy());
    const reason = within(dialog).getByLabelText('退回理由');
    fireEvent.keyDown(reason, { key: 'Enter' });
    expect(await within(dialog).findByText('请填写退回理由')).toBeTruthy();
    fireEvent.change(reason, { target: { value: '核查意见不完整' } });
    fireEvent.keyDown(reason, { key: 'Enter' });
    await waitFor(() => expect(bodies(fetchMock, `${URL_CASE}/return-step`)).toEqual([{ taskId: TASK_2, targetNodeId: 'check', opinion: '核查意见不完整' }]));
  });

  it('容缺受理 at the window: offers only what may be tolerated, a deadline within the limit, and needs the signed promise printed and uploaded', async () => {
    const view = caseView({ situationAnswers: { reason: 'college' } });
    const material = (code: string, name: string, allowTolerance: boolean) => ({
      code, name, source: 'applicant', elicenseType: null, required: true, allowTolerance, form: 'original', count: 1, situational: false, templateFileId: null, sampleFileId: null, note: '',
    });
    const fetchMock = serve(view, {
      'POST /api/matters/JS-Z001/checklist': () => jsonResponse(200, {
        matterCode: 'JS-Z001', versionId: view.matterVersionId, versionNo: 2, sections: [], processKey: null, eligibilityRules: [], selected: [],
        materials: [material('M01', '居民户口簿', false), material('M02', '录取通知书', true)],
      }),
      [`POST ${URL_CASE}/tolerance-promise/preview`]: () => pdf(),
      'POST /api/files/': () => jsonResponse(200, { id: PROMISE_ID, fileName: '承诺书.pdf', size: 8, mime: 'application/pdf', sha256: 'a'.repeat(64), sm3: 'b'.repeat(64) }),
      [`POST ${URL_ACT}`]: () => jsonResponse(200, { ...view, status: 'tolerated', allowedActions: [] }),
    });
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('容缺受理') }));
    const dialog = await dialogTitled('容缺受理 · 320102202601050000001');
    // the deadline starts a week on (the limit is 30 days when the matter version cannot be read)
    const deadline = addDays(chinaToday(), 7);
    expect((within(dialog).getByLabelText('补交期限') as HTMLInputElement).value).toBe(deadline);
    expect(within(dialog).getByText(`申请人承诺在此日期前补交暂缺的材料；最长 30 天（至 ${addDays(chinaToday(), 30)}）`)).toBeTruthy();
    fireEvent.click(buttonIn(dialog, /确认容缺受理/));
    expect(await within(dialog).findByText('请选择暂缺的材料')).toBeTruthy();
    const checklistCall = calls(fetchMock, 'POST', '/api/matters/JS-Z001/checklist')[0];
    expect(JSON.parse(String(checklistCall[1]?.body))).toEqual({ answers: { reason: 'college' } });

    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '暂缺的材料' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    const options = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')];
      if (found.length < 1) throw new Error('options not shown');
      return found;
    });
    // 居民户口簿 may not be tolerated: not offered
    expect(options.map((o) => o.textContent)).toEqual(['录取通知书（M02）']);
    fireEvent.click(options[0]);

    // a window case without the signed promise is refused in the dialog, nothing sent
    fireEvent.click(buttonIn(dialog, /确认容缺受理/));
    expect(await within(dialog).findByText('请上传申请人签字的容缺受理承诺书')).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_ACT)).toHaveLength(0);

    // 打印承诺书: the server makes the PDF for the chosen materials and date; it opens in the page
    fireEvent.click(buttonIn(dialog, /^打印承诺书$/));
    const preview = await waitFor(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[title="容缺受理承诺书"]');
      if (!frame) throw new Error('no preview');
      return frame;
    });
    expect(preview.getAttribute('src')).toBe('blob:promise');
    const [, init] = calls(fetchMock, 'POST', `${URL_CASE}/tolerance-promise/preview`)[0];
    expect(JSON.parse(await (init?.body as Blob).text())).toEqual({ missingMaterials: ['M02'], toleranceDeadline: deadline });

    // the signed scan goes to the files centre, then with the action
    fireEvent.change(dialog.querySelector('input[type=file]')!, { target: { files: [new File(['%PDF-1.7'], '承诺书.pdf', { type: 'application/pdf' })] } });
    expect(await within(dialog).findByText('承诺书.pdf')).toBeTruthy();
    const [, upload] = calls(fetchMock, 'POST', '/api/files/')[0];
    expect((upload?.body as FormData).get('purpose')).toBe('tolerance_promise');
    fireEvent.click(buttonIn(dialog, /确认容缺受理/));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([
      { action: 'accept_tolerated', missingMaterials: ['M02'], toleranceDeadline: deadline, promiseFileId: PROMISE_ID, expectedRevision: 3 },
    ]));
  }, 60_000);

  it('shows 容缺受理 on the case: the deadline overdue, the paper promise to open, and each material supplied or awaited', async () => {
    const fetchMock = serve(caseView({
      status: 'tolerated', allowedActions: ['tolerated_completed', 'not_accept'], toleranceDeadline: '2026-01-10',
      tolerance: {
        deadline: '2026-01-10', overdue: true,
        promise: { signedAt: '2026-01-05T10:00:00+08:00', via: 'paper', fileId: PROMISE_ID },
        materials: [{ code: 'M02', name: '录取通知书', supplied: true }, { code: 'M03', name: '近期免冠照片', supplied: false }],
      },
    }), { [`GET /api/files/${PROMISE_ID}/content`]: () => pdf() });
    const card = await screen.findByLabelText('容缺受理');
    expect(within(card).getByText('2026-01-10')).toBeTruthy();
    expect(within(card).getByText('已逾期')).toBeTruthy();
    expect(within(card).getByText('书面签字')).toBeTruthy();
    expect(within(card).getByText(/2026-01-05 \d\d:00:00/)).toBeTruthy();
    expect(within(within(card).getByText('录取通知书').parentElement!).getByText('已补交')).toBeTruthy();
    expect(within(within(card).getByText('近期免冠照片').parentElement!).getByText('待补交')).toBeTruthy();

    fireEvent.click(within(card).getByText('查看承诺书'));
    await waitFor(() => expect(document.querySelector('iframe[title="容缺受理承诺书"]')).not.toBeNull());
    expect(calls(fetchMock, 'GET', `/api/files/${PROMISE_ID}/content`)).toHaveLength(1);
  });

  it('容缺材料补齐 lists the tolerated materials, shows the server’s refusal while one is missing, and sends the scan uploaded for it', async () => {
    const view = caseView({
      status: 'tolerated', allowedActions: ['tolerated_completed'], toleranceDeadline: '2099-01-10',
      tolerance: {
        deadline: '2099-01-10', overdue: false, promise: { signedAt: '2026-01-05T10:00:00+08:00', via: 'paper', fileId: PROMISE_ID },
        materials: [{ code: 'M02', name: '录取通知书', supplied: false }, { code: 'M03', name: '近期免冠照片', supplied: true }],
      },
    });
    let answered = 0;
    const fetchMock = serve(view, {
      'POST /api/files/': () => jsonResponse(200, { id: SCAN_ID, fileName: '录取通知书.pdf', size: 8, mime: 'application/pdf', sha256: 'a'.repeat(64), sm3: 'b'.repeat(64) }),
      [`POST ${URL_ACT}`]: () => (answered++ === 0
        ? jsonResponse(409, { code: 'CASE_TOLERANCE_MATERIALS_MISSING', message: '容缺材料尚未补齐：录取通知书', traceId: 't', details: { materials: [{ code: 'M02', name: '录取通知书' }] } })
        : jsonResponse(200, { ...view, status: 'accepted', allowedActions: [] })),
    });
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('容缺材料补齐') }));
    const dialog = await dialogTitled('容缺材料补齐 · 320102202601050000001');
    const list = within(dialog).getByLabelText('容缺材料');
    expect(within(within(list).getByLabelText('容缺材料：录取通知书')).getByText('待补交')).toBeTruthy();
    expect(within(within(list).getByLabelText('容缺材料：近期免冠照片')).getByText('已补交')).toBeTruthy();
    // only the missing one takes a scan
    expect(dialog.querySelectorAll('input[type=file]')).toHaveLength(1);

    fireEvent.click(buttonIn(dialog, /确认容缺材料补齐/));
    expect(await within(dialog).findByText('容缺材料尚未补齐：录取通知书')).toBeTruthy();
    expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'tolerated_completed', expectedRevision: 3 }]);

    fireEvent.change(dialog.querySelector('input[type=file]')!, { target: { files: [new File(['%PDF-1.7'], '录取通知书.pdf', { type: 'application/pdf' })] } });
    expect(await within(dialog).findByText('录取通知书.pdf')).toBeTruthy();
    fireEvent.click(buttonIn(dialog, /确认容缺材料补齐/));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT).at(-1)).toEqual({ action: 'tolerated_completed', materials: [{ materialCode: 'M02', fileId: SCAN_ID }], expectedRevision: 3 }));
  });

  it('申请表: the node’s editable field can be corrected, the rest stay read-only, and the change goes with 受理', async () => {
    const FORM_ID = '99999999-9999-4999-8999-999999999999';
    const definition = {
      key: 'move_in', title: '户口迁入申请表',
      sections: [{ key: 'main', title: '申请人', fields: [
        { key: 'name', label: '姓名', type: 'text', required: true },
        { key: 'school', label: '录取院校', type: 'text', required: true },
      ] }],
    };
    const view = caseView({
      workflowInstanceId: INSTANCE_ID, formKey: 'move_in', formVersionId: FORM_ID, formData: { name: '张三', school: '南京大学' },
      openTasks: [{ id: TASK_1, nodeId: 'accept', nodeName: '窗口受理', assigneeId: null, dueDate: null, formAccess: { '*': 'readonly', school: 'edit' } }],
    });
    const fetchMock = serve(view, {
      [`GET /api/forms/versions/${FORM_ID}`]: () => jsonResponse(200, { id: FORM_ID, key: 'move_in', version: 2, title: '户口迁入申请表', status: 'published', definition }),
      [`POST ${URL_ACT}`]: () => jsonResponse(200, view),
    });
    fireEvent.click(await screen.findByRole('tab', { name: '申请表' }));
    expect(await screen.findByText('当前环节「窗口受理」可修改申请表中未置灰的字段')).toBeTruthy();
    const school = await screen.findByLabelText('录取院校');
    // 姓名 is read-only at this node; 录取院校 may be typed into
    expect((screen.getByLabelText('姓名') as HTMLInputElement).readOnly).toBe(true);
    expect((school as HTMLInputElement).readOnly).toBe(false);

    // a blank required field is caught in the browser before anything is sent
    fireEvent.change(school, { target: { value: '' } });
    fireEvent.click(screen.getByRole('tab', { name: /办理$/ }));
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('受理') }));
    let dialog = await dialogTitled('受理 · 320102202601050000001');
    expect(within(dialog).getByText('申请表的修改将随本次办理一并提交')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /确认受理/ }));
    expect(await within(dialog).findByText(/申请表的修改有误/)).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_ACT)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: /取\s*消/ }));

    fireEvent.click(screen.getByRole('tab', { name: /申请表/ }));
    fireEvent.change(await screen.findByLabelText('录取院校'), { target: { value: '东南大学' } });
    expect(await screen.findByRole('tab', { name: '申请表（已修改）' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /办理$/ }));
    fireEvent.click(within(await toolbar()).getByRole('button', { name: label('受理') }));
    dialog = await dialogTitled('受理 · 320102202601050000001');
    fireEvent.click(within(dialog).getByRole('button', { name: /确认受理/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([
      { action: 'accept', taskId: TASK_1, expectedRevision: 3, formData: { name: '张三', school: '东南大学' } },
    ]));
  });

  it('links to the process monitor for officers who may monitor it', async () => {
    serve(caseView({ workflowInstanceId: INSTANCE_ID }), {}, ['case:case:view', 'case:case:handle', 'workflow:instance:monitor']);
    const link = await screen.findByRole('link', { name: /流程监控/ });
    expect(link.getAttribute('href')).toBe(`/handling/monitor/${INSTANCE_ID}`);
  });
});
