import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { MeView, WorkflowDefinitionView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { BPMN_NS, JSGA_NS } from './chain/chain-to-bpmn';
import { WorkflowModelerPage } from './WorkflowModelerPage';

// The chain view must not need bpmn-js (it is loaded only for the 流程图 view).
vi.mock('bpmn-js/lib/Modeler', () => {
  throw new Error('bpmn-js must not load for the chain designer');
});

const DEF = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee1';
const view = (over: Partial<WorkflowDefinitionView> = {}): WorkflowDefinitionView => ({
  id: DEF, key: 'hukou-move', version: 1, name: '户口迁移审批', status: 'draft', createdAt: '2026-01-05T09:00:00+08:00', publishedAt: null, ...over,
});
const roles = [
  { id: 'r1', code: 'window_officer', name: '窗口受理民警', description: '', permissions: [], dataScope: 'org', customOrgIds: [], isSystem: true },
  { id: 'r2', code: 'approver', name: '审批民警', description: '', permissions: [], dataScope: 'org_and_below', customOrgIds: [], isSystem: true },
];

function serve(deploy: (body: { key: string; xml: string }) => Response) {
  const me: MeView = { ...sampleMe, permissions: ['workflow:definition:view', 'workflow:definition:manage', 'identity:role:view'] };
  let saved = { ...view(), bpmnXml: '' };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = url.split('?')[0];
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (method === 'GET' && path === `/api/admin/workflow/definitions/${DEF}`) return jsonResponse(200, saved);
    if (path === '/api/admin/identity/roles') return jsonResponse(200, { items: roles, total: 2 });
    if (method === 'POST' && path === '/api/admin/workflow/definitions') {
      const body = JSON.parse(String(init?.body)) as { key: string; xml: string };
      const res = deploy(body);
      if (res.ok) saved = { ...view(), bpmnXml: body.xml };
      return res;
    }
    if (method === 'POST' && path === `/api/admin/workflow/definitions/${DEF}/publish`) {
      saved = { ...saved, status: 'published', publishedAt: '2026-01-05T10:00:00+08:00' };
      return jsonResponse(200, view({ status: 'published', publishedAt: '2026-01-05T10:00:00+08:00' }));
    }
    if (path === '/api/admin/workflow/definitions') return jsonResponse(200, { items: [view()], total: 1 });
    return jsonResponse(404, { code: 'COMMON_ROUTE_NOT_FOUND', message: '接口不存在', traceId: 't' });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <AppHarness path="/config/workflows/new?type=chain">
      <Route path="/config/workflows/:id" element={<WorkflowModelerPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const deployCalls = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.filter(([url, init]) => url === '/api/admin/workflow/definitions' && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)) as { key: string; xml: string });

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('WorkflowModelerPage · 新建审批链', () => {
  it('checks the chain before saving, shows the server\'s problems, then saves the generated BPMN and offers 发布', async () => {
    let attempt = 0;
    const fetchMock = serve(() =>
      ++attempt === 1
        ? jsonResponse(400, { code: 'WORKFLOW_DEFINITION_INVALID', message: '流程定义有误：审批（step_3） 未配置办理人', details: { problems: ['审批（step_3） 未配置办理人'] }, traceId: 't1' })
        : jsonResponse(200, view()),
    );
    expect(await screen.findByText('新建审批链')).toBeTruthy();
    // the default chain: 受理 → 审核 → 审批
    expect((screen.getByLabelText('第1步名称') as HTMLInputElement).value).toBe('受理');
    expect((screen.getByLabelText('第3步名称') as HTMLInputElement).value).toBe('审批');

    const save = await screen.findByRole('button', { name: /保\s*存/ });
    fireEvent.change(screen.getByLabelText('第2步名称'), { target: { value: '' } });
    fireEvent.click(save);
    expect(await screen.findByText('流程标识须为小写字母开头的2-64位字母、数字、下划线或短横线')).toBeTruthy();
    expect(screen.getByText('第 2 步未填写名称')).toBeTruthy();
    expect(deployCalls(fetchMock)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('第2步名称'), { target: { value: '审核' } });
    fireEvent.change(screen.getByLabelText('流程名称'), { target: { value: '户口迁移审批' } });
    fireEvent.change(screen.getByLabelText('流程标识'), { target: { value: 'hukou-move' } });
    fireEvent.click(screen.getByLabelText('第3步会签'));
    fireEvent.click(save);
    expect(await screen.findByText('审批（step_3） 未配置办理人', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('流程定义有误，请按以下提示修改后再保存')).toBeTruthy();

    fireEvent.click(save);
    await waitFor(() => expect(deployCalls(fetchMock)).toHaveLength(2));
    const { key, xml } = deployCalls(fetchMock)[1];
    expect(key).toBe('hukou-move');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const process = doc.getElementsByTagNameNS(BPMN_NS, 'process')[0];
    expect(process.getAttribute('id')).toBe('hukou_move');
    expect(process.getAttribute('name')).toBe('户口迁移审批');
    const tasks = Array.from(doc.getElementsByTagNameNS(BPMN_NS, 'userTask'));
    expect(tasks.map((t) => [t.getAttribute('name'), t.getAttributeNS(JSGA_NS, 'candidateRole')])).toEqual([
      ['受理', 'window_officer'],
      ['审核', 'approver'],
      ['审批', 'approver'],
    ]);
    expect(tasks[2].getElementsByTagNameNS(BPMN_NS, 'multiInstanceLoopCharacteristics')[0].getAttributeNS(JSGA_NS, 'collection')).toBe('reviewers');

    // now the saved draft: title, version, 发布 with a confirmation
    expect(await screen.findByText('v1', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('草稿')).toBeTruthy();
    expect(screen.getByText('审批链')).toBeTruthy(); // the view switch appears for a chain-generated process
    fireEvent.click(screen.getByRole('button', { name: /发\s*布/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认发布' }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([url, init]) => url === `/api/admin/workflow/definitions/${DEF}/publish` && init?.method === 'POST')).toBe(true));
    expect(await screen.findByText('已发布', {}, { timeout: 5000 })).toBeTruthy();
  });
});
