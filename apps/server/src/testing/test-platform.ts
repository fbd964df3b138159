import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type AppConfig } from '@jsga/kernel';
import { appVersion } from '../app';
import { startPlatform } from '../bootstrap';

export const DEMO_PASSWORD = 'Jsga@2026';

/**
 * A fresh platform for one test file: in-memory PGlite by default, or a new database on the server in
 * DATABASE_URL (created here, dropped on close), so both databases run the same suite.
 */
export async function createTestPlatform(opts: { demo?: boolean; dataDir?: string; env?: Record<string, string> } = {}) {
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) ({ databaseUrl, dropDatabase } = await createScratchDatabase(process.env.DATABASE_URL));
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: opts.dataDir ?? 'memory://', DATABASE_URL: databaseUrl,
    SEED_DEMO: opts.demo === false ? 'false' : 'true', DEMO_PASSWORD, RATE_LIMIT_PER_MINUTE: '100000',
    // a smaller demo population keeps every test's start-up short; hukou tests ask for more when they need it
    HUKOU_DEMO_PERSONS: '300', ...opts.env,
  }, appVersion);
  return wrapPlatform(config, databaseUrl, dropDatabase);
}

async function wrapPlatform(config: AppConfig, databaseUrl: string | undefined, dropDatabase: (() => Promise<void>) | undefined) {
  const platform = await startPlatform(config);
  const { app } = platform;

  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
    return res.json().token as string;
  };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  let phoneSeq = 0;
  /**
   * A citizen session through the SMS-code login in demo mode (the demo citizen by default). Each call
   * uses a fresh phone number, so the one-code-a-minute limit does not get in the way.
   */
  const loginCitizen = async (person: { name: string; idNo: string } = { name: '张明远', idNo: '320102198807150034' }, opts: { consent?: boolean } = {}) => {
    const phone = `139${String(Date.now() % 1e5).padStart(5, '0')}${String(phoneSeq++ % 1000).padStart(3, '0')}`;
    const code = await app.inject({ method: 'POST', url: '/api/citizen-auth/sms-codes', payload: { phone } });
    if (code.statusCode !== 200) throw new Error(`sms code failed: ${code.body}`);
    const res = await app.inject({ method: 'POST', url: '/api/citizen-auth/sms-login', payload: { ...person, phone, code: code.json().demoCode } });
    if (res.statusCode !== 200) throw new Error(`citizen login failed: ${res.body}`);
    const token = res.json().token as string;
    if (opts.consent !== false) await app.inject({ method: 'POST', url: '/api/citizen/consent', headers: as(token), payload: { agree: true } });
    return token;
  };

  let stopped: Promise<void> | undefined;
  /** Stops the app and closes the database connection, keeping the data (for tests that inspect it afterwards). */
  const stop = () => (stopped ??= platform.close());
  const self = {
    ...platform, config, login, loginCitizen, as, databaseUrl, stop, dropDatabase,
    async close() {
      await stop();
      await dropDatabase?.();
    },
  };
  return self;
}
export type TestPlatform = Awaited<ReturnType<typeof wrapPlatform>>;

/** A new server process on the same data, as after a crash or a deploy. */
export async function restartTestPlatform(p: TestPlatform): Promise<TestPlatform> {
  await p.stop();
  return wrapPlatform(p.config, p.databaseUrl, p.dropDatabase);
}

export async function createScratchDatabase(serverUrl: string) {
  const name = `jsga_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dropDatabase: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `call(token, method, url, payload?)` against one API prefix, for a platform created later in `beforeAll`. */
export const apiCaller = (platform: () => TestPlatform, prefix: string) =>
  (token: string, method: Method, url: string, payload?: unknown) =>
    platform().app.inject({ method, url: `${prefix}${url}`, headers: platform().as(token), ...(payload === undefined ? {} : { payload: payload as object }) });
