import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';

let p: TestPlatform;
let admin: string;
let nanjing: string;
const orgByCode = async (code: string) =>
  (await p.app.inject({ url: `/api/admin/identity/orgs?keyword=${code}`, headers: p.as(admin) })).json().items[0];

beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
  nanjing = await p.login('nanjing');
});
afterAll(() => p.close());

describe('organisation tree administration', () => {
  it('shows the province at the top with 13 city bureaus and 9 police-type departments below', async () => {
    const top = (await p.app.inject({ url: '/api/admin/identity/orgs', headers: p.as(admin) })).json();
    expect(top.items.map((o: { name: string }) => o.name)).toEqual(['江苏省公安厅']);
    const children = (await p.app.inject({ url: `/api/admin/identity/orgs?parentId=${top.items[0].id}&pageSize=50`, headers: p.as(admin) })).json();
    const cities = children.items.filter((o: { level: string }) => o.level === 'city');
    expect(cities).toHaveLength(13);
    expect(cities.map((c: { regionCode: string }) => c.regionCode)).toEqual(['320100', '320200', '320300', '320400', '320500', '320600', '320700', '320800', '320900', '321000', '321100', '321200', '321300']);
    expect(children.items.filter((o: { level: string }) => o.level === 'department')).toHaveLength(9);
    expect(cities[0]).toMatchObject({ name: '南京市公安局', childCount: expect.any(Number) });
    expect(cities[0].childCount).toBeGreaterThanOrEqual(11 + 9);
  });

  it('a city administrator adds a 派出所 under a 分局; the tree shows it', async () => {
    const xuanwu = await orgByCode('320102000000');
    const res = await p.app.inject({ method: 'POST', url: '/api/admin/identity/orgs', headers: p.as(nanjing),
      payload: { code: '320102519900', name: '红山派出所', level: 'station', parentId: xuanwu.id, regionCode: '320102' } });
    expect(res.statusCode).toBe(200);
    const kids = (await p.app.inject({ url: `/api/admin/identity/orgs?parentId=${xuanwu.id}&pageSize=50`, headers: p.as(nanjing) })).json();
    expect(kids.items.map((o: { name: string }) => o.name)).toContain('红山派出所');
  });

  it('refuses a wrong level, a duplicate code, and a parent outside the caller\'s city', async () => {
    const nj = await orgByCode('320100000000');
    const wrongLevel = await p.app.inject({ method: 'POST', url: '/api/admin/identity/orgs', headers: p.as(nanjing),
      payload: { code: '320100519999', name: '越级派出所', level: 'station', parentId: nj.id } });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().code).toBe('IDENTITY_ORG_LEVEL_INVALID');
    const xuanwu = await orgByCode('320102000000');
    const dup = await p.app.inject({ method: 'POST', url: '/api/admin/identity/orgs', headers: p.as(nanjing),
      payload: { code: '320102510100', name: '重复派出所', level: 'station', parentId: xuanwu.id } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('IDENTITY_ORG_CODE_TAKEN');
    const gusu = await orgByCode('320508000000');
    const outside = await p.app.inject({ method: 'POST', url: '/api/admin/identity/orgs', headers: p.as(nanjing),
      payload: { code: '320508519999', name: '外市派出所', level: 'station', parentId: gusu.id } });
    expect(outside.statusCode).toBe(404);
    const bad = await p.app.inject({ method: 'POST', url: '/api/admin/identity/orgs', headers: p.as(nanjing),
      payload: { code: 'x', name: '', level: 'station', parentId: 'not-a-uuid' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.code', 'body.name', 'body.parentId']));
  });

  it('will not disable an org that still has active users, but renames it', async () => {
    const xjk = await orgByCode('320102510100');
    const disable = await p.app.inject({ method: 'PATCH', url: `/api/admin/identity/orgs/${xjk.id}`, headers: p.as(nanjing), payload: { status: 'disabled' } });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().code).toBe('IDENTITY_ORG_IN_USE');
    const rename = await p.app.inject({ method: 'PATCH', url: `/api/admin/identity/orgs/${xjk.id}`, headers: p.as(nanjing), payload: { name: '新街口派出所（新址）' } });
    expect(rename.statusCode).toBe(200);
    expect(rename.json().name).toBe('新街口派出所（新址）');
  });
});

describe('roles', () => {
  it('creates a role with menu, button and API permissions and refuses unknown codes', async () => {
    const perms = (await p.app.inject({ url: '/api/admin/identity/permissions', headers: p.as(admin) })).json().items;
    expect(new Set(perms.map((x: { type: string }) => x.type))).toEqual(new Set(['menu', 'button', 'api']));
    const bad = await p.app.inject({ method: 'POST', url: '/api/admin/identity/roles', headers: p.as(admin),
      payload: { code: 'bogus', name: '无效角色', permissions: ['identity:user:fly'], dataScope: 'org' } });
    expect(bad.json().code).toBe('IDENTITY_UNKNOWN_PERMISSION');
    const ok = await p.app.inject({ method: 'POST', url: '/api/admin/identity/roles', headers: p.as(admin),
      payload: { code: 'user_viewer', name: '用户查看员', permissions: ['identity:user:view', 'workbench:home:view'], dataScope: 'org_and_below' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: 'user_viewer', isSystem: false, dataScope: 'org_and_below' });
  });

  it('protects built-in roles and roles still in use', async () => {
    const roles = (await p.app.inject({ url: '/api/admin/identity/roles?pageSize=100', headers: p.as(admin) })).json().items;
    const sys = roles.find((r: { code: string }) => r.code === 'sys_admin');
    const edit = await p.app.inject({ method: 'PUT', url: `/api/admin/identity/roles/${sys.id}`, headers: p.as(admin),
      payload: { code: 'sys_admin', name: '改名', permissions: [], dataScope: 'self' } });
    expect(edit.json().code).toBe('IDENTITY_ROLE_SYSTEM_READONLY');
    const del = await p.app.inject({ method: 'DELETE', url: `/api/admin/identity/roles/${sys.id}`, headers: p.as(admin) });
    expect(del.statusCode).toBe(422);
    const viewer = roles.find((r: { code: string }) => r.code === 'user_viewer');
    expect((await p.app.inject({ method: 'DELETE', url: `/api/admin/identity/roles/${viewer.id}`, headers: p.as(admin) })).statusCode).toBe(200);
  });

  it('a changed role takes effect on the holder\'s next request without logging in again', async () => {
    const created = (await p.app.inject({ method: 'POST', url: '/api/admin/identity/roles', headers: p.as(admin),
      payload: { code: 'temp_viewer', name: '临时', permissions: ['workbench:home:view'], dataScope: 'org' } })).json();
    const users = (await p.app.inject({ url: '/api/admin/identity/users?keyword=xjk_fujing', headers: p.as(admin) })).json().items[0];
    const orgId = users.orgId;
    await p.app.inject({ method: 'PATCH', url: `/api/admin/identity/users/${users.id}`, headers: p.as(admin),
      payload: { positions: [{ title: '窗口辅助', orgId, roleIds: [created.id], isPrimary: true }] } });
    const token = await p.login('xjk_fujing');
    expect((await p.app.inject({ url: '/api/admin/identity/users', headers: p.as(token) })).statusCode).toBe(403);
    await p.app.inject({ method: 'PUT', url: `/api/admin/identity/roles/${created.id}`, headers: p.as(admin),
      payload: { code: 'temp_viewer', name: '临时', permissions: ['workbench:home:view', 'identity:user:view'], dataScope: 'org' } });
    expect((await p.app.inject({ url: '/api/admin/identity/users', headers: p.as(token) })).statusCode).toBe(200);
  });
});
