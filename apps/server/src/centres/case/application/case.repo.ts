import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { CaseListQuery, CitizenCaseListQuery, PreReviewQueue } from '@jsga/contracts';
import { escapeLike, scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { caseApplication, caseHistory, caseLink, caseMaterial, casePause } from '../db/case.schema';

export type CaseRow = typeof caseApplication.$inferSelect;
export type CaseInsert = typeof caseApplication.$inferInsert;

const everHad = (action: string) =>
  sql`exists (select 1 from ${caseHistory} where ${caseHistory.caseId} = ${caseApplication.id} and ${caseHistory.action} = ${action})`;
const online = inArray(caseApplication.channel, ['online', 'mobile']);
/** 网上申报预审 queues over online and mobile applications. */
const queueWhere: Record<PreReviewQueue, SQL | undefined> = {
  pending: and(online, inArray(caseApplication.status, ['submitted', 'pre_review'])),
  received: and(online, isNotNull(caseApplication.acceptedAt)),
  supplement: and(online, eq(caseApplication.status, 'supplement')),
  supplement_history: and(online, everHad('request_supplement')),
  returned: and(online, eq(caseApplication.status, 'returned')),
  tolerated: and(online, eq(caseApplication.status, 'tolerated')),
  tolerated_done: and(online, everHad('tolerated_completed')),
};
const missingMaterials = sql`exists (select 1 from ${caseMaterial} where ${caseMaterial.caseId} = ${caseApplication.id} and ${caseMaterial.status} = 'tolerated_missing')`;
const evaluated = sql`exists (select 1 from ${caseLink} where ${caseLink.caseId} = ${caseApplication.id} and ${caseLink.kind} = 'evaluation')`;
/** 我的办件 filters: 办理中, 待我处理 (补件, 评价), 已办结. */
const citizenFilter = {
  open: notInArray(caseApplication.status, ['returned', 'not_accepted', 'concluded', 'withdrawn']),
  todo: or(eq(caseApplication.status, 'supplement'), and(eq(caseApplication.status, 'tolerated'), or(isNull(caseApplication.tolerancePromisedAt), missingMaterials)), and(eq(caseApplication.status, 'concluded'), sql`not ${evaluated}`)),
  done: inArray(caseApplication.status, ['returned', 'not_accepted', 'concluded', 'withdrawn']),
};

const addDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const caseRepo = {
  async insert(q: Queryable, row: CaseInsert) {
    await q.insert(caseApplication).values(row);
  },
  async findByIdempotencyKey(q: Queryable, key: string): Promise<CaseRow | null> {
    const [row] = await q.select().from(caseApplication).where(eq(caseApplication.idempotencyKey, key));
    return row ?? null;
  },
  /** One case inside the caller's data scope (null when outside it, so callers answer 404). */
  async findInScope(q: Queryable, id: string, scope: DataScope | null, opts: { lock?: boolean } = {}): Promise<CaseRow | null> {
    const where = and(eq(caseApplication.id, id), scope ? scopeWhere(scope, { org: caseApplication.orgId, owner: caseApplication.createdBy }) : undefined);
    const query = q.select().from(caseApplication).where(where);
    const [row] = opts.lock ? await query.for('update') : await query;
    return row ?? null;
  },
  async findByInstance(q: Queryable, instanceId: string): Promise<CaseRow | null> {
    const [row] = await q.select().from(caseApplication).where(eq(caseApplication.workflowInstanceId, instanceId));
    return row ?? null;
  },
  /** Writes a changed case; the revision check makes a stale page's action fail instead of overwrite. */
  async update(q: Queryable, id: string, revision: number, patch: Partial<CaseInsert>) {
    const rows = await q.update(caseApplication).set({ ...patch, revision: revision + 1, updatedAt: new Date() })
      .where(and(eq(caseApplication.id, id), eq(caseApplication.revision, revision))).returning({ id: caseApplication.id });
    return rows.length === 1;
  },
  async list(q: Queryable, scope: DataScope, query: CaseListQuery, today: string) {
    const kw = query.keyword ? `%${escapeLike(query.keyword)}%` : null;
    const where = and(
      scopeWhere(scope, { org: caseApplication.orgId, owner: caseApplication.createdBy }),
      kw ? or(ilike(caseApplication.caseNo, kw), ilike(caseApplication.applicantName, kw), ilike(caseApplication.matterName, kw),
        eq(caseApplication.applicantIdNo, query.keyword!.toUpperCase())) : undefined,
      query.matterCode ? eq(caseApplication.matterCode, query.matterCode) : undefined,
      query.policeType ? eq(caseApplication.policeType, query.policeType) : undefined,
      query.status ? eq(caseApplication.status, query.status) : undefined,
      query.orgId ? eq(caseApplication.orgId, query.orgId) : undefined,
      query.slaStatus ? eq(caseApplication.slaStatus, query.slaStatus) : undefined,
      query.overdue === true ? and(lt(caseApplication.slaDeadline, today), isNull(caseApplication.concludedAt)) : undefined,
      query.submittedFrom ? gte(caseApplication.submittedAt, new Date(`${query.submittedFrom}T00:00:00+08:00`)) : undefined,
      query.submittedTo ? lt(caseApplication.submittedAt, new Date(`${addDay(query.submittedTo)}T00:00:00+08:00`)) : undefined,
      query.channel ? eq(caseApplication.channel, query.channel) : undefined,
      query.queue ? queueWhere[query.queue] : undefined,
    );
    const [{ total }] = await q.select({ total: count() }).from(caseApplication).where(where);
    const rows = await q.select().from(caseApplication).where(where)
      .orderBy(desc(caseApplication.submittedAt), desc(caseApplication.caseNo))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
  /** 我的办件: the applicant's cases (by ID number or credit code), newest first, with whether each was evaluated. */
  async listByApplicant(q: Queryable, applicantIdNo: string, query: CitizenCaseListQuery) {
    const where = and(eq(caseApplication.applicantIdNo, applicantIdNo), query.status ? citizenFilter[query.status] : undefined,
      query.keyword ? or(ilike(caseApplication.caseNo, `%${escapeLike(query.keyword)}%`), ilike(caseApplication.matterName, `%${escapeLike(query.keyword)}%`)) : undefined);
    const [{ total }] = await q.select({ total: count() }).from(caseApplication).where(where);
    const rows = await q.select({ row: caseApplication, evaluated: sql<boolean>`${evaluated}` }).from(caseApplication).where(where)
      .orderBy(desc(caseApplication.submittedAt), desc(caseApplication.caseNo)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
  async findForApplicant(q: Queryable, id: string, applicantIdNo: string, opts: { lock?: boolean } = {}): Promise<CaseRow | null> {
    const query = q.select().from(caseApplication).where(and(eq(caseApplication.id, id), eq(caseApplication.applicantIdNo, applicantIdNo)));
    const [row] = opts.lock ? await query.for('update') : await query;
    return row ?? null;
  },
  /** Open cases with a running SLA clock, for the SLA job; claimed so two instances do not both notify. */
  async claimOpenClocks(q: Queryable, limit: number) {
    return q.select().from(caseApplication)
      .where(and(sql`${caseApplication.slaStartDate} is not null`, sql`${caseApplication.slaStatus} in ('running','warning','overdue','paused')`))
      .orderBy(asc(caseApplication.slaDeadline)).limit(limit).for('update', { skipLocked: true });
  },

  /** Tolerated cases past their promised date and not yet alarmed; claimed so two instances do not both alarm. */
  async claimOverdueTolerances(q: Queryable, today: string, limit: number) {
    return q.select().from(caseApplication)
      .where(and(eq(caseApplication.status, 'tolerated'), lt(caseApplication.toleranceDeadline, today), isNull(caseApplication.toleranceOverdueNotifiedAt), missingMaterials))
      .orderBy(asc(caseApplication.toleranceDeadline)).limit(limit).for('update', { skipLocked: true });
  },

  async appendHistory(q: Queryable, row: Omit<typeof caseHistory.$inferInsert, 'seq'>) {
    const [{ next }] = await q.select({ next: sql<number>`coalesce(max(${caseHistory.seq}), 0) + 1` }).from(caseHistory).where(eq(caseHistory.caseId, row.caseId));
    await q.insert(caseHistory).values({ ...row, seq: Number(next) });
  },
  history: (q: Queryable, caseId: string) => q.select().from(caseHistory).where(eq(caseHistory.caseId, caseId)).orderBy(asc(caseHistory.seq)),

  async insertMaterials(q: Queryable, rows: Array<typeof caseMaterial.$inferInsert>) {
    if (rows.length) await q.insert(caseMaterial).values(rows);
  },
  materials: (q: Queryable, caseId: string) => q.select().from(caseMaterial).where(eq(caseMaterial.caseId, caseId)).orderBy(asc(caseMaterial.at), asc(caseMaterial.materialCode)),
  /** 容缺: the file or licence handed in for a material that was missing at acceptance. */
  async supplyMissingMaterial(q: Queryable, caseId: string, materialCode: string, patch: Pick<typeof caseMaterial.$inferInsert, 'fileId' | 'licenceId' | 'source' | 'sha256' | 'sm3' | 'at'>) {
    await q.update(caseMaterial).set({ ...patch, status: 'supplemented' })
      .where(and(eq(caseMaterial.caseId, caseId), eq(caseMaterial.materialCode, materialCode), eq(caseMaterial.status, 'tolerated_missing')));
  },
  /** 证照服务: a material given as a file replaced by the matching e-licence. */
  async replaceWithLicence(q: Queryable, materialId: string, licenceId: string, at: Date) {
    await q.update(caseMaterial).set({ licenceId, source: 'elicense', fileId: null, sha256: null, sm3: null, at }).where(eq(caseMaterial.id, materialId));
  },

  async openPause(q: Queryable, row: typeof casePause.$inferInsert) {
    await q.insert(casePause).values(row);
  },
  async closePause(q: Queryable, caseId: string, toDate: string) {
    await q.update(casePause).set({ toDate }).where(and(eq(casePause.caseId, caseId), isNull(casePause.toDate)));
  },
  pauses: (q: Queryable, caseId: string) => q.select().from(casePause).where(eq(casePause.caseId, caseId)).orderBy(asc(casePause.fromDate)),

  async addLink(q: Queryable, row: typeof caseLink.$inferInsert) {
    await q.insert(caseLink).values(row).onConflictDoNothing();
  },
  links: (q: Queryable, caseId: string) => q.select().from(caseLink).where(eq(caseLink.caseId, caseId)).orderBy(asc(caseLink.at)),
};
