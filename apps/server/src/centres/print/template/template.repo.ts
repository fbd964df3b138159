import { and, asc, count, desc, eq, ilike, max, ne, or } from 'drizzle-orm';
import type { PrintTemplateDefinition, PrintTemplateListQuery } from '@jsga/contracts';
import { escapeLike, type Queryable } from '@jsga/kernel';
import { printTemplate } from '../db/print.schema';

export type TemplateRow = typeof printTemplate.$inferSelect;

export const templateRepo = {
  async findById(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<TemplateRow | null> {
    const query = q.select().from(printTemplate).where(eq(printTemplate.id, id));
    const [row] = opts.lock ? await query.for('update') : await query;
    return row ?? null;
  },
  /** The key's open draft, locked for the saving transaction. */
  async findDraft(q: Queryable, key: string): Promise<TemplateRow | null> {
    const [row] = await q.select().from(printTemplate).where(and(eq(printTemplate.key, key), eq(printTemplate.status, 'draft'))).for('update');
    return row ?? null;
  },
  async findPublished(q: Queryable, key: string): Promise<TemplateRow | null> {
    const [row] = await q.select().from(printTemplate).where(and(eq(printTemplate.key, key), eq(printTemplate.status, 'published')));
    return row ?? null;
  },
  /** Version 1 of the key, or null when the key is unused. */
  async findFirstVersion(q: Queryable, key: string): Promise<TemplateRow | null> {
    const [row] = await q.select().from(printTemplate).where(and(eq(printTemplate.key, key), eq(printTemplate.version, 1)));
    return row ?? null;
  },
  async nextVersion(q: Queryable, key: string) {
    const [row] = await q.select({ v: max(printTemplate.version) }).from(printTemplate).where(eq(printTemplate.key, key));
    return (row?.v ?? 0) + 1;
  },
  async insert(q: Queryable, row: typeof printTemplate.$inferInsert) {
    await q.insert(printTemplate).values(row);
  },
  async updateDraft(q: Queryable, id: string, patch: { title: string; definition: PrintTemplateDefinition; by: string | null }) {
    await q.update(printTemplate).set({ title: patch.title, definition: patch.definition, updatedBy: patch.by, updatedAt: new Date() })
      .where(and(eq(printTemplate.id, id), eq(printTemplate.status, 'draft')));
  },
  /** Retires the key's published version (if any) and publishes the draft `id`. */
  async publish(q: Queryable, row: { id: string; key: string }, by: string | null, at: Date) {
    await q.update(printTemplate).set({ status: 'retired', updatedAt: at })
      .where(and(eq(printTemplate.key, row.key), eq(printTemplate.status, 'published')));
    await q.update(printTemplate).set({ status: 'published', publishedBy: by, publishedAt: at, updatedAt: at })
      .where(and(eq(printTemplate.id, row.id), eq(printTemplate.status, 'draft')));
  },
  async list(q: Queryable, query: PrintTemplateListQuery) {
    const k = query.keyword ? escapeLike(query.keyword) : undefined;
    const where = and(
      k ? or(ilike(printTemplate.key, `%${k}%`), ilike(printTemplate.title, `%${k}%`)) : undefined,
      query.status ? eq(printTemplate.status, query.status) : ne(printTemplate.status, 'retired'),
      query.kind ? eq(printTemplate.kind, query.kind) : undefined,
    );
    const [{ total }] = await q.select({ total: count() }).from(printTemplate).where(where);
    const rows = await q.select().from(printTemplate).where(where).orderBy(asc(printTemplate.key), desc(printTemplate.version))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
};
