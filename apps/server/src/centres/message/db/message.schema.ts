import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Message templates with `{{variable}}` placeholders, one channel each. */
export const messageTemplate = pgTable('message_template', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  channel: text('channel').notNull(),
  title: text('title').notNull().default(''),
  body: text('body').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('message_template_code_uq').on(t.code),
  check('message_template_channel_check', sql`${t.channel} in ('inbox','sms')`),
]);

/** 站内信: one row per recipient. */
export const messageInbox = pgTable('message_inbox', {
  id: uuid('id').primaryKey(),
  recipientId: uuid('recipient_id').notNull(),
  templateCode: text('template_code').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  businessKey: text('business_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [index('message_inbox_recipient_idx').on(t.recipientId, t.readAt, t.createdAt)]);

/** SMS waiting for the gateway; delivered by a job with SKIP LOCKED, retried with back-off. */
export const messageSms = pgTable('message_sms', {
  id: uuid('id').primaryKey(),
  phone: text('phone').notNull(),
  templateCode: text('template_code').notNull(),
  body: text('body').notNull(),
  businessKey: text('business_key'),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  providerMessageId: text('provider_message_id'),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [
  index('message_sms_due_idx').on(t.status, t.nextAttemptAt),
  check('message_sms_status_check', sql`${t.status} in ('pending','sent','failed')`),
]);
