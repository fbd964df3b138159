import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Business number counters (办件编号, 档号 …), one row per scope such as `case:320102:20261128`. */
export const kernelSequence = pgTable('kernel_sequence', {
  scope: text('scope').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
