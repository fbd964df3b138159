import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, jsonResponse, sampleMe, serve } from '../../test-utils';
import { MyDesk } from './MyDesk';

const WAIT = { timeout: 15_000 };
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('MyDesk (我的主页)', () => {
  it('counts each pre-review queue, lists overdue tasks with their case, and the latest evaluations', async () => {
    setToken('officer-token-000000000000');
    const fetchMock = serve((url) => {
      if (url.pathname === '/api/auth/me') return jsonResponse(200, { ...sampleMe, permissions: ['workbench:home:view', 'case:case:view', 'workflow:task:view'] });
      if (url.pathname === '/api/admin/case/cases') {
        const totals: Record<string, number> = { pending: 3, supplement: 1, tolerated: 0 };
        return jsonResponse(200, { items: [], total: url.searchParams.get('overdue') ? 2 : totals[url.searchParams.get('queue') ?? ''] ?? 0 });
      }
      if (url.pathname === '/api/workflow/tasks') {
        return jsonResponse(200, { total: 1, items: [{ id: 't1', nodeName: '审核', dueDate: yesterday, businessKey: 'case-1', definitionName: '机动车驾驶证补证流程' }] });
      }
      if (url.pathname === '/api/messages/unread-count') return jsonResponse(200, { count: 4 });
      if (url.pathname === '/api/admin/evaluation/evaluations') {
        return jsonResponse(200, { total: 1, items: [{ id: 'e1', caseId: 'c', caseNo: '32010220261129000001', matterName: '驾驶证补证、换证', orgName: null, level: 2, tags: [], comment: '等了很久', createdAt: '2026-11-29T09:00:00+08:00' }] });
      }
      return undefined;
    });
    render(<AppHarness path="/workbench"><Route path="/workbench" element={<MyDesk />} /></AppHarness>);
    expect(await screen.findByRole('link', { name: '待预审：3' }, WAIT)).toBeTruthy();
    expect(screen.getByRole('link', { name: '待预审：3' }).getAttribute('href')).toBe('/handling/pre-review?queue=pending');
    expect(await screen.findByRole('link', { name: '超期办件：2' }, WAIT)).toBeTruthy();
    expect(await screen.findByRole('link', { name: '未读消息：4' }, WAIT)).toBeTruthy();
    expect((await screen.findByRole('link', { name: '机动车驾驶证补证流程 · 审核' }, WAIT)).getAttribute('href')).toBe('/handling/cases/case-1');
    expect(screen.getByText(`已超期（${yesterday}）`)).toBeTruthy();
    expect(await screen.findByText(/等了很久/, undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, '/api/admin/case/cases')).toHaveLength(4);
  });
});
