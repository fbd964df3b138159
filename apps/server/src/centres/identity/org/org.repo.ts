import { and, asc, count, eq, ilike, isNull, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { OrgListQuery, OrgView } from '@jsga/contracts';
import { escapeLike, scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { identityOrg, identityUser } from '../db/identity.schema';

export type OrgRow = typeof identityOrg.$inferSelect;

const childCountIn = (scope: DataScope) => {
  const inScope = scope.orgIds === 'all' ? sql`true`
    : scope.orgIds.length ? sql`c.id in (${sql.join(scope.orgIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  // Qualified by hand: drizzle renders a bare column name here, which the subquery would resolve to c.id.
  return sql<number>`(select count(*)::int from identity_org c where c.parent_id = "identity_org"."id" and ${inScope})`;
};

const viewColumns = (scope: DataScope) => ({
  id: identityOrg.id, code: identityOrg.code, name: identityOrg.name, level: identityOrg.level,
  parentId: identityOrg.parentId, regionCode: identityOrg.regionCode, policeType: identityOrg.policeType,
  sort: identityOrg.sort, status: identityOrg.status, childCount: childCountIn(scope),
});

export const orgRepo = {
  async findById(q: Queryable, id: string): Promise<OrgRow | null> {
    const [row] = await q.select().from(identityOrg).where(eq(identityOrg.id, id));
    return row ?? null;
  },

  async findByCode(q: Queryable, code: string): Promise<OrgRow | null> {
    const [row] = await q.select().from(identityOrg).where(eq(identityOrg.code, code));
    return row ?? null;
  },

  /** 受理网点 the public may choose: active 派出所 and windows, with the 分局 above them; public information. */
  async servicePoints(q: Queryable, keyword?: string) {
    const rows = await q.select({ id: identityOrg.id, name: identityOrg.name, level: identityOrg.level, regionCode: identityOrg.regionCode,
      parentName: sql<string | null>`(select p.name from identity_org p where p.id = "identity_org"."parent_id")` })
      .from(identityOrg)
      .where(and(eq(identityOrg.status, 'active'), or(eq(identityOrg.level, 'station'), eq(identityOrg.level, 'window')),
        keyword ? ilike(identityOrg.name, `%${escapeLike(keyword)}%`) : undefined))
      .orderBy(asc(identityOrg.code)).limit(200);
    return rows;
  },

  /** Ids of an org and all orgs below it (materialised path prefix). */
  async listSubtreeIds(q: Queryable, orgIds: string[]): Promise<string[]> {
    if (!orgIds.length) return [];
    const roots = await q.select({ path: identityOrg.path }).from(identityOrg)
      .where(sql`${identityOrg.id} in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
    if (!roots.length) return [];
    const rows = await q.select({ id: identityOrg.id }).from(identityOrg)
      .where(or(...roots.map((r) => like(identityOrg.path, `${r.path}%`))));
    return rows.map((r) => r.id);
  },

  async getView(q: Queryable, scope: DataScope, id: string): Promise<OrgView | null> {
    const [row] = await q.select(viewColumns(scope)).from(identityOrg)
      .where(and(eq(identityOrg.id, id), scopeWhere(scope, { org: identityOrg.id })));
    return (row as OrgView | undefined) ?? null;
  },

  async list(q: Queryable, scope: DataScope, query: OrgListQuery): Promise<{ items: OrgView[]; total: number }> {
    const conds: (SQL | undefined)[] = [scopeWhere(scope, { org: identityOrg.id })];
    if (query.parentId) conds.push(eq(identityOrg.parentId, query.parentId));
    if (query.level) conds.push(eq(identityOrg.level, query.level));
    if (query.keyword) conds.push(or(ilike(identityOrg.name, `%${escapeLike(query.keyword)}%`), ilike(identityOrg.code, `${escapeLike(query.keyword)}%`)));
    if (!query.parentId && !query.keyword && !query.level) {
      // The top of the caller's scope: orgs whose parent is outside it.
      conds.push(scope.orgIds === 'all' ? isNull(identityOrg.parentId)
        : or(isNull(identityOrg.parentId), scope.orgIds.length ? notInArray(identityOrg.parentId, scope.orgIds) : undefined));
    }
    const where = and(...conds);
    const [{ total }] = await q.select({ total: count() }).from(identityOrg).where(where);
    const items = await q.select(viewColumns(scope)).from(identityOrg).where(where)
      .orderBy(asc(identityOrg.sort), asc(identityOrg.code))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { items: items as OrgView[], total };
  },

  async insert(q: Queryable, row: typeof identityOrg.$inferInsert) {
    await q.insert(identityOrg).values(row);
  },

  async update(q: Queryable, id: string, patch: Partial<Pick<OrgRow, 'name' | 'sort' | 'status'>>) {
    await q.update(identityOrg).set({ ...patch, updatedAt: new Date() }).where(eq(identityOrg.id, id));
  },

  async countActiveDependants(q: Queryable, id: string): Promise<number> {
    const [a] = await q.select({ n: count() }).from(identityOrg).where(and(eq(identityOrg.parentId, id), eq(identityOrg.status, 'active')));
    const [b] = await q.select({ n: count() }).from(identityUser).where(and(eq(identityUser.orgId, id), eq(identityUser.status, 'active')));
    return a.n + b.n;
  },
};

