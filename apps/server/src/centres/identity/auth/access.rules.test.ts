import { describe, expect, it } from 'vitest';
import { buildMenus, canNestOrg, combineRoles, grantWithinOwn } from './access.rules';

describe('access rules', () => {
  it('a position with two roles gets both permission sets and the wider data scope', () => {
    const r = combineRoles([
      { permissions: ['a'], dataScope: 'org', customOrgIds: [] },
      { permissions: ['b'], dataScope: 'org_and_below', customOrgIds: [] },
    ]);
    expect([...r.permissions].sort()).toEqual(['a', 'b']);
    expect(r.scopeKind).toBe('org_and_below');
  });

  it('shows the 系统管理 group only with a child permission, and hides 安全审计 without audit rights', () => {
    const menus = buildMenus(new Set(['workbench:home:view', 'identity:user:view']));
    expect(menus.map((m) => m.key)).toEqual(['/workbench', '/system', '/system/users']);
  });

  it('refuses a 派出所 under a 市局 directly but allows it under a 分局', () => {
    expect(canNestOrg('city', 'station')).toBe(false);
    expect(canNestOrg('county', 'station')).toBe(true);
  });

  it('a city administrator cannot grant province-wide roles or permissions they lack', () => {
    const granter = { permissions: new Set(['x']), scopeAll: false, scopeOrgIds: ['o1'] };
    expect(grantWithinOwn(granter, { permissions: ['x'], dataScope: 'org', customOrgIds: [] })).toBe(true);
    expect(grantWithinOwn(granter, { permissions: ['x', 'y'], dataScope: 'org', customOrgIds: [] })).toBe(false);
    expect(grantWithinOwn(granter, { permissions: ['x'], dataScope: 'province', customOrgIds: [] })).toBe(false);
    expect(grantWithinOwn(granter, { permissions: ['x'], dataScope: 'custom', customOrgIds: ['o2'] })).toBe(false);
  });
});
