import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, useParams } from 'react-router-dom';
import type { PrintTemplateView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, serve } from '../../test-utils';
import { PrintTemplateDesignerPage } from './PrintTemplateDesignerPage';
import { button, DRAFT_ID, findButton, kindsResponse, meWith, noticeDefinition, openSelect, PUBLISHED_ID, queryButton, summaryOf, templateView } from './test-fixtures';

const BASE = '/api/admin/print';
const NEW_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddd03';
const WAIT = { timeout: 15_000 };
// Role queries pass `hidden: true` (and buttons are found by text, see `button`): otherwise jsdom computes every element's style (seconds per query on these antd pages).
const draft = templateView();
const published = templateView({ id: PUBLISHED_ID, version: 1, status: 'published', publishedAt: '2026-02-01T10:00:00+08:00' });

type Options = { view?: PrintTemplateView; publish?: () => Response; hasDraft?: boolean };

function renderDesigner({ view = draft, publish, hasDraft = true }: Options = {}) {
  const byId = new Map([[draft.id, draft], [published.id, published], [view.id, view]]);
  const fetchMock = serve((url, init, body) => {
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/auth/me') return jsonResponse(200, meWith(['print:template:view', 'print:template:manage']));
    if (url.pathname === `${BASE}/kinds`) return jsonResponse(200, kindsResponse);
    if (url.pathname === `${BASE}/templates` && method === 'GET') {
      const items = url.searchParams.get('status') === 'retired' ? [] : [...(hasDraft ? [draft] : []), published].map(summaryOf);
      return jsonResponse(200, { items, total: items.length });
    }
    const one = /^\/api\/admin\/print\/templates\/([^/]+)$/.exec(url.pathname);
    if (one && method === 'GET') return byId.has(one[1]) ? jsonResponse(200, byId.get(one[1])) : error(404, 'PRINT_TEMPLATE_NOT_FOUND', '打印模板不存在或未发布');
    if (url.pathname === `${BASE}/drafts/pickup_notice` && method === 'PUT') {
      const saved = hasDraft
        ? templateView({ title: body.title as string, definition: body.definition as PrintTemplateView['definition'] })
        : templateView({ id: NEW_ID, version: 3, title: body.title as string, definition: body.definition as PrintTemplateView['definition'] });
      byId.set(saved.id, saved);
      return jsonResponse(200, saved);
    }
    if (url.pathname === `${BASE}/templates/${view.id}/publish` && publish) return publish();
    if (url.pathname === `${BASE}/templates/${view.id}/preview`) return new Response(new Uint8Array([37, 80, 68, 70, 45]), { status: 200, headers: { 'Content-Type': 'application/pdf' } });
    return undefined;
  });
  render(
    <AppHarness path={`/config/print-templates/${view.id}`}>
      <Route path="/config/print-templates/:id" element={<><PrintTemplateDesignerPage /><Address /></>} />
    </AppHarness>,
  );
  return fetchMock;
}

function Address() {
  return <output aria-label="当前版本">{useParams().id}</output>;
}

const block = (name: string) => screen.getByRole('region', { name, hidden: true });
const puts = (fetchMock: ReturnType<typeof serve>) => callsTo(fetchMock, `${BASE}/drafts/pickup_notice`).filter((c) => c.method === 'PUT');

