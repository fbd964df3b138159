import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { DeclarationPrefill, MatterChecklist, MeView, PublicMatterGuide, PublicMatterSummary } from '@jsga/contracts';
import { setToken } from '../../../app/request';
import { AppHarness, callsTo, error, jsonResponse, sampleMe, serve } from '../../../test-utils';
import { CaseCreateDrawer } from './CaseCreateDrawer';

// 窗口感知回填: the ID card read at the counter fills the applicant, and the registries fill the bound form.
const WAIT = { timeout: 15_000 };
const TOKEN = 'officer-token-000000000000';
const URL_PREFILL = '/api/admin/declaration/window-prefill';

const matter: PublicMatterSummary = {
  code: 'JS-J001', name: '机动车驾驶证换证、补证', policeType: 'jiaoguan', category: '交管服务事项', matterType: 'public_service', handlingModes: ['immediate'],
  applicantTypes: ['natural_person'], channels: ['window'], zones: [], isOnline: true, isOffline: true, feeFen: 0, statutoryLimitDays: null, promisedLimitDays: 1,
  visits: 1, versionNo: 1,
};
const guide: PublicMatterGuide = {
  ...matter, versionId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1', publishedAt: '2026-01-01T00:00:00+08:00', legalBasis: '', conditions: '', feeNote: '', needsApproval: false,
  materials: [], situations: [], guide: { flow: [], place: '', hours: '', phone: '', faq: [], notes: '' },
};
const checklist: MatterChecklist = {
  matterCode: matter.code, versionId: guide.versionId, versionNo: 1, materials: [], formKeys: ['dl_form'], sections: [], processKey: null, eligibilityRules: [], selected: [],
};
const definition = {
  key: 'dl_form', title: '驾驶证换证申请表', sections: [{ key: 'main', title: '申请信息', fields: [
    { key: 'holderName', label: '持证人', type: 'text', required: true, prefill: { source: 'applicant', path: 'name' } },
    { key: 'contactAddress', label: '联系地址', type: 'text', prefill: { source: 'population', path: 'address' } },
    { key: 'fileNo', label: '档案编号', type: 'text', prefill: { source: 'elicense', elicenseType: 'driving_licence', path: 'fileNo' } },
    { key: 'remark', label: '备注', type: 'text' },
  ] }],
};
// the simulated reader's card (devices/id-card-reader.ts)
const card = { idNo: '320102198807150034', name: '张明远', sex: '男', ethnicity: '汉', birthDate: '1988-07-15', address: '江苏省南京市玄武区珠江路88号1幢302室' };
const prefill: DeclarationPrefill = {
  applicant: { ...card, type: 'natural_person' },
  population: { address: '江苏省南京市玄武区珠江路88号1幢302室' },
  elicense: { driving_licence: { fileNo: '320100123456', vehicleClass: 'C1' } },
  sourceLabels: { applicant: '居民身份证（读卡）', population: '人口信息库', driving_licence: '机动车驾驶证' },
};

function renderDrawer(windowPrefill: () => Response) {
  const me: MeView = { ...sampleMe, permissions: ['case:case:view', 'case:case:handle'] };
  const fetchMock = serve((url, init) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    if (url.pathname === '/api/matters') return jsonResponse(200, { items: [matter], total: 1 });
    if (url.pathname === `/api/matters/${matter.code}`) return jsonResponse(200, guide);
    if (url.pathname === `/api/matters/${matter.code}/checklist`) return jsonResponse(200, checklist);
    if (url.pathname === '/api/forms/dl_form') return jsonResponse(200, { id: guide.versionId, key: 'dl_form', version: 1, title: definition.title, status: 'published', definition });
    if (url.pathname === URL_PREFILL && init?.method === 'POST') return windowPrefill();
    return undefined;
  });
  render(
    <AppHarness path="/">
      <Route path="/" element={<CaseCreateDrawer open onClose={() => undefined} onCreated={() => undefined} />} />
    </AppHarness>,
  );
  return fetchMock;
}

