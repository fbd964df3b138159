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
  { path: '/config/forms', permission: 'form:definition:view', component: page(() => import('../modules/form/FormListPage'), 'FormListPage') },
  { path: '/config/forms/:id', permission: 'form:definition:view', component: page(() => import('../modules/form/FormDesignerPage'), 'FormDesignerPage') },
  { path: '/config/workflows', permission: 'workflow:definition:view', component: page(() => import('../modules/workflow/WorkflowListPage'), 'WorkflowListPage') },
  { path: '/config/workflows/:id', permission: 'workflow:definition:view', component: page(() => import('../modules/workflow/WorkflowModelerPage'), 'WorkflowModelerPage') },
  { path: '/config/print-templates', permission: 'print:template:view', component: page(() => import('../modules/print/PrintTemplateListPage'), 'PrintTemplateListPage') },
  { path: '/config/print-templates/:id', permission: 'print:template:view', component: page(() => import('../modules/print/PrintTemplateDesignerPage'), 'PrintTemplateDesignerPage') },
  { path: '/config/calendar', permission: 'workflow:calendar:manage', component: page(() => import('../modules/workflow/CalendarPage'), 'CalendarPage') },
  { path: '/handling/tasks', permission: 'workflow:task:view', component: page(() => import('../modules/workflow/TaskInboxPage'), 'TaskInboxPage') },
  { path: '/handling/monitor', permission: 'workflow:instance:monitor', component: page(() => import('../modules/workflow/MonitorPage'), 'MonitorPage') },
  { path: '/handling/monitor/:id', permission: 'workflow:instance:monitor', component: page(() => import('../modules/workflow/InstanceMonitorPage'), 'InstanceMonitorPage') },
  { path: '/handling/cases', permission: 'case:case:view', component: page(() => import('../modules/case/CaseListPage'), 'CaseListPage') },
  { path: '/handling/cases/:id', permission: 'case:case:view', component: page(() => import('../modules/case/CaseDetailPage'), 'CaseDetailPage') },
  { path: '/handling/pre-review', permission: 'case:case:view', component: page(() => import('../modules/case/PreReviewPage'), 'PreReviewPage') },
  { path: '/archive/records', permission: 'archive:record:view', component: page(() => import('../modules/archive/ArchiveWorkbenchPage'), 'ArchiveWorkbenchPage') },
  { path: '/archive/rules', permission: 'archive:record:view', component: page(() => import('../modules/archive/ArchiveRulesPage'), 'ArchiveRulesPage') },
  { path: '/archive/logs', permission: 'archive:record:view', component: page(() => import('../modules/archive/ArchiveLogPage'), 'ArchiveLogPage') },
  { path: '/archive/stats', permission: 'archive:stats:view', component: page(() => import('../modules/archive/ArchiveStatsPage'), 'ArchiveStatsPage') },
  { path: '/hukou/persons', permission: 'hukou:person:view', component: page(() => import('../modules/hukou/PersonListPage'), 'PersonListPage') },
  { path: '/hukou/stats', permission: 'hukou:stats:view', component: page(() => import('../modules/hukou/PopulationStatsPage'), 'PopulationStatsPage') },
  { path: '/hukou/segments', permission: 'hukou:segment:manage', component: page(() => import('../modules/hukou/IdSegmentPage'), 'IdSegmentPage') },
  { path: '/messages', permission: 'workbench:home:view', component: page(() => import('../modules/message/InboxPage'), 'InboxPage') },
  { path: '/security/audit', permission: 'audit:log:view', component: page(() => import('../modules/audit/AuditLogPage'), 'AuditLogPage') },
];

const pagePaths = new Set(pageRoutes.map((r) => r.path));
export const isPagePath = (path: string): boolean => pagePaths.has(path);
