import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route, useLocation } from 'react-router-dom';
import { getCitizenToken } from '../../app/request';
import { AppHarness, jsonResponse } from '../../test-utils';
import { CitizenLoginPage } from './CitizenLoginPage';
import { safePortalRedirect } from './labels';
import { callsTo, error, loginResult, serve } from './test-fixtures';

const WAIT = { timeout: 15_000 };

function Where() {
  const { pathname, search } = useLocation();
  return <div>当前页面 {pathname + search}</div>;
}

function renderLogin(path = '/portal/login?redirect=%2Fportal%2Faccount') {
  return render(
    <AppHarness path={path}>
      <Route path="/portal/login" element={<CitizenLoginPage />} />
      <Route path="/portal/*" element={<Where />} />
    </AppHarness>,
  );
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('safePortalRedirect', () => {
  it('goes back to portal pages of this site only', () => {
    expect(safePortalRedirect('/portal/account')).toBe('/portal/account');
    expect(safePortalRedirect('/portal/matters/JS-Z001?x=1')).toBe('/portal/matters/JS-Z001?x=1');
    for (const bad of [null, '', 'https://evil.example/portal', '//evil.example/portal', '/workbench', '/portalx', '/portal/login?redirect=/portal']) {
      expect(safePortalRedirect(bad)).toBe('/portal/my');
    }
  });
});

describe('CitizenLoginPage: 短信验证码登录 (the default on a phone)', () => {
  it('shows no demo identity or code outside demo mode', async () => {
    const fetchMock = serve((url) => (url.pathname === '/api/citizen-auth/options' ? jsonResponse(200, { demo: false }) : undefined));
    renderLogin();
    expect(await screen.findByRole('tab', { name: /短信验证码登录/, selected: true }, WAIT)).toBeTruthy();
    await waitFor(() => expect(callsTo(fetchMock, '/api/citizen-auth/options')).toHaveLength(1), WAIT);
    expect(screen.queryByText(/演示数据/)).toBeNull();
  });

  it('fills in the demo code, signs in, keeps the citizen token and goes to the redirect', async () => {
    const fetchMock = serve((url, _init, body) => {
      if (url.pathname === '/api/citizen-auth/options') return jsonResponse(200, { demo: true });
      if (url.pathname === '/api/citizen-auth/sms-codes') return jsonResponse(200, { expiresInSeconds: 300, resendInSeconds: 60, demoCode: '123456' });
      if (url.pathname === '/api/citizen-auth/sms-login') return body.code === '123456' ? jsonResponse(200, loginResult('tok-sms')) : undefined;
      return undefined;
    });
    renderLogin();
    expect(await screen.findByRole('tab', { name: /短信验证码登录/, selected: true }, WAIT)).toBeTruthy();
    expect(await screen.findByText(/演示数据：张明远 320102198807150034/, undefined, WAIT)).toBeTruthy();

    fill('姓名', '张明远');
    fill('公民身份号码', '320102198807150034');
    fill('手机号', '13851880715');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    expect(await screen.findByText('演示模式：验证码 123456', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, '/api/citizen-auth/sms-codes')[0].body).toEqual({ phone: '13851880715' });
    const resend = screen.getByRole('button', { name: /秒后重新获取/ });
    expect(resend).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: '填入' }));
    expect(screen.getByLabelText<HTMLInputElement>('验证码').value).toBe('123456');
    fireEvent.click(screen.getByRole('button', { name: /^登\s*录$/ }));

    expect(await screen.findByText('当前页面 /portal/account', undefined, WAIT)).toBeTruthy();
    expect(getCitizenToken()).toBe('tok-sms');
    const [login] = callsTo(fetchMock, '/api/citizen-auth/sms-login');
    expect(login.body).toEqual({ name: '张明远', idNo: '320102198807150034', phone: '13851880715', code: '123456' });
  });

  it('shows a field error from the server under 公民身份号码, and other refusals as an alert', async () => {
    let attempt = 0;
    serve((url) => {
      if (url.pathname !== '/api/citizen-auth/sms-login') return undefined;
      attempt++;
      return attempt === 1
        ? error(400, 'COMMON_VALIDATION_FAILED', '提交的数据不符合要求', { fields: [{ path: 'body.idNo', message: '公民身份号码校验位不正确' }] })
        : error(400, 'CITIZEN_IDENTITY_NOT_VERIFIED', '姓名与公民身份号码核验不一致，请检查后重试');
    });
    renderLogin('/portal/login?tab=sms');
    await screen.findByLabelText('公民身份号码', undefined, WAIT);
    fill('姓名', '张明远');
    fill('公民身份号码', '320102198807150035');
    fill('手机号', '13851880715');
    fill('验证码', '123456');
    fireEvent.click(screen.getByRole('button', { name: /^登\s*录$/ }));

    const message = await screen.findByText('公民身份号码校验位不正确', undefined, WAIT);
    const item = screen.getByLabelText('公民身份号码').closest('.ant-form-item');
    expect(item?.contains(message)).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();

    fill('公民身份号码', '320102198807150034');
    fireEvent.click(screen.getByRole('button', { name: /^登\s*录$/ }));
    expect((await screen.findByRole('alert', undefined, WAIT)).textContent).toContain('姓名与公民身份号码核验不一致');
    expect(getCitizenToken()).toBeNull();
  });

  it('counts down from the server\'s wait when codes are asked too often', async () => {
    serve((url) => (url.pathname === '/api/citizen-auth/sms-codes'
      ? error(429, 'CITIZEN_SMS_TOO_FREQUENT', '验证码发送过于频繁，请稍后再试', { retryAfterSeconds: 42 }) : undefined));
    renderLogin('/portal/login?tab=sms');
    fill('手机号', '13851880715');
    fireEvent.click(await screen.findByRole('button', { name: '获取验证码' }, WAIT));
    expect((await screen.findByRole('alert', undefined, WAIT)).textContent).toContain('验证码发送过于频繁');
    expect(screen.getByRole('button', { name: /4[12] 秒后重新获取/ })).toHaveProperty('disabled', true);
  });
});

