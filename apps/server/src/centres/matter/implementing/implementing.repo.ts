import { and, asc, count, eq } from 'drizzle-orm';
import type { ImplementingListQuery } from '@jsga/contracts';
import { scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { matterImplementing, matterStandard } from '../db/matter.schema';

export type ImplementingRow = typeof matterImplementing.$inferSelect & { matterCode: string };

const columns = {
  id: matterImplementing.id, matterId: matterImplementing.matterId, orgId: matterImplementing.orgId,
  publishedVersionId: matterImplementing.publishedVersionId, latestVersionId: matterImplementing.latestVersionId,
  createdBy: matterImplementing.createdBy, createdAt: matterImplementing.createdAt, updatedAt: matterImplementing.updatedAt,
  matterCode: matterStandard.code,
};
const inScope = (scope: DataScope) => scopeWhere(scope, { org: matterImplementing.orgId });

export const implementingRepo = {
  async findVisible(q: Queryable, scope: DataScope, id: string): Promise<ImplementingRow | null> {
    const [r] = await q.select(columns).from(matterImplementing).innerJoin(matterStandard, eq(matterStandard.id, matterImplementing.matterId))
      .where(and(eq(matterImplementing.id, id), inScope(scope)));
    return r ?? null;
  },

  async findByMatterAndOrg(q: Queryable, matterId: string, orgId: string) {
    const [r] = await q.select({ id: matterImplementing.id }).from(matterImplementing)
      .where(and(eq(matterImplementing.matterId, matterId), eq(matterImplementing.orgId, orgId)));
    return r ?? null;
  },

  async list(q: Queryable, scope: DataScope, query: ImplementingListQuery): Promise<{ items: ImplementingRow[]; total: number }> {
    const where = and(
      inScope(scope),
      query.matterId ? eq(matterImplementing.matterId, query.matterId) : undefined,
      query.orgId ? eq(matterImplementing.orgId, query.orgId) : undefined,
    );
    const [{ total }] = await q.select({ total: count() }).from(matterImplementing).where(where);
    const items = await q.select(columns).from(matterImplementing).innerJoin(matterStandard, eq(matterStandard.id, matterImplementing.matterId))
      .where(where).orderBy(asc(matterStandard.code), asc(matterImplementing.createdAt))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { items, total };
  },

  async lock(q: Queryable, id: string) {
    await q.select({ id: matterImplementing.id }).from(matterImplementing).where(eq(matterImplementing.id, id)).for('update');
  },

  async insert(q: Queryable, row: typeof matterImplementing.$inferInsert) {
    await q.insert(matterImplementing).values(row);
  },

  async setPointers(q: Queryable, id: string, patch: { publishedVersionId?: string | null; latestVersionId?: string }) {
    await q.update(matterImplementing).set({ ...patch, updatedAt: new Date() }).where(eq(matterImplementing.id, id));
  },
};
