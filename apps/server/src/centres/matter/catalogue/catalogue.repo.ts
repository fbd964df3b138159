import { and, arrayContains, asc, count, eq, exists, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { HandlingMode, MatterAdminSummary, MatterListQuery, MatterVersionStatus, PoliceType, PublicMatterListQuery, PublicMatterSummary } from '@jsga/contracts';
import { escapeLike, type Queryable } from '@jsga/kernel';
import { matterStandard, matterVersion } from '../db/matter.schema';

export type StandardRow = typeof matterStandard.$inferSelect;

const contains = (s: string) => `%${escapeLike(s)}%`;

const summaryColumns = {
  code: matterStandard.code, name: matterVersion.name, policeType: matterVersion.policeType, category: matterVersion.category,
  matterType: matterVersion.matterType, handlingModes: matterVersion.handlingModes, applicantTypes: matterVersion.applicantTypes,
  channels: matterVersion.channels, zones: matterVersion.zones, isOnline: matterVersion.isOnline, isOffline: matterVersion.isOffline,
  feeFen: matterVersion.feeFen, statutoryLimitDays: matterVersion.statutoryLimitDays, promisedLimitDays: matterVersion.promisedLimitDays,
  visits: matterVersion.visits, versionNo: matterVersion.versionNo,
};

const versionIn = (status: MatterVersionStatus) => exists(sql`(select 1 from matter_version v where v.matter_id = "matter_standard"."id" and v.implementing_id is null and v.status = ${status})`);

export const catalogueRepo = {
  async findById(q: Queryable, id: string): Promise<StandardRow | null> {
    const [r] = await q.select().from(matterStandard).where(eq(matterStandard.id, id));
    return r ?? null;
  },

  async findByCode(q: Queryable, code: string): Promise<StandardRow | null> {
    const [r] = await q.select().from(matterStandard).where(eq(matterStandard.code, code));
    return r ?? null;
  },

  async lock(q: Queryable, id: string) {
    await q.select({ id: matterStandard.id }).from(matterStandard).where(eq(matterStandard.id, id)).for('update');
  },

  async listCodes(q: Queryable): Promise<string[]> {
    return (await q.select({ code: matterStandard.code }).from(matterStandard)).map((r) => r.code);
  },

  async insert(q: Queryable, rows: Array<typeof matterStandard.$inferInsert>) {
    if (rows.length) await q.insert(matterStandard).values(rows);
  },

  async setPointers(q: Queryable, id: string, patch: { publishedVersionId?: string | null; latestVersionId?: string }) {
    await q.update(matterStandard).set({ ...patch, updatedAt: new Date() }).where(eq(matterStandard.id, id));
  },

  /** Workbench list: each matter with its latest version's name and facts. */
  async listAdmin(q: Queryable, query: MatterListQuery): Promise<{ items: MatterAdminSummary[]; total: number }> {
    const conds: (SQL | undefined)[] = [];
    if (query.keyword) conds.push(or(ilike(matterVersion.name, contains(query.keyword)), ilike(matterStandard.code, contains(query.keyword))));
    if (query.policeType) conds.push(eq(matterVersion.policeType, query.policeType));
    if (query.handlingMode) conds.push(arrayContains(matterVersion.handlingModes, [query.handlingMode]));
    if (query.status === 'published') conds.push(sql`${matterStandard.publishedVersionId} is not null`);
    if (query.status === 'retired') conds.push(and(isNull(matterStandard.publishedVersionId), versionIn('retired')));
    if (query.status === 'draft' || query.status === 'in_review') conds.push(versionIn(query.status));
    const where = and(...conds);
    const from = () => q.select({ total: count() }).from(matterStandard).innerJoin(matterVersion, eq(matterVersion.id, matterStandard.latestVersionId));
    const [{ total }] = await from().where(where);
    const rows = await q.select({
      id: matterStandard.id, code: matterStandard.code, name: matterVersion.name, policeType: matterVersion.policeType,
      category: matterVersion.category, handlingModes: matterVersion.handlingModes, updatedAt: matterStandard.updatedAt,
      publishedVersionNo: sql<number | null>`(select p.version_no from matter_version p where p.id = ${matterStandard.publishedVersionId})`,
      latestId: matterVersion.id, latestNo: matterVersion.versionNo, latestStatus: matterVersion.status,
    }).from(matterStandard).innerJoin(matterVersion, eq(matterVersion.id, matterStandard.latestVersionId))
      .where(where).orderBy(asc(matterStandard.code)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id, code: r.code, name: r.name, policeType: r.policeType as PoliceType | null, category: r.category,
        handlingModes: r.handlingModes as HandlingMode[], publishedVersionNo: r.publishedVersionNo, updatedAt: r.updatedAt.toISOString(),
        latestVersion: { id: r.latestId, versionNo: r.latestNo, status: r.latestStatus as MatterVersionStatus },
      })),
    };
  },

  /** Public catalogue: standard matters with a published version, searched on that version's facts. */
  async listPublished(q: Queryable, query: PublicMatterListQuery): Promise<{ items: PublicMatterSummary[]; total: number }> {
    const conds: (SQL | undefined)[] = [];
    if (query.keyword) conds.push(or(ilike(matterVersion.name, contains(query.keyword)), ilike(matterStandard.code, contains(query.keyword))));
    if (query.policeType) conds.push(eq(matterVersion.policeType, query.policeType));
    if (query.zone) conds.push(arrayContains(matterVersion.zones, [query.zone]));
    if (query.channel) conds.push(arrayContains(matterVersion.channels, [query.channel]));
    const where = and(...conds);
    const joinOn = and(eq(matterVersion.id, matterStandard.publishedVersionId), eq(matterVersion.status, 'published'));
    const [{ total }] = await q.select({ total: count() }).from(matterStandard).innerJoin(matterVersion, joinOn).where(where);
    const rows = await q.select(summaryColumns).from(matterStandard).innerJoin(matterVersion, joinOn)
      .where(where).orderBy(asc(matterStandard.code)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { total, items: rows as PublicMatterSummary[] };
  },
};
