import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import dayjs from 'dayjs';
import type { MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import type { TaskDetail, TaskView } from './api';
import { TaskInboxPage } from './TaskInboxPage';

const INSTANCE = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const T_OPEN = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd1';
const T_MINE = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd2';
const ME = sampleMe.user.id;
/** antd spaces out two-character button labels (退 回) outside the app's ConfigProvider. */
const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);
const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

const task = (over: Partial<TaskView>): TaskView => ({
  id: T_OPEN, instanceId: INSTANCE, nodeId: 'step_2', nodeName: '审核', assigneeId: null, assigneeName: null, ownerId: null, ownerName: null,
  candidateRole: 'approver', candidateOrgId: null, status: 'open', outcome: null, createdAt: '2026-01-05T09:00:00+08:00', completedAt: null,
  dueDate: null, blocked: false, signKind: null, parentTaskId: null, businessKey: 'SL-2026-0001', definitionName: '户口迁移审批', ...over,
});
const tasks = [
  task({ id: T_OPEN, dueDate: day(-2), definitionName: '户口迁移审批', businessKey: 'SL-2026-0001' }),
  task({ id: T_MINE, nodeId: 'step_3', nodeName: '审批', assigneeId: ME, dueDate: day(1), definitionName: '户口迁移审批', businessKey: 'SL-2026-0002' }),
];
const detail: TaskDetail = {
  ...tasks[1],
  businessKey: 'SL-2026-0002',
  definitionName: '户口迁移审批',
  allowedActions: ['complete', 'return', 'transfer', 'cc'],
  returnTargets: [{ nodeId: 'step_1', name: '受理' }, { nodeId: 'step_2', name: '审核' }],
  signTasks: [],
  pendingAfterSigners: [],
  suspended: false,
  history: [
    { id: 'o1', taskId: null, nodeId: 'start', nodeName: '开始', action: 'start', userId: null, userName: '王窗口', orgId: null, opinion: '', at: '2026-01-05T09:00:00+08:00' },
    { id: 'o2', taskId: null, nodeId: 'step_2', nodeName: '审核', action: 'approve', userId: null, userName: '李审核', orgId: null, opinion: '材料齐全，同意', at: '2026-01-06T10:00:00+08:00' },
  ],
};

type Handler = (init: RequestInit | undefined) => Response;

function serve(over: Record<string, Handler> = {}) {
  const me: MeView = { ...sampleMe, permissions: ['workflow:task:view'] };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const key = `${method} ${url.split('?')[0]}`;
    if (over[key]) return over[key](init);
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (key === 'GET /api/workflow/tasks') return jsonResponse(200, { items: tasks, total: 2 });
    if (key === 'GET /api/workflow/cc') return jsonResponse(200, { items: [], total: 0 });
    if (key === `GET /api/workflow/tasks/${T_MINE}`) return jsonResponse(200, detail);
    if (key === `POST /api/workflow/tasks/${T_OPEN}/claim`) return jsonResponse(200, { ...tasks[0], assigneeId: ME });
    if (key === `GET /api/workflow/tasks/${T_OPEN}`) return jsonResponse(200, { ...detail, ...tasks[0], assigneeId: ME, businessKey: 'SL-2026-0001', definitionName: '户口迁移审批' });
    if (method === 'POST' && url.startsWith(`/api/workflow/tasks/${T_MINE}/`)) return jsonResponse(200, { status: 'running' });
    return jsonResponse(404, { code: 'COMMON_ROUTE_NOT_FOUND', message: '接口不存在', traceId: 't' });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <AppHarness path="/handling/tasks">
      <Route path="/handling/tasks" element={<TaskInboxPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof serve>, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => url === path && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));

/** In jsdom antd gives every dialog the same aria-labelledby id, so dialogs are found by their title text. */
const dialogTitled = (title: string) =>
  waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.startsWith(title));
    if (!d) throw new Error(`no dialog titled ${title}`);
    return d;
  });

