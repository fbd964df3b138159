import { and, asc, count, desc, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { PositionView, UserListQuery, UserView } from '@jsga/contracts';
import { escapeLike, maskPhone, scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { identityOrg, identityPosition, identityPositionRole, identityRole, identityUser } from '../db/identity.schema';

export type UserRow = typeof identityUser.$inferSelect;

export const userRepo = {
  async findById(q: Queryable, id: string): Promise<UserRow | null> {
    const [row] = await q.select().from(identityUser).where(eq(identityUser.id, id));
    return row ?? null;
  },
  async findByUsername(q: Queryable, username: string): Promise<UserRow | null> {
    const [row] = await q.select().from(identityUser).where(sql`lower(${identityUser.username}) = lower(${username})`);
    return row ?? null;
  },
  async findByPoliceNo(q: Queryable, policeNo: string): Promise<UserRow | null> {
    const [row] = await q.select().from(identityUser).where(eq(identityUser.policeNo, policeNo));
    return row ?? null;
  },
  async findInScope(q: Queryable, scope: DataScope, id: string): Promise<UserRow | null> {
    const [row] = await q.select().from(identityUser)
      .where(and(eq(identityUser.id, id), scopeWhere(scope, { org: identityUser.orgId, owner: identityUser.id })));
    return row ?? null;
  },

  async list(q: Queryable, scope: DataScope, query: UserListQuery): Promise<{ rows: UserRow[]; total: number }> {
    const conds: (SQL | undefined)[] = [scopeWhere(scope, { org: identityUser.orgId, owner: identityUser.id })];
    if (query.status) conds.push(eq(identityUser.status, query.status));
    if (query.keyword) {
      const k = escapeLike(query.keyword);
      conds.push(or(ilike(identityUser.username, `%${k}%`), ilike(identityUser.displayName, `%${k}%`), like(identityUser.policeNo, `${k}%`)));
    }
    if (query.orgId) {
      conds.push(sql`${identityUser.orgId} in (select s.id from identity_org s where s.path like (select p.path from identity_org p where p.id = ${query.orgId}) || '%')`);
    }
    const where = and(...conds);
    const [{ total }] = await q.select({ total: count() }).from(identityUser).where(where);
    const rows = await q.select().from(identityUser).where(where).orderBy(desc(identityUser.createdAt), asc(identityUser.username))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },

  async listPositions(q: Queryable, userIds: string[]): Promise<Array<PositionView & { userId: string; sort: number }>> {
    if (!userIds.length) return [];
    const rows = await q.select({
      id: identityPosition.id, userId: identityPosition.userId, title: identityPosition.title, orgId: identityPosition.orgId,
      orgName: identityOrg.name, isPrimary: identityPosition.isPrimary, sort: identityPosition.sort,
      roleId: identityRole.id, roleName: identityRole.name,
    }).from(identityPosition)
      .innerJoin(identityOrg, eq(identityOrg.id, identityPosition.orgId))
      .leftJoin(identityPositionRole, eq(identityPositionRole.positionId, identityPosition.id))
      .leftJoin(identityRole, eq(identityRole.id, identityPositionRole.roleId))
      .where(inArray(identityPosition.userId, userIds))
      .orderBy(asc(identityPosition.sort), asc(identityRole.code));
    const byId = new Map<string, PositionView & { userId: string; sort: number }>();
    for (const r of rows) {
      let p = byId.get(r.id);
      if (!p) {
        p = { id: r.id, userId: r.userId, title: r.title, orgId: r.orgId, orgName: r.orgName, isPrimary: r.isPrimary, sort: r.sort, roleIds: [], roleNames: [] };
        byId.set(r.id, p);
      }
      if (r.roleId) { p.roleIds.push(r.roleId); p.roleNames.push(r.roleName!); }
    }
    return [...byId.values()];
  },

  /** Active users holding `roleCode` in a position at `orgId` (any org when null): workflow candidates. */
  async idsWithRole(q: Queryable, roleCode: string, orgId: string | null): Promise<string[]> {
    const rows = await q.selectDistinct({ id: identityUser.id }).from(identityUser)
      .innerJoin(identityPosition, eq(identityPosition.userId, identityUser.id))
      .innerJoin(identityPositionRole, eq(identityPositionRole.positionId, identityPosition.id))
      .innerJoin(identityRole, eq(identityRole.id, identityPositionRole.roleId))
      .where(and(eq(identityRole.code, roleCode), eq(identityUser.status, 'active'), orgId ? eq(identityPosition.orgId, orgId) : undefined));
    return rows.map((r) => r.id);
  },
  async briefs(q: Queryable, ids: string[]): Promise<Array<{ id: string; displayName: string; active: boolean }>> {
    if (!ids.length) return [];
    const rows = await q.select({ id: identityUser.id, displayName: identityUser.displayName, status: identityUser.status }).from(identityUser).where(inArray(identityUser.id, ids));
    return rows.map((r) => ({ id: r.id, displayName: r.displayName, active: r.status === 'active' }));
  },

  async orgNames(q: Queryable, orgIds: string[]): Promise<Map<string, string>> {
    if (!orgIds.length) return new Map();
    const rows = await q.select({ id: identityOrg.id, name: identityOrg.name }).from(identityOrg).where(inArray(identityOrg.id, orgIds));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async insert(q: Queryable, row: typeof identityUser.$inferInsert) {
    await q.insert(identityUser).values(row);
  },
  async update(q: Queryable, id: string, patch: Partial<typeof identityUser.$inferInsert>) {
    await q.update(identityUser).set({ ...patch, updatedAt: new Date() }).where(eq(identityUser.id, id));
  },
  async replacePositions(q: Queryable, userId: string, positions: Array<{ id: string; title: string; orgId: string; isPrimary: boolean; roleIds: string[] }>) {
    await q.delete(identityPosition).where(eq(identityPosition.userId, userId));
    for (const [i, p] of positions.entries()) {
      await q.insert(identityPosition).values({ id: p.id, userId, orgId: p.orgId, title: p.title, isPrimary: p.isPrimary, sort: i });
      if (p.roleIds.length) await q.insert(identityPositionRole).values(p.roleIds.map((roleId) => ({ positionId: p.id, roleId })));
    }
  },

  /** Failed login: counts atomically (two instances may race), locking when the limit is reached. */
  async recordFailedLogin(q: Queryable, id: string, maxFailures: number, lockUntil: Date): Promise<{ locked: boolean }> {
    const [row] = await q.update(identityUser).set({
      failedLoginCount: sql`case when ${identityUser.failedLoginCount} + 1 >= ${maxFailures} then 0 else ${identityUser.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${identityUser.failedLoginCount} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${identityUser.lockedUntil} end`,
    }).where(eq(identityUser.id, id)).returning({ lockedUntil: identityUser.lockedUntil });
    return { locked: !!row?.lockedUntil && row.lockedUntil.getTime() === lockUntil.getTime() };
  },
};

export function toUserView(row: UserRow, positions: PositionView[], orgName: string): UserView {
  return {
    id: row.id, username: row.username, displayName: row.displayName, userType: row.userType as UserView['userType'],
    policeNo: row.policeNo, phone: maskPhone(row.phone), orgId: row.orgId, orgName, status: row.status as UserView['status'],
    lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil.toISOString() : null,
    totpEnabled: row.isTotpEnabled,
    positions: positions.map(({ id, title, orgId, orgName: n, roleIds, roleNames, isPrimary }) => ({ id, title, orgId, orgName: n, roleIds, roleNames, isPrimary })),
    createdAt: row.createdAt.toISOString(),
  };
}
