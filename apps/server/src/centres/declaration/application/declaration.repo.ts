import { and, count, desc, eq } from 'drizzle-orm';
import type { Queryable } from '@jsga/kernel';
import { declarationDraft } from '../db/declaration.schema';

export type DraftRow = typeof declarationDraft.$inferSelect;
type Owner = { citizenId: string; applicantIdNo: string };
const owned = (id: string, o: Owner) => and(eq(declarationDraft.id, id), eq(declarationDraft.citizenId, o.citizenId), eq(declarationDraft.applicantIdNo, o.applicantIdNo));

export const declarationRepo = {
  async insert(q: Queryable, row: typeof declarationDraft.$inferInsert) {
    await q.insert(declarationDraft).values(row);
  },
  /** A draft of this person in this identity (a company's drafts are not the representative's own). */
  async find(q: Queryable, id: string, o: Owner, lock = false): Promise<DraftRow | null> {
    const query = q.select().from(declarationDraft).where(owned(id, o));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },
  async list(q: Queryable, o: Owner, page: number, pageSize: number) {
    const where = and(eq(declarationDraft.citizenId, o.citizenId), eq(declarationDraft.applicantIdNo, o.applicantIdNo), eq(declarationDraft.status, 'draft'));
    const [{ total }] = await q.select({ total: count() }).from(declarationDraft).where(where);
    const rows = await q.select().from(declarationDraft).where(where).orderBy(desc(declarationDraft.updatedAt)).limit(pageSize).offset((page - 1) * pageSize);
    return { rows, total };
  },
  async update(q: Queryable, id: string, revision: number, patch: Partial<typeof declarationDraft.$inferInsert>) {
    const rows = await q.update(declarationDraft).set({ ...patch, revision: revision + 1, updatedAt: new Date() })
      .where(and(eq(declarationDraft.id, id), eq(declarationDraft.revision, revision))).returning({ id: declarationDraft.id });
    return rows.length === 1;
  },
  async remove(q: Queryable, id: string, o: Owner) {
    const rows = await q.delete(declarationDraft).where(and(owned(id, o), eq(declarationDraft.status, 'draft'))).returning({ id: declarationDraft.id });
    return rows.length === 1;
  },
};
