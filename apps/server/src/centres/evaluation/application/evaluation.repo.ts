import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DataScope, Queryable } from '@jsga/kernel';
import { evaluationRecord } from '../db/evaluation.schema';

export type EvaluationRow = typeof evaluationRecord.$inferSelect;

export const evaluationRepo = {
  async findByCase(q: Queryable, caseId: string): Promise<EvaluationRow | null> {
    const [row] = await q.select().from(evaluationRecord).where(eq(evaluationRecord.caseId, caseId));
    return row ?? null;
  },
  /** False when the case already has one (the unique index decides between two concurrent submissions). */
  async insert(q: Queryable, row: typeof evaluationRecord.$inferInsert) {
    const inserted = await q.insert(evaluationRecord).values(row).onConflictDoNothing().returning({ id: evaluationRecord.id });
    return inserted.length === 1;
  },
  async list(q: Queryable, scope: DataScope, query: { page: number; pageSize: number; level?: number }) {
    const where = and(
      scope.orgIds === 'all' ? undefined : scope.orgIds.length ? inArray(evaluationRecord.orgId, scope.orgIds) : sql`false`,
      query.level ? eq(evaluationRecord.level, query.level) : undefined,
    );
    const [{ total }] = await q.select({ total: count() }).from(evaluationRecord).where(where);
    const rows = await q.select().from(evaluationRecord).where(where).orderBy(desc(evaluationRecord.createdAt)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
};
