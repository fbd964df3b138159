import { commonErrors, type AuthenticatedUser, type RequestCtx } from '@jsga/kernel';

/** The authenticated caller; routes guarantee it, services still refuse to run without one. */
export function requireUser(ctx: RequestCtx): AuthenticatedUser {
  if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
  return ctx.user;
}
