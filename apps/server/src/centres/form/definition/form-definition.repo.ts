import { and, asc, count, desc, eq, ilike, max, ne, or } from 'drizzle-orm';
import type { FormDefinition } from '@jsga/form-engine';
import { escapeLike, type Queryable } from '@jsga/kernel';
import { formDefinition } from '../db/form.schema';

export type FormRow = typeof formDefinition.$inferSelect;

export const formDefinitionRepo = {
  async findById(q: Queryable, id: string): Promise<FormRow | null> {
    const [row] = await q.select().from(formDefinition).where(eq(formDefinition.id, id));
    return row ?? null;
  },
  async findDraft(q: Queryable, key: string): Promise<FormRow | null> {
    const [row] = await q.select().from(formDefinition).where(and(eq(formDefinition.key, key), eq(formDefinition.status, 'draft'))).for('update');
    return row ?? null;
  },
  async findLatestPublished(q: Queryable, key: string): Promise<FormRow | null> {
    const [row] = await q.select().from(formDefinition).where(and(eq(formDefinition.key, key), eq(formDefinition.status, 'published')))
      .orderBy(desc(formDefinition.version)).limit(1);
    return row ?? null;
  },
  /** Every version of one key, newest first (the designer's version history). */
  async listByKey(q: Queryable, key: string): Promise<FormRow[]> {
    return q.select().from(formDefinition).where(eq(formDefinition.key, key)).orderBy(desc(formDefinition.version));
  },
  async nextVersion(q: Queryable, key: string) {
    const [row] = await q.select({ v: max(formDefinition.version) }).from(formDefinition).where(eq(formDefinition.key, key));
    return (row?.v ?? 0) + 1;
  },
  async insert(q: Queryable, row: typeof formDefinition.$inferInsert) {
    await q.insert(formDefinition).values(row);
  },
  async updateDraft(q: Queryable, id: string, definition: FormDefinition, by: string | null) {
    await q.update(formDefinition).set({ definition, title: definition.title, updatedBy: by, updatedAt: new Date() })
      .where(and(eq(formDefinition.id, id), eq(formDefinition.status, 'draft')));
  },
  async publish(q: Queryable, id: string, at: Date) {
    await q.update(formDefinition).set({ status: 'published', publishedAt: at, updatedAt: at }).where(and(eq(formDefinition.id, id), eq(formDefinition.status, 'draft')));
  },
  async list(q: Queryable, query: { page: number; pageSize: number; keyword?: string; status?: string }) {
    const k = query.keyword ? escapeLike(query.keyword) : undefined;
    const where = and(
      k ? or(ilike(formDefinition.key, `%${k}%`), ilike(formDefinition.title, `%${k}%`)) : undefined,
      query.status ? eq(formDefinition.status, query.status) : ne(formDefinition.status, 'retired'),
    );
    const [{ total }] = await q.select({ total: count() }).from(formDefinition).where(where);
    const rows = await q.select().from(formDefinition).where(where).orderBy(asc(formDefinition.key), desc(formDefinition.version))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
};
