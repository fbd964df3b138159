import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { CitizenLoginResult, CitizenMeView, QrPollResult, QrTicketCreated, QrTicketView, SmsCodeResult, SmsLoginBody } from '@jsga/contracts';
import { idNumberProblem } from '@jsga/form-engine';
import { chinaDate, commonErrors, maskIdNo, maskPhone, sha256Hex as sha256, type Audit, type AuthenticatedCitizen, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { MessageApi } from '../../message';
import { citizenErrors } from '../citizen.errors';
import type { ActingFor } from '../db/citizen.schema';
import type { CitizenIdentityProvider } from '../provider/citizen-identity-provider';
import { citizenRepo, type CitizenRow } from './citizen.repo';

export type CitizenAuthSettings = {
  sessionTtlMinutes: number;
  /** Demo mode: no SMS is sent, the code is returned to the page. */
  smsDemo: boolean;
  /** Where the QR code points: the portal's scan page, with the ticket id appended. */
  scanUrlBase: string;
};

export type CitizenAuthDeps = {
  db: Db;
  audit: Audit;
  provider: CitizenIdentityProvider;
  message: Pick<MessageApi, 'send'>;
  settings: CitizenAuthSettings;
  now?: () => Date;
};

const SMS_TTL_S = 300;
const SMS_RESEND_S = 60;
const SMS_PER_DAY = 10;
const SMS_MAX_ATTEMPTS = 5;
const QR_TTL_S = 120;
const newToken = () => randomBytes(32).toString('base64url');

export const createCitizenAuthService = (deps: CitizenAuthDeps) => {
  const now = deps.now ?? (() => new Date());
  const s = deps.settings;

  async function audited(q: Queryable, ctx: RequestCtx, citizenId: string | null, action: string, result: 'success' | 'failure', detail: Record<string, unknown> = {}) {
    await deps.audit.record(q, { userId: null, username: citizenId ? `citizen:${citizenId}` : null, clientIp: ctx.clientIp, traceId: ctx.traceId },
      { action, result, targetType: 'citizen_account', targetIds: citizenId ? [citizenId] : [], detail });
    ctx.audited = result;
  }

  async function companiesOf(q: Queryable, idNo: string): Promise<ActingFor[]> {
    const roles = await citizenRepo.companyRolesOf(q, idNo, chinaDate(now()));
    const seen = new Map<string, ActingFor>();
    // a representative who is also named agent acts as representative
    for (const r of roles) if (!seen.has(r.creditCode) || r.role === 'legal_representative') seen.set(r.creditCode, { creditCode: r.creditCode, name: r.companyName, role: r.role as ActingFor['role'] });
    return [...seen.values()];
  }

  async function meOf(q: Queryable, citizen: CitizenRow, session: { loginMethod: string; actingFor: ActingFor | null; expiresAt: Date }): Promise<CitizenMeView> {
    return {
      citizenId: citizen.id, name: citizen.name, idNoMasked: maskIdNo(citizen.idNo) ?? '', phoneMasked: maskPhone(citizen.phone),
      authLevel: citizen.authLevel, loginMethod: session.loginMethod as CitizenMeView['loginMethod'], consentAt: citizen.consentAt?.toISOString() ?? null,
      actingFor: session.actingFor, companies: await companiesOf(q, citizen.idNo), sessionExpiresAt: session.expiresAt.toISOString(),
    };
  }

  async function openSession(q: Queryable, ctx: RequestCtx, citizen: CitizenRow, loginMethod: 'sms' | 'qr' | 'app'): Promise<CitizenLoginResult> {
    const token = newToken();
    const expiresAt = new Date(now().getTime() + s.sessionTtlMinutes * 60_000);
    await citizenRepo.insertSession(q, { id: randomUUID(), tokenHash: sha256(token), citizenId: citizen.id, loginMethod, actingFor: null, clientIp: ctx.clientIp, createdAt: now(), expiresAt });
    await audited(q, ctx, citizen.id, 'citizen.auth.login', 'success', { method: loginMethod });
    return { token, expiresAt: expiresAt.toISOString(), me: await meOf(q, citizen, { loginMethod, actingFor: null, expiresAt }) };
  }

  function requireCitizen(ctx: RequestCtx): AuthenticatedCitizen {
    if (!ctx.citizen) throw commonErrors.UNAUTHENTICATED();
    return ctx.citizen;
  }

  /** A ticket as it stands now: one past its time is expired whatever its stored status. */
  const ticketStatus = (t: { status: string; expiresAt: Date }) =>
    (t.status === 'pending' || t.status === 'scanned' || t.status === 'confirmed') && t.expiresAt <= now() ? 'expired' : (t.status as QrTicketView['status']);

  const api = {
    /** 获取短信验证码. */
    options: () => ({ demo: s.smsDemo }),

    requestSmsCode: (ctx: RequestCtx, phone: string): Promise<SmsCodeResult> => deps.db.transaction(async (tx) => {
      const at = now();
      const last = await citizenRepo.latestSmsCode(tx, phone);
      if (last && at.getTime() - last.createdAt.getTime() < SMS_RESEND_S * 1000) {
        throw citizenErrors.SMS_TOO_FREQUENT({ retryAfterSeconds: Math.ceil(SMS_RESEND_S - (at.getTime() - last.createdAt.getTime()) / 1000) });
      }
      if (await citizenRepo.countSmsCodesSince(tx, phone, new Date(at.getTime() - 86_400_000)) >= SMS_PER_DAY) throw citizenErrors.SMS_TOO_FREQUENT({ daily: SMS_PER_DAY }, '今日验证码发送次数已达上限，请明天再试');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const id = randomUUID();
      await citizenRepo.insertSmsCode(tx, { id, phone, codeHash: sha256(`${id}:${code}`), createdAt: at, expiresAt: new Date(at.getTime() + SMS_TTL_S * 1000) });
      // the code never reaches a log: in demo mode it goes back to the page only
      if (!s.smsDemo) await deps.message.send(tx, { templateCode: 'citizen.login.sms', recipients: [{ phone }], vars: { code, minutes: SMS_TTL_S / 60 } });
      await audited(tx, ctx, null, 'citizen.auth.sms_code', 'success', { phone: maskPhone(phone) });
      return { expiresInSeconds: SMS_TTL_S, resendInSeconds: SMS_RESEND_S, demoCode: s.smsDemo ? code : null };
    }),

    /** 短信验证码登录 with 实名核验 against the population registry. */
    smsLogin: async (ctx: RequestCtx, body: SmsLoginBody): Promise<CitizenLoginResult> => {
      // a wrong code must count even though the login fails: the attempt is written in its own transaction
      const codeOk = await deps.db.transaction(async (tx) => {
        const row = await citizenRepo.latestSmsCode(tx, body.phone);
        if (!row || row.usedAt || row.expiresAt <= now() || row.attempts >= SMS_MAX_ATTEMPTS) return false;
        if (row.codeHash !== sha256(`${row.id}:${body.code}`)) {
          await citizenRepo.updateSmsCode(tx, row.id, { attempts: row.attempts + 1 });
          return false;
        }
        await citizenRepo.updateSmsCode(tx, row.id, { usedAt: now() });
        return true;
      });
      if (!codeOk) {
        await audited(deps.db, ctx, null, 'citizen.auth.login', 'failure', { method: 'sms', reason: 'code', phone: maskPhone(body.phone) });
        throw citizenErrors.SMS_CODE_WRONG();
      }
      if (idNumberProblem(body.idNo, chinaDate(now()))) throw citizenErrors.ID_NO_INVALID({ field: 'idNo' });
      return deps.db.transaction(async (tx) => {
        if (!(await deps.provider.verifyPerson(tx, { idNo: body.idNo, name: body.name }))) {
          await audited(tx, ctx, null, 'citizen.auth.login', 'failure', { method: 'sms', reason: 'identity', idNo: maskIdNo(body.idNo) });
          throw citizenErrors.IDENTITY_NOT_VERIFIED();
        }
        const existing = await citizenRepo.findByIdNo(tx, body.idNo);
        if (existing?.status === 'disabled') throw citizenErrors.ACCOUNT_DISABLED();
        const citizen = await citizenRepo.upsertOnLogin(tx, { id: existing?.id ?? randomUUID(), idNo: body.idNo, name: body.name, phone: body.phone, authLevel: 1, at: now() });
        return openSession(tx, ctx, citizen, 'sms');
      });
    },

    /** For the access control: the citizen of a live session token. */
    authenticate: async (token: string): Promise<AuthenticatedCitizen | null> => {
      const row = await citizenRepo.findLiveSession(deps.db, sha256(token), now());
      if (!row) return null;
      const { session, citizen } = row;
      return {
        citizenId: citizen.id, sessionId: session.id, name: citizen.name, idNo: citizen.idNo, phone: citizen.phone, authLevel: citizen.authLevel,
        consented: !!citizen.consentAt, actingFor: session.actingFor ?? null,
      };
    },

    me: async (ctx: RequestCtx, q: Queryable = deps.db): Promise<CitizenMeView> => {
      const c = requireCitizen(ctx);
      const citizen = (await citizenRepo.findById(q, c.citizenId))!;
      const session = (await citizenRepo.findSession(q, c.sessionId))!;
      return meOf(q, citizen, { loginMethod: session.loginMethod, actingFor: session.actingFor ?? null, expiresAt: session.expiresAt });
    },

    logout: (ctx: RequestCtx) => deps.db.transaction(async (tx) => {
      const c = requireCitizen(ctx);
      await citizenRepo.revokeSession(tx, c.sessionId);
      await audited(tx, ctx, c.citizenId, 'citizen.auth.logout', 'success');
      return { ok: true as const };
    }),

    /** 身份核验与电子证照调用授权 (or its withdrawal). */
    setConsent: (ctx: RequestCtx, agree: boolean) => deps.db.transaction(async (tx) => {
      const c = requireCitizen(ctx);
      await citizenRepo.setConsent(tx, c.citizenId, agree ? now() : null);
      await audited(tx, ctx, c.citizenId, agree ? 'citizen.consent.grant' : 'citizen.consent.withdraw', 'success');
      ctx.citizen = { ...c, consented: agree };
      return api.me(ctx, tx);
    }),

    /** 切换办事身份: as the person (null) or for one of their companies. */
    setActingFor: (ctx: RequestCtx, creditCode: string | null) => deps.db.transaction(async (tx) => {
      const c = requireCitizen(ctx);
      let acting: ActingFor | null = null;
      if (creditCode) {
        acting = (await companiesOf(tx, c.idNo)).find((x) => x.creditCode === creditCode) ?? null;
        if (!acting) throw citizenErrors.NOT_AUTHORISED_FOR_COMPANY();
      }
      await citizenRepo.setActingFor(tx, c.sessionId, acting);
      await audited(tx, ctx, c.citizenId, 'citizen.auth.acting_for', 'success', { creditCode: acting?.creditCode ?? null, role: acting?.role ?? null });
      ctx.citizen = { ...c, actingFor: acting };
      return api.me(ctx, tx);
    }),

    /** 法定代表人登记企业: checked against the company's in-force 营业执照. */
    registerCompany: (ctx: RequestCtx, creditCode: string) => deps.db.transaction(async (tx) => {
      const c = requireCitizen(ctx);
      const r = await deps.provider.legalRepresentativeOf(tx, { creditCode, idNo: c.idNo, name: c.name });
      if (r === 'no_company') throw citizenErrors.COMPANY_NOT_FOUND();
      if (r === 'not_representative') {
        await audited(tx, ctx, c.citizenId, 'citizen.company.register', 'failure', { creditCode, reason: 'not_representative' });
        throw citizenErrors.NOT_LEGAL_REPRESENTATIVE();
      }
      if (!(await companiesOf(tx, c.idNo)).some((x) => x.creditCode === creditCode && x.role === 'legal_representative')) {
        await citizenRepo.insertCompanyRole(tx, { id: randomUUID(), creditCode, companyName: r.companyName, holderIdNo: c.idNo, holderName: c.name, role: 'legal_representative', grantedBy: c.citizenId, grantedAt: now() });
      }
      await audited(tx, ctx, c.citizenId, 'citizen.company.register', 'success', { creditCode });
      return api.me(ctx, tx);
    }),

    /** 授权经办人: only while acting for the company as its 法定代表人. */
    grantAgent: (ctx: RequestCtx, body: { name: string; idNo: string; validTo: string | null }) => deps.db.transaction(async (tx) => {
      const c = requireCitizen(ctx);
      const company = representing(c);
      if (idNumberProblem(body.idNo, chinaDate(now()))) throw citizenErrors.ID_NO_INVALID({ field: 'idNo' });
      if (!(await deps.provider.verifyPerson(tx, body))) throw citizenErrors.IDENTITY_NOT_VERIFIED({ field: 'idNo' }, '经办人姓名与公民身份号码核验不一致');
      if (body.validTo && body.validTo < chinaDate(now())) throw commonErrors.VALIDATION_FAILED({ fields: [{ path: 'validTo', message: '授权截止日期不能早于今天' }] });
      const id = randomUUID();
      await citizenRepo.insertCompanyRole(tx, { id, creditCode: company.creditCode, companyName: company.name, holderIdNo: body.idNo, holderName: body.name, role: 'agent', validTo: body.validTo, grantedBy: c.citizenId, grantedAt: now() });
      await audited(tx, ctx, c.citizenId, 'citizen.company.grant_agent', 'success', { creditCode: company.creditCode, agent: maskIdNo(body.idNo) });
      return { id };
    }),

    listAgents: async (ctx: RequestCtx) => {
      const company = representing(requireCitizen(ctx));
      const rows = await citizenRepo.agentsOf(deps.db, company.creditCode);
      return { items: rows.map((r) => ({ id: r.id, name: r.holderName, idNoMasked: maskIdNo(r.holderIdNo) ?? '', validTo: r.validTo, grantedAt: r.grantedAt.toISOString() })), total: rows.length };
    },

    revokeAgent: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      const c = requireCitizen(ctx);
      const company = representing(c);
      if (!(await citizenRepo.revokeCompanyRole(tx, id, company.creditCode))) throw citizenErrors.AGENT_NOT_FOUND();
      await audited(tx, ctx, c.citizenId, 'citizen.company.revoke_agent', 'success', { creditCode: company.creditCode, roleId: id });
      return { ok: true as const };
    }),

    // ------------------------------------------------------------ 扫码登录

    createQrTicket: (ctx: RequestCtx): Promise<QrTicketCreated> => deps.db.transaction(async (tx) => {
      const id = randomUUID();
      const pollSecret = newToken();
      const expiresAt = new Date(now().getTime() + QR_TTL_S * 1000);
      await citizenRepo.insertTicket(tx, { id, pollSecretHash: sha256(pollSecret), status: 'pending', requestIp: ctx.clientIp, createdAt: now(), expiresAt });
      return { ticketId: id, pollSecret, qrContent: `${s.scanUrlBase}${id}`, expiresAt: expiresAt.toISOString() };
    }),

    /** The page showing the code asks; once confirmed it receives the session, exactly once. */
    pollQrTicket: (ctx: RequestCtx, id: string, pollSecret: string): Promise<QrPollResult> => deps.db.transaction(async (tx) => {
      const t = await citizenRepo.findTicket(tx, id, true);
      if (!t || t.pollSecretHash !== sha256(pollSecret)) throw citizenErrors.TICKET_NOT_FOUND();
      const status = ticketStatus(t);
      if (status !== 'confirmed') return { status, login: null };
      const citizen = await citizenRepo.findById(tx, t.citizenId!);
      if (!citizen || citizen.status !== 'active') throw citizenErrors.ACCOUNT_DISABLED();
      await citizenRepo.updateTicket(tx, id, { status: 'consumed' });
      return { status: 'consumed', login: await openSession(tx, ctx, citizen, 'qr') };
    }),

    /** The signed-in phone (苏证通) opened the code's address. */
    viewQrTicket: async (ctx: RequestCtx, id: string): Promise<QrTicketView> => {
      requireCitizen(ctx);
      const t = await citizenRepo.findTicket(deps.db, id);
      if (!t) throw citizenErrors.TICKET_NOT_FOUND();
      return { ticketId: t.id, status: ticketStatus(t), requestedAt: t.createdAt.toISOString(), requestIp: t.requestIp, expiresAt: t.expiresAt.toISOString() };
    },

    scanQrTicket: (ctx: RequestCtx, id: string, decision: 'scan' | 'confirm' | 'cancel') => deps.db.transaction(async (tx) => {
      const c = requireCitizen(ctx);
      const t = await citizenRepo.findTicket(tx, id, true);
      if (!t) throw citizenErrors.TICKET_NOT_FOUND();
      const status = ticketStatus(t);
      if (status === 'expired') throw citizenErrors.TICKET_EXPIRED();
      if (status !== 'pending' && status !== 'scanned') throw citizenErrors.TICKET_USED();
      if (t.citizenId && t.citizenId !== c.citizenId) throw citizenErrors.TICKET_USED();
      const next = decision === 'scan' ? 'scanned' : decision === 'confirm' ? 'confirmed' : 'cancelled';
      await citizenRepo.updateTicket(tx, id, { status: next, citizenId: c.citizenId });
      if (decision !== 'scan') await audited(tx, ctx, c.citizenId, `citizen.auth.qr_${decision}`, 'success', { ticketId: id });
      return { ticketId: t.id, status: next as QrTicketView['status'], requestedAt: t.createdAt.toISOString(), requestIp: t.requestIp, expiresAt: t.expiresAt.toISOString() };
    }),

    /** Demo data: the documented demo citizen is registered as 法定代表人 of the demo company. */
    seedCompanyRole: (q: Queryable, row: { creditCode: string; companyName: string; idNo: string; name: string }) =>
      citizenRepo.companyRolesOf(q, row.idNo, chinaDate(now())).then(async (roles) => {
        if (roles.some((r) => r.creditCode === row.creditCode)) return;
        await citizenRepo.insertCompanyRole(q, { id: randomUUID(), creditCode: row.creditCode, companyName: row.companyName, holderIdNo: row.idNo, holderName: row.name, role: 'legal_representative', grantedAt: now() });
      }),
  };
  return api;

  function representing(c: AuthenticatedCitizen) {
    if (c.actingFor?.role !== 'legal_representative') throw citizenErrors.NOT_AUTHORISED_FOR_COMPANY(undefined, '请先切换为企业法定代表人身份');
    return c.actingFor;
  }
};
export type CitizenAuthService = ReturnType<typeof createCitizenAuthService>;
