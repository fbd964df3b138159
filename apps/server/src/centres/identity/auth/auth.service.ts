import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { LoginBody, LoginResult, MeView, UserView } from '@jsga/contracts';
import {
  dummyPasswordHash, hashPassword, verifyPassword, type Audit, type AuthenticatedUser, type Db, type DataScope, type Queryable, type RequestCtx,
} from '@jsga/kernel';
import { authErrors } from '../identity.errors';
import { orgRepo } from '../org/org.repo';
import { toUserView, userRepo } from '../user/user.repo';
import { buildMenus, combineRoles } from './access.rules';
import { requireUser } from './require-user';
import { sessionRepo } from './session.repo';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.rules';

export type AuthServiceDeps = {
  db: Db;
  audit: Audit;
  now?: () => Date;
  settings: { sessionTtlMinutes: number; maxFailures: number; lockMinutes: number };
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const createAuthService = (deps: AuthServiceDeps) => {
  const now = deps.now ?? (() => new Date());

  async function resolveScope(q: Queryable, userId: string, positionId: string, orgId: string) {
    const roles = await sessionRepo.rolesOfPosition(q, positionId);
    const combined = combineRoles(roles.map((r) => ({ ...r, dataScope: r.dataScope as DataScope['kind'] })));
    let orgIds: DataScope['orgIds'];
    if (combined.scopeKind === 'province') orgIds = 'all';
    else {
      const ids = new Set<string>(combined.customOrgIds);
      if (roles.some((r) => r.dataScope === 'org' || r.dataScope === 'self')) ids.add(orgId);
      if (roles.some((r) => r.dataScope === 'org_and_below')) (await orgRepo.listSubtreeIds(q, [orgId])).forEach((id) => ids.add(id));
      orgIds = [...ids];
    }
    return { permissions: combined.permissions, roleCodes: roles.map((r) => r.code), scope: { kind: combined.scopeKind, orgIds, userId } satisfies DataScope };
  }

  async function loadUserView(q: Queryable, userId: string): Promise<UserView> {
    const row = (await userRepo.findById(q, userId))!;
    const positions = await userRepo.listPositions(q, [userId]);
    const names = await userRepo.orgNames(q, [row.orgId]);
    return toUserView(row, positions, names.get(row.orgId) ?? '');
  }

  async function audited(q: Queryable, ctx: RequestCtx, actor: { userId?: string; username?: string }, action: string, result: 'success' | 'failure', detail: Record<string, unknown> = {}) {
    await deps.audit.record(q, { userId: actor.userId ?? null, username: actor.username ?? null, clientIp: ctx.clientIp, traceId: ctx.traceId,
      positionId: ctx.user?.positionId ?? null, orgId: ctx.user?.orgId ?? null }, { action, result, targetType: 'user', targetIds: actor.userId ? [actor.userId] : [], detail });
    ctx.audited = result;
  }

  return {
    async login(ctx: RequestCtx, input: LoginBody): Promise<LoginResult> {
      const user = await userRepo.findByUsername(deps.db, input.username);
      if (!user) {
        await verifyPassword(await dummyPasswordHash(), input.password);
        await audited(deps.db, ctx, { username: input.username.slice(0, 64) }, 'auth.login', 'failure', { reason: 'unknown_user' });
        throw authErrors.INVALID_CREDENTIALS();
      }
      const at = now();
      if (user.lockedUntil && user.lockedUntil > at) {
        await audited(deps.db, ctx, user, 'auth.login', 'failure', { reason: 'locked' });
        throw authErrors.ACCOUNT_LOCKED({ lockedUntil: user.lockedUntil.toISOString() });
      }
      const fail = async (reason: string, error: Error) => {
        const lockUntil = new Date(at.getTime() + deps.settings.lockMinutes * 60_000);
        const { locked } = await userRepo.recordFailedLogin(deps.db, user.id, deps.settings.maxFailures, lockUntil);
        await audited(deps.db, ctx, user, 'auth.login', 'failure', { reason, locked });
        if (locked) throw authErrors.ACCOUNT_LOCKED({ lockedUntil: lockUntil.toISOString() });
        throw error;
      };
      if (!(await verifyPassword(user.passwordHash, input.password))) return fail('bad_password', authErrors.INVALID_CREDENTIALS());
      if (user.status !== 'active') {
        await audited(deps.db, ctx, user, 'auth.login', 'failure', { reason: 'disabled' });
        throw authErrors.ACCOUNT_DISABLED();
      }
      let totpStepUsed: number | null = null;
      if (user.isTotpEnabled && user.totpSecret) {
        if (!input.totpCode) throw authErrors.TOTP_REQUIRED();
        totpStepUsed = verifyTotp(user.totpSecret, input.totpCode, at.getTime(), user.lastTotpStep);
        if (totpStepUsed === null) return fail('bad_totp', authErrors.TOTP_INVALID());
      }
      const positions = (await sessionRepo.positionsOfUser(deps.db, user.id)).filter((p) => p.orgStatus === 'active');
      if (!positions.length) {
        await audited(deps.db, ctx, user, 'auth.login', 'failure', { reason: 'no_position' });
        throw authErrors.ACCOUNT_DISABLED(undefined, '账号没有可用岗位，请联系管理员');
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + deps.settings.sessionTtlMinutes * 60_000);
      const sessionId = randomUUID();
      await deps.db.transaction(async (tx) => {
        await userRepo.update(tx, user.id, { failedLoginCount: 0, lockedUntil: null, ...(totpStepUsed !== null ? { lastTotpStep: totpStepUsed } : {}) });
        await sessionRepo.insert(tx, { id: sessionId, tokenHash: hashToken(token), userId: user.id, positionId: positions[0].id,
          clientIp: ctx.clientIp, userAgent: ctx.userAgent ?? null, expiresAt });
        await audited(tx, ctx, user, 'auth.login', 'success', { sessionId, positionId: positions[0].id });
      });
      return { token, expiresAt: expiresAt.toISOString(), user: await loadUserView(deps.db, user.id) };
    },

    /** Resolves a bearer token to the caller, or null when it is unknown, expired or revoked. */
    async authenticate(token: string): Promise<AuthenticatedUser | null> {
      const at = now();
      const s = await sessionRepo.findLive(deps.db, hashToken(token), at);
      if (!s) return null;
      if (at.getTime() - s.lastSeenAt.getTime() > 60_000) await sessionRepo.touch(deps.db, s.sessionId, at);
      const { permissions, roleCodes, scope } = await resolveScope(deps.db, s.userId, s.positionId, s.positionOrgId);
      return { userId: s.userId, username: s.username, displayName: s.displayName, sessionId: s.sessionId, positionId: s.positionId,
        orgId: s.positionOrgId, permissions, roleCodes, scope, sessionExpiresAt: s.expiresAt.toISOString() };
    },

    async logout(ctx: RequestCtx) {
      const user = requireUser(ctx);
      await deps.db.transaction(async (tx) => {
        await sessionRepo.revoke(tx, user.sessionId, 'logout');
        await deps.audit.recordFor(tx, ctx, { action: 'auth.logout', targetType: 'session', targetIds: [user.sessionId] });
      });
      return { ok: true as const };
    },

    async me(ctx: RequestCtx): Promise<MeView> {
      const user = requireUser(ctx);
      const view = await loadUserView(deps.db, user.userId);
      return {
        user: view, currentPosition: view.positions.find((p) => p.id === user.positionId)!, permissions: [...user.permissions].sort(),
        dataScope: user.scope.kind, menus: buildMenus(user.permissions), sessionExpiresAt: user.sessionExpiresAt,
      };
    },

    async switchPosition(ctx: RequestCtx, positionId: string) {
      const user = requireUser(ctx);
      const held = (await sessionRepo.positionsOfUser(deps.db, user.userId)).find((p) => p.id === positionId && p.orgStatus === 'active');
      if (!held) throw authErrors.POSITION_NOT_HELD({ positionId });
      await deps.db.transaction(async (tx) => {
        await sessionRepo.setPosition(tx, user.sessionId, positionId);
        await deps.audit.recordFor(tx, ctx, { action: 'auth.position.switch', targetType: 'position', targetIds: [positionId], detail: { from: user.positionId } });
      });
      const { permissions, roleCodes, scope } = await resolveScope(deps.db, user.userId, positionId, held.orgId);
      return this.me({ ...ctx, user: { ...user, positionId, orgId: held.orgId, permissions, roleCodes, scope } });
    },

    async changePassword(ctx: RequestCtx, input: { oldPassword: string; newPassword: string }) {
      const user = requireUser(ctx);
      const row = (await userRepo.findById(deps.db, user.userId))!;
      if (!(await verifyPassword(row.passwordHash, input.oldPassword))) throw authErrors.PASSWORD_WRONG();
      if (input.oldPassword === input.newPassword) throw authErrors.PASSWORD_REUSED();
      const passwordHash = await hashPassword(input.newPassword);
      await deps.db.transaction(async (tx) => {
        await userRepo.update(tx, user.userId, { passwordHash, passwordChangedAt: now() });
        await sessionRepo.revokeAllOfUser(tx, user.userId, 'password_changed');
        await deps.audit.recordFor(tx, ctx, { action: 'auth.password.change', targetType: 'user', targetIds: [user.userId] });
      });
      return { ok: true as const };
    },

    async setupTotp(ctx: RequestCtx) {
      const user = requireUser(ctx);
      const secret = newTotpSecret();
      await deps.db.transaction(async (tx) => {
        await userRepo.update(tx, user.userId, { totpSecret: secret, isTotpEnabled: false, lastTotpStep: null });
        await deps.audit.recordFor(tx, ctx, { action: 'auth.totp.setup', targetType: 'user', targetIds: [user.userId] });
      });
      return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
    },

    async enableTotp(ctx: RequestCtx, code: string) {
      const user = requireUser(ctx);
      const row = (await userRepo.findById(deps.db, user.userId))!;
      if (!row.totpSecret) throw authErrors.TOTP_NOT_SET_UP();
      const step = verifyTotp(row.totpSecret, code, now().getTime(), row.lastTotpStep);
      if (step === null) throw authErrors.TOTP_INVALID();
      await deps.db.transaction(async (tx) => {
        await userRepo.update(tx, user.userId, { isTotpEnabled: true, lastTotpStep: step });
        await deps.audit.recordFor(tx, ctx, { action: 'auth.totp.enable', targetType: 'user', targetIds: [user.userId] });
      });
      return { ok: true as const };
    },
  };
};

export type AuthService = ReturnType<typeof createAuthService>;
