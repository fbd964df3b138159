import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { ArchiveListQuery } from '@jsga/contracts';
import { escapeLike, scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { archiveCodeCounter, archiveRecord, archiveRule, archiveSigningKey } from '../db/archive.schema';

export type ArchiveRecordRow = typeof archiveRecord.$inferSelect;
export type ArchiveRuleRow = typeof archiveRule.$inferSelect;

export const archiveRepo = {
  /** One record per case: a second conclusion event does nothing. */
  async insertRecord(q: Queryable, row: typeof archiveRecord.$inferInsert) {
    await q.insert(archiveRecord).values(row).onConflictDoNothing({ target: archiveRecord.caseId });
  },
  async find(q: Queryable, id: string, scope: DataScope | null, opts: { lock?: boolean } = {}): Promise<ArchiveRecordRow | null> {
    const query = q.select().from(archiveRecord).where(and(eq(archiveRecord.id, id), scope ? scopeWhere(scope, { org: archiveRecord.orgId }) : undefined));
    const [row] = opts.lock ? await query.for('update') : await query;
    return row ?? null;
  },
  async findByCase(q: Queryable, caseId: string) {
    const [row] = await q.select().from(archiveRecord).where(eq(archiveRecord.caseId, caseId));
    return row ?? null;
  },
  async findByCode(q: Queryable, archivalCode: string) {
    const [row] = await q.select().from(archiveRecord).where(eq(archiveRecord.archivalCode, archivalCode));
    return row ?? null;
  },
  async list(q: Queryable, scope: DataScope, query: ArchiveListQuery) {
    const kw = query.keyword ? `%${escapeLike(query.keyword)}%` : null;
    const where = and(
      scopeWhere(scope, { org: archiveRecord.orgId }),
      query.status ? eq(archiveRecord.status, query.status) : undefined,
      query.orgId ? eq(archiveRecord.orgId, query.orgId) : undefined,
      query.matterCode ? eq(archiveRecord.matterCode, query.matterCode) : undefined,
      query.year ? eq(archiveRecord.year, query.year) : undefined,
      kw ? or(ilike(archiveRecord.caseNo, kw), ilike(archiveRecord.matterName, kw), ilike(archiveRecord.applicantName, kw), ilike(archiveRecord.archivalCode, kw)) : undefined,
    );
    const [{ total }] = await q.select({ total: count() }).from(archiveRecord).where(where);
    const rows = await q.select().from(archiveRecord).where(where)
      .orderBy(query.status === 'archived' ? desc(archiveRecord.archivedAt) : asc(archiveRecord.concludedAt), asc(archiveRecord.caseNo))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
  async update(q: Queryable, id: string, revision: number, patch: Partial<typeof archiveRecord.$inferInsert>) {
    const rows = await q.update(archiveRecord).set({ ...patch, revision: revision + 1 })
      .where(and(eq(archiveRecord.id, id), eq(archiveRecord.revision, revision))).returning({ id: archiveRecord.id });
    return rows.length === 1;
  },
  /** Counts per org (and matter) for 归档统计, inside the caller's scope. */
  async stats(q: Queryable, scope: DataScope, by: 'org' | 'matter', year?: number) {
    const key = by === 'org' ? archiveRecord.orgId : archiveRecord.matterCode;
    const name = by === 'org' ? sql<string>`max(${archiveRecord.orgName})` : sql<string>`max(${archiveRecord.matterName})`;
    return q.select({
      key, name,
      total: count(),
      archived: sql<number>`count(*) filter (where ${archiveRecord.status} = 'archived')`,
      failed: sql<number>`count(*) filter (where ${archiveRecord.status} = 'check_failed')`,
    }).from(archiveRecord).where(and(scopeWhere(scope, { org: archiveRecord.orgId }), year ? eq(archiveRecord.year, year) : undefined)).groupBy(key);
  },

  /** Units, matters and years with records in the scope (of one year for the first two, when given). */
  async facets(q: Queryable, scope: DataScope, year?: number) {
    const inScope = scopeWhere(scope, { org: archiveRecord.orgId });
    const ofYear = and(inScope, year ? eq(archiveRecord.year, year) : undefined);
    const [orgs, matters, years] = await Promise.all([
      q.select({ id: archiveRecord.orgId, name: sql<string>`max(${archiveRecord.orgName})` }).from(archiveRecord).where(ofYear).groupBy(archiveRecord.orgId),
      q.select({ code: archiveRecord.matterCode, name: sql<string>`max(${archiveRecord.matterName})` }).from(archiveRecord).where(ofYear).groupBy(archiveRecord.matterCode).orderBy(archiveRecord.matterCode),
      q.selectDistinct({ year: archiveRecord.year }).from(archiveRecord).where(inScope).orderBy(desc(archiveRecord.year)),
    ]);
    return { orgs, matters, years: years.map((y) => y.year) };
  },

  /** 件号: the next number of the scope, taken under the counter row's lock so parallel archiving never shares one. */
  async nextItemNo(q: Queryable, scope: { fondsCode: string; category: string; year: number; retention: string }): Promise<number> {
    const [row] = await q.insert(archiveCodeCounter).values({ ...scope, lastNo: 1 })
      .onConflictDoUpdate({ target: [archiveCodeCounter.fondsCode, archiveCodeCounter.category, archiveCodeCounter.year, archiveCodeCounter.retention], set: { lastNo: sql`${archiveCodeCounter.lastNo} + 1` } })
      .returning({ lastNo: archiveCodeCounter.lastNo });
    return row.lastNo;
  },

  signingKeys: (q: Queryable) => q.select().from(archiveSigningKey).orderBy(desc(archiveSigningKey.createdAt)),
  async insertSigningKey(q: Queryable, row: typeof archiveSigningKey.$inferInsert) {
    await q.insert(archiveSigningKey).values(row).onConflictDoNothing();
  },

  async ruleForMatter(q: Queryable, matterCode: string): Promise<ArchiveRuleRow | null> {
    const [row] = await q.select().from(archiveRule).where(eq(archiveRule.matterCode, matterCode));
    return row ?? null;
  },
  async ruleForType(q: Queryable, matterType: string): Promise<ArchiveRuleRow | null> {
    const [row] = await q.select().from(archiveRule).where(and(sql`${archiveRule.matterCode} is null`, eq(archiveRule.matterType, matterType)));
    return row ?? null;
  },
  /** The 事项类型 defaults that were saved (the others are the national defaults). */
  typeRules: (q: Queryable) => q.select().from(archiveRule).where(sql`${archiveRule.matterCode} is null`),
  rulesForMatters: (q: Queryable, matterCodes: string[]) =>
    matterCodes.length ? q.select().from(archiveRule).where(inArray(archiveRule.matterCode, matterCodes)) : Promise.resolve([]),
  /** False when another save created the same rule first. */
  async insertRule(q: Queryable, row: typeof archiveRule.$inferInsert) {
    const rows = await q.insert(archiveRule).values(row).onConflictDoNothing().returning({ id: archiveRule.id });
    return rows.length === 1;
  },
  async deleteRule(q: Queryable, id: string, revision: number) {
    const rows = await q.delete(archiveRule).where(and(eq(archiveRule.id, id), eq(archiveRule.revision, revision))).returning({ id: archiveRule.id });
    return rows.length === 1;
  },
  async updateRule(q: Queryable, id: string, revision: number, patch: Partial<typeof archiveRule.$inferInsert>) {
    const rows = await q.update(archiveRule).set({ ...patch, revision: revision + 1 })
      .where(and(eq(archiveRule.id, id), eq(archiveRule.revision, revision))).returning({ id: archiveRule.id });
    return rows.length === 1;
  },
};
