import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '@jsga/kernel';
import { identityOrg, identityPosition, identityPositionRole, identityRole, identitySession, identityUser } from '../db/identity.schema';

export const sessionRepo = {
  async insert(q: Queryable, row: typeof identitySession.$inferInsert) {
    await q.insert(identitySession).values(row);
  },

  /** A live session with its user and position in one round trip; null when expired, revoked or the user is disabled. */
  async findLive(q: Queryable, tokenHash: string, now: Date) {
    const [row] = await q.select({
      sessionId: identitySession.id, expiresAt: identitySession.expiresAt, lastSeenAt: identitySession.lastSeenAt,
      positionId: identitySession.positionId, userId: identityUser.id, username: identityUser.username,
      displayName: identityUser.displayName, positionOrgId: identityPosition.orgId, positionOrgPath: identityOrg.path,
    }).from(identitySession)
      .innerJoin(identityUser, eq(identityUser.id, identitySession.userId))
      .innerJoin(identityPosition, and(eq(identityPosition.id, identitySession.positionId), eq(identityPosition.userId, identityUser.id)))
      .innerJoin(identityOrg, eq(identityOrg.id, identityPosition.orgId))
      .where(and(eq(identitySession.tokenHash, tokenHash), isNull(identitySession.revokedAt), gt(identitySession.expiresAt, now),
        eq(identityUser.status, 'active'), eq(identityOrg.status, 'active')));
    return row ?? null;
  },

  async rolesOfPosition(q: Queryable, positionId: string) {
    return q.select({ code: identityRole.code, permissions: identityRole.permissions, dataScope: identityRole.dataScope, customOrgIds: identityRole.customOrgIds })
      .from(identityPositionRole).innerJoin(identityRole, eq(identityRole.id, identityPositionRole.roleId))
      .where(eq(identityPositionRole.positionId, positionId));
  },

  async touch(q: Queryable, sessionId: string, now: Date) {
    await q.update(identitySession).set({ lastSeenAt: now }).where(eq(identitySession.id, sessionId));
  },

  async setPosition(q: Queryable, sessionId: string, positionId: string) {
    await q.update(identitySession).set({ positionId }).where(eq(identitySession.id, sessionId));
  },

  async revoke(q: Queryable, sessionId: string, reason: string) {
    await q.update(identitySession).set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(identitySession.id, sessionId), isNull(identitySession.revokedAt)));
  },

  async revokeAllOfUser(q: Queryable, userId: string, reason: string) {
    await q.update(identitySession).set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(identitySession.userId, userId), isNull(identitySession.revokedAt)));
  },

  async deleteExpired(q: Queryable, before: Date) {
    await q.delete(identitySession).where(lt(identitySession.expiresAt, before));
  },

  async positionsOfUser(q: Queryable, userId: string) {
    return q.select({ id: identityPosition.id, orgId: identityPosition.orgId, isPrimary: identityPosition.isPrimary, orgStatus: identityOrg.status })
      .from(identityPosition).innerJoin(identityOrg, eq(identityOrg.id, identityPosition.orgId))
      .where(eq(identityPosition.userId, userId)).orderBy(sql`${identityPosition.isPrimary} desc`, identityPosition.sort);
  },
};
