import { randomUUID } from 'node:crypto';
import { allPermissionCodes, type ListQuery, type SaveRoleBody } from '@jsga/contracts';
import type { Audit, Db, RequestCtx } from '@jsga/kernel';
import { grantWithinOwn } from '../auth/access.rules';
import { requireUser } from '../auth/require-user';
import { identityErrors } from '../identity.errors';
import { roleRepo, toRoleView } from './role.repo';

export type RoleServiceDeps = { db: Db; audit: Audit };

const known = new Set(allPermissionCodes);

export const createRoleService = (deps: RoleServiceDeps) => {
  const checkGrant = (ctx: RequestCtx, input: SaveRoleBody) => {
    const unknown = input.permissions.filter((p) => !known.has(p));
    if (unknown.length) throw identityErrors.UNKNOWN_PERMISSION({ permissions: unknown });
    const user = requireUser(ctx);
    const granter = { permissions: user.permissions, scopeAll: user.scope.orgIds === 'all', scopeOrgIds: user.scope.orgIds === 'all' ? [] : user.scope.orgIds };
    if (!grantWithinOwn(granter, input)) throw identityErrors.GRANT_EXCEEDS_OWN();
  };
  const normalise = (input: SaveRoleBody) => ({
    ...input, permissions: [...new Set(input.permissions)].sort(), customOrgIds: input.dataScope === 'custom' ? [...new Set(input.customOrgIds)] : [],
  });

  return {
    list: (_ctx: RequestCtx, query: ListQuery) => roleRepo.list(deps.db, query),

    create: (ctx: RequestCtx, raw: SaveRoleBody) =>
      deps.db.transaction(async (tx) => {
        const input = normalise(raw);
        checkGrant(ctx, input);
        if (await roleRepo.findByCode(tx, input.code)) throw identityErrors.ROLE_CODE_TAKEN({ code: input.code });
        const id = randomUUID();
        await roleRepo.insert(tx, { id, ...input, isSystem: false });
        await deps.audit.recordFor(tx, ctx, { action: 'identity.role.create', targetType: 'role', targetIds: [id], detail: input });
        return toRoleView((await roleRepo.findById(tx, id))!);
      }),

    update: (ctx: RequestCtx, id: string, raw: SaveRoleBody) =>
      deps.db.transaction(async (tx) => {
        const input = normalise(raw);
        const before = await roleRepo.findById(tx, id);
        if (!before) throw identityErrors.ROLE_NOT_FOUND({ id });
        if (before.isSystem) throw identityErrors.ROLE_SYSTEM_READONLY({ id });
        checkGrant(ctx, input);
        if (input.code !== before.code && (await roleRepo.findByCode(tx, input.code))) throw identityErrors.ROLE_CODE_TAKEN({ code: input.code });
        await roleRepo.update(tx, id, input);
        await deps.audit.recordFor(tx, ctx, { action: 'identity.role.update', targetType: 'role', targetIds: [id], detail: { before: toRoleView(before), after: input } });
        return toRoleView((await roleRepo.findById(tx, id))!);
      }),

    remove: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx) => {
        const role = await roleRepo.findById(tx, id);
        if (!role) throw identityErrors.ROLE_NOT_FOUND({ id });
        if (role.isSystem) throw identityErrors.ROLE_SYSTEM_READONLY({ id });
        if ((await roleRepo.countUses(tx, id)) > 0) throw identityErrors.ROLE_IN_USE({ id });
        await roleRepo.remove(tx, id);
        await deps.audit.recordFor(tx, ctx, { action: 'identity.role.delete', targetType: 'role', targetIds: [id], detail: { code: role.code, name: role.name } });
        return { ok: true as const };
      }),
  };
};
export type RoleService = ReturnType<typeof createRoleService>;
