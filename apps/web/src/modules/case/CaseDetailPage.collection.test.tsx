import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { CaseView, MeView } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, callsTo, jsonResponse, sampleMe, serve } from '../../test-utils';
import { CaseDetailPage } from './CaseDetailPage';
import { CASE_ID, caseView } from './test-fixtures';

const WAIT = { timeout: 15_000 };
const URL_CASE = `/api/admin/case/cases/${CASE_ID}`;
const concluded = (over: Partial<CaseView> = {}) =>
  caseView({ status: 'concluded', result: 'approved', allowedActions: [], openTasks: [], delivery: { method: 'window', recipient: null, phoneMasked: null, address: null }, ...over });

function renderPage(view: CaseView, after: CaseView) {
  const me: MeView = { ...sampleMe, permissions: ['case:case:view', 'case:case:handle'] };
  const fetchMock = serve((url, init) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, me);
    if (url.pathname === URL_CASE) return jsonResponse(200, view);
    if (url.pathname === `${URL_CASE}/collection` && init?.method === 'POST') return jsonResponse(200, after);
    return undefined;
  });
  render(
    <AppHarness path={`/handling/cases/${CASE_ID}`}>
      <Route path="/handling/cases/:id" element={<CaseDetailPage />} />
    </AppHarness>,
  );
  return fetchMock;
}

beforeEach(() => setToken('officer-token-000000000000'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('领取登记 on the case page', () => {
  it('reads the collector\'s ID card (simulated reader) and registers the collection', async () => {
    const done = concluded({ collection: { relation: 'self', collectorName: '张明远', collectorIdNoMasked: '320102********0034', at: '2026-11-29T10:00:00+08:00', registeredBy: '张受理' } });
    const fetchMock = renderPage(concluded(), done);
    fireEvent.click(await screen.findByRole('button', { name: '领取登记' }, WAIT));
    fireEvent.click(await screen.findByRole('button', { name: /读取身份证/ }, WAIT));
    await waitFor(() => expect((screen.getByLabelText('领取人公民身份号码') as HTMLInputElement).value).toBe('320102198807150034'), WAIT);
    expect((screen.getByLabelText('领取人姓名') as HTMLInputElement).value).toBe('张明远');
    fireEvent.click(screen.getByRole('button', { name: '确认登记' }));
    await waitFor(() => expect(callsTo(fetchMock, `${URL_CASE}/collection`)[0]?.body).toEqual({ relation: 'self', collectorName: '张明远', collectorIdNo: '320102198807150034', note: '' }), WAIT);
    expect(await screen.findByText(/已领取：本人 张明远（320102\*\*\*\*\*\*\*\*0034）/, undefined, WAIT)).toBeTruthy();
  });

  it('offers no 领取登记 for a result sent by post or a refused case', async () => {
    renderPage(concluded({ delivery: { method: 'post', recipient: '张明远', phoneMasked: '138****0715', address: '珠江路88号' } }), concluded());
    await screen.findAllByText(/办件/, undefined, WAIT);
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByRole('button', { name: '领取登记' })).toBeNull();
    cleanup();
    renderPage(concluded({ result: 'disapproved', delivery: null }), concluded());
    await screen.findAllByText(/办件/, undefined, WAIT);
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByRole('button', { name: '领取登记' })).toBeNull();
  });
});
