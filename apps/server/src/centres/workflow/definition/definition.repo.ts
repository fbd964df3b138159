import { and, asc, count, desc, eq, ilike, max, or } from 'drizzle-orm';
import { escapeLike, type Queryable } from '@jsga/kernel';
import { workflowDefinition } from '../db/workflow.schema';

export type DefinitionRow = typeof workflowDefinition.$inferSelect;

export const definitionRepo = {
  async nextVersion(q: Queryable, key: string) {
    const [row] = await q.select({ v: max(workflowDefinition.version) }).from(workflowDefinition).where(eq(workflowDefinition.key, key));
    return (row?.v ?? 0) + 1;
  },
  async insert(q: Queryable, row: typeof workflowDefinition.$inferInsert) {
    await q.insert(workflowDefinition).values(row);
  },
  async findById(q: Queryable, id: string): Promise<DefinitionRow | null> {
    const [row] = await q.select().from(workflowDefinition).where(eq(workflowDefinition.id, id));
    return row ?? null;
  },
  async findLatestPublished(q: Queryable, key: string): Promise<DefinitionRow | null> {
    const [row] = await q.select().from(workflowDefinition)
      .where(and(eq(workflowDefinition.key, key), eq(workflowDefinition.status, 'published')))
      .orderBy(desc(workflowDefinition.version)).limit(1);
    return row ?? null;
  },
  async list(q: Queryable, query: { page: number; pageSize: number; keyword?: string; status?: string }) {
    const k = query.keyword ? escapeLike(query.keyword) : undefined;
    const where = and(
      k ? or(ilike(workflowDefinition.key, `%${k}%`), ilike(workflowDefinition.name, `%${k}%`)) : undefined,
      query.status ? eq(workflowDefinition.status, query.status) : undefined,
    );
    const [{ total }] = await q.select({ total: count() }).from(workflowDefinition).where(where);
    const rows = await q.select().from(workflowDefinition).where(where)
      .orderBy(asc(workflowDefinition.key), desc(workflowDefinition.version)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
  async publish(q: Queryable, id: string, at: Date) {
    await q.update(workflowDefinition).set({ status: 'published', publishedAt: at }).where(eq(workflowDefinition.id, id));
  },
};
