import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, error, jsonResponse, sampleMe, serve, type Handler } from '../../test-utils';
import type { DoneTask } from './api';
import { TaskInboxPage } from './TaskInboxPage';

const T_WITHDRAWABLE = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd1';
const T_SETTLED = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd2';
/** antd spaces out two-character button labels (撤 回) outside the app's ConfigProvider. */
const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

const item = (over: Partial<DoneTask>): DoneTask => ({
  id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee1', taskId: T_WITHDRAWABLE, instanceId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', nodeId: 'review', nodeName: '审核',
  definitionName: '户口迁移审批', businessKey: 'case-1', caseNo: 'SL-2026-0001', title: '户口迁移', outcome: 'approve', opinion: '材料齐全，同意',
  completedAt: '2026-01-06T10:00:00+08:00', instanceStatus: 'running', suspended: false, currentNodeNames: ['审批'], withdrawable: true, ...over,
});
const done = [
  item({}),
  item({ id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee2', taskId: T_SETTLED, caseNo: 'SL-2026-0002', title: null, outcome: 'return', opinion: '退回至“受理”：请补充户口簿',
    completedAt: '2026-01-05T09:00:00+08:00', instanceStatus: 'completed', currentNodeNames: [], withdrawable: false }),
];

function renderPage(over: Handler = () => undefined) {
  const me: MeView = { ...sampleMe, permissions: ['workflow:task:view'] };
  const fetchMock = serve(async (url, init, body) => {
    const answer = await over(url, init, body);
    if (answer) return answer;
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    if (key === 'GET /api/auth/me') return jsonResponse(200, me);
    if (key === 'GET /api/workflow/tasks') return jsonResponse(200, { items: [], total: 0 });
    if (key === 'GET /api/workflow/tasks/done') return jsonResponse(200, { items: done, total: 2 });
    if (key === 'GET /api/workflow/cc') return jsonResponse(200, { items: [], total: 0 });
    return undefined;
  });
  render(
    <AppHarness path="/handling/tasks">
      <Route path="/handling/tasks" element={<TaskInboxPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const gets = (fetchMock: ReturnType<typeof serve>, path: string) => callsTo(fetchMock, path).filter((c) => c.method === 'GET');
const queriesOf = (fetchMock: ReturnType<typeof serve>, path: string) =>
  fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === path).map((u) => Object.fromEntries(u.searchParams));

async function openDoneTab() {
  fireEvent.click(await screen.findByRole('tab', { name: '已办任务' }));
  return (await screen.findByText('SL-2026-0001')).closest('tr')!;
}

async function confirmWithdraw(row: HTMLElement) {
  fireEvent.click(within(row).getByText('撤回'));
  const pop = (await screen.findByText('确认撤回？')).closest('.ant-popover')! as HTMLElement;
  fireEvent.click(within(pop).getByRole('button', { name: label('撤回') }));
}

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TaskInboxPage · 已办', () => {
  it('keeps 待办 first and lists what I handled with outcome, opinion and where the process stands now', async () => {
    const fetchMock = renderPage();
    expect(await screen.findByRole('tab', { name: '待办任务', selected: true })).toBeTruthy();
    expect(gets(fetchMock, '/api/workflow/tasks/done')).toHaveLength(0); // loaded only when the tab is opened

    const row = await openDoneTab();
    expect(queriesOf(fetchMock, '/api/workflow/tasks/done')).toEqual([{ page: '1', pageSize: '20' }]);
    for (const text of ['审核', '户口迁移审批', '户口迁移', '通过', '材料齐全，同意', '运行中', '当前：审批']) expect(within(row).getByText(text)).toBeTruthy();
    expect(within(row).getByText('撤回')).toBeTruthy();
    const settled = screen.getByText('SL-2026-0002').closest('tr')!;
    for (const text of ['退回', '退回至“受理”：请补充户口簿', '已办结']) expect(within(settled).getByText(text)).toBeTruthy();
    expect(within(settled).queryByText('撤回')).toBeNull();

    fireEvent.change(screen.getByPlaceholderText('办件编号 / 事项 / 流程名称'), { target: { value: 'SL-2026-0002' } });
    fireEvent.click(screen.getByRole('button', { name: label('查询') }));
    await waitFor(() => expect(queriesOf(fetchMock, '/api/workflow/tasks/done').at(-1)).toEqual({ page: '1', pageSize: '20', keyword: 'SL-2026-0002' }));
  });

  it('查看 opens the task as the 待办 list does', async () => {
    const fetchMock = renderPage();
    const row = await openDoneTab();
    fireEvent.click(within(row).getByText('查看'));
    await waitFor(() => expect(gets(fetchMock, `/api/workflow/tasks/${T_WITHDRAWABLE}`)).toHaveLength(1));
  });

  it('撤回 asks first, calls the withdraw endpoint and refreshes both 已办 and 待办', async () => {
    const fetchMock = renderPage((url, init) =>
      url.pathname === `/api/workflow/tasks/${T_WITHDRAWABLE}/withdraw` && init?.method === 'POST'
        ? jsonResponse(200, { ok: true, instanceStatus: 'running', taskIds: [T_WITHDRAWABLE] })
        : undefined,
    );
    const row = await openDoneTab();
    const before = { done: gets(fetchMock, '/api/workflow/tasks/done').length, todo: gets(fetchMock, '/api/workflow/tasks').length };
    await confirmWithdraw(row);
    await waitFor(() => expect(callsTo(fetchMock, `/api/workflow/tasks/${T_WITHDRAWABLE}/withdraw`)).toEqual([{ method: 'POST', body: {}, auth: 'Bearer tok' }]));
    expect(await screen.findByText('已撤回：户口迁移审批 · 审核（SL-2026-0001），任务已回到您的待办')).toBeTruthy();
    await waitFor(() => {
      expect(gets(fetchMock, '/api/workflow/tasks/done').length).toBeGreaterThan(before.done);
      expect(gets(fetchMock, '/api/workflow/tasks').length).toBeGreaterThan(before.todo);
    });
  });

  it('shows the server\'s Chinese reason when it is too late to withdraw', async () => {
    renderPage((url, init) =>
      url.pathname.endsWith('/withdraw') && init?.method === 'POST'
        ? error(409, 'WORKFLOW_WITHDRAW_TOO_LATE', '下一环节已开始办理或流程已有新进展，不能撤回')
        : undefined,
    );
    await confirmWithdraw(await openDoneTab());
    expect(await screen.findByText('下一环节已开始办理或流程已有新进展，不能撤回')).toBeTruthy();
  });
});
