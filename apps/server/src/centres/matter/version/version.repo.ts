import { and, desc, eq, inArray, isNull, max, or } from 'drizzle-orm';
import {
  MatterBindings, MatterConfig, MatterGuide, MatterMaterial, SituationQuestion,
  type MatterVersionHeader, type MatterVersionStatus, type MatterVersionView,
} from '@jsga/contracts';
import { scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { z } from 'zod';
import { matterStandard, matterVersion } from '../db/matter.schema';

export type VersionRow = typeof matterVersion.$inferSelect;
export type VersionWithCode = VersionRow & { matterCode: string };

/** The configuration as stored: scalar facts in columns, nested parts in jsonb. */
export function configColumns(c: MatterConfig) {
  return {
    name: c.name, policeType: c.policeType, category: c.category, matterType: c.matterType, handlingModes: c.handlingModes,
    applicantTypes: c.applicantTypes, channels: c.channels, zones: c.zones, needsApproval: c.needsApproval, isOnline: c.isOnline,
    isOffline: c.isOffline, legalBasis: c.legalBasis, conditions: c.conditions, feeFen: c.feeFen, feeNote: c.feeNote,
    statutoryLimitDays: c.statutoryLimitDays, promisedLimitDays: c.promisedLimitDays, visits: c.visits,
    materials: c.materials, situations: c.situations, guide: c.guide, bindings: c.bindings,
  };
}

const Materials = z.array(MatterMaterial);
const Situations = z.array(SituationQuestion);

/** Reads a stored configuration back through the schema, so defaults fill in fields added since it was written. */
export function configOf(r: VersionRow): MatterConfig {
  return MatterConfig.parse({
    name: r.name, policeType: r.policeType, category: r.category, matterType: r.matterType, handlingModes: r.handlingModes,
    applicantTypes: r.applicantTypes, channels: r.channels, zones: r.zones, needsApproval: r.needsApproval, isOnline: r.isOnline,
    isOffline: r.isOffline, legalBasis: r.legalBasis, conditions: r.conditions, feeFen: r.feeFen, feeNote: r.feeNote,
    statutoryLimitDays: r.statutoryLimitDays, promisedLimitDays: r.promisedLimitDays, visits: r.visits,
    materials: Materials.parse(r.materials), situations: Situations.parse(r.situations),
    guide: MatterGuide.parse(r.guide), bindings: MatterBindings.parse(r.bindings),
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toHeader = (r: VersionRow): MatterVersionHeader => ({
  id: r.id, versionNo: r.versionNo, status: r.status as MatterVersionStatus, name: r.name, updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy, submittedAt: iso(r.submittedAt), publishedAt: iso(r.publishedAt), publishedBy: r.publishedBy,
  retiredAt: iso(r.retiredAt), reviewNote: r.reviewNote,
});

export const toVersionView = (r: VersionWithCode): MatterVersionView => ({
  ...toHeader(r), matterId: r.matterId, matterCode: r.matterCode, implementingId: r.implementingId, orgId: r.orgId,
  sourceVersionId: r.sourceVersionId, baseVersionId: r.baseVersionId, createdAt: r.createdAt.toISOString(), config: configOf(r),
});

/** Standard versions are visible to every catalogue user; implementing versions only inside the caller's data scope. */
const visibleTo = (scope: DataScope) => {
  const inScope = scopeWhere(scope, { org: matterVersion.orgId });
  return inScope === undefined ? undefined : or(isNull(matterVersion.orgId), inScope);
};

const withCode = { version: matterVersion, matterCode: matterStandard.code };
const flatten = (r: { version: VersionRow; matterCode: string }): VersionWithCode => ({ ...r.version, matterCode: r.matterCode });

export const versionRepo = {
  /** With `lock`, the version row stays locked until the transaction ends, so two reviewers cannot both move it. */
  async findVisible(q: Queryable, scope: DataScope, id: string, opts: { lock?: boolean } = {}): Promise<VersionWithCode | null> {
    const query = q.select(withCode).from(matterVersion).innerJoin(matterStandard, eq(matterStandard.id, matterVersion.matterId))
      .where(and(eq(matterVersion.id, id), visibleTo(scope)));
    const [r] = opts.lock ? await query.for('update', { of: matterVersion }) : await query;
    return r ? flatten(r) : null;
  },

  /** For other modules (a case reading its version): no caller scope applies. */
  async findById(q: Queryable, id: string): Promise<VersionWithCode | null> {
    const [r] = await q.select(withCode).from(matterVersion).innerJoin(matterStandard, eq(matterStandard.id, matterVersion.matterId))
      .where(eq(matterVersion.id, id));
    return r ? flatten(r) : null;
  },

  async listHeaders(q: Queryable, subjectId: string): Promise<MatterVersionHeader[]> {
    const rows = await q.select().from(matterVersion).where(eq(matterVersion.subjectId, subjectId)).orderBy(desc(matterVersion.versionNo));
    return rows.map(toHeader);
  },

  async findOpen(q: Queryable, subjectId: string): Promise<VersionRow | null> {
    const [r] = await q.select().from(matterVersion)
      .where(and(eq(matterVersion.subjectId, subjectId), inArray(matterVersion.status, ['draft', 'in_review'])));
    return r ?? null;
  },

  async findPublished(q: Queryable, subjectId: string): Promise<VersionRow | null> {
    const [r] = await q.select().from(matterVersion).where(and(eq(matterVersion.subjectId, subjectId), eq(matterVersion.status, 'published')));
    return r ?? null;
  },

  async findLatest(q: Queryable, subjectId: string): Promise<VersionRow | null> {
    const [r] = await q.select().from(matterVersion).where(eq(matterVersion.subjectId, subjectId)).orderBy(desc(matterVersion.versionNo)).limit(1);
    return r ?? null;
  },

  async nextVersionNo(q: Queryable, subjectId: string): Promise<number> {
    const [r] = await q.select({ n: max(matterVersion.versionNo) }).from(matterVersion).where(eq(matterVersion.subjectId, subjectId));
    return (r?.n ?? 0) + 1;
  },

  async insert(q: Queryable, rows: Array<typeof matterVersion.$inferInsert>) {
    if (rows.length) await q.insert(matterVersion).values(rows);
  },

  async updateContent(q: Queryable, id: string, config: MatterConfig, userId: string) {
    await q.update(matterVersion).set({ ...configColumns(config), updatedBy: userId, updatedAt: new Date() }).where(eq(matterVersion.id, id));
  },

  async setStatus(q: Queryable, id: string, patch: Partial<Pick<VersionRow,
    'status' | 'reviewNote' | 'submittedBy' | 'submittedAt' | 'publishedBy' | 'publishedAt' | 'retiredBy' | 'retiredAt'>>) {
    await q.update(matterVersion).set({ ...patch, updatedAt: new Date() }).where(eq(matterVersion.id, id));
  },
};
