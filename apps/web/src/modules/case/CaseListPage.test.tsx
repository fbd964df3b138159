import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { MatterChecklist, MeView, PublicMatterGuide, PublicMatterSummary } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { CaseListPage } from './CaseListPage';
import { caseView, summary } from './test-fixtures';

type Handler = (init: RequestInit | undefined, url: string) => Response;
const NEW_CASE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa9';

const rows = [
  summary({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa01', caseNo: 'CASE-001', status: 'accepted', slaStatus: 'warning', slaDeadline: '2026-01-20' }),
  summary({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa02', caseNo: 'CASE-002', status: 'approving', slaStatus: 'overdue', slaDeadline: '2026-01-10' }),
  summary({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa03', caseNo: 'CASE-003', status: 'supplement', slaStatus: 'paused', slaDeadline: '2026-01-25' }),
  summary({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaa04', caseNo: 'CASE-004', status: 'concluded', slaStatus: 'stopped', slaDeadline: '2026-01-15' }),
];

const matter: PublicMatterSummary = {
  code: 'JS-C004', name: '对港澳居民的暂住登记', policeType: 'churujing', category: '出入境服务事项', matterType: 'public_service', handlingModes: ['immediate'],
  applicantTypes: ['natural_person'], channels: ['window'], zones: [], isOnline: false, isOffline: true, feeFen: 0, statutoryLimitDays: null, promisedLimitDays: 1,
  visits: 1, versionNo: 1,
};
const effects = { addMaterials: [], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, moreEligibility: [], processKey: null };
const guide: PublicMatterGuide = {
  ...matter, versionId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1', publishedAt: '2026-01-01T00:00:00+08:00', legalBasis: '', conditions: '', feeNote: '', needsApproval: false,
  materials: [],
  situations: [{ key: 'stay', text: '暂住事由', type: 'single', help: '', options: [
    { key: 'work', label: '务工', effects, children: [] },
    { key: 'study', label: '就学', effects, children: [{ key: 'school', text: '学校类别', type: 'single', help: '', options: [{ key: 'college', label: '高等院校', effects, children: [] }] }] },
  ] }],
  guide: { flow: [], place: '', hours: '', phone: '', faq: [], notes: '' },
};
const material = { code: 'M01', name: '港澳居民来往内地通行证', source: 'applicant' as const, elicenseType: null, required: true, allowTolerance: false, form: 'original' as const,
  count: 1, situational: false, templateFileId: null, sampleFileId: null, note: '' };
const checklistFor = (answers: Record<string, unknown>): MatterChecklist => ({
  matterCode: matter.code, versionId: guide.versionId, versionNo: 1, materials: [material], formKeys: [], sections: [], processKey: null, eligibilityRules: [],
  selected: Object.entries(answers).map(([questionKey, v]) => ({ questionKey, optionKeys: Array.isArray(v) ? v : [String(v)] })),
});

function serve(permissions: string[], over: Record<string, Handler> = {}) {
  const me: MeView = { ...sampleMe, permissions: ['case:case:view', ...permissions] };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    if (over[key]) return over[key](init, url);
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (key === 'GET /api/admin/case/cases') return jsonResponse(200, { items: rows, total: 4 });
    if (key === 'GET /api/matters') return jsonResponse(200, { items: [matter], total: 1 });
    if (key === `GET /api/matters/${matter.code}`) return jsonResponse(200, guide);
    if (key === `POST /api/matters/${matter.code}/checklist`) {
      const { answers } = JSON.parse(String(init?.body)) as { answers: Record<string, unknown> };
      if (!answers.stay) {
        return jsonResponse(400, { code: 'MATTER_SITUATION_ANSWER_INVALID', message: '情形选择不完整或不正确，请按提示重新选择', traceId: 't',
          details: { problems: [{ questionKey: 'stay', reason: 'missing', message: '请回答“暂住事由”' }] } });
      }
      return jsonResponse(200, checklistFor(answers));
    }
    if (key === 'POST /api/admin/case/cases') return jsonResponse(200, caseView({ id: NEW_CASE, caseNo: 'NEW-0001' }));
    return jsonResponse(404, { code: 'COMMON_ROUTE_NOT_FOUND', message: '接口不存在', traceId: 't' });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <AppHarness path="/handling/cases">
      <Route path="/handling/cases" element={<CaseListPage />} />
      <Route path="/handling/cases/:id" element={<div>办件详情页</div>} />
    </AppHarness>,
  );
  return fetchMock;
}

const rowOf = (caseNo: string) => screen.getByText(caseNo).closest('tr')!;
const WAIT = { timeout: 15_000 };

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CaseListPage', () => {
  it('renders each case with its status tag and its SLA tag and deadline', async () => {
    serve([]);
    expect(await screen.findByText('CASE-001', undefined, WAIT)).toBeTruthy();

    const warning = within(rowOf('CASE-001'));
    expect(warning.getByText('已受理')).toBeTruthy();
    expect(warning.getByText('预警').className).toContain('ant-tag-orange');
    expect(warning.getByText('截止 2026-01-20')).toBeTruthy();

    const overdue = within(rowOf('CASE-002'));
    expect(overdue.getByText('审批中')).toBeTruthy();
    expect(overdue.getByText('超期').className).toContain('ant-tag-red');

    const paused = within(rowOf('CASE-003'));
    expect(paused.getByText('补件中')).toBeTruthy();
    expect(paused.getByText('暂停计时')).toBeTruthy();

    const done = within(rowOf('CASE-004'));
    expect(done.getByText('已办结').className).toContain('ant-tag-success');
    expect(done.getByText('320102********1234')).toBeTruthy();
    // 登记办件 is for officers who may handle cases
    expect(screen.queryByRole('button', { name: /登记办件/ })).toBeNull();
  });

  it('sends the keyword and the overdue switch to the server and opens a case from its row', async () => {
    const fetchMock = serve([]);
    const keyword = await screen.findByPlaceholderText('办件编号 / 申请人 / 事项名称 / 证件号码', undefined, WAIT);
    fireEvent.change(keyword, { target: { value: '李四' } });
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => {
      const last = fetchMock.mock.calls.filter(([url]) => url.startsWith('/api/admin/case/cases?')).at(-1)![0];
      expect(last).toContain(`keyword=${encodeURIComponent('李四')}`);
      expect(last).toContain('overdue=true');
    }, WAIT);
    fireEvent.click(rowOf('CASE-002'));
    expect(await screen.findByText('办件详情页')).toBeTruthy();
  });

  it('registers a case: catalogue matter, nested situations, checked ID number, checklist, form data; then opens it', async () => {
    const fetchMock = serve(['case:case:handle']);
    fireEvent.click(await screen.findByRole('button', { name: /登记办件/ }, WAIT));
    const drawer = await waitFor(() => screen.getByText('登记办件', { selector: '.ant-drawer-title' }).closest<HTMLElement>('.ant-drawer-content')!, WAIT);

    // the matter is searched in the public catalogue
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '事项' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    const option = await waitFor(() => {
      const o = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.textContent === '对港澳居民的暂住登记（JS-C004）');
      if (!o) throw new Error('no matter option');
      return o;
    }, WAIT);
    fireEvent.click(option);

    // situations come from the guide: choosing 就学 opens its child question
    expect(await within(drawer).findByText('暂住事由', undefined, WAIT)).toBeTruthy();
    expect(await within(drawer).findByText('请回答“暂住事由”', undefined, WAIT)).toBeTruthy();
    fireEvent.click(within(drawer).getByLabelText('就学'));
    fireEvent.click(await within(drawer).findByLabelText('高等院校'));
    expect(await within(drawer).findByText('港澳居民来往内地通行证', undefined, WAIT)).toBeTruthy();

    fireEvent.change(within(drawer).getByLabelText('申请人姓名'), { target: { value: '陈大文' } });
    const idNo = within(drawer).getByLabelText('公民身份号码');
    fireEvent.change(idNo, { target: { value: '110105194912310021' } });
    expect(await within(drawer).findByText('公民身份号码校验位不正确，请核对', undefined, WAIT)).toBeTruthy();
    fireEvent.change(idNo, { target: { value: '11010519491231002x' } });
    await waitFor(() => expect(within(drawer).queryByText('公民身份号码校验位不正确，请核对')).toBeNull(), WAIT);
    fireEvent.change(within(drawer).getByLabelText('联系电话'), { target: { value: '13912345678' } });

    fireEvent.click(within(drawer).getByRole('button', { name: /添加表单项/ }));
    fireEvent.change(await within(drawer).findByLabelText('第1项字段名'), { target: { value: '暂住地址' } });
    fireEvent.change(within(drawer).getByLabelText('第1项内容'), { target: { value: '南京市玄武区中山路1号' } });

    fireEvent.keyDown(within(drawer).getByLabelText('第1项内容'), { key: 'Enter' });
    await waitFor(() => expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/admin/case/cases' && init?.method === 'POST')).toBe(true), WAIT);
    const [, init] = fetchMock.mock.calls.find(([url, i]) => url === '/api/admin/case/cases' && i?.method === 'POST')!;
    const body = JSON.parse(String(init?.body));
    expect(body).toMatchObject({
      matterCode: 'JS-C004', applicantType: 'natural_person', applicantName: '陈大文', applicantIdNo: '11010519491231002X', contactPhone: '13912345678',
      channel: 'window', situationAnswers: { stay: 'study', school: 'college' }, formData: { 暂住地址: '南京市玄武区中山路1号' }, materials: [],
    });
    expect(body.idempotencyKey.length).toBeGreaterThanOrEqual(8);
    expect(await screen.findByText('办件详情页', undefined, WAIT)).toBeTruthy();
  });
  it('a matter with a bound form is filled through the form itself: only the chosen sections, checked before sending', async () => {
    const definition = { key: 'stay_form', title: '暂住登记申请表', sections: [
      { key: 'main', title: '暂住信息', fields: [{ key: 'address', label: '暂住地址', type: 'text', required: true }] },
      { key: 'work', title: '务工信息', fields: [{ key: 'employer', label: '务工单位', type: 'text', required: true }] },
    ] };
    const fetchMock = serve(['case:case:handle'], {
      [`POST /api/matters/${matter.code}/checklist`]: (init) => {
        const { answers } = JSON.parse(String(init?.body)) as { answers: Record<string, unknown> };
        return jsonResponse(200, { ...checklistFor(answers), formKeys: ['stay_form'], sections: ['main'] });
      },
      'GET /api/forms/stay_form': () => jsonResponse(200, { id: NEW_CASE, key: 'stay_form', version: 1, title: '暂住登记申请表', status: 'published', definition }),
    });
    fireEvent.click(await screen.findByRole('button', { name: /登记办件/ }, WAIT));
    const drawer = await waitFor(() => screen.getByText('登记办件', { selector: '.ant-drawer-title' }).closest<HTMLElement>('.ant-drawer-content')!, WAIT);
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '事项' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    fireEvent.click(await waitFor(() => {
      const o = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.textContent === '对港澳居民的暂住登记（JS-C004）');
      if (!o) throw new Error('no matter option');
      return o;
    }, WAIT));
    fireEvent.click(await within(drawer).findByLabelText('就学', undefined, WAIT));
    fireEvent.click(await within(drawer).findByLabelText('高等院校'));

    // the form replaces the free key/value entries; the 务工 section the situations did not choose is absent
    const address = await within(drawer).findByLabelText('暂住地址', undefined, WAIT);
    expect(within(drawer).queryByLabelText('务工单位')).toBeNull();
    expect(within(drawer).queryByRole('button', { name: /添加表单项/ })).toBeNull();

    fireEvent.change(within(drawer).getByLabelText('申请人姓名'), { target: { value: '陈大文' } });
    fireEvent.change(within(drawer).getByLabelText('公民身份号码'), { target: { value: '11010519491231002X' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /登\s*记/ }));
    expect(await within(drawer).findByText('请填写暂住地址', undefined, WAIT)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/admin/case/cases' && init?.method === 'POST')).toBe(false);

    fireEvent.change(address, { target: { value: '南京市玄武区中山路1号' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/admin/case/cases' && init?.method === 'POST')).toBe(true), WAIT);
    const [, init] = fetchMock.mock.calls.find(([url, i]) => url === '/api/admin/case/cases' && i?.method === 'POST')!;
    expect(JSON.parse(String(init?.body)).formData).toEqual({ address: '南京市玄武区中山路1号' });
  });
});
