import { commonErrors, type AuthenticatedUser, type RequestCtx } from '@jsga/kernel';
import { matterErrors } from './matter.errors';

/** The authenticated caller; routes guarantee it, services still refuse to run without one. */
export function requireUser(ctx: RequestCtx): AuthenticatedUser {
  if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
  return ctx.user;
}

/**
 * Standard matters are the province's catalogue: every catalogue user reads them, only callers with
 * province-wide data scope change them. Cities, counties and 派出所 adapt them through implementing matters.
 */
export function assertMayEditStandard(ctx: RequestCtx) {
  if (requireUser(ctx).scope.orgIds !== 'all') throw matterErrors.PROVINCE_ONLY();
}
