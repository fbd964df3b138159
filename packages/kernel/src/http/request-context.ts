import type { DataScopeKind } from '@jsga/contracts';

/** The orgs a caller may see: every org, or an explicit list; `self` also limits rows to the caller's own. */
export type DataScope = { kind: DataScopeKind; orgIds: 'all' | string[]; userId: string };

export type AuthenticatedUser = {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  sessionExpiresAt: string;
  positionId: string;
  orgId: string; // the current position's org
  permissions: ReadonlySet<string>;
  /** Codes of the current position's roles, for workflow candidate matching. */
  roleCodes: readonly string[];
  scope: DataScope;
};

/**
 * A citizen or company signed in through the citizen identity service (苏证通). Kept apart from
 * officers: own sessions, no permissions, and a data scope that is the applicant identity itself.
 */
export type AuthenticatedCitizen = {
  citizenId: string;
  sessionId: string;
  name: string;
  /** 公民身份号码 of the person signed in (verified by the identity service). */
  idNo: string;
  phone: string | null;
  /** 实名认证等级 as the identity service reports it: 1 basic, 2 verified with face, 3 with 网证. */
  authLevel: number;
  /** Whether the person has authorised identity verification and e-licence use (needed to apply). */
  consented: boolean;
  /** Set while the person acts for a company (as 法定代表人 or authorised 经办人). */
  actingFor: { creditCode: string; name: string; role: 'legal_representative' | 'agent' } | null;
};

/** The applicant a citizen session may see and act as: the company it acts for, else the person. */
export const applicantOf = (c: AuthenticatedCitizen) =>
  c.actingFor
    ? { type: 'legal_person' as const, idNo: c.actingFor.creditCode, name: c.actingFor.name }
    : { type: 'natural_person' as const, idNo: c.idNo, name: c.name };

/** What a service needs to know about the caller; never the HTTP request itself. */
export type RequestCtx = {
  traceId: string;
  clientIp: string;
  userAgent?: string;
  user?: AuthenticatedUser;
  /** Present on citizen routes only (`access: 'citizen'`); never together with `user`. */
  citizen?: AuthenticatedCitizen;
  /**
   * The result a service already audited for this request. A 'success' recorded inside a transaction
   * that later rolled back is followed by the generic hook's failure record.
   */
  audited?: 'success' | 'failure';
};

export const actorOf = (ctx: RequestCtx) => ({
  userId: ctx.user?.userId ?? null,
  // citizens are named by their account id: audit rows carry no ID numbers
  username: ctx.user?.username ?? (ctx.citizen ? `citizen:${ctx.citizen.citizenId}` : null),
  positionId: ctx.user?.positionId ?? null,
  orgId: ctx.user?.orgId ?? null,
  clientIp: ctx.clientIp,
  traceId: ctx.traceId,
});

/** Whether a row owned by `orgId` (and optionally created by `ownerId`) is inside the caller's scope. */
export function scopeAllows(scope: DataScope, row: { orgId: string | null; ownerId?: string | null }): boolean {
  if (scope.kind === 'self') return row.ownerId === scope.userId;
  if (scope.orgIds === 'all') return true;
  return row.orgId !== null && scope.orgIds.includes(row.orgId);
}
