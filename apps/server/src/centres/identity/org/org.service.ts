import { randomUUID } from 'node:crypto';
import type { CreateOrgBody, OrgLevel, OrgListQuery, UpdateOrgBody } from '@jsga/contracts';
import { type Audit, type Db, type RequestCtx } from '@jsga/kernel';
import { canNestOrg } from '../auth/access.rules';
import { identityErrors } from '../identity.errors';
import { orgRepo } from './org.repo';
import { requireUser } from '../auth/require-user';

export type OrgServiceDeps = { db: Db; audit: Audit };

export const createOrgService = (deps: OrgServiceDeps) => ({
  list: (ctx: RequestCtx, query: OrgListQuery) => orgRepo.list(deps.db, requireUser(ctx).scope, query),

  get: async (ctx: RequestCtx, id: string) => {
    const view = await orgRepo.getView(deps.db, requireUser(ctx).scope, id);
    if (!view) throw identityErrors.ORG_NOT_FOUND({ id });
    return view;
  },

  create: (ctx: RequestCtx, input: CreateOrgBody) =>
    deps.db.transaction(async (tx) => {
      const user = requireUser(ctx);
      const parent = await orgRepo.getView(tx, user.scope, input.parentId);
      if (!parent) throw identityErrors.ORG_NOT_FOUND({ id: input.parentId });
      if (!canNestOrg(parent.level, input.level)) throw identityErrors.ORG_LEVEL_INVALID({ parentLevel: parent.level, level: input.level });
      if (await orgRepo.findByCode(tx, input.code)) throw identityErrors.ORG_CODE_TAKEN({ code: input.code });
      const parentRow = (await orgRepo.findById(tx, parent.id))!;
      const id = randomUUID();
      await orgRepo.insert(tx, {
        id, code: input.code, name: input.name, level: input.level, parentId: parent.id, path: `${parentRow.path}${id}/`,
        regionCode: input.regionCode ?? null, policeType: input.policeType ?? null, sort: input.sort,
      });
      await deps.audit.recordFor(tx, ctx, { action: 'identity.org.create', targetType: 'org', targetIds: [id], detail: { code: input.code, name: input.name, parentId: parent.id } });
      // A new org is in scope for org_and_below holders on the next request; return it from the row we wrote.
      return { id, code: input.code, name: input.name, level: input.level as OrgLevel, parentId: parent.id, regionCode: input.regionCode ?? null,
        policeType: input.policeType ?? null, sort: input.sort, status: 'active' as const, childCount: 0 };
    }),

  update: (ctx: RequestCtx, id: string, input: UpdateOrgBody) =>
    deps.db.transaction(async (tx) => {
      const user = requireUser(ctx);
      const before = await orgRepo.getView(tx, user.scope, id);
      if (!before) throw identityErrors.ORG_NOT_FOUND({ id });
      if (input.status === 'disabled' && before.status === 'active' && (await orgRepo.countActiveDependants(tx, id)) > 0) {
        throw identityErrors.ORG_IN_USE({ id });
      }
      await orgRepo.update(tx, id, input);
      await deps.audit.recordFor(tx, ctx, { action: 'identity.org.update', targetType: 'org', targetIds: [id], detail: { before: pick(before, input), after: input } });
      return (await orgRepo.getView(tx, user.scope, id))!;
    }),
});

export type OrgService = ReturnType<typeof createOrgService>;

const pick = (o: Record<string, unknown>, keys: object) => Object.fromEntries(Object.keys(keys).map((k) => [k, o[k]]));
