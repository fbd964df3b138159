import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import type {
  CitizenAuthOptions, CitizenLoginResult, CitizenMeView, CompanyAgentView, GrantAgentBody, QrPollResult, QrTicketCreated, QrTicketView, SmsCodeResult, SmsLoginBody,
} from '@jsga/contracts';
import {
  api, CITIZEN_TOKEN_KEY, clearCitizenToken, getCitizenToken, setCitizenToken, setCitizenUnauthorizedHandler, subscribeCitizenToken,
} from '../../app/request';
import type { Page } from '../../app/table';
import { portalLoginPath } from './labels';

/** The portal shows refusals on the page itself (Alert, field errors, Result), never as a toast. */
const SILENT = { silent: true } as const;
/** Sign-in calls: a refusal is the caller's to show, it must not end a session. */
const SIGN_IN = { silent: true, authRedirect: false } as const;
const enc = encodeURIComponent;

export type QrDecision = 'scan' | 'confirm' | 'cancel';

export const citizenApi = {
  // public: signing in
  options: () => api.get<CitizenAuthOptions>('/api/citizen-auth/options', undefined, SILENT),
  requestSmsCode: (phone: string) => api.post<SmsCodeResult>('/api/citizen-auth/sms-codes', { phone }, SIGN_IN),
  smsLogin: (body: SmsLoginBody) => api.post<CitizenLoginResult>('/api/citizen-auth/sms-login', body, SIGN_IN),
  createQrTicket: () => api.post<QrTicketCreated>('/api/citizen-auth/qr-tickets', {}, SIGN_IN),
  pollQrTicket: (ticketId: string, pollSecret: string) => api.post<QrPollResult>(`/api/citizen-auth/qr-tickets/${enc(ticketId)}/poll`, { pollSecret }, SIGN_IN),
  // the signed-in citizen
  me: () => api.get<CitizenMeView>('/api/citizen/me'),
  logout: () => api.post<{ ok: true }>('/api/citizen/logout', {}, SIGN_IN),
  consent: () => api.post<CitizenMeView>('/api/citizen/consent', { agree: true }, SILENT),
  withdrawConsent: () => api.delete<CitizenMeView>('/api/citizen/consent', SILENT),
  setActingFor: (creditCode: string | null) => api.post<CitizenMeView>('/api/citizen/acting-for', { creditCode }, SILENT),
  registerCompany: (creditCode: string) => api.post<CitizenMeView>('/api/citizen/companies', { creditCode }, SILENT),
  agents: () => api.get<Page<CompanyAgentView>>('/api/citizen/company/agents', undefined, SILENT),
  grantAgent: (body: GrantAgentBody) => api.post<{ id: string }>('/api/citizen/company/agents', body, SILENT),
  revokeAgent: (id: string) => api.delete<{ ok: true }>(`/api/citizen/company/agents/${enc(id)}`, SILENT),
  // the phone side of 扫码登录
  viewQrTicket: (ticketId: string) => api.get<QrTicketView>(`/api/citizen/qr-tickets/${enc(ticketId)}`, undefined, SILENT),
  decideQrTicket: (ticketId: string, decision: QrDecision) => api.post<QrTicketView>(`/api/citizen/qr-tickets/${enc(ticketId)}/${decision}`, {}, SILENT),
};

export const citizenKeys = {
  all: ['citizen'] as const,
  me: ['citizen', 'me'] as const,
  /** Agents of the company the citizen currently represents. */
  agents: (creditCode: string) => ['citizen', 'agents', creditCode] as const,
};

// ---------------------------------------------------------------- session

/** Same-tab changes come from the request layer; another tab signing in or out comes as a `storage` event. */
function subscribeToken(onChange: () => void): () => void {
  const offLocal = subscribeCitizenToken(onChange);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === CITIZEN_TOKEN_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    offLocal();
    window.removeEventListener('storage', onStorage);
  };
}

