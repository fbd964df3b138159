import type { AuthenticatedUser } from '@jsga/kernel';
import { defineModule } from '@jsga/kernel';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { orgAdminRoutes } from './org/org.admin.routes';
import { createOrgService } from './org/org.service';
import { roleAdminRoutes } from './role/role.admin.routes';
import { createRoleService } from './role/role.service';
import { seedIdentityDemo } from './seed/identity.demo';
import { seedIdentityReference } from './seed/identity.reference';
import { userAdminRoutes } from './user/user.admin.routes';
import { createUserService } from './user/user.service';

/** What other centres and modules may use of identity. */
export type IdentityApi = {
  authenticate(token: string): Promise<AuthenticatedUser | null>;
};

export const identityModule = defineModule<IdentityApi>({
  code: 'identity',
  dependsOn: [],
  setup: ({ db, audit, config }) => {
    const auth = createAuthService({ db, audit, settings: {
      sessionTtlMinutes: config.SESSION_TTL_MINUTES, maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES,
    } });
    return {
      api: { authenticate: (token) => auth.authenticate(token) },
      routes: [
        { prefix: '/api/auth', plugin: authRoutes(auth, { loginAttemptsPerMinute: config.LOGIN_ATTEMPTS_PER_MINUTE }) },
        { prefix: '/api/admin/identity', plugin: orgAdminRoutes(createOrgService({ db, audit })) },
        { prefix: '/api/admin/identity', plugin: userAdminRoutes(createUserService({ db, audit })) },
        { prefix: '/api/admin/identity', plugin: roleAdminRoutes(createRoleService({ db, audit })) },
      ],
      seedReference: () => seedIdentityReference(db),
      seedDemo: ({ password }) => seedIdentityDemo(db, { password }),
    };
  },
});
