import { randomUUID } from 'node:crypto';
import type { CreateDraftBody, MatterConfig, MatterVersionStatus, SaveVersionBody, VersionDiffQuery } from '@jsga/contracts';
import type { Audit, Db, Queryable, RequestCtx, Tx } from '@jsga/kernel';
import { catalogueRepo } from '../catalogue/catalogue.repo';
import { assertNarrowing } from '../implementing/narrowing.rules';
import { implementingRepo } from '../implementing/implementing.repo';
import { assertMayEditStandard, requireUser } from '../matter-access.rules';
import { matterErrors } from '../matter.errors';
import { assertValidConfig, normaliseConfig } from './config.rules';
import { diffConfigs } from './diff.rules';
import { configColumns, configOf, toVersionView, versionRepo, type VersionRow, type VersionWithCode } from './version.repo';
import { assertEditable, mayPublish, nextStatus } from './version.rules';

export type VersionServiceDeps = { db: Db; audit: Audit };

/** Whose versions: a standard matter (province) or one org's implementing matter. */
export type Subject = { kind: 'standard'; matterId: string } | { kind: 'implementing'; matterId: string; implementingId: string; orgId: string };

const subjectIdOf = (s: Subject) => (s.kind === 'standard' ? s.matterId : s.implementingId);

async function setPointers(tx: Queryable, v: Pick<VersionRow, 'matterId' | 'implementingId'>, patch: { publishedVersionId?: string | null; latestVersionId?: string }) {
  if (v.implementingId) await implementingRepo.setPointers(tx, v.implementingId, patch);
  else await catalogueRepo.setPointers(tx, v.matterId, patch);
}

/** Implementing versions must stay within the standard matter's currently published version. */
async function assertWithinStandard(tx: Queryable, v: Pick<VersionRow, 'matterId' | 'implementingId'>, config: MatterConfig) {
  if (!v.implementingId) return;
  const base = await versionRepo.findPublished(tx, v.matterId);
  if (!base) throw matterErrors.NOT_PUBLISHED({ matterId: v.matterId });
  assertNarrowing(configOf(base), config);
}

