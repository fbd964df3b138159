import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/** The query interface every repository uses; the same on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repository can run a query on: the database or an open transaction. */
export type Queryable = Db | Tx;

 /**
 * Independent reads on `q`: in parallel on the pool, one after another inside a transaction (one
 * connection runs one query at a time; pg 8 only queues overlapping ones, with a deprecation warning).
 */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(q: Queryable, reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Out = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!(q instanceof PgTransaction)) return (await Promise.all(reads.map((r) => r()))) as Out;
  const out: unknown[] = [];
  for (const r of reads) out.push(await r());
  return out as Out;
}

export type PoolStats = { total: number; idle: number; waiting: number };

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(migrationsFolder: string): Promise<void>;
  poolStats(): PoolStats;
  /** Runs `fn` while holding a cluster-wide advisory lock, so only one instance does it at a time. */
  exclusive<T>(lockKey: number, fn: () => Promise<T>): Promise<T>;
  /** Round trip to the database, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

const MIGRATION_LOCK_KEY = 7_320_000_001; // arbitrary, stable: serialises migrations across instances

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolMax?: number }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolMax ?? 10);
  return openPglite(opts.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  let client: PGlite;
  if (dataDir.startsWith('memory://')) client = new PGlite();
  else {
    const dir = path.resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Db;
  let busy = 0;
  return {
    db,
    kind: 'pglite',
    exclusive: (_key, fn) => fn(), // one process owns a PGlite directory
    migrate: async (migrationsFolder) => {
      busy++;
      try { await migratePglite(db as never, { migrationsFolder }); } finally { busy--; }
    },
    poolStats: () => ({ total: 1, idle: busy ? 0 : 1, waiting: 0 }),
    ping: async () => { await client.query('select 1'); },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, application_name: 'jsga-platform' });
  pool.on('error', () => { /* idle client errors surface on next checkout; the pool replaces the client */ });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  await db.execute(sql`select 1`);
  const exclusive = async <T>(lockKey: number, fn: () => Promise<T>): Promise<T> => {
    const lockClient = await pool.connect();
    try {
      await lockClient.query('select pg_advisory_lock($1)', [lockKey]);
      return await fn();
    } finally {
      await lockClient.query('select pg_advisory_unlock($1)', [lockKey]).catch(() => {});
      lockClient.release();
    }
  };
  return {
    db,
    kind: 'postgres',
    exclusive,
    // Two instances starting together: one migrates, the other waits and then finds nothing to do.
    migrate: (migrationsFolder) => exclusive(MIGRATION_LOCK_KEY, () => migratePg(db as never, { migrationsFolder })),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    ping: async () => { await pool.query('select 1'); },
    close: () => pool.end(),
  };
}

/** Runs a raw statement and returns its rows (same shape on both drivers). */
export async function queryRows<T = Record<string, unknown>>(q: Queryable, statement: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await q.execute(statement)) as unknown as { rows: T[] };
  return res.rows;
}
