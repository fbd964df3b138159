import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { createScratchDatabase, createTestPlatform } from './testing/test-platform';

let dataDir: string;
let env: Record<string, string>;
let drop: (() => Promise<void>) | undefined;
const quiet = { log: () => {}, error: () => {} } as unknown as Console;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'jsga-cli-'));
  env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production' };
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = scratch.databaseUrl;
    drop = scratch.dropDatabase;
  }
});
afterAll(async () => {
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('CLI on a production database without demo data', () => {
  it('migrates, seeds reference data and creates the first administrator, who can then log in', async () => {
    expect(await runCli(['migrate'], env, quiet)).toBe(0);
    expect(await runCli(['seed'], env, quiet)).toBe(0);
    expect(await runCli(['create-user', '--username', 'ops', '--password', 'weak', '--name', '运维', '--org-code', '320000000000', '--role', 'sys_admin'], env, quiet)).toBe(1);
    expect(await runCli(['create-user', '--username', 'ops', '--password', 'Str0ng#Pass', '--name', '运维管理员', '--org-code', '320000000000', '--role', 'sys_admin'], env, quiet)).toBe(0);
    expect(await runCli(['nonsense'], env, quiet)).toBe(1);

    const p = await createTestPlatform({ dataDir, demo: false, env: { ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}) } });
    try {
      expect((await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Jsga@2026' } })).statusCode).toBe(401);
      const token = await p.login('ops', 'Str0ng#Pass');
      const me = (await p.app.inject({ url: '/api/auth/me', headers: p.as(token) })).json();
      expect(me).toMatchObject({ dataScope: 'province', user: { displayName: '运维管理员', orgName: '江苏省公安厅' } });
    } finally {
      await p.stop();
    }
  });
});
