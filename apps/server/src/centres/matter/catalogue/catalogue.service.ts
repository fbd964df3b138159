import { randomUUID } from 'node:crypto';
import type { CreateDraftBody, CreateMatterBody, MatterListQuery } from '@jsga/contracts';
import type { Audit, Db, Queryable, RequestCtx } from '@jsga/kernel';
import { implementingRepo } from '../implementing/implementing.repo';
import { assertMayEditStandard, requireUser } from '../matter-access.rules';
import { matterErrors } from '../matter.errors';
import { assertValidConfig, normaliseConfig } from '../version/config.rules';
import { configColumns, versionRepo } from '../version/version.repo';
import type { VersionService } from '../version/version.service';
import { catalogueRepo } from './catalogue.repo';

export type CatalogueServiceDeps = { db: Db; audit: Audit; versions: VersionService };

export const createCatalogueService = (deps: CatalogueServiceDeps) => {
  const detail = async (ctx: RequestCtx, id: string, q: Queryable = deps.db) => {
    const m = await catalogueRepo.findById(q, id);
    if (!m) throw matterErrors.NOT_FOUND({ id });
    const [versions, implementing] = [
      await versionRepo.listHeaders(q, m.id),
      await implementingRepo.list(q, requireUser(ctx).scope, { matterId: m.id, page: 1, pageSize: 200 }),
    ];
    return {
      id: m.id, code: m.code, createdAt: m.createdAt.toISOString(), publishedVersionId: m.publishedVersionId, versions,
      implementing: implementing.items.map((i) => ({ id: i.id, matterId: i.matterId, matterCode: i.matterCode, orgId: i.orgId,
        publishedVersionId: i.publishedVersionId, createdAt: i.createdAt.toISOString() })),
    };
  };

  return {
    list: (_ctx: RequestCtx, query: MatterListQuery) => catalogueRepo.listAdmin(deps.db, query),

    get: (ctx: RequestCtx, id: string) => detail(ctx, id),

    /** A new standard matter starts as draft version 1. */
    create: (ctx: RequestCtx, input: CreateMatterBody) =>
      deps.db.transaction(async (tx) => {
        assertMayEditStandard(ctx);
        const user = requireUser(ctx);
        if (await catalogueRepo.findByCode(tx, input.code)) throw matterErrors.CODE_TAKEN({ code: input.code });
        const config = normaliseConfig(input.config);
        assertValidConfig(config);
        const id = randomUUID();
        const versionId = randomUUID();
        await catalogueRepo.insert(tx, [{ id, code: input.code, createdBy: user.userId }]);
        await versionRepo.insert(tx, [{ ...configColumns(config), id: versionId, matterId: id, subjectId: id, versionNo: 1, status: 'draft',
          createdBy: user.userId, updatedBy: user.userId }]);
        await catalogueRepo.setPointers(tx, id, { latestVersionId: versionId });
        await deps.audit.recordFor(tx, ctx, { action: 'matter.standard.create', targetType: 'matter', targetIds: [id, versionId],
          detail: { code: input.code, name: config.name } });
        return detail(ctx, id, tx);
      }),

    /** 新建草稿: copies the latest version (or the one named) of a standard matter. */
    createDraft: (ctx: RequestCtx, id: string, input: CreateDraftBody) =>
      deps.db.transaction(async (tx) => {
        const m = await catalogueRepo.findById(tx, id);
        if (!m) throw matterErrors.NOT_FOUND({ id });
        assertMayEditStandard(ctx);
        return deps.versions.createDraft(tx, ctx, { kind: 'standard', matterId: m.id }, input);
      }),
  };
};

export type CatalogueService = ReturnType<typeof createCatalogueService>;
