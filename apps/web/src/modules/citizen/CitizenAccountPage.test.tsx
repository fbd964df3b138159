import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, useLocation } from 'react-router-dom';
import { setCitizenToken } from '../../app/request';
import { AppHarness, jsonResponse } from '../../test-utils';
import { CitizenAccountPage } from './CitizenAccountPage';
import { RequireCitizen } from './RequireCitizen';
import { callsTo, citizenMe, COMPANY, error, serve } from './test-fixtures';

const WAIT = { timeout: 15_000 };

function Where() {
  const { pathname, search } = useLocation();
  return <div>当前页面 {pathname + search}</div>;
}

function renderAccount() {
  return render(
    <AppHarness path="/portal/account">
      <Route path="/portal/account" element={<RequireCitizen><CitizenAccountPage /></RequireCitizen>} />
      <Route path="/portal/*" element={<Where />} />
    </AppHarness>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CitizenAccountPage (个人中心)', () => {
  it('sends a visitor without a session to the portal login, coming back afterwards', async () => {
    const fetchMock = serve(() => undefined);
    renderAccount();
    expect(await screen.findByText('当前页面 /portal/login?redirect=%2Fportal%2Faccount', undefined, WAIT)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the masked identity and records the consent through the 授权身份核验 dialog', async () => {
    setCitizenToken('tok');
    const fetchMock = serve((url, init, body) => {
      if (url.pathname === '/api/citizen/me') return jsonResponse(200, citizenMe());
      if (url.pathname === '/api/citizen/consent' && init?.method === 'POST' && body.agree === true) {
        return jsonResponse(200, citizenMe({ consentAt: '2026-03-02T10:00:00+08:00' }));
      }
      return undefined;
    });
    renderAccount();
    expect(await screen.findByText('320102********0034', undefined, WAIT)).toBeTruthy();
    expect(screen.getByText('138****0715')).toBeTruthy();
    expect(screen.getByText('实名（人口库核验）')).toBeTruthy();
    expect(screen.getByText('短信验证码')).toBeTruthy();
    expect(screen.getByText('未授权')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^授\s*权$/ }));
    const dialog = await screen.findByRole('dialog', undefined, WAIT);
    expect(within(dialog).getByText('授权身份核验')).toBeTruthy();
    expect(within(dialog).getByText(/同意本平台向公安人口信息库、电子证照库核验您的身份/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '同意并继续' }));

    expect(await screen.findByText('已授权', undefined, WAIT)).toBeTruthy();
    expect(screen.getByRole('button', { name: '撤回授权' })).toBeTruthy();
    expect(callsTo(fetchMock, '/api/citizen/consent')).toEqual([{ method: 'POST', body: { agree: true }, auth: 'Bearer tok' }]);
  });

  it('switches to acting for the company as 法定代表人, lists its agents and revokes one', async () => {
    setCitizenToken('tok');
    let agents = [{ id: '88888888-8888-4888-8888-888888888888', name: '李晓雯', idNoMasked: '320102********0020', validTo: null, grantedAt: '2026-03-01T10:00:00+08:00' }];
    const fetchMock = serve((url, init, body) => {
      if (url.pathname === '/api/citizen/me') return jsonResponse(200, citizenMe());
      if (url.pathname === '/api/citizen/acting-for') {
        return jsonResponse(200, citizenMe({ actingFor: body.creditCode ? COMPANY : null }));
      }
      if (url.pathname === '/api/citizen/company/agents' && (init?.method ?? 'GET') === 'GET') return jsonResponse(200, { items: agents, total: agents.length });
      if (url.pathname === `/api/citizen/company/agents/${agents[0]?.id}` && init?.method === 'DELETE') {
        agents = [];
        return jsonResponse(200, { ok: true });
      }
      return undefined;
    });
    renderAccount();
    const identity = await screen.findByRole('radiogroup', { name: '办事身份' }, WAIT);
    expect(within(identity).getByLabelText<HTMLInputElement>('个人（张明远）').checked).toBe(true);
    expect(screen.queryByText(/经办人授权/)).toBeNull();

    fireEvent.click(within(identity).getByLabelText('南京明远商贸有限公司（法定代表人）'));
    await waitFor(() => expect(callsTo(fetchMock, '/api/citizen/acting-for')).toEqual([{ method: 'POST', body: { creditCode: COMPANY.creditCode }, auth: 'Bearer tok' }]), WAIT);
    expect(await screen.findByText('经办人授权 · 南京明远商贸有限公司', undefined, WAIT)).toBeTruthy();
    const list = await screen.findByRole('region', { name: '经办人列表' }, WAIT);
    expect(await within(list).findByText('李晓雯', undefined, WAIT)).toBeTruthy();
    expect(within(list).getByText(/320102\*{8}0020 · 长期有效/)).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: /撤\s*销/ }));
    const pop = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-popconfirm');
      expect(el).toBeTruthy();
      return el!;
    }, WAIT);
    fireEvent.click(within(pop).getByRole('button', { name: /撤\s*销/ }));
    await waitFor(() => expect(within(list).queryByText('李晓雯')).toBeNull(), WAIT);
    expect(callsTo(fetchMock, '/api/citizen/company/agents/88888888-8888-4888-8888-888888888888')[0].method).toBe('DELETE');
  });

  it('shows a company the registry does not know under the credit code', async () => {
    setCitizenToken('tok');
    serve((url) => {
      if (url.pathname === '/api/citizen/me') return jsonResponse(200, citizenMe({ companies: [] }));
      if (url.pathname === '/api/citizen/companies') return error(404, 'CITIZEN_COMPANY_NOT_FOUND', '未查到该统一社会信用代码的有效营业执照');
      return undefined;
    });
    renderAccount();
    fireEvent.change(await screen.findByLabelText('统一社会信用代码', undefined, WAIT), { target: { value: '91320102MA1XXXXX0X' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    expect(await screen.findByText('未查到该统一社会信用代码的有效营业执照', undefined, WAIT)).toBeTruthy();
  });
});
