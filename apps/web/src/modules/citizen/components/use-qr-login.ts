import { useCallback, useEffect, useRef, useState } from 'react';
import type { CitizenLoginResult, QrTicketCreated, QrTicketStatus } from '@jsga/contracts';
import { isApiError } from '../../../app/request';
import { citizenApi } from '../api';

export const QR_POLL_MS = 2000;

/** What the computer's login page shows: the ticket's state, or its own ('loading', 'error'). */
export type QrLoginState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ticket'; ticket: QrTicketCreated; status: QrTicketStatus };

/** The scan page's address on this site, whatever host the server thinks it has. */
export const scanUrlOf = (ticketId: string) => `${window.location.origin}/portal/scan/${ticketId}`;

/**
 * 扫码登录, the computer side: asks for a ticket, polls it every two seconds while it waits for the
 * phone, and hands over the session the poll returns once the phone confirmed (the server gives it once).
 */
export function useQrLogin(onLogin: (result: CitizenLoginResult) => void) {
  const [state, setState] = useState<QrLoginState>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  const onLoginRef = useRef(onLogin);
  onLoginRef.current = onLogin;
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setState({ kind: 'loading' });
    try {
      const ticket = await citizenApi.createQrTicket();
      if (mine === generation.current) setState({ kind: 'ticket', ticket, status: 'pending' });
    } catch (e) {
      if (mine === generation.current) setState({ kind: 'error', message: isApiError(e) ? e.message : '二维码生成失败，请稍后重试' });
    }
  }, []);

  useEffect(() => {
    void refresh();
    return () => {
      generation.current++;
    };
  }, [refresh]);

  const ticket = state.kind === 'ticket' ? state.ticket : null;
  const waiting = state.kind === 'ticket' && (state.status === 'pending' || state.status === 'scanned');

  useEffect(() => {
    if (!ticket || !waiting) return;
    const mine = generation.current;
    const timer = setTimeout(() => {
      if (Date.parse(ticket.expiresAt) <= Date.now()) {
        setState({ kind: 'ticket', ticket, status: 'expired' });
        return;
      }
      citizenApi.pollQrTicket(ticket.ticketId, ticket.pollSecret).then(
        (r) => {
          // a session handed over is used even if the page moved on: the server will not give it again
          if (r.status === 'consumed' && r.login) onLoginRef.current(r.login);
          if (mine !== generation.current) return;
          // consumed without a session: another window collected it; show it as used up
          const status: QrTicketStatus = r.status === 'consumed' && !r.login ? 'expired' : r.status;
          setState({ kind: 'ticket', ticket, status });
          setTick((n) => n + 1);
        },
        (e: unknown) => {
          if (mine !== generation.current) return;
          // the ticket is gone (expired and cleaned up): ask for a new code; anything else: try again
          if (isApiError(e) && e.status >= 400 && e.status < 500 && e.status !== 429) setState({ kind: 'ticket', ticket, status: 'expired' });
          else setTick((n) => n + 1);
        },
      );
    }, QR_POLL_MS);
    return () => clearTimeout(timer);
  }, [ticket, waiting, tick]);

  return { state, refresh };
}
