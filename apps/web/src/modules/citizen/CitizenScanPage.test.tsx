import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { getCitizenToken, setCitizenToken } from '../../app/request';
import { AppHarness, jsonResponse } from '../../test-utils';
import { CitizenScanPage } from './CitizenScanPage';
import { callsTo, citizenMe, error, loginResult, serve, TICKET_ID, ticketView } from './test-fixtures';

const WAIT = { timeout: 15_000 };
const base = `/api/citizen/qr-tickets/${TICKET_ID}`;

function renderScan() {
  return render(
    <AppHarness path={`/portal/scan/${TICKET_ID}`}>
      <Route path="/portal/scan/:ticketId" element={<CitizenScanPage />} />
    </AppHarness>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CitizenScanPage (the phone side of 扫码登录)', () => {
  it('marks the code scanned, shows where the login was asked for, and confirms it with the phone\'s own session', async () => {
    setCitizenToken('phone-tok');
    const fetchMock = serve((url, init) => {
      if (url.pathname === '/api/citizen/me') return jsonResponse(200, citizenMe());
      if (url.pathname === `${base}/scan` && init?.method === 'POST') return jsonResponse(200, ticketView());
      if (url.pathname === `${base}/confirm` && init?.method === 'POST') return jsonResponse(200, ticketView({ status: 'confirmed' }));
      return undefined;
    });
    renderScan();

    expect(await screen.findByText('您正在登录 江苏公安政务服务网（电脑端）', undefined, WAIT)).toBeTruthy();
    expect(screen.getByText('张明远')).toBeTruthy();
    expect(screen.getByText('10.32.1.15')).toBeTruthy();
    expect(screen.getByText(/^2026-03-02 \d\d:15:30$/)).toBeTruthy();
    expect(callsTo(fetchMock, `${base}/scan`)).toEqual([{ method: 'POST', body: {}, auth: 'Bearer phone-tok' }]);

    fireEvent.click(screen.getByRole('button', { name: '确认登录' }));
    expect(await screen.findByText('已确认登录，请在电脑上继续', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, `${base}/confirm`)).toHaveLength(1);
    expect(callsTo(fetchMock, `${base}/cancel`)).toHaveLength(0);
  });

  it('signs the phone in by SMS first, then lets it cancel the request', async () => {
    const fetchMock = serve((url, init) => {
      if (url.pathname === '/api/citizen-auth/sms-codes') return jsonResponse(200, { expiresInSeconds: 300, resendInSeconds: 60, demoCode: '654321' });
      if (url.pathname === '/api/citizen-auth/sms-login') return jsonResponse(200, loginResult('phone-new'));
      if (url.pathname === '/api/citizen/me') return jsonResponse(200, citizenMe());
      if (url.pathname === `${base}/scan` && init?.method === 'POST') return jsonResponse(200, ticketView());
      if (url.pathname === `${base}/cancel` && init?.method === 'POST') return jsonResponse(200, ticketView({ status: 'cancelled' }));
      return undefined;
    });
    renderScan();
    expect(await screen.findByText('请先在手机上登录，再确认电脑端的登录请求。', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, `${base}/scan`)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '张明远' } });
    fireEvent.change(screen.getByLabelText('公民身份号码'), { target: { value: '320102198807150034' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13851880715' } });
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    fireEvent.click(await screen.findByRole('button', { name: '填入' }, WAIT));
    fireEvent.click(screen.getByRole('button', { name: '登录并继续' }));

    expect(await screen.findByText('您正在登录 江苏公安政务服务网（电脑端）', undefined, WAIT)).toBeTruthy();
    expect(getCitizenToken()).toBe('phone-new');
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    expect(await screen.findByText('已取消', undefined, WAIT)).toBeTruthy();
    expect(callsTo(fetchMock, `${base}/cancel`)[0].auth).toBe('Bearer phone-new');
  });

  it('says so when the code has expired', async () => {
    setCitizenToken('phone-tok');
    serve((url) => {
      if (url.pathname === '/api/citizen/me') return jsonResponse(200, citizenMe());
      if (url.pathname === `${base}/scan`) return error(409, 'CITIZEN_TICKET_EXPIRED', '二维码已过期，请在电脑上刷新二维码后重新扫码');
      return undefined;
    });
    renderScan();
    expect(await screen.findByText('二维码已过期', undefined, WAIT)).toBeTruthy();
    expect(screen.getByText('二维码已过期，请在电脑上刷新二维码后重新扫码')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认登录' })).toBeNull();
  });
});
