import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * 标准事项: the province-level matter. Its content lives in versions; the row only names it and points at
 * the published and the latest version (kept in step by the version service, in the same transaction).
 */
export const matterStandard = pgTable('matter_standard', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  publishedVersionId: uuid('published_version_id'),
  latestVersionId: uuid('latest_version_id'),
  createdBy: uuid('created_by'),
  ...timestamps,
}, (t) => [uniqueIndex('matter_standard_code_uq').on(t.code)]);

/** 实施事项: one org's implementation of a standard matter; it may narrow or extend it (see narrowing.rules.ts). */
export const matterImplementing = pgTable('matter_implementing', {
  id: uuid('id').primaryKey(),
  matterId: uuid('matter_id').notNull().references(() => matterStandard.id),
  orgId: uuid('org_id').notNull(), // identity_org.id; no foreign key across modules
  publishedVersionId: uuid('published_version_id'),
  latestVersionId: uuid('latest_version_id'),
  createdBy: uuid('created_by'),
  ...timestamps,
}, (t) => [
  uniqueIndex('matter_implementing_matter_org_uq').on(t.matterId, t.orgId),
  index('matter_implementing_org_idx').on(t.orgId),
]);

/**
 * One version of a standard or an implementing matter (`subject_id` = the implementing id, else the matter id).
 *
 * Storage choice: a version is a document. It is written whole while a draft, frozen once submitted
 * (trigger in 0003_guard_matter_version_frozen), copied whole into the next draft, read whole by a case
 * for as long as the case runs, and compared whole in a diff. So the facts lists and the public search
 * filter on are real columns (text[] with CHECKs, bigint fee, day counts), and the nested parts
 * (materials, the recursive situation tree, guide, bindings) are jsonb validated by the same zod schemas
 * the browser uses, on every write and again on every read (defaults fill fields added later). Child
 * tables would need a recursive question/option/effect model copied row by row for every new draft and
 * reassembled for every read, with nothing queried across versions to show for it.
 */
export const matterVersion = pgTable('matter_version', {
  id: uuid('id').primaryKey(),
  matterId: uuid('matter_id').notNull().references(() => matterStandard.id),
  implementingId: uuid('implementing_id').references(() => matterImplementing.id),
  subjectId: uuid('subject_id').notNull(),
  orgId: uuid('org_id'), // the implementing org (data scope); null for standard versions
  versionNo: integer('version_no').notNull(),
  status: text('status').notNull(),
  sourceVersionId: uuid('source_version_id'),
  baseVersionId: uuid('base_version_id'),
  name: text('name').notNull(),
  policeType: text('police_type'),
  category: text('category').notNull(),
  matterType: text('matter_type').notNull(),
  handlingModes: textArray('handling_modes'),
  applicantTypes: textArray('applicant_types'),
  channels: textArray('channels'),
  zones: textArray('zones'),
  needsApproval: boolean('needs_approval').notNull().default(false),
  isOnline: boolean('is_online').notNull().default(false),
  isOffline: boolean('is_offline').notNull().default(true),
  legalBasis: text('legal_basis').notNull().default(''),
  conditions: text('conditions').notNull().default(''),
  feeFen: bigint('fee_fen', { mode: 'number' }).notNull().default(0),
  feeNote: text('fee_note').notNull().default(''),
  statutoryLimitDays: integer('statutory_limit_days'),
  promisedLimitDays: integer('promised_limit_days'),
  visits: integer('visits').notNull().default(0),
  materials: jsonb('materials').notNull().default(sql`'[]'::jsonb`),
  situations: jsonb('situations').notNull().default(sql`'[]'::jsonb`),
  guide: jsonb('guide').notNull().default(sql`'{}'::jsonb`),
  bindings: jsonb('bindings').notNull().default(sql`'{}'::jsonb`),
  reviewNote: text('review_note'),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  submittedBy: uuid('submitted_by'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  publishedBy: uuid('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  retiredBy: uuid('retired_by'),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  ...timestamps,
}, (t) => [
  uniqueIndex('matter_version_subject_no_uq').on(t.subjectId, t.versionNo),
  // At most one published and one open (draft or in review) version per matter.
  uniqueIndex('matter_version_one_published_uq').on(t.subjectId).where(sql`${t.status} = 'published'`),
  uniqueIndex('matter_version_one_open_uq').on(t.subjectId).where(sql`${t.status} in ('draft', 'in_review')`),
  index('matter_version_matter_idx').on(t.matterId),
  index('matter_version_org_idx').on(t.orgId),
  check('matter_version_status_check', sql`${t.status} in ('draft', 'in_review', 'published', 'retired')`),
  check('matter_version_subject_check', sql`${t.subjectId} = coalesce(${t.implementingId}, ${t.matterId}) and (${t.implementingId} is null) = (${t.orgId} is null)`),
  check('matter_version_type_check', sql`${t.matterType} in ('licensing', 'penalty', 'coercion', 'levy', 'payment', 'inspection', 'confirmation', 'reward', 'adjudication', 'other_power', 'public_service')`),
  check('matter_version_modes_check', sql`${t.handlingModes} <@ array['immediate', 'promised', 'collect']::text[]`),
  check('matter_version_applicants_check', sql`${t.applicantTypes} <@ array['natural_person', 'legal_person']::text[]`),
  check('matter_version_channels_check', sql`${t.channels} <@ array['online', 'mobile', 'window', 'kiosk']::text[]`),
  check('matter_version_zones_check', sql`${t.zones} <@ array['one_thing', 'province_wide', 'cross_province', 'yangtze_delta']::text[]`),
  check('matter_version_numbers_check', sql`${t.feeFen} >= 0 and ${t.visits} >= 0 and ${t.versionNo} >= 1`),
]);