/** The citizen token, re-read whenever it changes. */
/** Demo mode: the sign-in pages may show the demo identity and a way to confirm a QR code without a phone. */
export function useCitizenDemoMode(): boolean {
  const q = useQuery({ queryKey: ['citizen-auth', 'options'], queryFn: citizenApi.options, staleTime: Infinity, retry: false });
  return q.data?.demo === true;
}

export function useCitizenToken(): string | null {
  return useSyncExternalStore(subscribeToken, getCitizenToken, () => null);
}

export type CitizenMeQuery = Omit<UseQueryResult<CitizenMeView>, 'data'> & { data: CitizenMeView | undefined; signedIn: boolean };

/** The signed-in citizen; asks the server only while a citizen token exists. */
export function useCitizenMe(): CitizenMeQuery {
  const token = useCitizenToken();
  const query = useQuery({ queryKey: citizenKeys.me, queryFn: citizenApi.me, enabled: !!token, staleTime: 60_000, retry: false });
  // a signed-out page must not show what a previous session left in the cache
  return { ...query, data: token ? query.data : undefined, signedIn: !!token };
}

/** Stores a new session: its token, and its MeView in place of anything an earlier session cached. */
export function useCompleteCitizenLogin() {
  const qc = useQueryClient();
  return useCallback((result: CitizenLoginResult) => {
    qc.removeQueries({ queryKey: citizenKeys.all });
    qc.setQueryData(citizenKeys.me, result.me);
    setCitizenToken(result.token);
  }, [qc]);
}

// True from 退出登录 until the portal home is reached: guards then leave the navigating to the logout.
let signingOut = false;
const signingOutListeners = new Set<() => void>();
function setSigningOut(value: boolean) {
  signingOut = value;
  signingOutListeners.forEach((l) => l());
}
const subscribeSigningOut = (l: () => void) => {
  signingOutListeners.add(l);
  return () => {
    signingOutListeners.delete(l);
  };
};
export function useCitizenSigningOut(): boolean {
  return useSyncExternalStore(subscribeSigningOut, () => signingOut, () => false);
}

/** 退出登录: ends the session on the server (an already-expired one is fine), forgets it here, back to the portal. */
export function useCitizenLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => citizenApi.logout().catch(() => undefined),
    onSettled: () => {
      setSigningOut(true);
      // navigate first: the router's location update is a transition, the token change is not
      navigate('/portal', { replace: true });
      clearCitizenToken();
      qc.removeQueries({ queryKey: citizenKeys.all });
      setTimeout(() => setSigningOut(false), 1500);
    },
  });
}

/**
 * For the portal shell: a citizen session the server no longer accepts ends here, and the person goes
 * to the portal login (back to the page afterwards) without reloading the app. The login and scan
 * pages sign in on the page itself, so there the token is only dropped.
 */
export function useCitizenSessionHandler(): void {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  here.current = location;
  useEffect(() => setCitizenUnauthorizedHandler(() => {
    clearCitizenToken();
    qc.removeQueries({ queryKey: citizenKeys.all });
    const { pathname, search } = here.current;
    if (pathname.startsWith('/portal/login') || pathname.startsWith('/portal/scan/')) return;
    navigate(portalLoginPath(pathname + search), { replace: true });
  }), [qc, navigate]);
}

/** Writes a changed MeView (consent, acting-for, company) into the cache. */
export function useSetCitizenMe() {
  const qc = useQueryClient();
  return useCallback((me: CitizenMeView) => {
    qc.setQueryData(citizenKeys.me, me);
    void qc.invalidateQueries({ queryKey: ['citizen', 'agents'] });
  }, [qc]);
}

export function useCompanyAgents(creditCode: string | null) {
  return useQuery({ queryKey: citizenKeys.agents(creditCode ?? ''), queryFn: citizenApi.agents, enabled: !!creditCode, retry: false });
}
