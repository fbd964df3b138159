import { and, asc, count, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '@jsga/kernel';
import type { InstanceState } from '../engine/engine.rules';
import { workflowCalendarDay, workflowInstance, workflowJob, workflowOpinion, workflowTask } from '../db/workflow.schema';

export type InstanceRow = typeof workflowInstance.$inferSelect;
export type TaskRow = typeof workflowTask.$inferSelect;

export const instanceRepo = {
  async insert(q: Queryable, row: typeof workflowInstance.$inferInsert) {
    await q.insert(workflowInstance).values(row);
  },
  /** Row lock: concurrent operations on one instance queue here; the loser re-reads the new state. */
  async lock(q: Queryable, id: string): Promise<InstanceRow | null> {
    const [row] = await q.select().from(workflowInstance).where(eq(workflowInstance.id, id)).for('update');
    return row ?? null;
  },
  async saveState(q: Queryable, id: string, state: InstanceState, revision: number, at: Date) {
    const status = state.status === 'completed' ? 'completed' : 'running';
    const updated = await q.update(workflowInstance)
      .set({ state, status, revision: revision + 1, ...(status === 'completed' ? { endedAt: at } : {}) })
      .where(and(eq(workflowInstance.id, id), eq(workflowInstance.revision, revision)))
      .returning({ id: workflowInstance.id });
    if (!updated.length) throw new Error(`workflow instance ${id} changed concurrently`); // unreachable under the row lock
  },
  async findTask(q: Queryable, id: string): Promise<TaskRow | null> {
    const [row] = await q.select().from(workflowTask).where(eq(workflowTask.id, id));
    return row ?? null;
  },
  async insertTask(q: Queryable, row: typeof workflowTask.$inferInsert) {
    await q.insert(workflowTask).values(row);
  },
  async closeTask(q: Queryable, id: string, patch: { status: 'completed' | 'cancelled'; outcome?: string; completedBy?: string | null; completedAt: Date }) {
    await q.update(workflowTask).set(patch).where(eq(workflowTask.id, id));
  },
  async listTasks(q: Queryable, instanceId: string, status?: 'open') {
    return q.select().from(workflowTask)
      .where(and(eq(workflowTask.instanceId, instanceId), status ? eq(workflowTask.status, status) : undefined))
      .orderBy(asc(workflowTask.createdAt), asc(workflowTask.nodeId));
  },
  async insertOpinion(q: Queryable, row: typeof workflowOpinion.$inferInsert) {
    await q.insert(workflowOpinion).values(row);
  },
  async listOpinions(q: Queryable, instanceId: string) {
    return q.select().from(workflowOpinion).where(eq(workflowOpinion.instanceId, instanceId)).orderBy(asc(workflowOpinion.at));
  },
  async insertJob(q: Queryable, row: typeof workflowJob.$inferInsert) {
    await q.insert(workflowJob).values(row);
  },
  /** Claims due jobs; instances running the same query skip rows another one holds. */
  async claimDueJobs(q: Queryable, now: Date, limit: number) {
    return q.select().from(workflowJob).where(and(eq(workflowJob.status, 'pending'), lte(workflowJob.dueAt, now)))
      .orderBy(asc(workflowJob.dueAt)).limit(limit).for('update', { skipLocked: true });
  },
  async finishJob(q: Queryable, id: string, status: 'done' | 'failed', error?: string) {
    await q.update(workflowJob).set({ status, attempts: sql`${workflowJob.attempts} + 1`, lastError: error ?? null }).where(eq(workflowJob.id, id));
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
  /** Open tasks a user may work on: assigned to them, or unassigned for one of their roles at their org (or any org). */
  async listMine(q: Queryable, who: { userId: string; roleCodes: readonly string[]; orgId: string }, page: { page: number; pageSize: number }) {
    const candidate = who.roleCodes.length
      ? and(isNull(workflowTask.assigneeId), inArray(workflowTask.candidateRole, [...who.roleCodes]),
        or(isNull(workflowTask.candidateOrgId), eq(workflowTask.candidateOrgId, who.orgId)))
      : undefined;
    const where = and(eq(workflowTask.status, 'open'), candidate ? or(eq(workflowTask.assigneeId, who.userId), candidate) : eq(workflowTask.assigneeId, who.userId));
    const [{ total }] = await q.select({ total: count() }).from(workflowTask).where(where);
    const rows = await q.select().from(workflowTask).where(where).orderBy(asc(workflowTask.dueDate), asc(workflowTask.createdAt))
      .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
    return { rows, total };
  },
  /** 签收: only while nobody holds it; returns false when someone was faster. */
  async claim(q: Queryable, id: string, userId: string) {
    const rows = await q.update(workflowTask).set({ assigneeId: userId })
      .where(and(eq(workflowTask.id, id), eq(workflowTask.status, 'open'), isNull(workflowTask.assigneeId))).returning({ id: workflowTask.id });
    return rows.length === 1;
  },
  async tasksByIds(q: Queryable, ids: string[]) {
    return ids.length ? q.select().from(workflowTask).where(inArray(workflowTask.id, ids)) : [];
  },
};
