import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ArchiveCatalogueItem, ArchiveCheckResult } from '@jsga/contracts';

/**
 * 归档配置: one row per matter code, or per 事项类型 default (matter_code null). Missing rows fall back
 * to the national defaults in code (archive-rule.rules.ts).
 */
export const archiveRule = pgTable('archive_rule', {
  id: uuid('id').primaryKey(),
  matterCode: text('matter_code'),
  matterType: text('matter_type'),
  retention: text('retention').notNull(),
  openness: text('openness').notNull(),
  securityLevel: text('security_level').notNull(),
  scope: text('scope').notNull(),
  catalogue: jsonb('catalogue').$type<ArchiveCatalogueItem[]>().notNull(),
  revision: integer('revision').notNull().default(0),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('archive_rule_matter_uq').on(t.matterCode).where(sql`${t.matterCode} is not null`),
  uniqueIndex('archive_rule_type_uq').on(t.matterType).where(sql`${t.matterCode} is null`),
  check('archive_rule_retention_check', sql`${t.retention} in ('Y','D30','D10')`),
]);

/**
 * 归档记录: one per concluded case, created when it concludes. Case facts are copied (the module reads
 * the case centre only through its API) so lists and statistics are scoped without joins.
 */
export const archiveRecord = pgTable('archive_record', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  caseNo: text('case_no').notNull(),
  matterCode: text('matter_code').notNull(),
  matterName: text('matter_name').notNull(),
  orgId: uuid('org_id').notNull(),
  orgName: text('org_name'),
  applicantName: text('applicant_name').notNull(),
  result: text('result').notNull(),
  concludedAt: timestamp('concluded_at', { withTimezone: true }).notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull().default('pending'),
  retention: text('retention').notNull(),
  missing: jsonb('missing').$type<Array<{ kind: string; name: string }>>().notNull().default([]),
  checks: jsonb('checks').$type<ArchiveCheckResult[]>().notNull().default([]),
  checkedAt: timestamp('checked_at', { withTimezone: true }),
  fondsCode: text('fonds_code'),
  itemNo: integer('item_no'),
  archivalCode: text('archival_code'),
  packageName: text('package_name'),
  packageFileId: uuid('package_file_id'),
  packageSm3: text('package_sm3'),
  packageSize: integer('package_size'),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  archivedBy: uuid('archived_by'),
  archivedByName: text('archived_by_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revision: integer('revision').notNull().default(0),
}, (t) => [
  uniqueIndex('archive_record_case_uq').on(t.caseId),
  uniqueIndex('archive_record_code_uq').on(t.archivalCode),
  index('archive_record_org_status_idx').on(t.orgId, t.status, t.concludedAt),
  index('archive_record_matter_idx').on(t.matterCode, t.year),
  check('archive_record_status_check', sql`${t.status} in ('pending','check_failed','archived')`),
]);

/** 统一赋码: the last 件号 issued per 全宗 + 门类 + 年度 + 保管期限; bumped inside the archiving transaction, so numbers are gap-free. */
export const archiveCodeCounter = pgTable('archive_code_counter', {
  fondsCode: text('fonds_code').notNull(),
  category: text('category').notNull(),
  year: integer('year').notNull(),
  retention: text('retention').notNull(),
  lastNo: integer('last_no').notNull(),
}, (t) => [primaryKey({ columns: [t.fondsCode, t.category, t.year, t.retention] })]);

/**
 * Keys that sign archive package manifests (SM2). The newest active key signs; every key ever used
 * stays so older packages verify. Without ARCHIVE_SIGNING_KEY_FILE a key is generated on first use.
 */
export const archiveSigningKey = pgTable('archive_signing_key', {
  id: uuid('id').primaryKey(),
  algorithm: text('algorithm').notNull(),
  publicKeyPem: text('public_key_pem').notNull(),
  /** PKCS#8 PEM; null for keys held outside the database (a key file or a signing server). */
  privateKeyPem: text('private_key_pem'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('archive_signing_key_public_uq').on(t.publicKeyPem)]);