export const createVersionService = (deps: VersionServiceDeps) => {
  const load = async (tx: Queryable, ctx: RequestCtx, id: string, lock = false): Promise<VersionWithCode> => {
    const v = await versionRepo.findVisible(tx, requireUser(ctx).scope, id, { lock });
    if (!v) throw matterErrors.VERSION_NOT_FOUND({ id });
    return v;
  };
  const loadForChange = async (tx: Queryable, ctx: RequestCtx, id: string) => {
    const v = await load(tx, ctx, id, true);
    if (!v.implementingId) assertMayEditStandard(ctx);
    return v;
  };
  const reload = async (tx: Queryable, id: string) => toVersionView((await versionRepo.findById(tx, id))!);
  const record = (tx: Tx, ctx: RequestCtx, action: string, v: VersionWithCode, detail: Record<string, unknown> = {}) =>
    deps.audit.recordFor(tx, ctx, { action: `matter.version.${action}`, targetType: 'matter_version', targetIds: [v.id],
      detail: { matterCode: v.matterCode, versionNo: v.versionNo, implementingId: v.implementingId, ...detail } });

  return {
    get: async (ctx: RequestCtx, id: string) => toVersionView(await load(deps.db, ctx, id)),

    /** A new draft copied from the latest version (or the one named), for a matter without an open draft. */
    createDraft: async (tx: Tx, ctx: RequestCtx, subject: Subject, input: CreateDraftBody) => {
      const user = requireUser(ctx);
      const subjectId = subjectIdOf(subject);
      // Serialises draft creation per matter (the partial unique index would otherwise turn a race into a 500).
      if (subject.kind === 'standard') await catalogueRepo.lock(tx, subject.matterId);
      else await implementingRepo.lock(tx, subject.implementingId);
      const open = await versionRepo.findOpen(tx, subjectId);
      if (open) throw matterErrors.OPEN_VERSION_EXISTS({ versionId: open.id, status: open.status });
      const source = input.fromVersionId ? await versionRepo.findById(tx, input.fromVersionId) : await versionRepo.findLatest(tx, subjectId);
      if (!source || source.subjectId !== subjectId) throw matterErrors.VERSION_NOT_FOUND({ id: input.fromVersionId });
      const id = randomUUID();
      const versionNo = await versionRepo.nextVersionNo(tx, subjectId);
      await versionRepo.insert(tx, [{
        ...configColumns(configOf(source)), id, matterId: subject.matterId, implementingId: subject.kind === 'implementing' ? subject.implementingId : null,
        subjectId, orgId: subject.kind === 'implementing' ? subject.orgId : null, versionNo, status: 'draft', sourceVersionId: source.id,
        baseVersionId: source.baseVersionId, createdBy: user.userId, updatedBy: user.userId,
      }]);
      await setPointers(tx, { matterId: subject.matterId, implementingId: subject.kind === 'implementing' ? subject.implementingId : null }, { latestVersionId: id });
      const view = await reload(tx, id);
      await deps.audit.recordFor(tx, ctx, { action: 'matter.version.create', targetType: 'matter_version', targetIds: [id],
        detail: { matterCode: view.matterCode, versionNo, sourceVersionId: source.id, implementingId: view.implementingId } });
      return view;
    },

    update: (ctx: RequestCtx, id: string, input: SaveVersionBody) =>
      deps.db.transaction(async (tx) => {
        const v = await loadForChange(tx, ctx, id);
        assertEditable(v.status as MatterVersionStatus);
        const config = normaliseConfig(input.config);
        assertValidConfig(config);
        await assertWithinStandard(tx, v, config);
        await versionRepo.updateContent(tx, id, config, requireUser(ctx).userId);
        const changes = diffConfigs(configOf(v), config).map((c) => c.path);
        await record(tx, ctx, 'update', v, { changed: changes });
        return reload(tx, id);
      }),

    submit: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx) => {
        const v = await loadForChange(tx, ctx, id);
        const status = nextStatus(v.status as MatterVersionStatus, 'submit');
        const config = configOf(v);
        assertValidConfig(config);
        await assertWithinStandard(tx, v, config);
        await versionRepo.setStatus(tx, id, { status, submittedBy: requireUser(ctx).userId, submittedAt: new Date(), reviewNote: null });
        await record(tx, ctx, 'submit', v);
        return reload(tx, id);
      }),

    /** 退回: the reviewer sends it back to draft with a reason. */
    return: (ctx: RequestCtx, id: string, reason: string) =>
      deps.db.transaction(async (tx) => {
        const v = await loadForChange(tx, ctx, id);
        const status = nextStatus(v.status as MatterVersionStatus, 'return');
        await versionRepo.setStatus(tx, id, { status, reviewNote: reason });
        await record(tx, ctx, 'return', v, { reason });
        return reload(tx, id);
      }),

    /** Publishes a reviewed version; the version published before it is retired in the same transaction. */
    publish: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx) => {
        const user = requireUser(ctx);
        const v = await loadForChange(tx, ctx, id);
        const status = nextStatus(v.status as MatterVersionStatus, 'publish');
        if (!mayPublish({ lastEditorId: v.updatedBy, publisherId: user.userId, mayPublishOwn: user.permissions.has('matter:catalogue:publish-own') })) {
          throw matterErrors.FOUR_EYES({ lastEditorId: v.updatedBy });
        }
        await assertWithinStandard(tx, v, configOf(v));
        const now = new Date();
        const previous = await versionRepo.findPublished(tx, v.subjectId);
        if (previous) await versionRepo.setStatus(tx, previous.id, { status: 'retired', retiredBy: user.userId, retiredAt: now });
        await versionRepo.setStatus(tx, id, { status, publishedBy: user.userId, publishedAt: now });
        await setPointers(tx, v, { publishedVersionId: id });
        await record(tx, ctx, 'publish', v, { supersededVersionId: previous?.id ?? null, lastEditorId: v.updatedBy });
        return reload(tx, id);
      }),

    /** 停用: takes the matter off the catalogue; cases already on this version keep reading it. */
    retire: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx) => {
        const v = await loadForChange(tx, ctx, id);
        const status = nextStatus(v.status as MatterVersionStatus, 'retire');
        await versionRepo.setStatus(tx, id, { status, retiredBy: requireUser(ctx).userId, retiredAt: new Date() });
        await setPointers(tx, v, { publishedVersionId: null });
        await record(tx, ctx, 'retire', v);
        return reload(tx, id);
      }),

    /** Field-by-field differences between two versions of the same matter (an implementing version may be compared with its standard). */
    diff: async (ctx: RequestCtx, query: VersionDiffQuery) => {
      const from = await load(deps.db, ctx, query.from);
      const to = await load(deps.db, ctx, query.to);
      if (from.matterId !== to.matterId) throw matterErrors.VERSIONS_UNRELATED({ from: from.matterId, to: to.matterId });
      return {
        from: { id: from.id, versionNo: from.versionNo }, to: { id: to.id, versionNo: to.versionNo },
        changes: diffConfigs(configOf(from), configOf(to)),
      };
    },
  };
};

export type VersionService = ReturnType<typeof createVersionService>;
