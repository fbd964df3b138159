import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/db';
import { kernelEventDelivery, kernelOutbox } from './outbox.schema';

export type DomainEvent<P = Record<string, unknown>> = { id: string; topic: string; payload: P; traceId: string | null; createdAt: Date };

/** A subscriber runs inside its own savepoint with the delivery record, so it sees each event once. */
export type Subscriber = {
  /** Stable name, part of the idempotency key: `archive.on-case-concluded`. */
  name: string;
  topic: string;
  handle(tx: Tx, event: DomainEvent): Promise<void>;
};

export type EventBus = {
  /** Writes the event into the outbox inside the caller's transaction; nothing is sent if it rolls back. */
  emit(q: Queryable, topic: string, payload: Record<string, unknown>, opts?: { traceId?: string | null }): Promise<string>;
  subscribe(subscriber: Subscriber): void;
  /** Delivers due events to their subscribers; safe on several instances at once. Returns how many events were handled. */
  dispatch(limit?: number): Promise<number>;
};

const MAX_ATTEMPTS = 8;
/** Retry after 5 s, 10 s, 20 s … capped at one hour. */
export const retryDelayMs = (attempts: number) => Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempts - 1));

export function createEventBus(opts: { db: Db; now?: () => Date; log?: { error: (obj: object, msg: string) => void } }): EventBus {
  const now = opts.now ?? (() => new Date());
  const subscribers: Subscriber[] = [];
  return {
    async emit(q, topic, payload, o) {
      const id = randomUUID();
      await q.insert(kernelOutbox).values({ id, topic, payload, traceId: o?.traceId ?? null, nextAttemptAt: now() });
      return id;
    },
    subscribe(s) {
      if (subscribers.some((x) => x.name === s.name)) throw new Error(`duplicate subscriber ${s.name}`);
      subscribers.push(s);
    },
    dispatch: (limit = 100) => opts.db.transaction(async (tx) => {
      const events = await tx.select().from(kernelOutbox)
        .where(and(eq(kernelOutbox.status, 'pending'), lte(kernelOutbox.nextAttemptAt, now())))
        .orderBy(asc(kernelOutbox.createdAt)).limit(limit).for('update', { skipLocked: true });
      for (const e of events) {
        const wanted = subscribers.filter((s) => s.topic === e.topic);
        const done = new Set(wanted.length
          ? (await tx.select({ s: kernelEventDelivery.subscriber }).from(kernelEventDelivery)
            .where(and(eq(kernelEventDelivery.eventId, e.id), inArray(kernelEventDelivery.subscriber, wanted.map((s) => s.name))))).map((r) => r.s)
          : []);
        const failures: string[] = [];
        for (const s of wanted.filter((x) => !done.has(x.name))) {
          try {
            await tx.transaction(async (sp) => {
              await s.handle(sp, { id: e.id, topic: e.topic, payload: e.payload, traceId: e.traceId, createdAt: e.createdAt });
              await sp.insert(kernelEventDelivery).values({ eventId: e.id, subscriber: s.name });
            });
          } catch (err) {
            failures.push(`${s.name}: ${err instanceof Error ? err.message : String(err)}`);
            opts.log?.error({ err, eventId: e.id, topic: e.topic, subscriber: s.name }, '事件订阅处理失败，将重试');
          }
        }
        const attempts = e.attempts + 1;
        await tx.update(kernelOutbox).set(failures.length
          ? { attempts, lastError: failures.join('\n').slice(0, 4000), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)) }
          : { attempts, status: 'delivered', deliveredAt: now(), lastError: null })
          .where(eq(kernelOutbox.id, e.id));
      }
      return events.length;
    }),
  };
}

/** Events of a topic, newest last; for tests and operations pages. */
export async function listEvents(q: Queryable, topic: string) {
  return q.select().from(kernelOutbox).where(eq(kernelOutbox.topic, topic)).orderBy(asc(kernelOutbox.createdAt), sql`id`);
}
