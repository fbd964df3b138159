import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 好差评: one evaluation per case by its applicant, five levels (5 非常满意 … 1 非常不满意). The case's
 * org is copied so officers' lists are scoped without reading the case centre's tables.
 */
export const evaluationRecord = pgTable('evaluation_record', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  caseNo: text('case_no').notNull(),
  matterCode: text('matter_code').notNull(),
  matterName: text('matter_name').notNull(),
  orgId: uuid('org_id').notNull(),
  orgName: text('org_name'),
  citizenId: uuid('citizen_id').notNull(),
  level: integer('level').notNull(),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  comment: text('comment').notNull().default(''),
  channel: text('channel').notNull().default('pc'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('evaluation_record_case_uq').on(t.caseId),
  index('evaluation_record_org_idx').on(t.orgId, t.createdAt),
  check('evaluation_record_level_check', sql`${t.level} between 1 and 5`),
]);
