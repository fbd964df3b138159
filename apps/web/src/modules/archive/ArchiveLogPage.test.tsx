import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { AuditLogView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe, serve } from '../../test-utils';
import { ArchiveLogPage } from './ArchiveLogPage';

const LOGS = '/api/admin/archive/logs';
const WAIT = { timeout: 15_000 };
const log = (over: Partial<AuditLogView>): AuditLogView => ({
  seq: 1, occurredAt: '2026-03-02T10:00:00+08:00', userId: null, username: 'xw_dangan', positionId: null, orgId: null, clientIp: '127.0.0.1',
  action: 'archive.record.check', targetType: 'archive_record', targetIds: ['r1'], result: 'success', detail: {}, traceId: null, ...over,
});

beforeEach(() => {
  localStorage.clear();
  setToken('tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ArchiveLogPage', () => {
  it('names each operation in Chinese with what it was about, and filters by result', async () => {
    const me: MeView = { ...sampleMe, permissions: ['archive:record:view'] };
    const fetchMock = serve((url) => {
      if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
      if (url.pathname === LOGS) {
        return jsonResponse(200, { total: 3, items: [
          log({ seq: 3, action: 'archive.record.archive', result: 'failure', detail: { caseNo: 'XW-2026-0002', failed: ['I2', 'A1'] } }),
          log({ seq: 2, action: 'archive.record.archive', detail: { caseNo: 'XW-2026-0001', archivalCode: 'J032-ZW·07-2026-D30-0001' } }),
          log({ seq: 1, action: 'archive.rule.save', targetType: 'matter_type', targetIds: ['adjudication'], detail: { retention: 'Y' } }),
        ] });
      }
      return undefined;
    });
    render(<AppHarness path="/archive/logs"><Route path="/archive/logs" element={<ArchiveLogPage />} /></AppHarness>);
    const failed = (await screen.findByText('办件 XW-2026-0002；未通过：完整性 I2、真实性 A1', undefined, WAIT)).closest('tr') as HTMLElement;
    expect(within(failed).getByText('归档')).toBeTruthy();
    expect(within(failed).getByText('失败')).toBeTruthy();
    expect(screen.getByText('办件 XW-2026-0001；档号 J032-ZW·07-2026-D30-0001')).toBeTruthy();
    expect(within(screen.getByText('事项类型 adjudication；保管期限 Y').closest('tr') as HTMLElement).getByText('保存归档配置')).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '结果' }));
    fireEvent.click(await screen.findByText('失败', { selector: '.ant-select-item-option-content' }, WAIT));
    await waitFor(() => expect(fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === LOGS).at(-1)?.searchParams.get('result')).toBe('failure'), WAIT);
  }, 30_000);
});
