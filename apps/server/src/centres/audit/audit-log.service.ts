import type { AuditListQuery } from '@jsga/contracts';
import { searchAuditLogs, verifyAuditChain, type Audit, type Db, type RequestCtx, commonErrors } from '@jsga/kernel';

export type AuditLogServiceDeps = { db: Db; audit: Audit };

export const createAuditLogService = (deps: AuditLogServiceDeps) => ({
  list: (ctx: RequestCtx, query: AuditListQuery) => {
    if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
    return searchAuditLogs(deps.db, { ...query, scope: ctx.user.scope });
  },
  verify: async (ctx: RequestCtx) => {
    const result = await verifyAuditChain(deps.db);
    await deps.audit.recordFor(deps.db, ctx, { action: 'audit.chain.verify', detail: { ...result } });
    return result;
  },
});
export type AuditLogService = ReturnType<typeof createAuditLogService>;
