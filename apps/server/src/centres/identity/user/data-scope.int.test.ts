import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';

let p: TestPlatform;
let xjkAdmin: string; // 新街口派出所, position 所内管理 (本单位)
let fuzimiaoUserId: string;
let fuzimiaoOrgId: string;

beforeAll(async () => {
  p = await createTestPlatform();
  const token = await p.login('xinjiekou');
  const me = (await p.app.inject({ url: '/api/auth/me', headers: p.as(token) })).json();
  const adminPosition = me.user.positions.find((x: { title: string }) => x.title === '所内管理');
  await p.app.inject({ method: 'POST', url: '/api/auth/switch-position', headers: p.as(token), payload: { positionId: adminPosition.id } });
  xjkAdmin = token;
  const root = await p.login('admin');
  const users = (await p.app.inject({ url: '/api/admin/identity/users?keyword=fuzimiao', headers: p.as(root) })).json();
  fuzimiaoUserId = users.items[0].id;
  fuzimiaoOrgId = users.items[0].orgId;
});
afterAll(() => p.close());

describe('data scope of a 派出所 administrator', () => {
  it('lists only the users of their own 派出所', async () => {
    const res = await p.app.inject({ url: '/api/admin/identity/users?pageSize=200', headers: p.as(xjkAdmin) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((u: { username: string }) => u.username).sort()).toEqual(['xinjiekou', 'xjk_fujing']);
    expect(body.total).toBe(2);
    expect(body.items.every((u: { orgName: string }) => u.orgName === '新街口派出所')).toBe(true);
  });

  it('gets 404, not the record, for a user of another 派出所, and cannot edit or reset them', async () => {
    const detail = await p.app.inject({ url: `/api/admin/identity/users/${fuzimiaoUserId}`, headers: p.as(xjkAdmin) });
    expect(detail.statusCode).toBe(404);
    expect(detail.json().code).toBe('IDENTITY_USER_NOT_FOUND');
    const patch = await p.app.inject({ method: 'PATCH', url: `/api/admin/identity/users/${fuzimiaoUserId}`, headers: p.as(xjkAdmin), payload: { status: 'disabled' } });
    expect(patch.statusCode).toBe(404);
    const reset = await p.app.inject({ method: 'POST', url: `/api/admin/identity/users/${fuzimiaoUserId}/reset-password`, headers: p.as(xjkAdmin), payload: { password: 'Another#Pass1' } });
    expect(reset.statusCode).toBe(404);
    // the other station's officer can still log in with the old password
    await expect(p.login('fuzimiao')).resolves.toBeTypeOf('string');
  });

  it('cannot find the other 派出所 by keyword, filter or org detail', async () => {
    const byKeyword = (await p.app.inject({ url: '/api/admin/identity/users?keyword=%E9%99%88', headers: p.as(xjkAdmin) })).json(); // 陈
    expect(byKeyword.total).toBe(0);
    const byOrg = (await p.app.inject({ url: `/api/admin/identity/users?orgId=${fuzimiaoOrgId}`, headers: p.as(xjkAdmin) })).json();
    expect(byOrg.total).toBe(0);
    expect((await p.app.inject({ url: `/api/admin/identity/orgs/${fuzimiaoOrgId}`, headers: p.as(xjkAdmin) })).statusCode).toBe(404);
    const orgs = (await p.app.inject({ url: '/api/admin/identity/orgs?keyword=%E6%B4%BE%E5%87%BA%E6%89%80', headers: p.as(xjkAdmin) })).json(); // 派出所
    expect(orgs.items.map((o: { name: string }) => o.name)).toEqual(['新街口派出所']);
    const top = (await p.app.inject({ url: '/api/admin/identity/orgs', headers: p.as(xjkAdmin) })).json();
    expect(top.items.map((o: { name: string }) => o.name)).toEqual(['新街口派出所']);
  });

  it('cannot create a user in another 派出所 nor grant a province-wide role', async () => {
    const roles = (await p.app.inject({ url: '/api/admin/identity/roles?pageSize=100', headers: p.as(await p.login('admin')) })).json().items;
    const windowRole = roles.find((r: { code: string }) => r.code === 'window_officer');
    const sysAdmin = roles.find((r: { code: string }) => r.code === 'sys_admin');
    const base = { username: 'newcomer', displayName: '新同事', userType: 'auxiliary', password: 'Welcome#2026', phone: '13700000000' };
    const elsewhere = await p.app.inject({ method: 'POST', url: '/api/admin/identity/users', headers: p.as(xjkAdmin),
      payload: { ...base, orgId: fuzimiaoOrgId, positions: [{ title: '受理岗', orgId: fuzimiaoOrgId, roleIds: [windowRole.id] }] } });
    expect(elsewhere.statusCode).toBe(404);
    const me = (await p.app.inject({ url: '/api/auth/me', headers: p.as(xjkAdmin) })).json();
    const ownOrg = me.currentPosition.orgId;
    const escalate = await p.app.inject({ method: 'POST', url: '/api/admin/identity/users', headers: p.as(xjkAdmin),
      payload: { ...base, orgId: ownOrg, positions: [{ title: '管理', orgId: ownOrg, roleIds: [sysAdmin.id] }] } });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().code).toBe('IDENTITY_GRANT_EXCEEDS_OWN');
    const ok = await p.app.inject({ method: 'POST', url: '/api/admin/identity/users', headers: p.as(xjkAdmin),
      payload: { ...base, orgId: ownOrg, positions: [{ title: '受理岗', orgId: ownOrg, roleIds: [windowRole.id] }] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().phone).toBe('137****0000');
  });

  it('a city administrator sees both 派出所 but no other city', async () => {
    const nj = await p.login('nanjing');
    const users = (await p.app.inject({ url: '/api/admin/identity/users?pageSize=200', headers: p.as(nj) })).json();
    const names = users.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['xinjiekou', 'fuzimiao', 'nanjing', 'xuanwu']));
    expect(names).not.toContain('admin');
    const suzhou = (await p.app.inject({ url: '/api/admin/identity/orgs?keyword=%E8%A7%82%E5%89%8D', headers: p.as(nj) })).json(); // 观前
    expect(suzhou.total).toBe(0);
  });

  it('the window-officer position has no admin rights at all', async () => {
    const token = await p.login('xjk_fujing');
    const res = await p.app.inject({ url: '/api/admin/identity/users', headers: p.as(token) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'COMMON_FORBIDDEN', message: '没有执行此操作的权限' });
  });
});

describe('choosing a colleague for a task', () => {
  it('any officer finds colleagues in other units by name, account or police number, seeing only name and unit', async () => {
    const officer = await p.login('fzm_fujing');
    const res = await p.app.inject({ url: '/api/identity/colleagues?keyword=xuanwu', headers: p.as(officer) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ id: expect.any(String), displayName: '李审批', username: 'xuanwu', orgName: expect.stringContaining('玄武') }]);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(['displayName', 'id', 'orgName', 'username']); // no phone, no positions
    const byPoliceNo = await p.app.inject({ url: '/api/identity/colleagues?keyword=010201', headers: p.as(officer) });
    expect(byPoliceNo.json().items.map((u: { username: string }) => u.username)).toEqual(['xuanwu']);
    const empty = await p.app.inject({ url: '/api/identity/colleagues?keyword=', headers: p.as(officer) });
    expect(empty.json()).toMatchObject({ code: 'COMMON_VALIDATION_FAILED', message: expect.stringContaining('请输入姓名、账号或警号') });
    expect((await p.app.inject({ url: '/api/identity/colleagues?keyword=xuanwu' })).statusCode).toBe(401);
  });
});
