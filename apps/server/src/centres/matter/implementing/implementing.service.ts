import { randomUUID } from 'node:crypto';
import type { CreateDraftBody, CreateImplementingBody, ImplementingListQuery, ImplementingMatterView } from '@jsga/contracts';
import { scopeAllows, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import { catalogueRepo } from '../catalogue/catalogue.repo';
import { requireUser } from '../matter-access.rules';
import { matterErrors } from '../matter.errors';
import { configColumns, configOf, versionRepo } from '../version/version.repo';
import type { VersionService } from '../version/version.service';
import { implementingRepo, type ImplementingRow } from './implementing.repo';

export type ImplementingServiceDeps = { db: Db; audit: Audit; versions: VersionService };

export const createImplementingService = (deps: ImplementingServiceDeps) => {
  const view = async (q: Queryable, row: ImplementingRow): Promise<ImplementingMatterView> => ({
    id: row.id, matterId: row.matterId, matterCode: row.matterCode, orgId: row.orgId, publishedVersionId: row.publishedVersionId,
    createdAt: row.createdAt.toISOString(), versions: await versionRepo.listHeaders(q, row.id),
  });
  const load = async (q: Queryable, ctx: RequestCtx, id: string) => {
    const row = await implementingRepo.findVisible(q, requireUser(ctx).scope, id);
    if (!row) throw matterErrors.IMPLEMENTING_NOT_FOUND({ id });
    return row;
  };

  return {
    list: async (ctx: RequestCtx, query: ImplementingListQuery) => {
      const { items, total } = await implementingRepo.list(deps.db, requireUser(ctx).scope, query);
      return { total, items: await Promise.all(items.map((r) => view(deps.db, r))) };
    },

    get: async (ctx: RequestCtx, id: string) => view(deps.db, await load(deps.db, ctx, id)),

    /**
     * 实施事项 for an org inside the caller's data scope (anything else is "not found"), starting as a draft
     * copied from the standard matter's published version, which it may then narrow.
     */
    create: (ctx: RequestCtx, matterId: string, input: CreateImplementingBody) =>
      deps.db.transaction(async (tx) => {
        const user = requireUser(ctx);
        if (!scopeAllows(user.scope, { orgId: input.orgId })) throw matterErrors.ORG_NOT_IN_SCOPE({ orgId: input.orgId });
        const m = await catalogueRepo.findById(tx, matterId);
        if (!m) throw matterErrors.NOT_FOUND({ id: matterId });
        const base = await versionRepo.findPublished(tx, m.id);
        if (!base) throw matterErrors.NOT_PUBLISHED({ matterId });
        if (await implementingRepo.findByMatterAndOrg(tx, m.id, input.orgId)) throw matterErrors.IMPLEMENTING_EXISTS({ matterId, orgId: input.orgId });
        const id = randomUUID();
        const versionId = randomUUID();
        await implementingRepo.insert(tx, { id, matterId: m.id, orgId: input.orgId, createdBy: user.userId });
        await versionRepo.insert(tx, [{ ...configColumns(configOf(base)), id: versionId, matterId: m.id, implementingId: id, subjectId: id,
          orgId: input.orgId, versionNo: 1, status: 'draft', sourceVersionId: base.id, baseVersionId: base.id,
          createdBy: user.userId, updatedBy: user.userId }]);
        await implementingRepo.setPointers(tx, id, { latestVersionId: versionId });
        await deps.audit.recordFor(tx, ctx, { action: 'matter.implementing.create', targetType: 'matter_implementing', targetIds: [id, versionId],
          detail: { matterCode: m.code, orgId: input.orgId, baseVersionId: base.id } });
        return view(tx, (await implementingRepo.findVisible(tx, user.scope, id))!);
      }),

    createDraft: (ctx: RequestCtx, id: string, input: CreateDraftBody) =>
      deps.db.transaction(async (tx) => {
        const row = await load(tx, ctx, id);
        return deps.versions.createDraft(tx, ctx, { kind: 'implementing', matterId: row.matterId, implementingId: row.id, orgId: row.orgId }, input);
      }),
  };
};

export type ImplementingService = ReturnType<typeof createImplementingService>;
