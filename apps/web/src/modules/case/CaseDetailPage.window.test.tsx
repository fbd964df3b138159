import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { CaseView, LicenceCandidatesView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, sampleMe, serve, type Handler } from '../../test-utils';
import { CaseDetailPage } from './CaseDetailPage';
import { CASE_ID, caseView, FILE_ID } from './test-fixtures';

// The window's tools on the case page: 打印申请表 and 证照服务.
const WAIT = { timeout: 15_000 };
const URL_CASE = `/api/admin/case/cases/${CASE_ID}`;
const URL_PDF = `${URL_CASE}/application-form.pdf`;
const URL_CANDIDATES = `${URL_CASE}/licence-candidates`;
const HUKOU = 'ffffffff-ffff-4fff-8fff-fffffffffff1';
const ID_CARD = 'ffffffff-ffff-4fff-8fff-fffffffffff2';
const LICENCE_OLD = '77777777-7777-4777-8777-777777777771';
const LICENCE_NEW = '77777777-7777-4777-8777-777777777772';
const URL_USE = `${URL_CASE}/materials/${ID_CARD}/licence`;
const TOKEN = 'officer-token-000000000000';

const withIdCard = (over: Partial<CaseView> = {}) => {
  const base = caseView();
  return caseView({
    materials: [
      ...base.materials,
      { id: ID_CARD, materialCode: 'ID_CARD', name: '居民身份证', fileId: FILE_ID, sha256: 'c'.repeat(64), sm3: 'd'.repeat(64), status: 'provided', at: '2026-01-05T09:00:00+08:00', source: 'upload', licenceId: null },
    ],
    ...over,
  });
};

const candidates: LicenceCandidatesView = {
  items: [
    {
      materialId: ID_CARD, materialCode: 'ID_CARD', materialName: '居民身份证', status: 'provided', typeCode: 'resident_id_card',
      licences: [
        { id: LICENCE_OLD, typeName: '居民身份证', licenceNo: '320102********0034', holderName: '李四', issuerName: '南京市公安局玄武分局', validTo: '2028-03-10' },
        { id: LICENCE_NEW, typeName: '居民身份证', licenceNo: '320102********0035', holderName: '李四', issuerName: '南京市公安局鼓楼分局', validTo: null },
      ],
    },
    { materialId: HUKOU, materialCode: 'M01', materialName: '居民户口簿', status: 'provided', typeCode: 'household_register', licences: [] },
  ],
};

function renderPage(view: CaseView, handler: Handler = () => undefined, permissions = ['case:case:view', 'case:case:handle']) {
  const me: MeView = { ...sampleMe, permissions };
  let current = view;
  const fetchMock = serve(async (url, init, body) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    const answer = await handler(url, init, body);
    if (answer) {
      // what the server answers with a case becomes the case it serves from then on
      if (answer.ok && answer.headers.get('Content-Type')?.includes('json') && url.pathname.startsWith(`${URL_CASE}/materials/`)) current = (await answer.clone().json()) as CaseView;
      return answer;
    }
    if (url.pathname === URL_CASE) return jsonResponse(200, current);
    return undefined;
  });
  render(
    <AppHarness path={`/handling/cases/${CASE_ID}`}>
      <Route path="/handling/cases/:id" element={<CaseDetailPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

/** In jsdom antd gives every dialog the same aria-labelledby id, so dialogs are found by their title text. */
const dialogTitled = (title: string) =>
  waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.startsWith(title));
    if (!d) throw new Error(`no dialog titled ${title}`);
    return d;
  }, WAIT);

const openLicenceService = async () => {
  fireEvent.click(await screen.findByRole('tab', { name: /材料/ }, WAIT));
  fireEvent.click(await screen.findByRole('button', { name: /证照服务/ }, WAIT));
  return dialogTitled('证照服务 · 320102202601050000001');
};

// jsdom has no object URLs: the PDF preview gets a fixed one
const objectUrls = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
beforeEach(() => {
  localStorage.clear();
  setToken(TOKEN);
  objectUrls.createObjectURL = () => 'blob:application-form';
  objectUrls.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete objectUrls.createObjectURL;
  delete objectUrls.revokeObjectURL;
});

