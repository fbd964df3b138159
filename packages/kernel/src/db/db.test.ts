import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, readAll, type Database } from './db';

let database: Database;
beforeAll(async () => { database = await openDatabase({ dataDir: 'memory://' }); });
afterAll(() => database.close());

describe('readAll', () => {
  const read = (q: Parameters<typeof queryRows>[0], n: number) => () => queryRows<{ n: number }>(q, sql`select ${n}::int as n`).then((r) => r[0].n);

  it('gives each read its own result in order, on the database and inside a transaction', async () => {
    expect(await readAll(database.db, [read(database.db, 1), read(database.db, 2), read(database.db, 3)] as const)).toEqual([1, 2, 3]);
    const inTx = await database.db.transaction((tx) => readAll(tx, [read(tx, 4), read(tx, 5)] as const));
    expect(inTx).toEqual([4, 5]);
  });

  it('inside a transaction runs one read at a time', async () => {
    let running = 0;
    let most = 0;
    const tracked = (q: Parameters<typeof queryRows>[0], n: number) => async () => {
      most = Math.max(most, ++running);
      try { return await read(q, n)(); } finally { running--; }
    };
    await database.db.transaction((tx) => readAll(tx, [tracked(tx, 1), tracked(tx, 2), tracked(tx, 3)] as const));
    expect(most).toBe(1);
    await readAll(database.db, [tracked(database.db, 1), tracked(database.db, 2), tracked(database.db, 3)] as const);
    expect(most).toBe(3);
  });
});
