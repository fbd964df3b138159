import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { MessageBell } from './MessageBell';

const unread = {
  items: [{ id: '66666666-6666-4666-8666-666666666666', title: '即将超期：320102202611280000001', body: '办件将于 2026-12-01 到期，请尽快办理。', link: '/handling/cases/abc', businessKey: 'abc', createdAt: '2026-11-28T08:00:00+08:00', readAt: null }],
  total: 1, unread: 1,
};

describe('MessageBell', () => {
  beforeEach(() => { localStorage.clear(); setToken('tok'); });
  afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

  it('shows the unread count, lists unread messages, and opening one marks it read and goes to its page', async () => {
    let count = 1;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/me') return jsonResponse(200, sampleMe);
      if (url === '/api/messages/unread-count') return jsonResponse(200, { count });
      if (url.startsWith('/api/messages/inbox')) return jsonResponse(200, count ? unread : { items: [], total: 0, unread: 0 });
      if (url === `/api/messages/${unread.items[0].id}/read` && init?.method === 'POST') { count = 0; return jsonResponse(200, { ok: true }); }
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found', traceId: 't' });
    });
    vi.stubGlobal('fetch', fetchMock);
    render(
      <AppHarness path="/workbench">
        <Route path="/workbench" element={<MessageBell />} />
        <Route path="/handling/cases/:id" element={<div>办件详情页</div>} />
      </AppHarness>,
    );
    const bell = await screen.findByLabelText('消息，1 条未读');
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/messages/inbox'))).toBe(false); // the list loads only when opened
    fireEvent.click(bell);
    fireEvent.click(await screen.findByText('即将超期：320102202611280000001'));
    expect(await screen.findByText('办件详情页')).toBeTruthy();
    await waitFor(() => expect(fetchMock.mock.calls.some(([url, i]) => url === `/api/messages/${unread.items[0].id}/read` && (i as RequestInit)?.method === 'POST')).toBe(true));
  });
});
