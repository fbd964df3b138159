import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../app';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform';

const run = promisify(execFile);
let p: TestPlatform;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'jsga-audit-'));
  p = await createTestPlatform({ dataDir });
});
afterAll(async () => {
  await p.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs SQL as someone with direct database access, behind the application's back. */
async function tamper(statements: string[]) {
  if (p.databaseUrl) {
    const c = new pg.Client({ connectionString: p.databaseUrl });
    await c.connect();
    try { for (const s of statements) await c.query(s); } finally { await c.end(); }
  } else {
    const db = new PGlite(path.join(dataDir, 'pglite'));
    try { for (const s of statements) await db.query(s); } finally { await db.close(); }
  }
}

const cli = (...args: string[]) =>
  run(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(repoRoot, 'apps/server/src/cli.ts'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, ...(p.databaseUrl ? { DATABASE_URL: p.databaseUrl } : {}), LOG_LEVEL: 'silent' },
  }).then((r) => ({ code: 0, out: r.stdout + r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }));

describe('audit trail', () => {
  it('records logins, failed logins, state changes and refusals with who, where and the result', async () => {
    await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xinjiekou', password: 'nope' } });
    const token = await p.login('xinjiekou');
    await p.app.inject({ method: 'POST', url: '/api/admin/identity/orgs', headers: p.as(token), payload: {} }); // refused: no permission
    const admin = await p.login('admin');
    const created = await p.app.inject({ method: 'POST', url: '/api/admin/identity/roles', headers: p.as(admin),
      payload: { code: 'temp_role', name: '临时角色', permissions: ['workbench:home:view'], dataScope: 'org' } });
    expect(created.statusCode).toBe(200);

    const logs = (await p.app.inject({ url: '/api/admin/audit/logs?pageSize=50', headers: p.as(admin) })).json();
    const find = (pred: (l: { action: string; username: string | null; result: string }) => boolean) => logs.items.find(pred);
    expect(find((l) => l.action === 'auth.login' && l.username === 'xinjiekou' && l.result === 'failure')).toMatchObject({ detail: { reason: 'bad_password' } });
    expect(find((l) => l.action === 'auth.login' && l.username === 'xinjiekou' && l.result === 'success')).toBeTruthy();
    expect(find((l) => l.action === 'http.post /api/admin/identity/orgs' && l.result === 'failure')).toMatchObject({ username: 'xinjiekou', detail: { status: 403 } });
    const roleLog = find((l) => l.action === 'identity.role.create');
    expect(roleLog).toMatchObject({ username: 'admin', result: 'success', targetIds: [created.json().id] });
    expect(roleLog.clientIp).toBeTruthy();
    expect(roleLog.positionId).toBeTruthy();
    expect(JSON.stringify(logs)).not.toContain('Jsga@2026');
  });

  it('refuses UPDATE and DELETE on the audit table at the database level', async () => {
    await p.stop();
    await expect(tamper(["update kernel_audit_log set username = 'x' where chain_no = 1"])).rejects.toThrow(/append-only/);
    await expect(tamper(['delete from kernel_audit_log where chain_no = 1'])).rejects.toThrow(/append-only/);
  });

  it('verify-audit passes on an intact chain and fails naming the row after one row is edited', async () => {
    const intact = await cli('verify-audit');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/审计链完整：共校验 \d+ 条记录/);
    await tamper([
      'alter table kernel_audit_log disable trigger kernel_audit_log_no_update_delete',
      "update kernel_audit_log set username = 'someone-else' where chain_no = 3",
      'alter table kernel_audit_log enable trigger kernel_audit_log_no_update_delete',
    ]);
    const broken = await cli('verify-audit');
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('第 3 条审计记录内容被篡改');
    expect(broken.out).toContain('记录序号 3');
  });
});
