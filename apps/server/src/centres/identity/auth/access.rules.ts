import { menuCatalogue, type DataScopeKind, type MenuItem, type OrgLevel } from '@jsga/contracts';

const scopeRank: Record<DataScopeKind, number> = { self: 0, org: 1, custom: 2, org_and_below: 3, province: 4 };

type RoleGrant = { permissions: string[]; dataScope: DataScopeKind; customOrgIds: string[] };

/**
 * A position's effective rights: the union of its roles' permissions, and the widest data scope
 * (custom org lists are merged with the org-based scopes when resolved).
 */
export function combineRoles(roles: RoleGrant[]): { permissions: Set<string>; scopeKind: DataScopeKind; customOrgIds: string[] } {
  const permissions = new Set<string>();
  let scopeKind: DataScopeKind = 'self';
  const custom = new Set<string>();
  for (const r of roles) {
    r.permissions.forEach((p) => permissions.add(p));
    if (scopeRank[r.dataScope] > scopeRank[scopeKind]) scopeKind = r.dataScope;
    if (r.dataScope === 'custom') r.customOrgIds.forEach((id) => custom.add(id));
  }
  return { permissions, scopeKind, customOrgIds: [...custom] };
}

/** Menu items the user may see; a group appears only when one of its children does. */
export function buildMenus(permissions: ReadonlySet<string>): MenuItem[] {
  const visible = menuCatalogue.filter((m) => m.permission && permissions.has(m.permission));
  const groups = menuCatalogue.filter((m) => !m.permission && visible.some((v) => v.parentKey === m.key));
  return menuCatalogue
    .filter((m) => visible.includes(m) || groups.includes(m))
    .map(({ key, name, icon, parentKey }) => ({ key, name, ...(icon ? { icon } : {}), ...(parentKey ? { parentKey } : {}) }));
}

const allowedChildren: Record<OrgLevel, OrgLevel[]> = {
  province: ['city', 'department'],
  city: ['county', 'department'],
  county: ['station', 'window', 'department'],
  station: ['window'],
  window: [],
  department: ['department'],
};

export const canNestOrg = (parent: OrgLevel, child: OrgLevel) => allowedChildren[parent].includes(child);

/**
 * Whether a granter may hand out a role: never more permissions than the granter holds, and never a
 * wider data scope than the granter's own (province-wide granters may grant anything).
 */
export function grantWithinOwn(granter: { permissions: ReadonlySet<string>; scopeAll: boolean; scopeOrgIds: readonly string[] }, role: RoleGrant): boolean {
  if (granter.scopeAll) return true;
  if (role.permissions.some((p) => !granter.permissions.has(p))) return false;
  if (role.dataScope === 'province') return false;
  if (role.dataScope === 'custom') return role.customOrgIds.every((id) => granter.scopeOrgIds.includes(id));
  return true;
}
