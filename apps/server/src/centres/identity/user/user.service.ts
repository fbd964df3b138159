import { randomUUID } from 'node:crypto';
import type { CreateUserBody, PositionInput, UpdateUserBody, UserListQuery, UserView } from '@jsga/contracts';
import { hashPassword, scopeAllows, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import { grantWithinOwn } from '../auth/access.rules';
import { requireUser } from '../auth/require-user';
import { sessionRepo } from '../auth/session.repo';
import { identityErrors } from '../identity.errors';
import { roleRepo } from '../role/role.repo';
import { toUserView, userRepo, type UserRow } from './user.repo';

export type UserServiceDeps = { db: Db; audit: Audit };

export const createUserService = (deps: UserServiceDeps) => {
  async function views(q: Queryable, rows: UserRow[]): Promise<UserView[]> {
    const positions = await userRepo.listPositions(q, rows.map((r) => r.id));
    const names = await userRepo.orgNames(q, [...new Set(rows.map((r) => r.orgId))]);
    return rows.map((r) => toUserView(r, positions.filter((p) => p.userId === r.id), names.get(r.orgId) ?? ''));
  }

  async function getInScope(q: Queryable, ctx: RequestCtx, id: string) {
    const row = await userRepo.findInScope(q, requireUser(ctx).scope, id);
    if (!row) throw identityErrors.USER_NOT_FOUND({ id });
    return row;
  }

  /** Orgs must be inside the caller's scope; roles must exist and not exceed what the caller holds. */
  async function checkPlacement(q: Queryable, ctx: RequestCtx, orgId: string, positions: PositionInput[]) {
    const user = requireUser(ctx);
    for (const id of new Set([orgId, ...positions.map((p) => p.orgId)])) {
      if (user.scope.kind === 'self' || !scopeAllows(user.scope, { orgId: id })) throw identityErrors.ORG_NOT_FOUND({ id });
    }
    const roleIds = [...new Set(positions.flatMap((p) => p.roleIds))];
    const roles = await roleRepo.listByIds(q, roleIds);
    if (roles.length !== roleIds.length) throw identityErrors.ROLE_NOT_FOUND({ ids: roleIds.filter((id) => !roles.some((r) => r.id === id)) });
    const granter = { permissions: user.permissions, scopeAll: user.scope.orgIds === 'all', scopeOrgIds: user.scope.orgIds === 'all' ? [] : user.scope.orgIds };
    for (const r of roles) {
      if (!grantWithinOwn(granter, { permissions: r.permissions, dataScope: r.dataScope as 'org', customOrgIds: r.customOrgIds })) {
        throw identityErrors.GRANT_EXCEEDS_OWN({ role: r.code });
      }
    }
  }

  const withPrimary = (positions: PositionInput[]) => {
    const primary = Math.max(0, positions.findIndex((p) => p.isPrimary));
    return positions.map((p, i) => ({ ...p, id: randomUUID(), isPrimary: i === primary, roleIds: [...new Set(p.roleIds)] }));
  };

  return {
    /** Active officers matching a name, account or police number, province-wide; only names and units are shown. */
    async colleagues(keyword: string) {
      const { rows } = await userRepo.list(deps.db, { kind: 'province', orgIds: 'all', userId: '' }, { keyword, status: 'active', page: 1, pageSize: 20 });
      const names = await userRepo.orgNames(deps.db, [...new Set(rows.map((r) => r.orgId))]);
      return { items: rows.map((r) => ({ id: r.id, displayName: r.displayName, username: r.username, orgName: names.get(r.orgId) ?? '' })) };
    },
    async list(ctx: RequestCtx, query: UserListQuery) {
      const { rows, total } = await userRepo.list(deps.db, requireUser(ctx).scope, query);
      return { items: await views(deps.db, rows), total };
    },

    async get(ctx: RequestCtx, id: string) {
      return (await views(deps.db, [await getInScope(deps.db, ctx, id)]))[0];
    },

    create: async (ctx: RequestCtx, input: CreateUserBody) => {
      if (input.userType === 'police' && !input.policeNo) throw identityErrors.POLICE_NO_REQUIRED();
      const passwordHash = await hashPassword(input.password);
      return deps.db.transaction(async (tx) => {
        await checkPlacement(tx, ctx, input.orgId, input.positions);
        if (await userRepo.findByUsername(tx, input.username)) throw identityErrors.USERNAME_TAKEN({ username: input.username });
        if (input.policeNo && (await userRepo.findByPoliceNo(tx, input.policeNo))) throw identityErrors.POLICE_NO_TAKEN({ policeNo: input.policeNo });
        const id = randomUUID();
        await userRepo.insert(tx, { id, username: input.username, displayName: input.displayName, userType: input.userType,
          policeNo: input.policeNo ?? null, phone: input.phone ?? null, orgId: input.orgId, passwordHash });
        await userRepo.replacePositions(tx, id, withPrimary(input.positions));
        await deps.audit.recordFor(tx, ctx, { action: 'identity.user.create', targetType: 'user', targetIds: [id],
          detail: { username: input.username, orgId: input.orgId, positions: input.positions } });
        return (await views(tx, [(await userRepo.findById(tx, id))!]))[0];
      });
    },

    update: (ctx: RequestCtx, id: string, input: UpdateUserBody) =>
      deps.db.transaction(async (tx) => {
        const before = await getInScope(tx, ctx, id);
        const me = requireUser(ctx);
        if (input.status === 'disabled' && id === me.userId) throw identityErrors.CANNOT_DISABLE_SELF();
        if (input.positions) await checkPlacement(tx, ctx, before.orgId, input.positions);
        if (input.policeNo && input.policeNo !== before.policeNo && (await userRepo.findByPoliceNo(tx, input.policeNo))) {
          throw identityErrors.POLICE_NO_TAKEN({ policeNo: input.policeNo });
        }
        const { positions, ...fields } = input;
        await userRepo.update(tx, id, fields);
        if (positions) await userRepo.replacePositions(tx, id, withPrimary(positions));
        // Rights changed or account disabled: existing sessions must not keep the old rights.
        if (positions || input.status === 'disabled') await sessionRepo.revokeAllOfUser(tx, id, positions ? 'positions_changed' : 'disabled');
        await deps.audit.recordFor(tx, ctx, { action: 'identity.user.update', targetType: 'user', targetIds: [id],
          detail: { changed: Object.keys(input), status: input.status } });
        return (await views(tx, [(await userRepo.findById(tx, id))!]))[0];
      }),

    resetPassword: async (ctx: RequestCtx, id: string, password: string) => {
      const passwordHash = await hashPassword(password);
      return deps.db.transaction(async (tx) => {
        await getInScope(tx, ctx, id);
        await userRepo.update(tx, id, { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null });
        await sessionRepo.revokeAllOfUser(tx, id, 'password_reset');
        await deps.audit.recordFor(tx, ctx, { action: 'identity.user.reset-password', targetType: 'user', targetIds: [id] });
        return { ok: true as const };
      });
    },

    unlock: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx) => {
        await getInScope(tx, ctx, id);
        await userRepo.update(tx, id, { failedLoginCount: 0, lockedUntil: null });
        await deps.audit.recordFor(tx, ctx, { action: 'identity.user.unlock', targetType: 'user', targetIds: [id] });
        return { ok: true as const };
      }),
  };
};
export type UserService = ReturnType<typeof createUserService>;
