import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, useParams } from 'react-router-dom';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, serve } from '../../test-utils';
import { PrintTemplateListPage } from './PrintTemplateListPage';
import { button, closest, findButton, kindsResponse, meWith, openSelect, queryButton, summaryOf, templateView } from './test-fixtures';

const LIST = '/api/admin/print/templates';
const WAIT = { timeout: 15_000 };
// Role queries pass `hidden: true` (and buttons are found by text, see `button`): otherwise jsdom computes every element's style (seconds per query on these antd pages).
const rows = [
  summaryOf(templateView({ id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeee01', key: 'approval_result', title: '准予许可决定书', kind: 'result_document', version: 1, status: 'published' })),
  summaryOf(templateView({ id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeee02', key: 'pickup_notice', title: '领取通知书', kind: 'application_form', version: 2, status: 'draft' })),
];

function DesignerProbe() {
  return <div>设计页 {useParams().id}</div>;
}

function renderList(opts: { permissions?: string[]; create?: (body: Record<string, unknown>) => Response } = {}) {
  const fetchMock = serve((url, init, body) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, meWith(opts.permissions ?? ['print:template:view', 'print:template:manage']));
    if (url.pathname === '/api/admin/print/kinds') return jsonResponse(200, kindsResponse);
    if (url.pathname === LIST && (init?.method ?? 'GET') === 'GET') return jsonResponse(200, { items: rows, total: 2 });
    if (url.pathname === LIST && init?.method === 'POST' && opts.create) return opts.create(body);
    return undefined;
  });
  render(
    <AppHarness path="/config/print-templates">
      <Route path="/config/print-templates" element={<PrintTemplateListPage />} />
      <Route path="/config/print-templates/:id" element={<DesignerProbe />} />
    </AppHarness>,
  );
  return fetchMock;
}

/** The query of each list request, in order. */
const listQueries = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls
    .map(([u]) => new URL(u, 'http://localhost'))
    .filter((u) => u.pathname === LIST)
    .map((u) => Object.fromEntries(u.searchParams));

async function pick(label: string, option: string, container: HTMLElement = document.body) {
  await openSelect(within(container).getByRole('combobox', { name: label, hidden: true }));
  const el = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((o) => o.textContent === option);
    if (!found) throw new Error(`no option ${option}`);
    return found;
  }, WAIT);
  fireEvent.click(el);
}

beforeEach(() => setToken('officer-token-000000000000'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('打印模板 list', () => {
  it('shows each version with its key, name, kind, version and status, and opens the designer from a row', async () => {
    const fetchMock = renderList();
    const row = closest(await screen.findByText('领取通知书', undefined, WAIT), 'tr');
    expect(within(row).getByText('pickup_notice')).toBeTruthy();
    expect(within(row).getByText('v2')).toBeTruthy();
    expect(within(row).getByText('草稿')).toBeTruthy();
    await waitFor(() => expect(within(row).getByText('申请表')).toBeTruthy(), WAIT);
    const published = closest(screen.getByText('准予许可决定书'), 'tr');
    expect(within(published).getByText('已发布')).toBeTruthy();
    expect(within(published).getByText('办件结果文书')).toBeTruthy();
    expect(listQueries(fetchMock)[0]).toEqual({ page: '1', pageSize: '20' });

    fireEvent.click(within(row).getByText('v2'));
    expect(await screen.findByText('设计页 eeeeeeee-eeee-4eee-8eee-eeeeeeeeee02', undefined, WAIT)).toBeTruthy();
  });

  it('sends the keyword, kind and status filters to the server', async () => {
    const fetchMock = renderList();
    await screen.findByText('领取通知书', undefined, WAIT);
    fireEvent.change(screen.getByPlaceholderText('模板标识 / 名称'), { target: { value: '通知' } });
    await pick('类别', '容缺受理承诺书');
    await pick('状态', '已停用');
    fireEvent.click(button(/^查\s*询$/));
    await waitFor(() => expect(listQueries(fetchMock).at(-1)).toEqual({ page: '1', pageSize: '20', keyword: '通知', kind: 'tolerance_promise', status: 'retired' }), WAIT);
  });

  it('creates a template on an A4 starter (GB/T 9704 margins, title and paragraph) and opens it', async () => {
    const created = templateView({ id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeee03', key: 'collect_notice', title: '领取通知', version: 1 });
    let taken = true;
    const fetchMock = renderList({ create: () => (taken ? error(409, 'PRINT_KEY_TAKEN', '模板标识已被使用，请换一个标识或打开已有模板') : jsonResponse(200, created)) });
    fireEvent.click(await findButton('新建模板'));
    const dialog = await screen.findByRole('dialog', { hidden: true }, WAIT);
    fireEvent.change(within(dialog).getByLabelText('模板标识'), { target: { value: 'Pickup' } });
    fireEvent.change(within(dialog).getByLabelText('模板名称'), { target: { value: '领取通知' } });
    await pick('类别', '申请表', dialog);
    fireEvent.click(button(/^创\s*建$/, dialog));
    expect(await within(dialog).findByText(/模板标识须以小写字母开头/, undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, LIST).filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('模板标识'), { target: { value: 'pickup_notice' } });
    fireEvent.click(button(/^创\s*建$/, dialog));
    expect(await within(dialog).findByText('模板标识已被使用，请换一个标识或打开已有模板', undefined, WAIT)).toBeTruthy();

    taken = false;
    fireEvent.change(within(dialog).getByLabelText('模板标识'), { target: { value: 'collect_notice' } });
    fireEvent.click(button(/^创\s*建$/, dialog));
    expect(await screen.findByText('设计页 eeeeeeee-eeee-4eee-8eee-eeeeeeeeee03', undefined, WAIT)).toBeTruthy();
    const posts = callsTo(fetchMock, LIST).filter((c) => c.method === 'POST');
    expect(posts.at(-1)?.body).toEqual({
      key: 'collect_notice', title: '领取通知', kind: 'application_form',
      definition: {
        page: { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } }, fontSize: 14, lineHeight: 1.6,
        blocks: [{ type: 'title', text: '领取通知' }, { type: 'paragraph', text: '{{applicantName}}：\n请在此填写正文。' }],
      },
    });
  });

  it('offers 新建模板 only to those who may manage templates', async () => {
    renderList({ permissions: ['print:template:view'] });
    await screen.findByText('领取通知书', undefined, WAIT);
    expect(queryButton('新建模板')).toBeNull();
  });
});
