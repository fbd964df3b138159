import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { ArchiveMatterRuleView, ArchiveRuleOverview, ArchiveTypeRuleView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, sampleMe, serve, type Handler } from '../../test-utils';
import { ArchiveRulesPage } from './ArchiveRulesPage';
import { addableItems, moveItem } from './RuleEditor';

const BASE = '/api/admin/archive/rules';
const WAIT = { timeout: 15_000 };
const generic: ArchiveTypeRuleView['catalogue'] = [
  { kind: 'application_form', materialCode: null, name: '申请表', folder: 'application', required: true },
  { kind: 'process_record', materialCode: null, name: '办理过程记录', folder: 'process', required: true },
  { kind: 'result_document', materialCode: null, name: '结果文书', folder: 'result', required: true },
];
const typeRule = (over: Partial<ArchiveTypeRuleView> = {}): ArchiveTypeRuleView => ({
  matterType: 'confirmation', typeName: '行政确认', nationalCode: '07', source: 'national_default', retention: 'D30', openness: 'closed', securityLevel: 'none',
  scope: 'all', catalogue: generic, revision: 0, updatedAt: null, ...over,
});
const overview: ArchiveRuleOverview = {
  types: [typeRule(), typeRule({ matterType: 'adjudication', typeName: '行政裁决', nationalCode: '09', retention: 'Y' })],
  items: [{ matterCode: 'JS-C004', matterName: '机动车驾驶证补证', matterType: 'confirmation', source: 'type_default', retention: 'D30', openness: 'closed', securityLevel: 'none', scope: 'all', updatedAt: null }],
  total: 1,
};
const matterRule = (over: Partial<ArchiveMatterRuleView> = {}): ArchiveMatterRuleView => ({
  matterCode: 'JS-C004', matterType: 'confirmation', matterName: '机动车驾驶证补证', source: 'type_default', retention: 'D30', openness: 'closed', securityLevel: 'none', scope: 'all',
  catalogue: [generic[0], { kind: 'material', materialCode: 'ID_CARD', name: '居民身份证', folder: 'application', required: true }, generic[1], generic[2]],
  revision: 0, updatedAt: null,
  materials: [{ code: 'ID_CARD', name: '居民身份证', required: true }, { code: 'PHOTO', name: '照片', required: false }],
  ...over,
});

