import type { TestPlatform } from '../../../testing/test-platform';

type Grant = { username: string; roleCode: string; permissions: string[]; dataScope: 'org' | 'org_and_below' | 'province'; title?: string };

/**
 * Gives a demo user one position holding a new role (at the user's own org) and logs them in; the demo
 * accounts other than admin hold no matter permissions.
 */
export async function loginWithRole(p: TestPlatform, adminToken: string, g: Grant): Promise<string> {
  const role = await p.app.inject({ method: 'POST', url: '/api/admin/identity/roles', headers: p.as(adminToken),
    payload: { code: g.roleCode, name: `测试${g.roleCode}`, permissions: g.permissions, dataScope: g.dataScope } });
  if (role.statusCode !== 200) throw new Error(`role ${g.roleCode}: ${role.body}`);
  const user = (await p.app.inject({ url: `/api/admin/identity/users?keyword=${g.username}`, headers: p.as(adminToken) })).json().items[0];
  const patch = await p.app.inject({ method: 'PATCH', url: `/api/admin/identity/users/${user.id}`, headers: p.as(adminToken),
    payload: { positions: [{ title: g.title ?? '事项维护', orgId: user.orgId, roleIds: [role.json().id], isPrimary: true }] } });
  if (patch.statusCode !== 200) throw new Error(`user ${g.username}: ${patch.body}`);
  return p.login(g.username);
}

export const orgIdByCode = async (p: TestPlatform, adminToken: string, code: string): Promise<string> =>
  (await p.app.inject({ url: `/api/admin/identity/orgs?keyword=${code}`, headers: p.as(adminToken) })).json().items[0].id;
