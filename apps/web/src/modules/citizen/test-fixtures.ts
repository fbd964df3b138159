import type { CitizenLoginResult, CitizenMeView, QrTicketView } from '@jsga/contracts';

export const COMPANY = { creditCode: '91320102573284186C', name: '南京明远商贸有限公司', role: 'legal_representative' as const };

export const citizenMe = (over: Partial<CitizenMeView> = {}): CitizenMeView => ({
  citizenId: '66666666-6666-4666-8666-666666666666', name: '张明远', idNoMasked: '320102********0034', phoneMasked: '138****0715',
  authLevel: 1, loginMethod: 'sms', consentAt: null, actingFor: null, companies: [COMPANY], sessionExpiresAt: '2099-01-01T00:00:00+08:00', ...over,
});

export const loginResult = (token = 'citizen-tok', me: CitizenMeView = citizenMe()): CitizenLoginResult => ({ token, expiresAt: '2099-01-01T00:00:00+08:00', me });

export const TICKET_ID = '77777777-7777-4777-8777-777777777777';
export const ticketView = (over: Partial<QrTicketView> = {}): QrTicketView => ({
  ticketId: TICKET_ID, status: 'scanned', requestedAt: '2026-03-02T09:15:30+08:00', requestIp: '10.32.1.15', expiresAt: '2099-01-01T00:00:00+08:00', ...over,
});

export { callsTo, error, serve, type Handler } from '../../test-utils';
