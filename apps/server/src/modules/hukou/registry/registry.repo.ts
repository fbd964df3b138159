import { and, asc, count, desc, eq, gte, ilike, inArray, or, sql } from 'drizzle-orm';
import type { PersonListQuery } from '@jsga/contracts';
import { escapeLike, queryRows, scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { hukouChange, hukouHousehold, hukouIdAllocation, hukouIdSegment, hukouPerson } from '../db/hukou.schema';

export type PersonRow = typeof hukouPerson.$inferSelect;
export type HouseholdRow = typeof hukouHousehold.$inferSelect;
export type ChangeRow = typeof hukouChange.$inferSelect;
export type SegmentRow = typeof hukouIdSegment.$inferSelect;

const personSummaryColumns = {
  person: hukouPerson,
  householdNo: hukouHousehold.householdNo,
};

export const registryRepo = {
  async listPersons(q: Queryable, scope: DataScope, query: PersonListQuery) {
    const kw = query.keyword ? `%${escapeLike(query.keyword)}%` : null;
    const where = and(
      scopeWhere(scope, { org: hukouPerson.stationOrgId }),
      query.idNo ? eq(hukouPerson.idNo, query.idNo.toUpperCase()) : undefined,
      query.name ? eq(hukouPerson.name, query.name) : undefined,
      query.householdNo ? eq(hukouHousehold.householdNo, query.householdNo) : undefined,
      query.status ? eq(hukouPerson.status, query.status) : undefined,
      query.stationOrgId ? eq(hukouPerson.stationOrgId, query.stationOrgId) : undefined,
      kw ? or(ilike(hukouPerson.name, kw), ilike(hukouPerson.address, kw), eq(hukouPerson.idNo, query.keyword!.toUpperCase()), eq(hukouHousehold.householdNo, query.keyword!)) : undefined,
    );
    const from = () => q.select(personSummaryColumns).from(hukouPerson).innerJoin(hukouHousehold, eq(hukouHousehold.id, hukouPerson.householdId));
    const [{ total }] = await q.select({ total: count() }).from(hukouPerson).innerJoin(hukouHousehold, eq(hukouHousehold.id, hukouPerson.householdId)).where(where);
    const rows = await from().where(where).orderBy(asc(hukouHousehold.householdNo), asc(hukouPerson.relationToHead), asc(hukouPerson.birthDate))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
  async person(q: Queryable, id: string, scope: DataScope | null) {
    const [row] = await q.select(personSummaryColumns).from(hukouPerson).innerJoin(hukouHousehold, eq(hukouHousehold.id, hukouPerson.householdId))
      .where(and(eq(hukouPerson.id, id), scope ? scopeWhere(scope, { org: hukouPerson.stationOrgId }) : undefined));
    return row ?? null;
  },
  async household(q: Queryable, id: string, scope: DataScope | null) {
    const [row] = await q.select().from(hukouHousehold).where(and(eq(hukouHousehold.id, id), scope ? scopeWhere(scope, { org: hukouHousehold.stationOrgId }) : undefined));
    return row ?? null;
  },
  members: (q: Queryable, householdId: string) =>
    q.select(personSummaryColumns).from(hukouPerson).innerJoin(hukouHousehold, eq(hukouHousehold.id, hukouPerson.householdId))
      .where(eq(hukouPerson.householdId, householdId)).orderBy(asc(hukouPerson.relationToHead), asc(hukouPerson.birthDate)),
  changesOfPerson: (q: Queryable, personId: string) => q.select().from(hukouChange).where(eq(hukouChange.personId, personId)).orderBy(desc(hukouChange.occurredAt)),
  changesOfHousehold: (q: Queryable, householdId: string) => q.select().from(hukouChange).where(eq(hukouChange.householdId, householdId)).orderBy(desc(hukouChange.occurredAt)),

  async stats(q: Queryable, scope: DataScope, asOf: string, since: Date) {
    const inScope = and(scopeWhere(scope, { org: hukouPerson.stationOrgId }), eq(hukouPerson.status, 'registered'));
    // birth dates are YYYY-MM-DD text: someone is under N on asOf when born after asOf minus N years
    const bornAfter = (years: number) => `${String(Number(asOf.slice(0, 4)) - years).padStart(4, '0')}${asOf.slice(4)}`;
    const band = sql<string>`case when ${hukouPerson.birthDate} > ${bornAfter(18)} then '0-17' when ${hukouPerson.birthDate} > ${bornAfter(35)} then '18-34'
      when ${hukouPerson.birthDate} > ${bornAfter(60)} then '35-59' else '60+' end`;
    const [[{ total }], [{ households }], bySex, byAgeBand, byEthnicity, monthly] = await Promise.all([
      q.select({ total: count() }).from(hukouPerson).where(inScope),
      q.select({ households: count() }).from(hukouHousehold).where(and(scopeWhere(scope, { org: hukouHousehold.stationOrgId }), eq(hukouHousehold.status, 'active'))),
      q.select({ key: hukouPerson.sex, count: count() }).from(hukouPerson).where(inScope).groupBy(hukouPerson.sex),
      q.select({ key: band, count: count() }).from(hukouPerson).where(inScope).groupBy(sql`1`), // the expression's parameters differ between select and group by
      q.select({ key: hukouPerson.ethnicity, count: count() }).from(hukouPerson).where(inScope).groupBy(hukouPerson.ethnicity).orderBy(desc(count())),
      q.select({ month: sql<string>`to_char(${hukouChange.occurredAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`, kind: hukouChange.kind, count: count() })
        .from(hukouChange).where(and(scopeWhere(scope, { org: hukouChange.orgId }), gte(hukouChange.occurredAt, since)))
        .groupBy(sql`1`, hukouChange.kind).orderBy(sql`1`),
    ]);
    return { total, households, bySex, byAgeBand, byEthnicity, monthly };
  },

  // ---- writes (used by registry effects and the demo seed) ----
  insertHouseholds: (q: Queryable, rows: Array<typeof hukouHousehold.$inferInsert>) => (rows.length ? q.insert(hukouHousehold).values(rows) : Promise.resolve()),
  insertPersons: (q: Queryable, rows: Array<typeof hukouPerson.$inferInsert>) => (rows.length ? q.insert(hukouPerson).values(rows) : Promise.resolve()),
  insertChanges: (q: Queryable, rows: Array<typeof hukouChange.$inferInsert>) => (rows.length ? q.insert(hukouChange).values(rows) : Promise.resolve()),
  insertSegments: (q: Queryable, rows: Array<typeof hukouIdSegment.$inferInsert>) => (rows.length ? q.insert(hukouIdSegment).values(rows) : Promise.resolve()),
  insertAllocations: (q: Queryable, rows: Array<typeof hukouIdAllocation.$inferInsert>) =>
    (rows.length ? q.insert(hukouIdAllocation).values(rows).onConflictDoNothing() : Promise.resolve()),
  async householdByNo(q: Queryable, householdNo: string) {
    const [row] = await q.select().from(hukouHousehold).where(eq(hukouHousehold.householdNo, householdNo));
    return row ?? null;
  },
  registeredByIdNos: (q: Queryable, idNos: string[]) =>
    (idNos.length ? q.select().from(hukouPerson).where(and(inArray(hukouPerson.idNo, idNos), eq(hukouPerson.status, 'registered'))) : Promise.resolve([])),
  /** An active 集体户 of a type whose name starts with the unit's (the school's 学生集体户). */
  async collectiveByName(q: Queryable, type: string, unitName: string) {
    const [row] = await q.select().from(hukouHousehold)
      .where(and(eq(hukouHousehold.type, type), eq(hukouHousehold.status, 'active'), ilike(hukouHousehold.name, `${escapeLike(unitName)}%`)))
      .orderBy(asc(hukouHousehold.householdNo)).limit(1);
    return row ?? null;
  },
  /** The active 家庭户 at an address whose 户主 has the name given (what a 迁入 application names). */
  async familyByHead(q: Queryable, headName: string, address: string) {
    const [row] = await q.select({ household: hukouHousehold }).from(hukouHousehold)
      .innerJoin(hukouPerson, eq(hukouPerson.id, hukouHousehold.headPersonId))
      .where(and(eq(hukouHousehold.type, 'family'), eq(hukouHousehold.status, 'active'), eq(hukouPerson.name, headName), eq(hukouHousehold.address, address)));
    return row?.household ?? null;
  },
  /** An active 集体户 (any kind) at an address. */
  async collectiveAt(q: Queryable, address: string) {
    const [row] = await q.select().from(hukouHousehold)
      .where(and(sql`${hukouHousehold.type} <> 'family'`, eq(hukouHousehold.status, 'active'), eq(hukouHousehold.address, address))).limit(1);
    return row ?? null;
  },
  /** Optimistic: false when someone else changed the person since it was read. */
  async updatePerson(q: Queryable, id: string, revision: number, patch: Partial<typeof hukouPerson.$inferInsert>) {
    const rows = await q.update(hukouPerson).set({ ...patch, revision: revision + 1 }).where(and(eq(hukouPerson.id, id), eq(hukouPerson.revision, revision))).returning({ id: hukouPerson.id });
    return rows.length === 1;
  },
  /** The registry change a case made, if any (effects apply once). */
  async changeOfCase(q: Queryable, caseId: string) {
    const [row] = await q.select({ id: hukouChange.id }).from(hukouChange).where(eq(hukouChange.caseId, caseId)).limit(1);
    return row ?? null;
  },
  async householdCount(q: Queryable) {
    const [{ n }] = await q.select({ n: count() }).from(hukouHousehold);
    return n;
  },

  // ---- 号段 and allocation ----
  segments: (q: Queryable, where: { stationOrgId?: string; addressCode?: string; scope?: DataScope }) =>
    q.select().from(hukouIdSegment).where(and(
      where.stationOrgId ? eq(hukouIdSegment.stationOrgId, where.stationOrgId) : undefined,
      where.addressCode ? eq(hukouIdSegment.addressCode, where.addressCode) : undefined,
      where.scope ? scopeWhere(where.scope, { org: hukouIdSegment.stationOrgId }) : undefined,
    )).orderBy(asc(hukouIdSegment.addressCode), asc(hukouIdSegment.seqFrom)),
  async usedSequences(q: Queryable, addressCode: string, birthDate: string) {
    const rows = await q.select({ seq: hukouIdAllocation.seq }).from(hukouIdAllocation)
      .where(and(eq(hukouIdAllocation.addressCode, addressCode), eq(hukouIdAllocation.birthDate, birthDate)));
    return new Set(rows.map((r) => r.seq));
  },
  /** False when another registration took the number first. */
  async claimSequence(q: Queryable, row: typeof hukouIdAllocation.$inferInsert) {
    const rows = await q.insert(hukouIdAllocation).values(row).onConflictDoNothing().returning({ seq: hukouIdAllocation.seq });
    return rows.length === 1;
  },
  /** Numbers given per segment range, for the 号段 view. */
  async allocatedIn(q: Queryable, segments: SegmentRow[]) {
    if (!segments.length) return new Map<string, number>();
    const codes = [...new Set(segments.map((s) => s.addressCode))];
    const rows = await q.select({ addressCode: hukouIdAllocation.addressCode, seq: hukouIdAllocation.seq, n: count() })
      .from(hukouIdAllocation).where(inArray(hukouIdAllocation.addressCode, codes)).groupBy(hukouIdAllocation.addressCode, hukouIdAllocation.seq);
    const out = new Map<string, number>();
    for (const s of segments) out.set(s.id, rows.filter((r) => r.addressCode === s.addressCode && r.seq >= s.seqFrom && r.seq <= s.seqTo).reduce((a, r) => a + Number(r.n), 0));
    return out;
  },
  /** 重号: ID numbers held by more than one registered person in the scope. */
  async duplicateIdNos(q: Queryable, scope: DataScope, limit: number) {
    const rows = await queryRows<{ id_no: string }>(q, sql`select ${hukouPerson.idNo} as id_no from ${hukouPerson}
      where ${hukouPerson.status} = 'registered' and ${scopeWhere(scope, { org: hukouPerson.stationOrgId }) ?? sql`true`}
      group by ${hukouPerson.idNo} having count(*) > 1 order by ${hukouPerson.idNo} limit ${limit}`);
    return rows.map((r) => r.id_no);
  },
  personsByIdNos: (q: Queryable, idNos: string[]) =>
    (idNos.length ? q.select(personSummaryColumns).from(hukouPerson).innerJoin(hukouHousehold, eq(hukouHousehold.id, hukouPerson.householdId))
      .where(and(inArray(hukouPerson.idNo, idNos), eq(hukouPerson.status, 'registered'))) : Promise.resolve([])),
};
