import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { CaseView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, jsonResponse, sampleMe, serve } from '../../test-utils';
import { chinaToday } from '../form';
import { CaseDetailPage } from './CaseDetailPage';
import { addDays } from './components/case-actions';
import { deliveryBody } from './components/DeliveryDialog';
import { CASE_ID, caseView, TASK_1, TASK_2 } from './test-fixtures';

type Handler = (init: RequestInit | undefined) => Response;
const URL_CASE = `/api/admin/case/cases/${CASE_ID}`;
const URL_ACT = `${URL_CASE}/actions`;
const URL_DELIVERY = `${URL_CASE}/delivery`;
const VERSION_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1';
const LICENCE_ID = '77777777-7777-4777-8777-777777777777';
const HANDLER = ['case:case:view', 'case:case:handle'];

const material = (code: string, name: string, over: { required?: boolean; allowTolerance?: boolean } = {}) => ({
  code, name, source: 'applicant', elicenseType: null, required: over.required ?? true, allowTolerance: over.allowTolerance ?? false, form: 'original', count: 1,
  situational: false, templateFileId: null, sampleFileId: null, note: '',
});
const materials = [material('M01', '居民户口簿'), material('M02', '录取通知书', { allowTolerance: true }), material('M03', '近期免冠照片', { required: false, allowTolerance: true })];
const checklist = { matterCode: 'JS-Z001', versionId: VERSION_ID, versionNo: 2, formKeys: [], sections: [], processKey: null, eligibilityRules: [], selected: [], materials };

/** An online application waiting for pre-review. */
const online = (over: Partial<CaseView> = {}) => caseView({ channel: 'online', ...over });

function renderCase(view: CaseView, over: Record<string, Handler> = {}, permissions = HANDLER) {
  const me: MeView = { ...sampleMe, permissions };
  const fetchMock = serve((url, init) => {
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    if (over[key]) return over[key](init);
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    if (key === `GET ${URL_CASE}`) return jsonResponse(200, view);
    if (key === 'POST /api/matters/JS-Z001/checklist') return jsonResponse(200, checklist);
    return undefined;
  });
  render(
    <AppHarness path={`/handling/cases/${CASE_ID}`}>
      <Route path="/handling/cases/:id" element={<CaseDetailPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const calls = (fetchMock: ReturnType<typeof serve>, method: string, path: string) => callsTo(fetchMock, path).filter((c) => c.method === method);
const bodies = (fetchMock: ReturnType<typeof serve>, path: string) => calls(fetchMock, 'POST', path).map((c) => c.body);
const buttonNames = (el: HTMLElement) => within(el).getAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''));
const preReviewBar = () => screen.findByRole('toolbar', { name: '预审操作' }, WAIT);
/** antd spaces out two-character button labels outside the app's ConfigProvider. */
const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);
const dialogTitled = (title: string) =>
  waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.startsWith(title));
    if (!d) throw new Error(`no dialog titled ${title}`);
    return d;
  }, WAIT);