describe('打印文书', () => {
  it('offers the documents the matter binds and shows the chosen one, fetched with the officer\'s token', async () => {
    const fetchMock = renderPage(caseView(), (url) => {
      if (url.pathname === `${URL_CASE}/documents`) return jsonResponse(200, { items: [{ key: 'hukou_migration_approval_form', title: '户口迁移审批表' }, { key: 'hukou_migration_admission_certificate', title: '准予迁入证明' }] });
      if (url.pathname === `${URL_CASE}/documents/hukou_migration_admission_certificate`) return new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf' } });
      return undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: /打印文书/ }, WAIT));
    fireEvent.click(await screen.findByText('准予迁入证明', undefined, WAIT));
    await waitFor(() => expect(document.querySelector('iframe[title="准予迁入证明"]')).not.toBeNull(), WAIT);
    expect(callsTo(fetchMock, `${URL_CASE}/documents/hukou_migration_admission_certificate`)).toEqual([{ method: 'GET', body: undefined, auth: `Bearer ${TOKEN}` }]);
    expect(screen.getByRole('link', { name: '下载' }).getAttribute('download')).toBe('准予迁入证明-320102202601050000001.pdf');
  });

  it('is not shown for a matter without bound documents', async () => {
    renderPage(caseView(), (url) => (url.pathname === `${URL_CASE}/documents` ? jsonResponse(200, { items: [] }) : undefined));
    await screen.findByRole('button', { name: /打印申请表/ }, WAIT);
    expect(screen.queryByRole('button', { name: /打印文书/ })).toBeNull();
  });
});

describe('打印申请表', () => {
  it('fetches the PDF with the officer\'s token and shows it in the page to print', async () => {
    const fetchMock = renderPage(caseView(), (url) =>
      url.pathname === URL_PDF ? new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf' } }) : undefined);
    fireEvent.click(await screen.findByRole('button', { name: /打印申请表/ }, WAIT));
    const frame = await waitFor(() => {
      const f = document.querySelector<HTMLIFrameElement>('iframe[title="申请表"]');
      if (!f) throw new Error('no preview');
      return f;
    }, WAIT);
    expect(frame.getAttribute('src')).toBe('blob:application-form');
    expect(callsTo(fetchMock, URL_PDF)).toEqual([{ method: 'GET', body: undefined, auth: `Bearer ${TOKEN}` }]);
    const download = screen.getByRole('link', { name: '下载' });
    expect(download.getAttribute('download')).toBe('申请表-320102202601050000001.pdf');
  });

  it('says in Chinese why there is no PDF', async () => {
    renderPage(caseView(), (url) => (url.pathname === URL_PDF ? error(409, 'CASE_ACTION_NOT_ALLOWED', '办件当前状态不允许该操作') : undefined));
    fireEvent.click(await screen.findByRole('button', { name: /打印申请表/ }, WAIT));
    expect(await screen.findByText('办件当前状态不允许该操作', undefined, WAIT)).toBeTruthy();
    expect(document.querySelector('iframe[title="申请表"]')).toBeNull();
  });

  it('is not offered, nor 证照服务, to an officer who may only view cases', async () => {
    renderPage(withIdCard(), () => undefined, ['case:case:view']);
    expect(await screen.findByText('当前岗位只有查询权限，不能办理办件', undefined, WAIT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /打印申请表/ })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: /材料/ }));
    expect(await screen.findByText('居民身份证', undefined, WAIT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /证照服务/ })).toBeNull();
  });
});

