import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PrintTemplateDefinition } from '@jsga/contracts';

/**
 * Print templates, versioned per key. A published version is never changed (a printed document names
 * the version it came from); at most one draft and one published version per key at a time, and
 * publishing retires the previous published version.
 */
export const printTemplate = pgTable('print_template', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull(),
  version: integer('version').notNull(),
  status: text('status').notNull().default('draft'),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  definition: jsonb('definition').$type<PrintTemplateDefinition>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('print_template_key_version_uq').on(t.key, t.version),
  uniqueIndex('print_template_one_draft_uq').on(t.key).where(sql`${t.status} = 'draft'`),
  uniqueIndex('print_template_one_published_uq').on(t.key).where(sql`${t.status} = 'published'`),
  check('print_template_status_check', sql`${t.status} in ('draft','published','retired')`),
]);
