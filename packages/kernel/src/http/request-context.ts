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

/** What a service needs to know about the caller; never the HTTP request itself. */
export type RequestCtx = {
  traceId: string;
  clientIp: string;
  userAgent?: string;
  user?: AuthenticatedUser;
  /**
   * The result a service already audited for this request. A 'success' recorded inside a transaction
   * that later rolled back is followed by the generic hook's failure record.
   */
  audited?: 'success' | 'failure';
};

export const actorOf = (ctx: RequestCtx) => ({
  userId: ctx.user?.userId ?? null,
  username: ctx.user?.username ?? null,
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