describe('证照服务', () => {
  it('lists the candidates, puts the chosen licence in place of the uploaded file, and shows it as 电子证照', async () => {
    let left = candidates;
    const fetchMock = renderPage(withIdCard(), (url, init) => {
      if (url.pathname === URL_CANDIDATES) return jsonResponse(200, left);
      if (url.pathname === URL_USE && init?.method === 'POST') {
        left = { items: candidates.items.filter((i) => i.materialId !== ID_CARD) };
        const before = withIdCard();
        return jsonResponse(200, withIdCard({
          revision: 4,
          materials: before.materials.map((m) => (m.id === ID_CARD ? { ...m, source: 'elicense' as const, licenceId: LICENCE_NEW, fileId: null, sha256: null, sm3: null } : m)),
          history: [...before.history, { seq: 2, action: 'licence_service', fromStatus: 'submitted', toStatus: 'submitted', userName: '张受理', orgName: '新街口派出所', opinion: '“居民身份证”以电子证照替代', at: '2026-01-05T10:00:00+08:00' }],
        }));
      }
      return undefined;
    });
    const dialog = await openLicenceService();

    // one row per material, with what it holds now and the applicant's licences of its type
    const idCard = await within(dialog).findByRole('region', { name: '居民身份证' }, WAIT);
    expect(within(idCard).getByText('现为上传的文件')).toBeTruthy();
    expect(within(idCard).getByText(/320102\*{8}0034/)).toBeTruthy();
    expect(within(idCard).getByText('李四 · 南京市公安局玄武分局 · 有效期至 2028-03-10')).toBeTruthy();
    expect(within(idCard).getByText('李四 · 南京市公安局鼓楼分局 · 有效期至 长期')).toBeTruthy();
    const hukou = within(dialog).getByRole('region', { name: '居民户口簿' });
    expect(within(hukou).getByText('申请人没有该类型的有效电子证照')).toBeTruthy();
    expect(within(hukou).queryByRole('button', { name: /使用电子证照/ })).toBeNull();

    // two licences: nothing is sent until the officer picks one
    const use = within(idCard).getByRole('button', { name: /使用电子证照/ });
    expect((use as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(idCard).getByRole('radio', { name: /320102\*{8}0035/ }));
    fireEvent.click(use);
    await waitFor(() => expect(callsTo(fetchMock, URL_USE)).toEqual([{ method: 'POST', body: { licenceId: LICENCE_NEW }, auth: `Bearer ${TOKEN}` }]), WAIT);
    expect(await screen.findByText('已以电子证照替代「居民身份证」', undefined, WAIT)).toBeTruthy();

    // the candidates are looked up again: the material is done
    await waitFor(() => expect(within(dialog).queryByRole('region', { name: '居民身份证' })).toBeNull(), WAIT);
    expect(callsTo(fetchMock, URL_CANDIDATES).length).toBe(2);

    // the materials list shows the server's answer: the e-licence in place of the file
    fireEvent.click(within(dialog).getByRole('button', { name: /关\s*闭/ }));
    const row = (await screen.findAllByText('居民身份证', undefined, WAIT)).map((el) => el.closest('tr')).find(Boolean)!;
    await waitFor(() => expect(within(row).getByText('电子证照')).toBeTruthy(), WAIT);
    expect(within(row).queryByText(/下载/)).toBeNull();
  });

  it('shows the server\'s refusal under the material and leaves it a candidate', async () => {
    const one: LicenceCandidatesView = { items: [{ ...candidates.items[0], licences: [candidates.items[0].licences[0]] }] };
    const fetchMock = renderPage(withIdCard(), (url, init) => {
      if (url.pathname === URL_CANDIDATES) return jsonResponse(200, one);
      if (url.pathname === URL_USE && init?.method === 'POST') return error(400, 'CASE_ELICENSE_UNUSABLE', '“居民身份证”：该电子证照不属于申请人本人');
      return undefined;
    });
    const dialog = await openLicenceService();
    const idCard = await within(dialog).findByRole('region', { name: '居民身份证' }, WAIT);
    // the only licence of its type is chosen already
    fireEvent.click(within(idCard).getByRole('button', { name: /使用电子证照/ }));
    expect(await within(idCard).findByText('“居民身份证”：该电子证照不属于申请人本人', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, URL_USE)).toEqual([{ method: 'POST', body: { licenceId: LICENCE_OLD }, auth: `Bearer ${TOKEN}` }]);
    expect(screen.queryByText(/已以电子证照替代/)).toBeNull();
    expect(within(dialog).getByRole('region', { name: '居民身份证' })).toBeTruthy();
  });

  it('is not offered on a case that has ended', async () => {
    renderPage(withIdCard({ status: 'concluded', result: 'approved', allowedActions: [] }));
    fireEvent.click(await screen.findByRole('tab', { name: /材料/ }, WAIT));
    expect(await screen.findByText('居民身份证', undefined, WAIT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /证照服务/ })).toBeNull();
    // the form is printed whatever the status
    expect(screen.getByRole('button', { name: /打印申请表/ })).toBeTruthy();
  });
});
