import type { FastifyInstance } from 'fastify';
import { commonErrors } from '../errors/app-error';
import type { Audit } from '../audit/audit';
import type { Db } from '../db/db';
import { actorOf, type AuthenticatedCitizen, type AuthenticatedUser } from './request-context';

/**
 * Every /api route declares who may call it; a route without a declaration refuses to register.
 * `citizen`: a signed-in citizen or company (苏证通 session); officers' tokens are not accepted there,
 * and citizens' tokens are accepted nowhere else.
 */
export type RouteAccess = 'public' | 'authenticated' | 'citizen' | { permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** A POST that changes nothing (a calculation, a search): the generic audit hook skips it. */
    readOnly?: boolean;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AccessControlOptions = {
  authenticate: (token: string) => Promise<AuthenticatedUser | null>;
  authenticateCitizen?: (token: string) => Promise<AuthenticatedCitizen | null>;
  /** Path prefixes served by third-party plugins (docs) that carry no access declaration. */
  exemptPrefixes?: string[];
};

export function installAccessControl(app: FastifyInstance, opts: AccessControlOptions) {
  const exempt = opts.exemptPrefixes ?? [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || exempt.some((p) => route.url.startsWith(p))) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
  });

  // onRequest: refuse before the body is even read, and know the caller when validation fails later.
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const header = req.headers.authorization;
    const token = header ? BEARER.exec(header)?.[1] : undefined;
    if (access === 'citizen') {
      const citizen = token && opts.authenticateCitizen ? await opts.authenticateCitizen(token) : null;
      if (!citizen) throw commonErrors.UNAUTHENTICATED(undefined, token ? '登录已失效，请重新登录' : '请先登录');
      req.ctx.citizen = citizen;
      return;
    }
    if (token) {
      const user = await opts.authenticate(token);
      if (user) req.ctx.user = user;
      else if (access !== 'public') throw commonErrors.UNAUTHENTICATED(undefined, '登录已失效，请重新登录');
    }
    if (access === 'public') return;
    if (!req.ctx.user) throw commonErrors.UNAUTHENTICATED();
    if (typeof access === 'object' && !req.ctx.user.permissions.has(access.permission)) {
      throw commonErrors.FORBIDDEN({ permission: access.permission });
    }
  });
}

/**
 * Every state-changing request leaves an audit record: services record domain actions inside their
 * transaction; this hook records whatever they did not, including refusals and failures.
 */
export function installAuditHook(app: FastifyInstance, audit: Audit, db: Db) {
  app.addHook('onResponse', async (req, reply) => {
    if (!MUTATING.has(req.method) || !req.routeOptions.url?.startsWith('/api/') || req.routeOptions.config?.readOnly) return;
    const failed = reply.statusCode >= 400;
    if (req.ctx.audited === 'failure' || (req.ctx.audited === 'success' && !failed)) return;
    const params = (req.params ?? {}) as Record<string, unknown>;
    try {
      await audit.record(db, actorOf(req.ctx), {
        action: `http.${req.method.toLowerCase()} ${req.routeOptions.url}`,
        targetIds: Object.values(params).filter((v): v is string => typeof v === 'string'),
        result: failed ? 'failure' : 'success',
        detail: { status: reply.statusCode },
      });
    } catch (err) {
      req.log.error({ err }, 'audit write failed');
    }
  });
}
