import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { CitizenCaseView } from '@jsga/contracts';
import { setCitizenToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, serve } from '../../test-utils';
import { MyCaseDetailPage } from './MyCaseDetailPage';

const WAIT = { timeout: 15_000 };
const ID = '88888888-8888-4888-8888-888888888888';

const view = (over: Partial<CitizenCaseView> = {}): CitizenCaseView => ({
  id: ID, caseNo: '32010220261129000001', matterCode: 'JS-J007', matterName: '驾驶证补证、换证', status: 'concluded', result: 'disapproved',
  orgName: '新街口派出所', channel: 'online', submittedAt: '2026-11-29T06:00:00+08:00', concludedAt: '2026-11-29T08:00:00+08:00', todo: 'evaluate',
  applicantName: '张明远', applicantIdNoMasked: '320102********0034', situationAnswers: {}, formVersionId: null, formSections: [], formData: {},
  steps: [
    { action: 'submit', label: '申报', status: 'submitted', orgName: null, note: '', at: '2026-11-29T06:00:00+08:00' },
    { action: 'conclude', label: '办结', status: 'concluded', orgName: '南京市公安局玄武区分局', note: '驾驶证处于扣押状态，不予补证', at: '2026-11-29T08:00:00+08:00' },
  ],
  materials: [{ materialCode: 'ID_CARD', name: '居民身份证', status: 'provided', source: 'elicense', licenceId: 'x', at: '2026-11-29T06:00:00+08:00', fileId: null, fileName: null }],
  supplementRequest: null, refusalReason: '驾驶证处于扣押状态，不予补证', slaDeadline: null, delivery: null, resultDocument: null, tolerance: null, ...over,
});

/** A case accepted with a material missing (容缺受理), still waiting for it. */
const tolerated = (over: Partial<CitizenCaseView>) => view({ status: 'tolerated', result: null, refusalReason: null, concludedAt: null, ...over });

function renderPage() {
  return render(
    <AppHarness path={`/portal/my/cases/${ID}`}>
      <Route path="/portal/my/cases/:id" element={<MyCaseDetailPage />} />
    </AppHarness>,
  );
}

