import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Transactional outbox: a domain event is written in the same transaction as the change it reports,
 * and delivered to subscribers after commit by whichever instance claims it first.
 */
export const kernelOutbox = pgTable('kernel_outbox', {
  id: uuid('id').primaryKey(),
  topic: text('topic').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  traceId: text('trace_id'),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
}, (t) => [
  index('kernel_outbox_pending_idx').on(t.status, t.nextAttemptAt),
  index('kernel_outbox_topic_idx').on(t.topic, t.createdAt),
  check('kernel_outbox_status_check', sql`${t.status} in ('pending','delivered','failed')`),
]);

/** One row per (event, subscriber) that has handled it: makes redelivery after a partial failure idempotent. */
export const kernelEventDelivery = pgTable('kernel_event_delivery', {
  eventId: uuid('event_id').notNull().references(() => kernelOutbox.id),
  subscriber: text('subscriber').notNull(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.eventId, t.subscriber] })]);
