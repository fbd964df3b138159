import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Append-only audit trail. Each row carries the SM3 hash of its content and of the previous row
 * (`prev_hash`), so an edited or deleted row breaks the chain. `chain_no` has no gaps by construction
 * (assigned under an advisory lock), unlike a sequence.
 */
export const kernelAuditLog = pgTable(
  'kernel_audit_log',
  {
    chainNo: bigint('chain_no', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    positionId: uuid('position_id'),
    orgId: uuid('org_id'),
    clientIp: text('client_ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetIds: text('target_ids').array().notNull().default(sql`'{}'::text[]`),
    result: text('result').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    traceId: text('trace_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    check('kernel_audit_log_result_check', sql`${t.result} in ('success', 'failure')`),
    index('kernel_audit_log_occurred_at_idx').on(t.occurredAt),
    index('kernel_audit_log_user_id_idx').on(t.userId),
    index('kernel_audit_log_action_idx').on(t.action),
  ],
);