beforeEach(() => setToken('officer-token-000000000000'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('打印模板设计', () => {
  it('saves an edited paragraph, with a variable inserted at the caret, as the draft', async () => {
    const fetchMock = renderDesigner();
    const text = (await within(await screen.findByRole('region', { name: '第 2 块 段落', hidden: true }, WAIT)).findByLabelText('正文')) as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: '{{applicantName}}：请于三日内领取。' } });
    expect(await screen.findByText('未保存')).toBeTruthy();

    // the caret after “请于” is where a variable goes
    text.setSelectionRange(20, 20);
    fireEvent.click(text);
    const variables = screen.getByRole('region', { name: '可用变量', hidden: true });
    expect(within(variables).getByText('点击变量插入到：第 2 块（段落）正文')).toBeTruthy();
    fireEvent.click(button('插入 {{matterName}}', variables));
    await waitFor(() => expect(text.value).toBe('{{applicantName}}：请于{{matterName}}三日内领取。'));

    fireEvent.click(button('保存草稿'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1), WAIT);
    expect(puts(fetchMock)[0].body).toEqual({
      title: '领取通知书',
      definition: { ...noticeDefinition, blocks: [noticeDefinition.blocks[0], { type: 'paragraph', text: text.value }, noticeDefinition.blocks[2]] },
    });
    expect(await screen.findByText('已保存草稿 v2', undefined, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('未保存')).toBeNull());
  });

  it('flags placeholders the kind does not supply in red', async () => {
    renderDesigner();
    const text = await within(await screen.findByRole('region', { name: '第 2 块 段落', hidden: true }, WAIT)).findByLabelText('正文');
    fireEvent.change(text, { target: { value: '{{applicantNmae}}：请领取。' } });
    const used = screen.getByRole('region', { name: '模板中的占位符', hidden: true });
    expect(await within(used).findByText('未知变量，打印时为空')).toBeTruthy();
    expect(within(used).getByText('{{applicantNmae}}').closest('.ant-typography-danger')).toBeTruthy();
    expect(within(used).getByText('办件编号')).toBeTruthy();
  });

  it('adds a data list offering only the lists of the template’s kind', async () => {
    renderDesigner();
    fireEvent.click(await findButton('添加数据列表'));
    const added = await screen.findByRole('region', { name: '第 4 块 数据列表', hidden: true }, WAIT);
    const options = (await openSelect(within(added).getByRole('combobox', { name: '数据列表', hidden: true }))).map((o) => o.textContent);
    expect(options).toEqual(['申请表填报内容（form）', '申请材料（materials）']);
  });

  it('offers no data list for a kind without lists', async () => {
    renderDesigner({ view: templateView({ kind: 'result_document' }) });
    const addList = await findButton('添加数据列表');
    await waitFor(() => expect(addList.disabled).toBe(true), WAIT);
    expect(button('添加段落').disabled).toBe(false);
  });

  it('shows why publishing was refused, on the blocks concerned', async () => {
    const problems = [
      { path: 'blocks[2].rows[0].value', message: '变量 {{caseNumber}} 不是“申请表”提供的变量，打印时将为空' },
      { path: 'page.margins', message: '左右页边距过大：正文宽度只剩 50 毫米（至少 60 毫米）' },
    ];
    // the server reports a placeholder once per occurrence: the same problem twice is listed once
    const fetchMock = renderDesigner({ publish: () => error(422, 'PRINT_TEMPLATE_INVALID', '打印模板有误，不能发布', { problems: [...problems, problems[0]] }) });
    fireEvent.click(await findButton(/^发\s*布$/));
    fireEvent.click(await findButton('确认发布'));

    expect(await screen.findByText('发布检查未通过：2 个问题（修改并保存后请重新发布）', undefined, WAIT)).toBeTruthy();
    const list = screen.getByRole('list', { name: '模板问题', hidden: true });
    expect(list.textContent).toContain('第 3 块（表格）第 1 行 内容：变量 {{caseNumber}} 不是“申请表”提供的变量，打印时将为空');
    expect(list.textContent).toContain('页面设置 · 页边距：左右页边距过大');
    const table = block('第 3 块 表格');
    expect(within(table).getByText('1 个问题')).toBeTruthy();
    expect(within(table).getByText(`第 1 行 内容：${problems[0].message}`)).toBeTruthy();
    expect(within(block('第 2 块 段落')).queryByText(/个问题/)).toBeNull();
    expect(callsTo(fetchMock, `${BASE}/templates/${DRAFT_ID}/publish`)).toHaveLength(1);
  });

  it('opens a published version read-only and saves its content as the next draft on 编辑新版本', async () => {
    const fetchMock = renderDesigner({ view: published, hasDraft: false });
    expect(await screen.findByText(/v1 已于 2026-02-01 .* 发布，不能修改/, undefined, WAIT)).toBeTruthy();
    expect(queryButton('保存草稿')).toBeNull();
    expect(queryButton('添加段落')).toBeNull();
    expect(queryButton('删除第 1 块')).toBeNull();
    expect((within(block('第 2 块 段落')).getByLabelText('正文') as HTMLTextAreaElement).disabled).toBe(true);
    expect((screen.getByLabelText('上边距') as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(button('编辑新版本'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1), WAIT);
    expect(puts(fetchMock)[0].body).toEqual({ title: '领取通知书', definition: noticeDefinition });
    expect(await screen.findByText('已保存草稿 v3', undefined, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('当前版本').textContent).toBe(NEW_ID), WAIT);
    expect(await findButton('保存草稿')).toBeTruthy();
  });

  it('asks before a new version overwrites the key’s open draft', async () => {
    const fetchMock = renderDesigner({ view: published });
    expect(await findButton('打开草稿 v2')).toBeTruthy();
    fireEvent.click(button('编辑新版本'));
    const confirm = await screen.findByRole('dialog', { hidden: true }, WAIT);
    expect(within(confirm).getAllByText('覆盖草稿 v2？').length).toBeGreaterThan(0);
    expect(puts(fetchMock)).toHaveLength(0);
    fireEvent.click(button('覆盖草稿', confirm));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1), WAIT);
  });

  it('previews the PDF in a modal and frees its object URL on close', async () => {
    const createObjectURL = vi.fn(() => 'blob:preview-1');
    const revokeObjectURL = vi.fn();
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    try {
      const fetchMock = renderDesigner();
      fireEvent.click(await findButton(/^预\s*览$/));
      const frame = await screen.findByTitle(/^预览 · /, undefined, WAIT);
      expect(frame.getAttribute('src')).toBe('blob:preview-1');
      expect(callsTo(fetchMock, `${BASE}/templates/${DRAFT_ID}/preview`).map((c) => c.method)).toEqual(['POST']);
      expect(revokeObjectURL).not.toHaveBeenCalled();
      fireEvent.click(button('Close'));
      await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:preview-1'), WAIT);
    } finally {
      Object.assign(URL, original);
    }
  });
});