/** Picks the matter, waits for its form, types a 联系地址 of the officer's own; returns the drawer. */
async function formOnScreen() {
  const drawer = await waitFor(() => screen.getByText('登记办件', { selector: '.ant-drawer-title' }).closest<HTMLElement>('.ant-drawer-content')!, WAIT);
  fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '事项' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
  fireEvent.click(await waitFor(() => {
    const o = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.textContent === `${matter.name}（${matter.code}）`);
    if (!o) throw new Error('no matter option');
    return o;
  }, WAIT));
  fireEvent.change(await within(drawer).findByLabelText('联系地址', undefined, WAIT), { target: { value: '南京市鼓楼区中山北路1号' } });
  return drawer;
}

const valueOf = (drawer: HTMLElement, label: string) => (within(drawer).getByLabelText(label) as HTMLInputElement).value;
/** The 「已从…回填」 mark under a form field. */
const markOf = (drawer: HTMLElement, label: string) => within(drawer).getByLabelText(label).closest('.ant-form-item')!.querySelector('[data-prefilled]')?.textContent ?? null;

beforeEach(() => {
  localStorage.clear();
  setToken(TOKEN);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('读取身份证 in 登记办件', () => {
  it('looks the card up in the registries and fills the blank fields of the form on screen, keeping what the officer typed', async () => {
    const fetchMock = renderDrawer(() => jsonResponse(200, prefill));
    const drawer = await formOnScreen();
    expect(valueOf(drawer, '持证人')).toBe('');

    fireEvent.click(within(drawer).getByRole('button', { name: /读取身份证/ }));
    await waitFor(() => expect(valueOf(drawer, '档案编号')).toBe('320100123456'), WAIT);
    expect(callsTo(fetchMock, URL_PREFILL)).toEqual([{ method: 'POST', body: card, auth: `Bearer ${TOKEN}` }]);

    // the applicant from the card
    expect(valueOf(drawer, '申请人姓名')).toBe('张明远');
    expect(valueOf(drawer, '公民身份号码')).toBe('320102198807150034');
    // blank fields from their sources, marked so
    expect(valueOf(drawer, '持证人')).toBe('张明远');
    expect(markOf(drawer, '持证人')).toBe('已从居民身份证（读卡）回填');
    expect(markOf(drawer, '档案编号')).toBe('已从机动车驾驶证回填');
    // the address the officer typed stays, unmarked
    expect(valueOf(drawer, '联系地址')).toBe('南京市鼓楼区中山北路1号');
    expect(markOf(drawer, '联系地址')).toBeNull();
    expect(within(drawer).getByText(/已根据读取的身份证、人口信息库和电子证照填写空白的内容/)).toBeTruthy();

    // a value changed afterwards loses its mark
    fireEvent.change(within(drawer).getByLabelText('档案编号'), { target: { value: '320100999999' } });
    await waitFor(() => expect(markOf(drawer, '档案编号')).toBeNull(), WAIT);
    expect(valueOf(drawer, '档案编号')).toBe('320100999999');
  });

  it('keeps the applicant from the card and says so when the registries cannot be reached', async () => {
    const fetchMock = renderDrawer(() => error(503, 'COMMON_UPSTREAM_UNAVAILABLE', '人口信息库暂不可用'));
    const drawer = await formOnScreen();
    fireEvent.click(within(drawer).getByRole('button', { name: /读取身份证/ }));
    expect(await within(drawer).findByText('未能从人口信息库和电子证照库获取数据，请手工填写', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, URL_PREFILL)).toHaveLength(1);
    expect(valueOf(drawer, '申请人姓名')).toBe('张明远');
    expect(valueOf(drawer, '公民身份号码')).toBe('320102198807150034');
    expect(valueOf(drawer, '持证人')).toBe('');
    expect(valueOf(drawer, '联系地址')).toBe('南京市鼓楼区中山北路1号');
  });
});