const WAIT = { timeout: 15_000 };

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('网上预审 on the case page', () => {
  it('gives online applications the pre-review actions the case allows, and leaves the others in the usual toolbar', async () => {
    renderCase(online());
    expect(buttonNames(await preReviewBar())).toEqual(['预审通过', '补件', '容缺收件', '退件']);
    expect(buttonNames(screen.getByRole('toolbar', { name: '办理操作' }))).toEqual(['开始预审', '不予受理', '撤件']);
  });

  it('offers only what is allowed: a case waiting for the supplement may only be returned, and shows what was asked for', async () => {
    renderCase(online({
      status: 'supplement', allowedActions: ['supplement_received', 'return', 'withdraw'],
      supplementRequest: { reason: '户口簿首页复印件不清晰', materials: [{ code: 'M01', name: '居民户口簿' }], at: '2026-01-06T10:00:00+08:00' },
    }));
    expect(buttonNames(await preReviewBar())).toEqual(['退件']);
    const alert = await screen.findByRole('status', { name: '补件告知' });
    expect(within(alert).getByText(/^已于 2026-01-06 \d\d:\d\d:\d\d 一次性告知补件，等待申请人补正$/)).toBeTruthy();
    expect(within(alert).getByText('居民户口簿')).toBeTruthy();
    expect(within(alert).getByText('户口簿首页复印件不清晰')).toBeTruthy();
  });

  it('window cases and officers who may only view get no pre-review area', async () => {
    renderCase(caseView({ channel: 'window', supplementRequest: null }));
    expect(await screen.findByRole('toolbar', { name: '办理操作' }, WAIT)).toBeTruthy();
    expect(screen.queryByRole('toolbar', { name: '预审操作' })).toBeNull();
    cleanup();
    renderCase(online(), {}, ['case:case:view']);
    expect(await screen.findByText('当前岗位只有查询权限，不能办理办件', undefined, WAIT)).toBeTruthy();
    expect(screen.queryByRole('toolbar', { name: '预审操作' })).toBeNull();
  });

  it('补件: none ticked at first, refuses an empty reason, then sends the ticked materials and the reason', async () => {
    const fetchMock = renderCase(online(), { [`POST ${URL_ACT}`]: () => jsonResponse(200, online({ status: 'supplement', allowedActions: [] })) });
    fireEvent.click(within(await preReviewBar()).getByRole('button', { name: label('补件') }));
    const dialog = await dialogTitled('补件 · 320102202601050000001');
    const group = await within(dialog).findByRole('group', { name: '需补正的材料' }, WAIT);
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes).toHaveLength(3);
    expect(boxes.every((b) => !b.checked)).toBe(true);
    // the case already holds 居民户口簿
    expect(within(boxes[0].closest('label')!).getByText('已提交')).toBeTruthy();

    fireEvent.click(within(dialog).getByLabelText(/录取通知书/));
    fireEvent.click(within(dialog).getByLabelText(/近期免冠照片/));
    fireEvent.click(within(dialog).getByRole('button', { name: /确认补件/ }));
    expect(await within(dialog).findByText('请填写补件原因')).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_ACT)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('补件原因'), { target: { value: '录取通知书缺少盖章页' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认补件/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([
      { action: 'request_supplement', opinion: '录取通知书缺少盖章页', supplementMaterials: ['M02', 'M03'], expectedRevision: 3 },
    ]), WAIT);
  });

  it('补件 lists the exact matter version for officers who may read the matter configuration', async () => {
    const version = { id: VERSION_ID, versionNo: 2, config: { materials: [material('V01', '身份证明'), material('V02', '申请表')] } };
    const fetchMock = renderCase(online(), { [`GET /api/admin/matter/versions/${VERSION_ID}`]: () => jsonResponse(200, version) }, [...HANDLER, 'matter:catalogue:view']);
    fireEvent.click(within(await preReviewBar()).getByRole('button', { name: label('补件') }));
    const dialog = await dialogTitled('补件 · 320102202601050000001');
    const group = await within(dialog).findByRole('group', { name: '需补正的材料' }, WAIT);
    // the version's materials, then the case's own material the version does not list
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(3), WAIT);
    expect(within(group).getByText('身份证明')).toBeTruthy();
    expect(within(group).getByText('居民户口簿')).toBeTruthy();
    expect(calls(fetchMock, 'POST', '/api/matters/JS-Z001/checklist')).toHaveLength(0);
  });

  it('容缺收件 lists only the materials that may be tolerated, leaves the promise to the applicant, and keeps the deadline within the limit the server names', async () => {
    let answered = 0;
    const fetchMock = renderCase(online(), {
      [`POST ${URL_ACT}`]: () => (answered++ === 0
        ? jsonResponse(400, { code: 'CASE_TOLERANCE_DEADLINE_INVALID', message: `补交期限须晚于今天，且不超过 5 天（${addDays(chinaToday(), 5)} 前）`, traceId: 't', details: { field: 'toleranceDeadline', limitDays: 5 } })
        : jsonResponse(200, online({ status: 'tolerated', allowedActions: [] }))),
    });
    fireEvent.click(within(await preReviewBar()).getByRole('button', { name: /容缺收件/ }));
    const dialog = await dialogTitled('容缺收件 · 320102202601050000001');
    // online: no paper promise to upload; the applicant signs online
    expect(within(dialog).getByText('网上申报的办件由申请人登录后在线签署容缺受理承诺书，无需上传纸质承诺书')).toBeTruthy();
    expect(dialog.querySelector('input[type=file]')).toBeNull();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '暂缺的材料' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    const options = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')];
      if (found.length < 2) throw new Error('options not shown');
      return found;
    }, WAIT);
    expect(options.map((o) => o.textContent)).toEqual(['录取通知书（M02）', '近期免冠照片（M03）']);
    fireEvent.click(options[0]);
    fireEvent.click(within(dialog).getByRole('button', { name: /确认容缺收件/ }));
    const week = addDays(chinaToday(), 7);
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'accept_tolerated', missingMaterials: ['M02'], toleranceDeadline: week, expectedRevision: 3 }]), WAIT);

    // the matter allows 5 days only: the refusal stands under the date, which comes back within the limit
    expect(await within(dialog).findByText(`补交期限须晚于今天，且不超过 5 天（${addDays(chinaToday(), 5)} 前）`, undefined, WAIT)).toBeTruthy();
    await waitFor(() => expect((within(dialog).getByLabelText('补交期限') as HTMLInputElement).value).toBe(addDays(chinaToday(), 5)), WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: /确认容缺收件/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT).at(-1)).toEqual({ action: 'accept_tolerated', missingMaterials: ['M02'], toleranceDeadline: addDays(chinaToday(), 5), expectedRevision: 3 }), WAIT);
  }, 60_000);

  it('预审通过 completes the open 受理 task', async () => {
    const view = online({
      workflowInstanceId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
      openTasks: [
        { id: TASK_2, nodeId: 'check', nodeName: '材料核查', assigneeId: null, dueDate: null, formAccess: null },
        { id: TASK_1, nodeId: 'accept', nodeName: '网上受理', assigneeId: null, dueDate: null, formAccess: null },
      ],
    });
    const fetchMock = renderCase(view, { [`POST ${URL_ACT}`]: () => jsonResponse(200, { ...view, status: 'accepted', allowedActions: [] }) });
    fireEvent.click(within(await preReviewBar()).getByRole('button', { name: /预审通过/ }));
    const dialog = await dialogTitled('预审通过 · 320102202601050000001');
    fireEvent.change(within(dialog).getByLabelText('受理意见（可选）'), { target: { value: '材料齐全' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认预审通过/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'accept', opinion: '材料齐全', taskId: TASK_1, expectedRevision: 3 }]), WAIT);
  });

  it('退件 needs a reason', async () => {
    const fetchMock = renderCase(online(), { [`POST ${URL_ACT}`]: () => jsonResponse(200, online({ status: 'returned', allowedActions: [] })) });
    fireEvent.click(within(await preReviewBar()).getByRole('button', { name: label('退件') }));
    const dialog = await dialogTitled('退件 · 320102202601050000001');
    fireEvent.click(within(dialog).getByRole('button', { name: /确认退件/ }));
    expect(await within(dialog).findByText('请填写退件理由')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('退件理由'), { target: { value: '非本辖区户籍' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认退件/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_ACT)).toEqual([{ action: 'return', opinion: '非本辖区户籍', expectedRevision: 3 }]), WAIT);
  });

  it('shows an e-licence given in place of a file as 电子证照 with the licence id shortened', async () => {
    renderCase(online({
      materials: [{ id: 'ffffffff-ffff-4fff-8fff-fffffffffff2', materialCode: 'M01', name: '居民户口簿', fileId: null, sha256: null, sm3: null, status: 'provided', at: '2026-01-05T09:00:00+08:00', source: 'elicense', licenceId: LICENCE_ID }],
    }));
    fireEvent.click(await screen.findByRole('tab', { name: /材料/ }, WAIT));
    expect(await screen.findByText('电子证照')).toBeTruthy();
    expect(screen.getByText('77777777…')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /下载/ })).toBeNull();
  });
});

