import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { escapeLike, type Queryable } from '@jsga/kernel';
import type { InstanceState } from '../engine/engine.rules';
import { workflowCalendarDay, workflowCc, workflowDefinition, workflowInstance, workflowJob, workflowOpinion, workflowSuspension, workflowTask } from '../db/workflow.schema';

export type InstanceRow = typeof workflowInstance.$inferSelect;
export type TaskRow = typeof workflowTask.$inferSelect;
export type OpinionRow = typeof workflowOpinion.$inferSelect;
/** A task with the instance and process it belongs to, for lists. */
export type TaskContextRow = { task: TaskRow; businessKey: string; definitionName: string };

const withContext = { task: workflowTask, businessKey: workflowInstance.businessKey, definitionName: workflowDefinition.name };
/** Opinion actions that settle a task for the officer who took them (已办). */
const SETTLING_ACTIONS = ['approve', 'reject', 'return', 'resolve'] as const;
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const suspendedInstances = (q: Queryable) => q.select({ id: workflowInstance.id }).from(workflowInstance).where(isNotNull(workflowInstance.suspendedAt));

export const instanceRepo = {
  async insert(q: Queryable, row: typeof workflowInstance.$inferInsert) {
    await q.insert(workflowInstance).values(row);
  },
  /** Row lock: concurrent operations on one instance queue here; the loser re-reads the new state. */
  async lock(q: Queryable, id: string): Promise<InstanceRow | null> {
    const [row] = await q.select().from(workflowInstance).where(eq(workflowInstance.id, id)).for('update');
    return row ?? null;
  },
  async find(q: Queryable, id: string): Promise<InstanceRow | null> {
    const [row] = await q.select().from(workflowInstance).where(eq(workflowInstance.id, id));
    return row ?? null;
  },
  async saveState(q: Queryable, id: string, state: InstanceState, revision: number, at: Date, extra: { definitionId?: string; terminated?: boolean } = {}) {
    const status = extra.terminated ? 'terminated' : state.status === 'completed' ? 'completed' : 'running';
    const updated = await q.update(workflowInstance)
      .set({ state, status, revision: revision + 1, ...(status !== 'running' ? { endedAt: at, suspendedAt: null, suspendReason: null } : {}), ...(extra.definitionId ? { definitionId: extra.definitionId } : {}) })
      .where(and(eq(workflowInstance.id, id), eq(workflowInstance.revision, revision)))
      .returning({ id: workflowInstance.id });
    if (!updated.length) throw new Error(`workflow instance ${id} changed concurrently`); // unreachable under the row lock
  },
  async setSuspended(q: Queryable, id: string, at: Date | null, reason: string | null) {
    await q.update(workflowInstance).set({ suspendedAt: at, suspendReason: reason }).where(eq(workflowInstance.id, id));
  },

  async findTask(q: Queryable, id: string): Promise<TaskRow | null> {
    const [row] = await q.select().from(workflowTask).where(eq(workflowTask.id, id));
    return row ?? null;
  },
  async findTaskWithContext(q: Queryable, id: string): Promise<TaskContextRow | null> {
    const [row] = await q.select(withContext).from(workflowTask)
      .innerJoin(workflowInstance, eq(workflowInstance.id, workflowTask.instanceId))
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId))
      .where(eq(workflowTask.id, id));
    return row ?? null;
  },
  async insertTask(q: Queryable, row: typeof workflowTask.$inferInsert) {
    await q.insert(workflowTask).values(row);
  },
  async closeTask(q: Queryable, id: string, patch: { status: 'completed' | 'cancelled'; outcome?: string; completedBy?: string | null; completedAt: Date }) {
    await q.update(workflowTask).set({ ...patch, blocked: false }).where(eq(workflowTask.id, id));
  },
  async updateTask(q: Queryable, id: string, patch: Partial<Pick<TaskRow, 'assigneeId' | 'ownerId' | 'blocked' | 'dueDate' | 'nodeId' | 'nodeName' | 'candidateRole' | 'candidateOrgId'>>) {
    await q.update(workflowTask).set(patch).where(eq(workflowTask.id, id));
  },
  /** Changes who holds an open task only if nobody changed it since it was read (签收 does not take the instance lock). */
  async reassign(q: Queryable, id: string, from: { assigneeId: string | null; ownerId: string | null }, patch: { assigneeId: string; ownerId: string | null }) {
    const rows = await q.update(workflowTask).set(patch)
      .where(and(eq(workflowTask.id, id), eq(workflowTask.status, 'open'),
        from.assigneeId === null ? isNull(workflowTask.assigneeId) : eq(workflowTask.assigneeId, from.assigneeId),
        from.ownerId === null ? isNull(workflowTask.ownerId) : eq(workflowTask.ownerId, from.ownerId)))
      .returning({ id: workflowTask.id });
    return rows.length === 1;
  },
  /** 撤回: the task is open again, as if never completed. */
  async reopenTask(q: Queryable, id: string, assigneeId?: string) {
    await q.update(workflowTask).set({ status: 'open', outcome: null, completedAt: null, completedBy: null, ...(assigneeId ? { assigneeId } : {}) }).where(eq(workflowTask.id, id));
  },
  async listTasks(q: Queryable, instanceId: string, status?: 'open') {
    return q.select().from(workflowTask)
      .where(and(eq(workflowTask.instanceId, instanceId), status ? eq(workflowTask.status, status) : undefined))
      .orderBy(asc(workflowTask.createdAt), asc(workflowTask.nodeId));
  },
  async tasksByIds(q: Queryable, ids: string[]) {
    return ids.length ? q.select().from(workflowTask).where(inArray(workflowTask.id, ids)) : [];
  },

  async insertOpinion(q: Queryable, row: typeof workflowOpinion.$inferInsert) {
    await q.insert(workflowOpinion).values(row);
  },
  async listOpinions(q: Queryable, instanceId: string) {
    return q.select().from(workflowOpinion).where(eq(workflowOpinion.instanceId, instanceId)).orderBy(asc(workflowOpinion.at), asc(workflowOpinion.id));
  },
  /** Whether anyone acted on these tasks (reminders and 抄送 by others do not count). */
  async anyOpinionOn(q: Queryable, taskIds: string[]) {
    if (!taskIds.length) return false;
    const [row] = await q.select({ id: workflowOpinion.id }).from(workflowOpinion)
      .where(and(inArray(workflowOpinion.taskId, taskIds), notInArray(workflowOpinion.action, ['remind', 'cc']))).limit(1);
    return !!row;
  },
  async participated(q: Queryable, instanceId: string, userId: string) {
    const [row] = await q.select({ id: workflowOpinion.id }).from(workflowOpinion)
      .where(and(eq(workflowOpinion.instanceId, instanceId), eq(workflowOpinion.userId, userId))).limit(1);
    return !!row;
  },

  async insertJob(q: Queryable, row: typeof workflowJob.$inferInsert) {
    await q.insert(workflowJob).values(row);
  },
  /** Claims due jobs of instances that are not suspended; instances running the same query skip rows another one holds. */
  async claimDueJobs(q: Queryable, now: Date, limit: number) {
    return q.select().from(workflowJob)
      .where(and(eq(workflowJob.status, 'pending'), lte(workflowJob.dueAt, now), notInArray(workflowJob.instanceId, suspendedInstances(q))))
      .orderBy(asc(workflowJob.dueAt)).limit(limit).for('update', { skipLocked: true });
  },
  async finishJob(q: Queryable, id: string, status: 'done' | 'failed', error?: string) {
    await q.update(workflowJob).set({ status, attempts: sql`${workflowJob.attempts} + 1`, lastError: error ?? null }).where(eq(workflowJob.id, id));
  },
  /** Pending timers of a resumed instance wait as long again as the instance stood still. */
  async delayJobs(q: Queryable, instanceId: string, ms: number) {
    await q.update(workflowJob).set({ dueAt: sql`${workflowJob.dueAt} + (${ms} * interval '1 millisecond')` })
      .where(and(eq(workflowJob.instanceId, instanceId), eq(workflowJob.status, 'pending')));
  },

  async calendarDays(q: Queryable) {
    return q.select().from(workflowCalendarDay);
  },
  async replaceCalendarYear(q: Queryable, year: number, days: Array<{ date: string; kind: 'holiday' | 'workday'; note: string }>) {
    await q.delete(workflowCalendarDay).where(and(gte(workflowCalendarDay.date, `${year}-01-01`), lte(workflowCalendarDay.date, `${year}-12-31`)));
    if (days.length) await q.insert(workflowCalendarDay).values(days);
  },
  async calendarYear(q: Queryable, year: number) {
    return q.select().from(workflowCalendarDay)
      .where(and(gte(workflowCalendarDay.date, `${year}-01-01`), lte(workflowCalendarDay.date, `${year}-12-31`))).orderBy(asc(workflowCalendarDay.date));
  },
  async upsertCalendarDays(q: Queryable, days: Array<{ date: string; kind: 'holiday' | 'workday'; note: string }>) {
    if (!days.length) return;
    await q.insert(workflowCalendarDay).values(days).onConflictDoUpdate({ target: workflowCalendarDay.date, set: { kind: sql`excluded.kind`, note: sql`excluded.note` } });
  },

  /**
   * Open tasks a user may work on: assigned to them, or unassigned for one of their roles at their org
   * (or any org); also the tasks they delegated, which come back to them.
   */
  async listMine(q: Queryable, who: { userId: string; roleCodes: readonly string[]; orgId: string }, page: { page: number; pageSize: number }) {
    const candidate = who.roleCodes.length
      ? and(isNull(workflowTask.assigneeId), inArray(workflowTask.candidateRole, [...who.roleCodes]),
        or(isNull(workflowTask.candidateOrgId), eq(workflowTask.candidateOrgId, who.orgId)))
      : undefined;
    const where = and(eq(workflowTask.status, 'open'), or(eq(workflowTask.assigneeId, who.userId), eq(workflowTask.ownerId, who.userId), candidate));
    const [{ total }] = await q.select({ total: count() }).from(workflowTask).where(where);
    const rows = await q.select(withContext).from(workflowTask)
      .innerJoin(workflowInstance, eq(workflowInstance.id, workflowTask.instanceId))
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId))
      .where(where).orderBy(asc(workflowTask.dueDate), asc(workflowTask.createdAt), asc(workflowTask.id))
      .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
    return { rows, total };
  },
  /**
   * 已办: the officer's settling records (通过, 不通过, 退回, 委派交回), newest first. A 通过 / 不通过 counts
   * only while it stands: 撤回 reopens the task and clears its completion stamp, so the old record no longer
   * matches the task's completed_at and drops out (the task is back in 待办; completing it again lists it anew).
   */
  async listSettledBy(q: Queryable, userId: string, query: { page: number; pageSize: number; keyword?: string; from?: string; to?: string }) {
    const o = workflowOpinion;
    const variable = (name: string) => sql<string | null>`${workflowInstance.state} -> 'variables' ->> ${name}`;
    const k = query.keyword ? `%${escapeLike(query.keyword)}%` : undefined;
    const where = and(
      eq(o.userId, userId), inArray(o.action, [...SETTLING_ACTIONS]), isNotNull(o.taskId),
      or(inArray(o.action, ['return', 'resolve']), and(eq(workflowTask.status, 'completed'), eq(workflowTask.completedBy, userId), eq(workflowTask.completedAt, o.at))),
      query.from ? gte(o.at, new Date(`${query.from}T00:00:00+08:00`)) : undefined,
      query.to ? lt(o.at, new Date(`${nextDay(query.to)}T00:00:00+08:00`)) : undefined,
      k ? or(ilike(workflowInstance.businessKey, k), ilike(workflowDefinition.name, k), ilike(variable('caseNo'), k), ilike(variable('matterName'), k)) : undefined,
    );
    const [{ total }] = await q.select({ total: count() }).from(o)
      .innerJoin(workflowTask, eq(workflowTask.id, o.taskId))
      .innerJoin(workflowInstance, eq(workflowInstance.id, o.instanceId))
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId))
      .where(where);
    const rows = await q.select({ opinion: o, task: workflowTask, instance: workflowInstance, definitionName: workflowDefinition.name }).from(o)
      .innerJoin(workflowTask, eq(workflowTask.id, o.taskId))
      .innerJoin(workflowInstance, eq(workflowInstance.id, o.instanceId))
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId))
      .where(where).orderBy(desc(o.at), desc(o.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
  /** The open tasks of these instances (where each process stands now). */
  async openTasksOf(q: Queryable, instanceIds: string[]) {
    if (!instanceIds.length) return [];
    return q.select({ instanceId: workflowTask.instanceId, nodeId: workflowTask.nodeId, nodeName: workflowTask.nodeName }).from(workflowTask)
      .where(and(inArray(workflowTask.instanceId, instanceIds), eq(workflowTask.status, 'open')))
      .orderBy(asc(workflowTask.createdAt), asc(workflowTask.nodeId));
  },
  /** 签收: only while nobody holds it; returns false when someone was faster. */
  async claim(q: Queryable, id: string, userId: string) {
    const rows = await q.update(workflowTask).set({ assigneeId: userId })
      .where(and(eq(workflowTask.id, id), eq(workflowTask.status, 'open'), isNull(workflowTask.assigneeId))).returning({ id: workflowTask.id });
    return rows.length === 1;
  },
  /** 催办 at most once an hour per task: the stamp moves only if the last one is older than `since`. */
  async stampReminder(q: Queryable, id: string, at: Date, since: Date) {
    const rows = await q.update(workflowTask).set({ remindedAt: at })
      .where(and(eq(workflowTask.id, id), or(isNull(workflowTask.remindedAt), lte(workflowTask.remindedAt, since)))).returning({ id: workflowTask.id });
    return rows.length === 1;
  },

  async insertCc(q: Queryable, rows: Array<typeof workflowCc.$inferInsert>) {
    if (rows.length) await q.insert(workflowCc).values(rows);
  },
  async listCcFor(q: Queryable, userId: string, page: { page: number; pageSize: number }) {
    const where = eq(workflowCc.userId, userId);
    const [{ total }] = await q.select({ total: count() }).from(workflowCc).where(where);
    const rows = await q.select({ cc: workflowCc, businessKey: workflowInstance.businessKey, definitionName: workflowDefinition.name }).from(workflowCc)
      .innerJoin(workflowInstance, eq(workflowInstance.id, workflowCc.instanceId))
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId))
      .where(where).orderBy(desc(workflowCc.createdAt), desc(workflowCc.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
    return { rows, total };
  },
  async isCcRecipient(q: Queryable, instanceId: string, userId: string) {
    const [row] = await q.select({ id: workflowCc.id }).from(workflowCc).where(and(eq(workflowCc.instanceId, instanceId), eq(workflowCc.userId, userId))).limit(1);
    return !!row;
  },

  async openSuspension(q: Queryable, row: typeof workflowSuspension.$inferInsert) {
    await q.insert(workflowSuspension).values(row);
  },
  async currentSuspension(q: Queryable, instanceId: string) {
    const [row] = await q.select().from(workflowSuspension).where(and(eq(workflowSuspension.instanceId, instanceId), isNull(workflowSuspension.resumedAt)))
      .orderBy(desc(workflowSuspension.suspendedAt)).limit(1);
    return row ?? null;
  },
  /** The last day an earlier suspension already counted, so two pauses never count one day twice. */
  async lastCountedPauseDay(q: Queryable, instanceId: string, exceptId: string) {
    const [row] = await q.select({ toDate: workflowSuspension.toDate }).from(workflowSuspension)
      .where(and(eq(workflowSuspension.instanceId, instanceId), ne(workflowSuspension.id, exceptId), isNotNull(workflowSuspension.toDate)))
      .orderBy(desc(workflowSuspension.toDate)).limit(1);
    return row?.toDate ?? null;
  },
  async closeSuspension(q: Queryable, id: string, patch: { resumedAt: Date; resumedBy: string | null; toDate: string }) {
    await q.update(workflowSuspension).set(patch).where(eq(workflowSuspension.id, id));
  },

  /**
   * SLA candidates, locked so that two server instances never notify twice: open tasks of running,
   * unsuspended instances that still owe a warning (due on or before `horizon`) or an overdue notice.
   */
  async claimSlaTasks(q: Queryable, today: string, horizon: string, limit: number) {
    return q.select({ task: workflowTask, businessKey: workflowInstance.businessKey, state: workflowInstance.state }).from(workflowTask)
      .innerJoin(workflowInstance, eq(workflowInstance.id, workflowTask.instanceId))
      .where(and(
        eq(workflowTask.status, 'open'), isNotNull(workflowTask.dueDate), eq(workflowInstance.status, 'running'), isNull(workflowInstance.suspendedAt),
        or(and(isNull(workflowTask.warnedAt), lte(workflowTask.dueDate, horizon)), and(isNull(workflowTask.overdueNotifiedAt), lt(workflowTask.dueDate, today))),
      ))
      .orderBy(asc(workflowTask.dueDate), asc(workflowTask.id)).limit(limit)
      .for('update', { of: workflowTask, skipLocked: true });
  },
  async markSla(q: Queryable, id: string, patch: { warnedAt?: Date; overdueNotifiedAt?: Date }) {
    await q.update(workflowTask).set(patch).where(eq(workflowTask.id, id));
  },
};