async function openMine() {
  fireEvent.click(await screen.findByRole('button', { name: '户口迁移审批 · 审批' }));
  return dialogTitled('户口迁移审批 · 审批');
}

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TaskInboxPage', () => {
  it('lists my tasks by due date with overdue and due-soon tags, and claims a role task', async () => {
    const fetchMock = serve();
    const overdueRow = (await screen.findByText('SL-2026-0001')).closest('tr')!;
    expect(within(overdueRow).getByText('已超期 2 天')).toBeTruthy();
    expect(within(overdueRow).getByText(/待签收/)).toBeTruthy();
    const mineRow = screen.getByText('SL-2026-0002').closest('tr')!;
    expect(within(mineRow).getByText('明日到期')).toBeTruthy();
    expect(within(mineRow).getByText('已签收')).toBeTruthy();
    expect(within(mineRow).queryByText('签收')).toBeNull();

    fireEvent.click(within(overdueRow).getByText('签收'));
    await waitFor(() => expect(posts(fetchMock, `/api/workflow/tasks/${T_OPEN}/claim`)).toHaveLength(1));
    // claiming opens the task for handling
    expect(await dialogTitled('户口迁移审批 · 审核')).toBeTruthy();
  });

  it('offers only the allowed operations and shows the opinion history', async () => {
    serve();
    const drawer = await openMine();
    expect(await within(drawer).findByText('材料齐全，同意')).toBeTruthy();
    expect(within(drawer).getByText('李审核', { exact: false })).toBeTruthy();
    for (const name of ['通过', '不通过', '退回', '转办', '抄送']) expect(within(drawer).getByRole('button', { name: label(name) })).toBeTruthy();
    for (const name of ['加签', '减签', '撤回', '委派']) expect(within(drawer).queryByRole('button', { name: label(name) })).toBeNull();
  });

  it('不通过 needs a reason; Enter submits, but not while the IME is composing', async () => {
    const fetchMock = serve();
    const drawer = await openMine();
    fireEvent.click(await within(drawer).findByRole('button', { name: label('不通过') }));
    const reason = await screen.findByLabelText('不通过理由');
    fireEvent.keyDown(reason, { key: 'Enter' });
    expect(await screen.findByText('请填写不通过理由', {}, { timeout: 5000 })).toBeTruthy();
    expect(posts(fetchMock, `/api/workflow/tasks/${T_MINE}/complete`)).toHaveLength(0);

    fireEvent.change(reason, { target: { value: '缺少迁入地' } });
    fireEvent.keyDown(reason, { key: 'Enter', isComposing: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(posts(fetchMock, `/api/workflow/tasks/${T_MINE}/complete`)).toHaveLength(0);

    fireEvent.change(reason, { target: { value: '缺少迁入地同意证明' } });
    fireEvent.keyDown(reason, { key: 'Enter' });
    await waitFor(() => expect(posts(fetchMock, `/api/workflow/tasks/${T_MINE}/complete`)).toEqual([{ outcome: 'reject', opinion: '缺少迁入地同意证明' }]));
    // the task is done: dialog and drawer close
    await waitFor(() => expect(screen.queryByLabelText('不通过理由')).toBeNull());
  });

  it('退回 preselects the latest earlier step and keeps the dialog open with the server\'s Chinese refusal', async () => {
    const fetchMock = serve({
      [`POST /api/workflow/tasks/${T_MINE}/return`]: () =>
        jsonResponse(409, { code: 'WORKFLOW_TASK_ALREADY_DONE', message: '该任务已被办理或已撤销，请刷新后查看', traceId: 't1' }),
    });
    const drawer = await openMine();
    fireEvent.click(await within(drawer).findByRole('button', { name: label('退回') }));
    const dialog = await dialogTitled('退回 · 审批');
    expect(within(dialog).getByTitle('审核')).toBeTruthy(); // selected target
    const reason = within(dialog).getByLabelText('退回原因');
    fireEvent.change(reason, { target: { value: '请补充材料' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认退回/ }));
    expect(await within(dialog).findByText('该任务已被办理或已撤销，请刷新后查看')).toBeTruthy();
    expect(posts(fetchMock, `/api/workflow/tasks/${T_MINE}/return`)).toEqual([{ targetNodeId: 'step_2', opinion: '请补充材料' }]);
    expect(within(dialog).getByLabelText('退回原因')).toBeTruthy();
  });
});
