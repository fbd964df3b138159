import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PermissionCode } from '@jsga/contracts';

/** Pages behind the login, with the permission each needs. The menu links only to these paths. */
export interface PageRoute {
  path: string;
  permission: PermissionCode;
  component: LazyExoticComponent<ComponentType>;
}

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

export const pageRoutes: PageRoute[] = [
  { path: '/workbench', permission: 'workbench:home:view', component: page(() => import('../modules/workbench/WorkbenchHomePage'), 'WorkbenchHomePage') },
  { path: '/system/orgs', permission: 'identity:org:view', component: page(() => import('../modules/identity/OrgListPage'), 'OrgListPage') },
  { path: '/system/users', permission: 'identity:user:view', component: page(() => import('../modules/identity/UserListPage'), 'UserListPage') },
  { path: '/system/roles', permission: 'identity:role:view', component: page(() => import('../modules/identity/RoleListPage'), 'RoleListPage') },
  { path: '/config/matters', permission: 'matter:catalogue:view', component: page(() => import('../modules/matter/MatterListPage'), 'MatterListPage') },
  { path: '/config/matters/:id', permission: 'matter:catalogue:view', component: page(() => import('../modules/matter/MatterDetailPage'), 'MatterDetailPage') },
  { path: '/security/audit', permission: 'audit:log:view', component: page(() => import('../modules/audit/AuditLogPage'), 'AuditLogPage') },
];

const pagePaths = new Set(pageRoutes.map((r) => r.path));
export const isPagePath = (path: string): boolean => pagePaths.has(path);
