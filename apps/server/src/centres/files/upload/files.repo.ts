import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@jsga/kernel';
import { filesObject } from '../db/files.schema';

export type FileRow = typeof filesObject.$inferSelect;

export const filesRepo = {
  async insert(q: Queryable, row: typeof filesObject.$inferInsert) {
    await q.insert(filesObject).values(row);
  },
  async attachToOrg(q: Queryable, id: string, orgId: string) {
    await q.update(filesObject).set({ orgId }).where(and(eq(filesObject.id, id), isNull(filesObject.orgId)));
  },
  async findById(q: Queryable, id: string): Promise<FileRow | null> {
    const [row] = await q.select().from(filesObject).where(eq(filesObject.id, id));
    return row ?? null;
  },
};
