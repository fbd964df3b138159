import { sql } from 'drizzle-orm';
import { issueNumber, kernelOutbox, listEvents } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './testing/test-platform';

let p: TestPlatform;
beforeAll(async () => { p = await createTestPlatform({ demo: false }); });
afterAll(() => p.close());

describe('transactional outbox', () => {
  it('an event emitted in a rolled-back transaction is never delivered', async () => {
    const seen: string[] = [];
    p.events.subscribe({ name: 'test.rollback', topic: 'test.rollback.happened', handle: async (_tx, e) => { seen.push(e.id); } });
    await p.database.db.transaction(async (tx) => {
      await p.events.emit(tx, 'test.rollback.happened', { n: 1 });
      tx.rollback();
    }).catch(() => {});
    await p.events.dispatch();
    expect(seen).toEqual([]);
    expect(await listEvents(p.database.db, 'test.rollback.happened')).toEqual([]);
  });

  it('retries a failing subscriber later without redelivering to the one that succeeded', async () => {
    const good: number[] = [];
    let flakyCalls = 0;
    p.events.subscribe({ name: 'test.good', topic: 'test.thing.done', handle: async (_tx, e) => { good.push(e.payload.n as number); } });
    p.events.subscribe({ name: 'test.flaky', topic: 'test.thing.done', handle: async () => { if (++flakyCalls === 1) throw new Error('下游暂不可用'); } });
    await p.database.db.transaction((tx) => p.events.emit(tx, 'test.thing.done', { n: 7 }));
    expect(await p.events.dispatch()).toBe(1);
    const [pending] = await listEvents(p.database.db, 'test.thing.done');
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('test.flaky: 下游暂不可用') });
    expect(await p.events.dispatch()).toBe(0); // backing off: not due yet
    await p.database.db.update(kernelOutbox).set({ nextAttemptAt: new Date(0) }).where(sql`id = ${pending.id}`);
    expect(await p.events.dispatch()).toBe(1);
    expect(good).toEqual([7]);
    expect(flakyCalls).toBe(2);
    const [done] = await listEvents(p.database.db, 'test.thing.done');
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
  });
});

describe('business numbers', () => {
  it('twenty concurrent issues give twenty distinct consecutive numbers', async () => {
    const issue = () => p.database.db.transaction((tx) => issueNumber(tx, 'test', 'T{region}{yyyy}{MM}{dd}{seq:4}', { date: '2026-11-28', vars: { region: '320102' } }));
    const numbers = await Promise.all(Array.from({ length: 20 }, issue));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(numbers[0]).toMatch(/^T32010220261128\d{4}$/);
  });
});
