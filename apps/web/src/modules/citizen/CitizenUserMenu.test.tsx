import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route, useLocation } from 'react-router-dom';
import { getCitizenToken, setCitizenToken } from '../../app/request';
import { PortalLayout } from '../../shells/portal/PortalLayout';
import { AppHarness, jsonResponse } from '../../test-utils';
import { RequireCitizen } from './RequireCitizen';
import { callsTo, citizenMe, COMPANY, serve } from './test-fixtures';

const WAIT = { timeout: 15_000 };

function Where() {
  const { pathname, search } = useLocation();
  return <div>当前页面 {pathname + search}</div>;
}

function renderPortal(path: string) {
  return render(
    <AppHarness path={path}>
      <Route path="/portal" element={<PortalLayout />}>
        <Route path="*" element={<Where />} />
        <Route index element={<Where />} />
        <Route path="account" element={<RequireCitizen><div>个人中心页</div></RequireCitizen>} />
      </Route>
    </AppHarness>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('portal header: the citizen\'s sign-in', () => {
  it('offers 登录 coming back to the current page, without asking the server anything', async () => {
    const fetchMock = serve(() => undefined);
    renderPortal('/portal/matters/JS-Z001');
    const login = await screen.findByRole('link', { name: /登\s*录/ }, WAIT);
    expect(login.getAttribute('href')).toBe('/portal/login?redirect=%2Fportal%2Fmatters%2FJS-Z001');
    fireEvent.click(login);
    expect(await screen.findByText('当前页面 /portal/login?redirect=%2Fportal%2Fmatters%2FJS-Z001', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, '/api/citizen/me')).toHaveLength(0);
  });

  it('shows the signed-in name and company; 退出登录 on a signed-in-only page ends the session and returns to the portal home', async () => {
    setCitizenToken('tok');
    const fetchMock = serve((url) => {
      if (url.pathname === '/api/citizen/me') return jsonResponse(200, citizenMe({ actingFor: COMPANY }));
      if (url.pathname === '/api/citizen/logout') return jsonResponse(200, { ok: true });
      return undefined;
    });
    renderPortal('/portal/account');
    expect(await screen.findByText('个人中心页', undefined, WAIT)).toBeTruthy();
    const menu = await screen.findByRole('button', { name: `用户菜单：张明远（${COMPANY.name}）` }, WAIT);
    fireEvent.click(menu);
    expect(await screen.findByRole('menuitem', { name: /我的办件/ }, WAIT)).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /个人中心/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('menuitem', { name: /退出登录/ }));

    expect(await screen.findByText('当前页面 /portal', undefined, WAIT)).toBeTruthy();
    await waitFor(() => expect(getCitizenToken()).toBeNull(), WAIT);
    expect(callsTo(fetchMock, '/api/citizen/logout')).toEqual([{ method: 'POST', body: {}, auth: 'Bearer tok' }]);
    expect(await screen.findByRole('link', { name: /登\s*录/ }, WAIT)).toBeTruthy();
  });

  it('a session the server no longer accepts goes to the portal login without reloading', async () => {
    setCitizenToken('stale');
    serve((url) => (url.pathname === '/api/citizen/me' ? jsonResponse(401, { code: 'COMMON_UNAUTHENTICATED', message: '登录已失效，请重新登录', traceId: 't' }) : undefined));
    renderPortal('/portal/search?q=x');
    expect(await screen.findByText('当前页面 /portal/login?redirect=%2Fportal%2Fsearch%3Fq%3Dx', undefined, WAIT)).toBeTruthy();
    expect(getCitizenToken()).toBeNull();
  });
});
