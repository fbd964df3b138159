import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '@jsga/kernel';
import { citizenAccount, citizenCompanyRole, citizenLoginTicket, citizenSession, citizenSmsCode } from '../db/citizen.schema';

export type CitizenRow = typeof citizenAccount.$inferSelect;
export type TicketRow = typeof citizenLoginTicket.$inferSelect;
export type CompanyRoleRow = typeof citizenCompanyRole.$inferSelect;

export const citizenRepo = {
  async findByIdNo(q: Queryable, idNo: string): Promise<CitizenRow | null> {
    const [row] = await q.select().from(citizenAccount).where(eq(citizenAccount.idNo, idNo));
    return row ?? null;
  },
  async findById(q: Queryable, id: string): Promise<CitizenRow | null> {
    const [row] = await q.select().from(citizenAccount).where(eq(citizenAccount.id, id));
    return row ?? null;
  },
  /** Creates the account on first login, else records the login (and a changed phone). */
  async upsertOnLogin(q: Queryable, row: { id: string; idNo: string; name: string; phone: string | null; authLevel: number; at: Date }): Promise<CitizenRow> {
    const [out] = await q.insert(citizenAccount).values({ ...row, lastLoginAt: row.at, createdAt: row.at })
      .onConflictDoUpdate({
        target: citizenAccount.idNo,
        set: {
          name: row.name, lastLoginAt: row.at,
          ...(row.phone ? { phone: row.phone } : {}),
          authLevel: sql`greatest(${citizenAccount.authLevel}, ${row.authLevel})`,
        },
      }).returning();
    return out;
  },
  async setConsent(q: Queryable, id: string, at: Date | null) {
    await q.update(citizenAccount).set({ consentAt: at }).where(eq(citizenAccount.id, id));
  },

  async insertSession(q: Queryable, row: typeof citizenSession.$inferInsert) {
    await q.insert(citizenSession).values(row);
  },
  async findLiveSession(q: Queryable, tokenHash: string, now: Date) {
    const [row] = await q.select({ session: citizenSession, citizen: citizenAccount }).from(citizenSession)
      .innerJoin(citizenAccount, eq(citizenAccount.id, citizenSession.citizenId))
      .where(and(eq(citizenSession.tokenHash, tokenHash), isNull(citizenSession.revokedAt), gt(citizenSession.expiresAt, now), eq(citizenAccount.status, 'active')));
    return row ?? null;
  },
  async findSession(q: Queryable, id: string) {
    const [row] = await q.select().from(citizenSession).where(eq(citizenSession.id, id));
    return row ?? null;
  },
  async setActingFor(q: Queryable, sessionId: string, actingFor: typeof citizenSession.$inferInsert['actingFor']) {
    await q.update(citizenSession).set({ actingFor }).where(eq(citizenSession.id, sessionId));
  },
  async revokeSession(q: Queryable, sessionId: string) {
    await q.update(citizenSession).set({ revokedAt: new Date() }).where(and(eq(citizenSession.id, sessionId), isNull(citizenSession.revokedAt)));
  },

  async insertSmsCode(q: Queryable, row: typeof citizenSmsCode.$inferInsert) {
    await q.insert(citizenSmsCode).values(row);
  },
  async latestSmsCode(q: Queryable, phone: string) {
    const [row] = await q.select().from(citizenSmsCode).where(eq(citizenSmsCode.phone, phone)).orderBy(desc(citizenSmsCode.createdAt)).limit(1).for('update');
    return row ?? null;
  },
  async countSmsCodesSince(q: Queryable, phone: string, since: Date) {
    const [{ n }] = await q.select({ n: sql<number>`count(*)::int` }).from(citizenSmsCode).where(and(eq(citizenSmsCode.phone, phone), gt(citizenSmsCode.createdAt, since)));
    return Number(n);
  },
  async updateSmsCode(q: Queryable, id: string, patch: Partial<typeof citizenSmsCode.$inferInsert>) {
    await q.update(citizenSmsCode).set(patch).where(eq(citizenSmsCode.id, id));
  },

  async insertTicket(q: Queryable, row: typeof citizenLoginTicket.$inferInsert) {
    await q.insert(citizenLoginTicket).values(row);
  },
  async findTicket(q: Queryable, id: string, lock = false): Promise<TicketRow | null> {
    const query = q.select().from(citizenLoginTicket).where(eq(citizenLoginTicket.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },
  async updateTicket(q: Queryable, id: string, patch: Partial<typeof citizenLoginTicket.$inferInsert>) {
    await q.update(citizenLoginTicket).set(patch).where(eq(citizenLoginTicket.id, id));
  },

  /** Roles of a person that are not revoked and not past their end date. */
  async companyRolesOf(q: Queryable, idNo: string, today: string): Promise<CompanyRoleRow[]> {
    return q.select().from(citizenCompanyRole).where(and(eq(citizenCompanyRole.holderIdNo, idNo), isNull(citizenCompanyRole.revokedAt),
      or(isNull(citizenCompanyRole.validTo), sql`${citizenCompanyRole.validTo} >= ${today}`))).orderBy(citizenCompanyRole.grantedAt);
  },
  async insertCompanyRole(q: Queryable, row: typeof citizenCompanyRole.$inferInsert) {
    await q.insert(citizenCompanyRole).values(row);
  },
  async agentsOf(q: Queryable, creditCode: string) {
    return q.select().from(citizenCompanyRole).where(and(eq(citizenCompanyRole.creditCode, creditCode), eq(citizenCompanyRole.role, 'agent'), isNull(citizenCompanyRole.revokedAt)))
      .orderBy(citizenCompanyRole.grantedAt);
  },
  async revokeCompanyRole(q: Queryable, id: string, creditCode: string) {
    const rows = await q.update(citizenCompanyRole).set({ revokedAt: new Date() })
      .where(and(eq(citizenCompanyRole.id, id), eq(citizenCompanyRole.creditCode, creditCode), eq(citizenCompanyRole.role, 'agent'), isNull(citizenCompanyRole.revokedAt)))
      .returning({ id: citizenCompanyRole.id });
    return rows.length === 1;
  },
};