beforeEach(() => {
  localStorage.clear();
  setCitizenToken('citizen-tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MyCaseDetailPage (我的办件详情)', () => {
  it('shows a refusal with its reason, and asks for a reason before accepting a poor rating', async () => {
    let evaluated = false;
    const fetchMock = serve((url, init) => {
      if (url.pathname === `/api/citizen/cases/${ID}`) return jsonResponse(200, view());
      if (url.pathname === `/api/citizen/cases/${ID}/evaluation` && init?.method === 'POST') {
        evaluated = true;
        return jsonResponse(200, { id: ID, caseId: ID, caseNo: 'x', matterName: 'x', orgName: null, level: 2, tags: [], comment: '等了很久', createdAt: '2026-11-29T09:00:00+08:00' });
      }
      if (url.pathname === `/api/citizen/cases/${ID}/evaluation`) {
        return jsonResponse(200, { evaluation: evaluated ? { id: ID, caseId: ID, caseNo: 'x', matterName: 'x', orgName: null, level: 2, tags: [], comment: '等了很久', createdAt: '2026-11-29T09:00:00+08:00' } : null });
      }
      return undefined;
    });
    renderPage();
    expect(await screen.findByText('理由：驾驶证处于扣押状态，不予补证', undefined, WAIT)).toBeTruthy();
    expect(screen.getByTestId('case-status').textContent).toBe('不予许可');

    // two stars without a reason is refused on the page, nothing sent
    fireEvent.click((await screen.findAllByRole('radio'))[1]);
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('差评请写明原因，便于我们整改')).toBeTruthy();
    expect(callsTo(fetchMock, `/api/citizen/cases/${ID}/evaluation`).filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('评价内容'), { target: { value: '等了很久' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(callsTo(fetchMock, `/api/citizen/cases/${ID}/evaluation`).find((c) => c.method === 'POST')?.body).toMatchObject({ level: 2, comment: '等了很久' }), WAIT);
    expect(await screen.findByText('感谢您的评价！', undefined, WAIT)).toBeTruthy();
  });

  it('offers the 补件 the station asked for and shows the server\'s refusal next to it', async () => {
    const fetchMock = serve((url, init) => {
      if (url.pathname === `/api/citizen/cases/${ID}`) {
        return jsonResponse(200, view({ status: 'supplement', result: null, todo: 'supplement', refusalReason: null, concludedAt: null,
          supplementRequest: { reason: '请上传驾驶证遗失声明', materials: [{ code: 'LOSS_STATEMENT', name: '驾驶证遗失声明' }], at: '2026-11-29T07:00:00+08:00' } }));
      }
      if (url.pathname === '/api/citizen/licences') return jsonResponse(200, { items: [] });
      if (url.pathname === '/api/citizen/files/') return jsonResponse(200, { id: '99999999-9999-4999-8999-999999999999', fileName: '声明.pdf', size: 10 });
      if (url.pathname === `/api/citizen/cases/${ID}/supplement` && init?.method === 'POST') return error(400, 'CASE_SUPPLEMENT_INCOMPLETE', '还有需补正的材料未提交：驾驶证遗失声明');
      return undefined;
    });
    renderPage();
    expect(await screen.findByText('补正原因：请上传驾驶证遗失声明', undefined, WAIT)).toBeTruthy();
    expect((screen.getByRole('button', { name: '提交补正材料' }) as HTMLButtonElement).disabled).toBe(true);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.7'], '声明.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('声明.pdf', undefined, WAIT)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交补正材料' }));
    expect(await screen.findByText('还有需补正的材料未提交：驾驶证遗失声明', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, `/api/citizen/cases/${ID}/supplement`)[0].body).toEqual({ materials: [{ materialCode: 'LOSS_STATEMENT', fileId: '99999999-9999-4999-8999-999999999999' }], note: '' });
  });

  it('容缺受理: the applicant reads the promise, ticks 我已阅读并承诺, signs it online, and is then asked for the material', async () => {
    const promised: CitizenCaseView['tolerance'] = { deadline: '2026-12-06', overdue: false, promise: null, materials: [{ code: 'LOSS_STATEMENT', name: '驾驶证遗失声明', supplied: false }] };
    const waiting = tolerated({ todo: 'sign_promise', tolerance: promised });
    const signed = tolerated({ todo: 'supply_tolerated', tolerance: { ...promised, promise: { signedAt: '2026-11-29T09:00:00+08:00', via: 'online', fileId: null } } });
    const fetchMock = serve((url, init) => {
      if (url.pathname === `/api/citizen/cases/${ID}`) return jsonResponse(200, waiting);
      if (url.pathname === `/api/citizen/cases/${ID}/tolerance-promise` && init?.method === 'POST') return jsonResponse(200, signed);
      if (url.pathname === '/api/citizen/licences') return jsonResponse(200, { items: [] });
      return undefined;
    });
    renderPage();
    const promise = await screen.findByLabelText('承诺内容', undefined, WAIT);
    expect(promise.textContent).toContain('本人张明远（证件号码：320102********0034）申请办理驾驶证补证、换证（办件编号：32010220261129000001）');
    expect(promise.textContent).toContain('郑重承诺在2026年12月6日前补交下列材料；逾期未补交的，同意按申请材料不全处理');
    expect(promise.textContent).toContain('1. 驾驶证遗失声明（2026年12月6日前补交）');
    const sign = screen.getByRole('button', { name: '签署承诺' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('我已阅读并承诺'));
    expect(sign.disabled).toBe(false);
    fireEvent.click(sign);
    expect(await screen.findByText('已签署容缺受理承诺书，请按期补交材料', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, `/api/citizen/cases/${ID}/tolerance-promise`)).toMatchObject([{ method: 'POST', body: { agree: true } }]);
    // signed: the upload of the missing material takes its place, and the promise shows as signed online
    expect(await screen.findByText('请于 2026年12月6日 前补交下列材料', undefined, WAIT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '签署承诺' })).toBeNull();
    expect(screen.getByText(/^已于 .* 在线签署$/)).toBeTruthy();
  });

  it('容缺受理: past the deadline, shows it in red and sends the missing material uploaded', async () => {
    const FILE = '99999999-9999-4999-8999-999999999998';
    const tolerance: CitizenCaseView['tolerance'] = {
      deadline: '2026-11-20', overdue: true, promise: { signedAt: '2026-11-13T09:00:00+08:00', via: 'paper', fileId: null },
      materials: [{ code: 'LOSS_STATEMENT', name: '驾驶证遗失声明', supplied: false }, { code: 'PHOTO', name: '照片', supplied: true }],
    };
    const fetchMock = serve((url, init) => {
      if (url.pathname === `/api/citizen/cases/${ID}`) return jsonResponse(200, tolerated({ todo: 'supply_tolerated', tolerance }));
      if (url.pathname === '/api/citizen/licences') return jsonResponse(200, { items: [] });
      if (url.pathname === '/api/citizen/files/') return jsonResponse(200, { id: FILE, fileName: '遗失声明.pdf', size: 10 });
      if (url.pathname === `/api/citizen/cases/${ID}/supplement` && init?.method === 'POST') {
        return jsonResponse(200, tolerated({ todo: null, tolerance: { ...tolerance, materials: tolerance.materials.map((m) => ({ ...m, supplied: true })) } }));
      }
      return undefined;
    });
    renderPage();
    expect(await screen.findByText('已超过补交期限（2026年11月20日），请尽快补交', undefined, WAIT)).toBeTruthy();
    expect(screen.getByText('2026-11-20').className).toContain('danger');
    expect(screen.getAllByText('已逾期').length).toBeGreaterThan(0);
    // only the material still missing is asked for
    expect(screen.getByLabelText('材料：驾驶证遗失声明')).toBeTruthy();
    expect(screen.queryByLabelText('材料：照片')).toBeNull();
    const submit = screen.getByRole('button', { name: '提交容缺材料' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(document.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [new File(['%PDF-1.7'], '遗失声明.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('遗失声明.pdf', undefined, WAIT)).toBeTruthy();
    fireEvent.click(submit);
    expect(await screen.findByText('容缺材料已提交，请等待受理单位确认', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, `/api/citizen/cases/${ID}/supplement`)[0].body).toEqual({ materials: [{ materialCode: 'LOSS_STATEMENT', fileId: FILE }], note: '' });
    await waitFor(() => expect(screen.queryByRole('button', { name: '提交容缺材料' })).toBeNull(), WAIT);
  });

  it('refuses a file over 20 MB before uploading it', async () => {
    const fetchMock = serve((url) => {
      if (url.pathname === `/api/citizen/cases/${ID}`) {
        return jsonResponse(200, view({ status: 'supplement', result: null, todo: 'supplement', refusalReason: null,
          supplementRequest: { reason: '补交', materials: [{ code: 'LOSS_STATEMENT', name: '驾驶证遗失声明' }], at: '2026-11-29T07:00:00+08:00' } }));
      }
      if (url.pathname === '/api/citizen/licences') return jsonResponse(200, { items: [] });
      return undefined;
    });
    renderPage();
    await screen.findByText('补正原因：补交', undefined, WAIT);
    const big = new File(['x'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    fireEvent.change(document.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [big] } });
    expect(await screen.findByText('文件超过 20 MB，请压缩后再上传', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, '/api/citizen/files/')).toHaveLength(0);
  });
});