function start(handler: Handler = () => undefined, permissions = ['archive:record:view', 'archive:rule:manage']) {
  const me: MeView = { ...sampleMe, permissions };
  const fetchMock = serve(async (url, init, body) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    const own = await handler(url, init, body);
    if (own) return own;
    if (url.pathname === BASE) return jsonResponse(200, overview);
    if ((init?.method ?? 'GET') === 'GET' && url.pathname === `${BASE}/JS-C004`) return jsonResponse(200, matterRule());
    return undefined;
  });
  render(
    <AppHarness path="/archive/rules">
      <Route path="/archive/rules" element={<ArchiveRulesPage />} />
    </AppHarness>,
  );
  return fetchMock;
}
const drawer = () => document.querySelector('.ant-drawer-content') as HTMLElement;
const catalogueNames = () => [...drawer().querySelectorAll('input[aria-label$="项名称"]')].map((i) => (i as HTMLInputElement).value);

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('归档材料目录 editing', () => {
  it('offers only what is not listed yet, and moves items within bounds', () => {
    const rule = matterRule();
    expect(addableItems(rule.catalogue, rule.materials).map((c) => c.name)).toEqual(['容缺受理承诺书', '照片']);
    expect(addableItems(generic, []).map((c) => c.name)).toEqual(['容缺受理承诺书']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('ArchiveRulesPage', () => {
  it('shows the type defaults and the matters with the rule each follows', async () => {
    start();
    await screen.findByText('机动车驾驶证补证', undefined, WAIT);
    const adjudication = screen.getByText('行政裁决').closest('tr') as HTMLElement;
    expect(within(adjudication).getByText('永久')).toBeTruthy();
    expect(within(adjudication).getByText('国家默认')).toBeTruthy();
    const matter = screen.getByText('机动车驾驶证补证').closest('tr') as HTMLElement;
    expect(within(matter).getByText('事项类型默认')).toBeTruthy();
    expect(within(matter).getByText('30年')).toBeTruthy();
  }, 30_000);

  it('saves a matter\'s catalogue as edited: a material taken out, one added back in order, and the server\'s refusal shown', async () => {
    let refuse = true;
    const fetchMock = start((url, init) => {
      if (init?.method === 'PUT' && url.pathname === `${BASE}/JS-C004`) {
        if (refuse) { refuse = false; return error(400, 'ARCHIVE_CATALOGUE_INVALID', '归档材料目录中的材料不在本事项的材料清单内：照片'); }
        return jsonResponse(200, matterRule({ source: 'matter', retention: 'Y' }));
      }
      return undefined;
    });
    await screen.findByText('机动车驾驶证补证', undefined, WAIT);
    fireEvent.click(within(screen.getByText('机动车驾驶证补证').closest('tr') as HTMLElement).getByText('配置'));
    await waitFor(() => expect(catalogueNames()).toEqual(['申请表', '居民身份证', '办理过程记录', '结果文书']), WAIT);
    expect(within(drawer()).getByText('事项类型默认')).toBeTruthy();

    fireEvent.click(within(drawer()).getByLabelText('移除 居民身份证'));
    fireEvent.mouseDown(within(drawer()).getByRole('combobox', { name: '添加目录项' }));
    fireEvent.click(await screen.findByText('照片（申请材料）', { selector: '.ant-select-item-option-content' }, WAIT));
    fireEvent.click(within(drawer()).getByText('添加').closest('button') as HTMLButtonElement);
    fireEvent.click(within(drawer()).getByLabelText('上移 照片'));
    expect(catalogueNames()).toEqual(['申请表', '办理过程记录', '照片', '结果文书']);
    fireEvent.click(within(drawer()).getByText('永久'));
    fireEvent.click(within(drawer()).getByRole('button', { name: /保\s*存/ }));

    await within(drawer()).findByText('归档材料目录中的材料不在本事项的材料清单内：照片', undefined, WAIT);
    const [put] = callsTo(fetchMock, `${BASE}/JS-C004`).filter((c) => c.method === 'PUT');
    expect(put.body).toMatchObject({ retention: 'Y', openness: 'closed', scope: 'all' });
    expect((put.body as { catalogue: Array<{ name: string; materialCode: string | null }> }).catalogue.map((c) => c.materialCode ?? c.name)).toEqual(['申请表', '办理过程记录', 'PHOTO', '结果文书']);
    // a default turned into the matter's own rule carries no revision to compare
    expect((put.body as { expectedRevision?: number }).expectedRevision).toBeUndefined();

    fireEvent.click(within(drawer()).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(callsTo(fetchMock, `${BASE}/JS-C004`).filter((c) => c.method === 'PUT')).toHaveLength(2), WAIT);
    await screen.findByText('已保存本事项的归档配置', undefined, WAIT);
  }, 30_000);

  it('without 维护归档配置 the rules are shown read-only', async () => {
    start(undefined, ['archive:record:view']);
    await screen.findByText('机动车驾驶证补证', undefined, WAIT);
    fireEvent.click(within(screen.getByText('行政裁决').closest('tr') as HTMLElement).getByText('查看'));
    await waitFor(() => expect(catalogueNames()).toEqual(['申请表', '办理过程记录', '结果文书']), WAIT);
    expect(within(drawer()).queryByRole('button', { name: /保\s*存/ })).toBeNull();
    expect((drawer().querySelector('input[aria-label="第 1 项名称"]') as HTMLInputElement).disabled).toBe(true);
  }, 30_000);
});