describe('变更送达方式', () => {
  const post = { method: 'post' as const, recipient: '李四', phoneMasked: '138****5678', address: '南京市玄武区中山路1号' };

  it('shows the delivery and changes 邮寄 to 窗口领取 with the reason', async () => {
    const view = online({ delivery: post });
    const fetchMock = renderCase(view, { [`POST ${URL_DELIVERY}`]: () => jsonResponse(200, { ...view, delivery: { method: 'window', recipient: null, phoneMasked: null, address: null } }) });
    expect(await screen.findByText('邮寄送达', undefined, WAIT)).toBeTruthy();
    expect(screen.getByText('李四，138****5678，南京市玄武区中山路1号')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /变更送达方式/ }));
    const dialog = await dialogTitled('变更送达方式 · 320102202601050000001');
    expect((within(dialog).getByLabelText('窗口领取') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: /确认变更/ }));
    expect(await within(dialog).findByText('请填写变更原因')).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_DELIVERY)).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('变更原因'), { target: { value: '申请人改为到窗口自取' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认变更/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_DELIVERY)).toEqual([{ method: 'window', reason: '申请人改为到窗口自取' }]), WAIT);
    expect(await screen.findByText('窗口领取', { selector: '.ant-tag' }, WAIT)).toBeTruthy();
  });

  it('changes 窗口领取 to 邮寄 with the checked mail fields', async () => {
    const view = online({ delivery: { method: 'window', recipient: null, phoneMasked: null, address: null } });
    const fetchMock = renderCase(view, { [`POST ${URL_DELIVERY}`]: () => jsonResponse(200, { ...view, delivery: post }) });
    fireEvent.click(await screen.findByRole('button', { name: /变更送达方式/ }, WAIT));
    const dialog = await dialogTitled('变更送达方式 · 320102202601050000001');
    expect((within(dialog).getByLabelText('邮寄送达') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('收件人'), { target: { value: ' 李四 ' } });
    fireEvent.change(within(dialog).getByLabelText('收件人电话'), { target: { value: '1381234' } });
    fireEvent.change(within(dialog).getByLabelText('详细地址'), { target: { value: '南京市玄武区中山路1号' } });
    fireEvent.change(within(dialog).getByLabelText('变更原因'), { target: { value: '申请人要求邮寄' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认变更/ }));
    expect(await within(dialog).findByText('手机号码应为11位数字')).toBeTruthy();
    expect(calls(fetchMock, 'POST', URL_DELIVERY)).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('收件人电话'), { target: { value: '13812345678' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认变更/ }));
    await waitFor(() => expect(bodies(fetchMock, URL_DELIVERY)).toEqual([
      { method: 'post', mailRecipient: '李四', mailPhone: '13812345678', mailAddress: '南京市玄武区中山路1号', reason: '申请人要求邮寄' },
    ]), WAIT);
  });

  it('sends the most specific region chosen, and no mail fields for 窗口领取', () => {
    expect(deliveryBody({ method: 'post', mailRecipient: '李四', mailPhone: '13812345678', mailRegion: ['320000', '320100', '320102'], mailAddress: '中山路1号101室', reason: ' 邮寄 ' }))
      .toEqual({ method: 'post', mailRecipient: '李四', mailPhone: '13812345678', mailRegion: '320102', mailAddress: '中山路1号101室', reason: '邮寄' });
    expect(deliveryBody({ method: 'window', mailRecipient: '李四', reason: '自取' })).toEqual({ method: 'window', reason: '自取' });
  });

  it('is not offered for a finished case or one without a delivery', async () => {
    renderCase(online({ status: 'concluded', allowedActions: [], delivery: post }));
    expect(await screen.findByText('邮寄送达', undefined, WAIT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /变更送达方式/ })).toBeNull();
    cleanup();
    renderCase(online());
    expect(await preReviewBar()).toBeTruthy();
    expect(screen.queryByText('结果送达')).toBeNull();
  });
});
