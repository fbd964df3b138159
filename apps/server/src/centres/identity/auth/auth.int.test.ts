import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, DEMO_PASSWORD, type TestPlatform } from '../../../testing/test-platform';
import { totpAt, totpStep } from './totp.rules';

let p: TestPlatform;
beforeAll(async () => { p = await createTestPlatform(); });
afterAll(() => p.close());

const login = (username: string, password: string, totpCode?: string) =>
  p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totpCode ? { totpCode } : {}) } });

describe('login and sessions', () => {
  it('returns a token and the user, with positions and a masked phone', async () => {
    const res = await login('xinjiekou', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.user).toMatchObject({ username: 'xinjiekou', displayName: '张受理', phone: '138****5678', orgName: '新街口派出所' });
    expect(body.user.positions).toHaveLength(2);
  });

  it('treats usernames case-insensitively and rejects a wrong password with a stable code', async () => {
    expect((await login('XinJieKou', DEMO_PASSWORD)).statusCode).toBe(200);
    const bad = await login('xinjiekou', 'wrong');
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(bad.json().traceId).toMatch(/^[0-9a-f]{32}$/);
    const nobody = await login('nobody', 'whatever');
    expect(nobody.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks the account after five failures, refuses even the right password, and an admin can unlock', async () => {
    for (let i = 0; i < 4; i++) expect((await login('fzm_fujing', 'bad')).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const fifth = await login('fzm_fujing', 'bad');
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    expect((await login('fzm_fujing', DEMO_PASSWORD)).json().code).toBe('AUTH_ACCOUNT_LOCKED');
    const admin = await p.login('admin');
    const users = (await p.app.inject({ url: '/api/admin/identity/users?keyword=fzm_fujing', headers: p.as(admin) })).json();
    expect(users.items[0].lockedUntil).not.toBeNull();
    const unlock = await p.app.inject({ method: 'POST', url: `/api/admin/identity/users/${users.items[0].id}/unlock`, headers: p.as(admin) });
    expect(unlock.statusCode).toBe(200);
    expect((await login('fzm_fujing', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('logout revokes the token', async () => {
    const token = await p.login('xuanwu');
    expect((await p.app.inject({ url: '/api/auth/me', headers: p.as(token) })).statusCode).toBe(200);
    expect((await p.app.inject({ method: 'POST', url: '/api/auth/logout', headers: p.as(token) })).statusCode).toBe(200);
    const after = await p.app.inject({ url: '/api/auth/me', headers: p.as(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('COMMON_UNAUTHENTICATED');
  });

  it('changing the password revokes every session of the user', async () => {
    const a = await p.login('auditor');
    const b = await p.login('auditor');
    const weak = await p.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: p.as(a), payload: { oldPassword: DEMO_PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.fields[0].path).toBe('body.newPassword');
    const res = await p.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: p.as(a), payload: { oldPassword: DEMO_PASSWORD, newPassword: 'Changed#2026' } });
    expect(res.statusCode).toBe(200);
    expect((await p.app.inject({ url: '/api/auth/me', headers: p.as(a) })).statusCode).toBe(401);
    expect((await p.app.inject({ url: '/api/auth/me', headers: p.as(b) })).statusCode).toBe(401);
    expect((await login('auditor', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('auditor', 'Changed#2026')).statusCode).toBe(200);
  });

  it('switching position changes permissions, menus and data scope; a position not held is refused', async () => {
    const token = await p.login('xinjiekou');
    const me = (await p.app.inject({ url: '/api/auth/me', headers: p.as(token) })).json();
    expect(me.currentPosition.title).toBe('受理岗');
    expect(me.menus.map((m: { key: string }) => m.key)).toEqual(['/workbench', '/handling', '/handling/tasks', '/handling/cases', '/handling/pre-review', '/hukou', '/hukou/persons', '/hukou/stats']);
    expect((await p.app.inject({ url: '/api/admin/identity/users', headers: p.as(token) })).statusCode).toBe(403);
    const admin = me.user.positions.find((x: { title: string }) => x.title === '所内管理');
    const switched = await p.app.inject({ method: 'POST', url: '/api/auth/switch-position', headers: p.as(token), payload: { positionId: admin.id } });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().currentPosition.title).toBe('所内管理');
    expect(switched.json().menus.map((m: { key: string }) => m.key)).toContain('/system/users');
    expect((await p.app.inject({ url: '/api/admin/identity/users', headers: p.as(token) })).statusCode).toBe(200);
    const other = (await p.app.inject({ url: '/api/auth/me', headers: p.as(await p.login('fuzimiao')) })).json().currentPosition.id;
    const refused = await p.app.inject({ method: 'POST', url: '/api/auth/switch-position', headers: p.as(token), payload: { positionId: other } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('AUTH_POSITION_NOT_HELD');
  });

  it('an administrator with TOTP enabled must give a valid, unused code', async () => {
    const token = await p.login('nanjing');
    const setup = (await p.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: p.as(token) })).json();
    expect(setup.otpauthUrl).toContain(setup.secret);
    const enableCode = totpAt(setup.secret, totpStep(Date.now()));
    expect((await p.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: p.as(token), payload: { code: enableCode } })).statusCode).toBe(200);
    expect((await login('nanjing', DEMO_PASSWORD)).json().code).toBe('AUTH_TOTP_REQUIRED');
    expect((await login('nanjing', DEMO_PASSWORD, enableCode)).json().code).toBe('AUTH_TOTP_INVALID'); // already used
    const next = totpAt(setup.secret, totpStep(Date.now()) + 1);
    expect((await login('nanjing', DEMO_PASSWORD, next)).statusCode).toBe(200);
  });
});
