import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SituationAnswers } from '@jsga/contracts';

const statuses = sql`('submitted','pre_review','supplement','tolerated','returned','accepted','not_accepted','approving','special_procedure','concluded','withdrawn')`;

/**
 * 办件: one row per application, and also the search read model — matter name, police type, org and
 * SLA state are kept on the row so the search never reads engine history.
 */
export const caseApplication = pgTable('case_application', {
  id: uuid('id').primaryKey(),
  caseNo: text('case_no').notNull(),
  idempotencyKey: text('idempotency_key'),
  matterId: uuid('matter_id').notNull(),
  matterCode: text('matter_code').notNull(),
  matterName: text('matter_name').notNull(),
  matterVersionId: uuid('matter_version_id').notNull(),
  matterVersionNo: integer('matter_version_no').notNull(),
  policeType: text('police_type'),
  applicantType: text('applicant_type').notNull(),
  applicantName: text('applicant_name').notNull(),
  applicantIdNo: text('applicant_id_no').notNull(),
  contactPhone: text('contact_phone'),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  /** Where a 补件 or 特别程序 returns to. */
  resumeStatus: text('resume_status'),
  orgId: uuid('org_id').notNull(),
  orgName: text('org_name'),
  createdBy: uuid('created_by'),
  /** The citizen account that submitted it online (the applicant, a company's representative or its agent). */
  citizenId: uuid('citizen_id'),
  acceptedBy: uuid('accepted_by'),
  situationAnswers: jsonb('situation_answers').$type<SituationAnswers>().notNull().default({}),
  formKey: text('form_key'),
  formVersionId: uuid('form_version_id'),
  formData: jsonb('form_data').$type<Record<string, unknown>>().notNull().default({}),
  processKey: text('process_key'),
  workflowInstanceId: uuid('workflow_instance_id'),
  limitDays: integer('limit_days'),
  slaStartDate: text('sla_start_date'),
  slaDeadline: text('sla_deadline'),
  slaStatus: text('sla_status').notNull().default('none'),
  slaPausedDays: integer('sla_paused_days').notNull().default(0),
  slaWarnedAt: timestamp('sla_warned_at', { withTimezone: true }),
  slaOverdueNotifiedAt: timestamp('sla_overdue_notified_at', { withTimezone: true }),
  result: text('result'),
  /** 容缺受理: the promised date (YYYY-MM-DD), when the applicant's promise was signed, and the overdue alarm sent. */
  toleranceDeadline: text('tolerance_deadline'),
  tolerancePromisedAt: timestamp('tolerance_promised_at', { withTimezone: true }),
  toleranceOverdueNotifiedAt: timestamp('tolerance_overdue_notified_at', { withTimezone: true }),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  concludedAt: timestamp('concluded_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  revision: integer('revision').notNull().default(0),
}, (t) => [
  uniqueIndex('case_application_case_no_uq').on(t.caseNo),
  uniqueIndex('case_application_idempotency_uq').on(t.idempotencyKey),
  index('case_application_org_status_idx').on(t.orgId, t.status, t.submittedAt),
  index('case_application_matter_idx').on(t.matterCode, t.submittedAt),
  index('case_application_submitted_idx').on(t.submittedAt),
  index('case_application_applicant_idx').on(t.applicantIdNo),
  index('case_application_sla_idx').on(t.slaStatus, t.slaDeadline),
  index('case_application_instance_idx').on(t.workflowInstanceId),
  index('case_application_tolerance_idx').on(t.status, t.toleranceDeadline),
  check('case_application_status_check', sql`${t.status} in ${statuses}`),
  check('case_application_sla_status_check', sql`${t.slaStatus} in ('none','running','warning','overdue','paused','stopped')`),
  check('case_application_applicant_type_check', sql`${t.applicantType} in ('natural_person','legal_person')`),
  check('case_application_result_check', sql`${t.result} is null or ${t.result} in ('approved','disapproved')`),
]);

/** Every step of a case: who, when, which org, what, and the opinion. Append-only by convention and by the service. */
export const caseHistory = pgTable('case_history', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull().references(() => caseApplication.id),
  seq: integer('seq').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  userId: uuid('user_id'),
  userName: text('user_name'),
  orgId: uuid('org_id'),
  orgName: text('org_name'),
  opinion: text('opinion').notNull().default(''),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('case_history_case_seq_uq').on(t.caseId, t.seq)]);

/** Materials by digest: the file lives in the files centre, the digests are copied for archiving. */
export const caseMaterial = pgTable('case_material', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull().references(() => caseApplication.id),
  materialCode: text('material_code').notNull(),
  name: text('name').notNull(),
  fileId: uuid('file_id'),
  /** 免证办: the e-licence given in place of an upload. */
  licenceId: text('licence_id'),
  source: text('source').notNull().default('upload'),
  sha256: text('sha256'),
  sm3: text('sm3'),
  status: text('status').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [
  index('case_material_case_idx').on(t.caseId),
  check('case_material_status_check', sql`${t.status} in ('provided','tolerated_missing','supplemented')`),
  check('case_material_source_check', sql`${t.source} in ('upload','elicense')`),
]);

/** Periods the SLA clock stood still: 补正 (supplement) and 特别程序. */
export const casePause = pgTable('case_pause', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull().references(() => caseApplication.id),
  kind: text('kind').notNull(),
  reason: text('reason').notNull(),
  fromDate: text('from_date').notNull(),
  toDate: text('to_date'),
}, (t) => [
  index('case_pause_case_idx').on(t.caseId),
  check('case_pause_kind_check', sql`${t.kind} in ('supplement','special_procedure')`),
]);

/** Links to what other modules produced for the case: notices, payments, deliveries, evaluations, archives. */
export const caseLink = pgTable('case_link', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull().references(() => caseApplication.id),
  kind: text('kind').notNull(),
  refId: text('ref_id').notNull(),
  label: text('label').notNull().default(''),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('case_link_uq').on(t.caseId, t.kind, t.refId)]);
