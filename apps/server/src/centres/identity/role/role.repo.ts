import { and, asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import type { RoleView } from '@jsga/contracts';
import { escapeLike, type Queryable } from '@jsga/kernel';
import { identityPositionRole, identityRole } from '../db/identity.schema';

export type RoleRow = typeof identityRole.$inferSelect;

export const toRoleView = (r: RoleRow): RoleView => ({
  id: r.id, code: r.code, name: r.name, description: r.description, permissions: r.permissions,
  dataScope: r.dataScope as RoleView['dataScope'], customOrgIds: r.customOrgIds, isSystem: r.isSystem,
});

export const roleRepo = {
  async findById(q: Queryable, id: string) {
    const [row] = await q.select().from(identityRole).where(eq(identityRole.id, id));
    return row ?? null;
  },
  async findByCode(q: Queryable, code: string) {
    const [row] = await q.select().from(identityRole).where(eq(identityRole.code, code));
    return row ?? null;
  },
  async listByIds(q: Queryable, ids: string[]) {
    if (!ids.length) return [];
    return q.select().from(identityRole).where(inArray(identityRole.id, ids));
  },
  async list(q: Queryable, query: { page: number; pageSize: number; keyword?: string }) {
    const where = query.keyword
      ? or(ilike(identityRole.name, `%${escapeLike(query.keyword)}%`), ilike(identityRole.code, `%${escapeLike(query.keyword)}%`))
      : undefined;
    const [{ total }] = await q.select({ total: count() }).from(identityRole).where(where);
    const rows = await q.select().from(identityRole).where(where).orderBy(asc(identityRole.isSystem), asc(identityRole.code))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { items: rows.map(toRoleView), total };
  },
  async insert(q: Queryable, row: typeof identityRole.$inferInsert) {
    await q.insert(identityRole).values(row);
  },
  async update(q: Queryable, id: string, patch: Partial<typeof identityRole.$inferInsert>) {
    await q.update(identityRole).set({ ...patch, updatedAt: new Date() }).where(eq(identityRole.id, id));
  },
  async remove(q: Queryable, id: string) {
    await q.delete(identityRole).where(and(eq(identityRole.id, id), eq(identityRole.isSystem, false)));
  },
  async countUses(q: Queryable, id: string) {
    const [{ n }] = await q.select({ n: count() }).from(identityPositionRole).where(eq(identityPositionRole.roleId, id));
    return n;
  },
};
