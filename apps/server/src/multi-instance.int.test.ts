import { loadConfig, verifyAuditChain } from '@jsga/kernel';
import { describe, expect, it } from 'vitest';
import { appVersion } from './app';
import { startPlatform } from './bootstrap';
import { createScratchDatabase, DEMO_PASSWORD } from './testing/test-platform';

// Two servers on one PostgreSQL database: only meaningful with a real server.
describe.runIf(!!process.env.DATABASE_URL)('two instances on one database', () => {
  it('start together (one migrates under the advisory lock) and keep one unbroken audit chain under concurrent writes', async () => {
    const { databaseUrl, dropDatabase } = await createScratchDatabase(process.env.DATABASE_URL!);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, SEED_DEMO: 'true', DEMO_PASSWORD, RATE_LIMIT_PER_MINUTE: '100000' }, appVersion);
    const [a, b] = await Promise.all([startPlatform(config), startPlatform(config)]);
    try {
      const login = (p: typeof a, username: string) => p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const users = ['admin', 'nanjing', 'xuanwu', 'xinjiekou', 'fuzimiao', 'xjk_fujing'];
      const results = await Promise.all(users.flatMap((u) => [login(a, u), login(b, u)]));
      expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 200));
      const token = results[0].json().token;
      // a session created on one instance is valid on the other
      expect((await b.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
      const chain = await verifyAuditChain(a.database.db);
      expect(chain).toMatchObject({ ok: true });
      expect(chain.checked).toBeGreaterThanOrEqual(users.length * 2);
    } finally {
      await a.close();
      await b.close();
      await dropDatabase();
    }
  });
});
