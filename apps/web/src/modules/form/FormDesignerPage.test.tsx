import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { FormDefinitionSummary, FormDefinitionView, MeView } from '@jsga/contracts';
import { validateSubmission, type FormDefinition } from '@jsga/form-engine';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { FormDesignerPage } from './FormDesignerPage';
import { chinaToday } from './renderer/derive';

const ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const PUBLISHED_ID = 'cccccccc-cccc-4ccc-8ccc-ccccccccccc1';

const household: FormDefinition = {
  key: 'household', title: '户籍登记表',
  sections: [{ key: 'main', title: '申请人', fields: [
    { key: 'name', label: '姓名', type: 'text', required: true },
    { key: 'members', label: '家庭成员', type: 'group', fields: [{ key: 'memberName', label: '成员姓名', type: 'text', required: true }] },
    { key: 'memberCount', label: '成员人数', type: 'number', compute: 'len(members)' },
  ] }],
};

const view = (over: Partial<FormDefinitionView> = {}): FormDefinitionView => ({
  id: ID, key: 'household', version: 2, title: household.title, status: 'draft', updatedAt: '2026-03-01T10:00:00+08:00', publishedAt: null, definition: household, ...over,
});
const summary = ({ definition: _d, ...rest }: FormDefinitionView): FormDefinitionSummary => rest;

type Handler = (url: string, init?: RequestInit) => Response | undefined;

function serve(path: string, extra: Handler = () => undefined) {
  const me: MeView = { ...sampleMe, permissions: ['form:definition:view', 'form:definition:manage'] };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const special = extra(url, init);
    if (special) return special;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (url === '/api/admin/form/definitions' && init?.method === 'POST') return jsonResponse(200, view({ id: ID, version: 1, key: body.definition.key, title: body.definition.title, definition: body.definition }));
    if (url === `/api/admin/form/definitions/${ID}`) return jsonResponse(200, view());
    if (url === `/api/admin/form/definitions/${PUBLISHED_ID}`) return jsonResponse(200, view({ id: PUBLISHED_ID, version: 1, status: 'published', publishedAt: '2026-02-01T10:00:00+08:00' }));
    if (url.endsWith('/versions')) return jsonResponse(200, [summary(view()), summary(view({ id: PUBLISHED_ID, version: 1, status: 'published' }))]);
    if (url === `/api/admin/form/definitions/${ID}/validate`) {
      // the server runs the very same engine
      return jsonResponse(200, JSON.parse(JSON.stringify(validateSubmission(household, body.data, { today: chinaToday(), context: body.context }))));
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found', traceId: 't' });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <AppHarness path={path}>
      <Route path="/config/forms/:id" element={<FormDesignerPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const props = () => screen.getByRole('region', { name: '属性面板' });
const outline = () => screen.getByRole('navigation', { name: '表单结构' });

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('FormDesignerPage', () => {
  it('builds a new form: checks expressions live with the engine, lists problems, and creates the form on save', async () => {
    const fetchMock = serve('/config/forms/new');
    const key = await screen.findByLabelText('表单标识');
    fireEvent.change(key, { target: { value: 'family' } });
    fireEvent.change(within(props()).getByLabelText('表单名称'), { target: { value: '家庭情况表' } });

    fireEvent.click(within(outline()).getByRole('button', { name: '分组 基本信息' }));
    fireEvent.click(await screen.findByRole('button', { name: '添加单行文本' }));
    fireEvent.change(within(props()).getByLabelText('字段标识'), { target: { value: 'note' } });
    fireEvent.change(within(props()).getByLabelText('名称'), { target: { value: '说明' } });
    // the new field is in the live preview
    expect(await screen.findByRole('textbox', { name: '说明' })).toBeTruthy();

    const visible = document.getElementById('fd-field-visibleWhen') as HTMLTextAreaElement;
    fireEvent.change(visible, { target: { value: "relation == '其他" } });
    expect(await within(props()).findByText(/^表达式错误：/)).toBeTruthy();
    expect(screen.getByText(/表单定义有 1 个问题/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/admin/form/definitions')).toBe(false);

    fireEvent.change(visible, { target: { value: "relation == '其他'" } });
    await screen.findByText('定义检查通过');
    // the rule hides the field in the preview: nothing named relation is '其他'
    await waitFor(() => expect(screen.queryByRole('textbox', { name: '说明' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/admin/form/definitions' && init?.method === 'POST')).toBe(true));
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/admin/form/definitions')!;
    expect(JSON.parse(String(init?.body)).definition).toEqual({
      key: 'family', title: '家庭情况表',
      sections: [{ key: 'basic', title: '基本信息', fields: [{ key: 'note', label: '说明', type: 'text', visibleWhen: "relation == '其他'" }] }],
    });
    expect(await screen.findByText('已保存草稿 v1')).toBeTruthy();
  }, 60_000); // a whole designer session in jsdom: slow on a loaded machine

  it('validates sample data in the browser and on the server side by side', async () => {
    const fetchMock = serve(`/config/forms/${ID}`);
    const preview = await screen.findByRole('tabpanel', { name: '实时预览' }, { timeout: 5000 });
    fireEvent.click(within(preview).getByRole('button', { name: /添加一行/ }));
    await waitFor(() => expect((within(preview).getByLabelText('成员人数') as HTMLInputElement).value).toBe('1'));
    fireEvent.click(within(preview).getByRole('button', { name: /[^并]校\s*验$/ }));

    const browser = await screen.findByRole('region', { name: '浏览器校验结果' });
    const server = await screen.findByRole('region', { name: '服务端校验结果' });
    await within(server).findByText('2 个错误');
    for (const box of [browser, server]) {
      expect(within(box).getByText('请填写姓名')).toBeTruthy();
      expect(within(box).getByText('请填写成员姓名')).toBeTruthy();
    }
    expect(within(server).getByText('按已保存的 v2 草稿 校验')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('两端结果一致');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === `/api/admin/form/definitions/${ID}/validate`)!;
    expect(JSON.parse(String(init?.body)).data).toEqual({ members: [{}], memberCount: 1 });
  });

  it('says so when the server disagrees', async () => {
    serve(`/config/forms/${ID}`, (url) => (url.endsWith('/validate') ? jsonResponse(200, { ok: true, errors: [], values: {} }) : undefined));
    const preview = await screen.findByRole('tabpanel', { name: '实时预览' }, { timeout: 5000 });
    fireEvent.click(within(preview).getByRole('button', { name: /[^并]校\s*验$/ }));
    expect((await screen.findByRole('status')).textContent).toContain('两端结果不一致');
  });

  it('opens a published version read-only, offering its draft and a new draft from it', async () => {
    serve(`/config/forms/${PUBLISHED_ID}`);
    expect(await screen.findByText(/v1 已于 .* 发布，不能修改/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: '打开草稿 v2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '基于此版本编辑' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '添加单行文本' })).toBeNull();
    expect(screen.queryByRole('button', { name: /保存草稿/ })).toBeNull();
    fireEvent.click(within(outline()).getByRole('button', { name: /^姓名/ }));
    expect((within(props()).getByLabelText('字段标识') as HTMLInputElement).disabled).toBe(true);
  });
});
