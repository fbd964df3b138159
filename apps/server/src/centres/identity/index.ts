import type { AuthenticatedUser } from '@jsga/kernel';
import { defineModule, type Queryable } from '@jsga/kernel';
import { orgRepo } from './org/org.repo';
import { userRepo } from './user/user.repo';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { orgAdminRoutes } from './org/org.admin.routes';
import { createOrgService } from './org/org.service';
import { roleAdminRoutes } from './role/role.admin.routes';
import { createRoleService } from './role/role.service';
import { seedIdentityDemo } from './seed/identity.demo';
import { seedIdentityReference } from './seed/identity.reference';
import { colleagueRoutes, userAdminRoutes } from './user/user.admin.routes';
import { createUserService } from './user/user.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What other centres and modules may use of identity. */
export type OrgRef = { id: string; code: string; name: string; level: string; parentId: string | null; regionCode: string | null };
export type IdentityApi = {
  authenticate(token: string): Promise<AuthenticatedUser | null>;
  /** An organisation's identity and place in the tree, or null. */
  findOrg(q: Queryable, id: string): Promise<OrgRef | null>;
  /** Active users holding a role at an org (any org when null), e.g. the candidates of a workflow task. */
  usersWithRole(q: Queryable, roleCode: string, orgId: string | null): Promise<string[]>;
  /** Display name and whether active, for the given user ids (unknown ids are left out). */
  findUsers(q: Queryable, ids: string[]): Promise<Array<{ id: string; displayName: string; active: boolean }>>;
  /** Active 派出所 and windows where the public may apply (name filter optional). */
  listServicePoints(q: Queryable, keyword?: string): Promise<Array<{ id: string; name: string; level: string; regionCode: string | null; parentName: string | null }>>;
};

export const identityModule = defineModule<IdentityApi>({
  code: 'identity',
  dependsOn: [],
  setup: ({ db, audit, config }) => {
    const auth = createAuthService({ db, audit, settings: {
      sessionTtlMinutes: config.SESSION_TTL_MINUTES, maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES,
    } });
    const users = createUserService({ db, audit });
    return {
      api: {
        authenticate: (token) => auth.authenticate(token),
        findOrg: async (q, id) => {
          const o = await orgRepo.findById(q, id);
          return o && { id: o.id, code: o.code, name: o.name, level: o.level, parentId: o.parentId, regionCode: o.regionCode };
        },
        usersWithRole: (q, roleCode, orgId) => userRepo.idsWithRole(q, roleCode, orgId),
        findUsers: (q, ids) => userRepo.briefs(q, [...new Set(ids)].filter((id) => UUID.test(id))),
        listServicePoints: (q, keyword) => orgRepo.servicePoints(q, keyword),
      },
      routes: [
        { prefix: '/api/auth', plugin: authRoutes(auth, { loginAttemptsPerMinute: config.LOGIN_ATTEMPTS_PER_MINUTE }) },
        { prefix: '/api/admin/identity', plugin: orgAdminRoutes(createOrgService({ db, audit })) },
        { prefix: '/api/admin/identity', plugin: userAdminRoutes(users) },
        { prefix: '/api/identity', plugin: colleagueRoutes(users) },
        { prefix: '/api/admin/identity', plugin: roleAdminRoutes(createRoleService({ db, audit })) },
      ],
      seedReference: () => seedIdentityReference(db),
      seedDemo: ({ password }) => seedIdentityDemo(db, { password }),
    };
  },
});
