import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SituationAnswers } from '@jsga/contracts';

export type DraftMaterialRow = { materialCode: string; fileId?: string; licenceId?: string; label: string };

/**
 * 网上申报草稿 (表单暂存): kept on the server so the applicant resumes on any device; becomes a case on
 * submission (the case centre then owns it) and stays as the link from the draft to the case.
 */
export const declarationDraft = pgTable('declaration_draft', {
  id: uuid('id').primaryKey(),
  citizenId: uuid('citizen_id').notNull(),
  applicantType: text('applicant_type').notNull(),
  applicantIdNo: text('applicant_id_no').notNull(),
  applicantName: text('applicant_name').notNull(),
  matterCode: text('matter_code').notNull(),
  matterName: text('matter_name').notNull(),
  situationAnswers: jsonb('situation_answers').$type<SituationAnswers>().notNull().default({}),
  formData: jsonb('form_data').$type<Record<string, unknown>>().notNull().default({}),
  materials: jsonb('materials').$type<DraftMaterialRow[]>().notNull().default([]),
  orgId: uuid('org_id'),
  contactPhone: text('contact_phone'),
  status: text('status').notNull().default('draft'),
  caseId: uuid('case_id'),
  revision: integer('revision').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  index('declaration_draft_owner_idx').on(t.citizenId, t.applicantIdNo, t.status, t.updatedAt),
  check('declaration_draft_status_check', sql`${t.status} in ('draft','submitted')`),
  check('declaration_draft_applicant_type_check', sql`${t.applicantType} in ('natural_person','legal_person')`),
]);