describe('CitizenLoginPage: 扫码登录', () => {
  it('shows the code for this site\'s scan page, then 已扫码, and signs in once the phone confirmed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const polls = [
      { status: 'pending', login: null },
      { status: 'scanned', login: null },
      { status: 'consumed', login: loginResult('tok-qr') },
    ];
    const fetchMock = serve((url, _init, body) => {
      if (url.pathname === '/api/citizen-auth/options') return jsonResponse(200, { demo: true });
      if (url.pathname === '/api/citizen-auth/qr-tickets') {
        return jsonResponse(200, { ticketId: 'aaaaaaaa-0000-4000-8000-000000000001', pollSecret: 's'.repeat(43), qrContent: 'http://server.internal/portal/scan/x', expiresAt: '2099-01-01T00:00:00Z' });
      }
      if (url.pathname === '/api/citizen-auth/qr-tickets/aaaaaaaa-0000-4000-8000-000000000001/poll' && body.pollSecret === 's'.repeat(43)) {
        return jsonResponse(200, polls.shift());
      }
      return undefined;
    });
    renderLogin('/portal/login?tab=qr&redirect=%2Fportal%2Fmatters%2FJS-Z001');

    const code = await screen.findByRole('region', { name: '登录二维码' }, WAIT);
    await waitFor(() => expect(code.getAttribute('data-ticket-url')).toBe(`${window.location.origin}/portal/scan/aaaaaaaa-0000-4000-8000-000000000001`), WAIT);
    expect(screen.getByText('请使用苏证通 App 扫一扫登录')).toBeTruthy();
    expect(screen.getByRole('link', { name: '在本机打开' }).getAttribute('href')).toBe(`${window.location.origin}/portal/scan/aaaaaaaa-0000-4000-8000-000000000001`);

    const tick = () => act(async () => { await vi.advanceTimersByTimeAsync(2000); });
    await tick(); // pending
    expect(callsTo(fetchMock, '/api/citizen-auth/qr-tickets/aaaaaaaa-0000-4000-8000-000000000001/poll')).toHaveLength(1);
    await tick(); // scanned
    expect(await screen.findAllByText('已扫码，请在手机上确认', undefined, WAIT)).not.toHaveLength(0);
    await tick(); // consumed
    expect(await screen.findByText('当前页面 /portal/matters/JS-Z001', undefined, WAIT)).toBeTruthy();
    expect(getCitizenToken()).toBe('tok-qr');
  });

  it('offers 刷新 on an expired code and asks for a new one', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let n = 0;
    const fetchMock = serve((url) => {
      if (url.pathname === '/api/citizen-auth/qr-tickets') {
        n++;
        return jsonResponse(200, { ticketId: `aaaaaaaa-0000-4000-8000-00000000000${n}`, pollSecret: 'p'.repeat(43), qrContent: 'x', expiresAt: '2099-01-01T00:00:00Z' });
      }
      if (url.pathname.endsWith('/poll')) return jsonResponse(200, { status: 'expired', login: null });
      return undefined;
    });
    renderLogin('/portal/login?tab=qr');
    const code = await screen.findByRole('region', { name: '登录二维码' }, WAIT);
    await waitFor(() => expect(code.getAttribute('data-status')).toBe('pending'), WAIT);
    await act(async () => { await vi.advanceTimersByTimeAsync(2000); });
    expect(await screen.findByText('二维码已过期', undefined, WAIT)).toBeTruthy();
    await act(async () => { await vi.advanceTimersByTimeAsync(6000); });
    expect(callsTo(fetchMock, '/api/citizen-auth/qr-tickets/aaaaaaaa-0000-4000-8000-000000000001/poll')).toHaveLength(1); // stops polling

    fireEvent.click(screen.getByRole('button', { name: /刷\s*新/ }));
    await waitFor(() => expect(code.getAttribute('data-ticket-url')).toMatch(/aaaaaaaa-0000-4000-8000-000000000002$/), WAIT);
    expect(screen.getByText('请使用苏证通 App 扫一扫登录')).toBeTruthy();
    expect(getCitizenToken()).toBeNull();
  });
});
