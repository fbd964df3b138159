import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { getToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe, sampleUser } from '../../test-utils';
import { LoginPage } from './LoginPage';

function renderLogin(path = '/login?redirect=%2Fsystem%2Fusers') {
  return render(
    <AppHarness path={path}>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/system/users" element={<div>用户页面</div>} />
      <Route path="/workbench" element={<div>工作台页面</div>} />
      <Route path="/portal" element={<div>网上办事大厅页面</div>} />
    </AppHarness>,
  );
}

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: '登录' }));

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LoginPage', () => {
  it('reveals the 动态口令 field after AUTH_TOTP_REQUIRED, resubmits with the code and follows the redirect', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/login') {
        const body = JSON.parse(String(init?.body)) as { totpCode?: string };
        if (!body.totpCode) return jsonResponse(401, { code: 'AUTH_TOTP_REQUIRED', message: '请输入动态口令', traceId: 't1' });
        return jsonResponse(200, { token: 'tok-xyz', expiresAt: '2099-01-01T00:00:00+08:00', user: sampleUser });
      }
      if (url === '/api/auth/me') return jsonResponse(200, sampleMe);
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found', traceId: 't' });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderLogin();

    expect(document.getElementById('totpCode')).toBeNull();
    type('username', 'zhangsan');
    type('password', 'Secret#123');
    submit();

    await waitFor(() => expect(document.getElementById('totpCode')).not.toBeNull());
    expect(screen.getByText(/已启用双因素认证/)).toBeTruthy();
    expect(getToken()).toBeNull();

    type('totpCode', '123456');
    submit();

    expect(await screen.findByText('用户页面')).toBeTruthy();
    const loginCalls = fetchMock.mock.calls.filter(([url]) => url === '/api/auth/login');
    expect(loginCalls).toHaveLength(2);
    expect(JSON.parse(String(loginCalls[1][1]?.body))).toEqual({ username: 'zhangsan', password: 'Secret#123', totpCode: '123456' });
    expect(getToken()).toBe('tok-xyz');
  });

  it('sends citizens who land here to the public portal', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { code: 'AUTH_UNAUTHENTICATED', message: '请先登录', traceId: 't' })));
    renderLogin('/login');
    fireEvent.click(await screen.findByRole('link', { name: '群众、企业办事请进入网上办事大厅' }));
    expect(await screen.findByText('网上办事大厅页面')).toBeTruthy();
  });

  it('shows wrong credentials on the form and stays on the login page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误', traceId: 't2' })));
    renderLogin('/login');
    type('username', 'zhangsan');
    type('password', 'wrong');
    submit();
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect(document.getElementById('totpCode')).toBeNull();
    expect(screen.queryByText('工作台页面')).toBeNull();
  });

  it('tells a locked account until when it is locked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(403, { code: 'AUTH_ACCOUNT_LOCKED', message: '账号已锁定', details: { lockedUntil: '2030-05-01T10:30:00+08:00' }, traceId: 't3' })),
    );
    renderLogin('/login');
    type('username', 'zhangsan');
    type('password', 'x');
    submit();
    expect(await screen.findByText(/账号已锁定，请于 2030-05-01 \d\d:30 后重试/)).toBeTruthy();
  });
});
