import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FormDefinition } from '@jsga/form-engine';

/**
 * Form definitions, versioned per key. A published version is never changed (cases keep the version
 * they were filled in with); at most one draft per key is open for editing at a time.
 */
export const formDefinition = pgTable('form_definition', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull(),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  definition: jsonb('definition').$type<FormDefinition>().notNull(),
  status: text('status').notNull().default('draft'),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('form_definition_key_version_uq').on(t.key, t.version),
  uniqueIndex('form_definition_one_draft_uq').on(t.key).where(sql`${t.status} = 'draft'`),
  index('form_definition_status_idx').on(t.status),
  check('form_definition_status_check', sql`${t.status} in ('draft','published','retired')`),
]);
