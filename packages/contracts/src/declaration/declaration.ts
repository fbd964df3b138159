import { z } from 'zod';
import { MatterChecklist, SituationAnswers } from '../matter';

/** 网上申报: a draft the applicant fills (表单暂存, resumable anywhere they sign in), then submits as a case. */

export const DeclarationMaterial = z.object({
  materialCode: z.string().trim().min(1).max(64),
  fileId: z.uuid().optional(),
  licenceId: z.uuid().optional(),
  /** Shown in the list: the uploaded file's name or the licence's type name. */
  label: z.string().trim().max(200).default(''),
});
export type DeclarationMaterial = z.infer<typeof DeclarationMaterial>;

export const CreateDeclarationBody = z.object({
  matterCode: z.string().trim().min(1).max(64),
  situationAnswers: SituationAnswers.default({}),
  /** 退件后修改重报: start from the returned case's answers, form and materials. */
  fromCaseId: z.uuid().optional(),
});
export type CreateDeclarationBody = z.input<typeof CreateDeclarationBody>;

export const SaveDeclarationBody = z.object({
  situationAnswers: SituationAnswers.optional(),
  formData: z.record(z.string(), z.unknown()).default({}),
  materials: z.array(DeclarationMaterial).max(200).default([]),
  orgId: z.uuid().nullable().default(null),
  contactPhone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').nullable().default(null),
  expectedRevision: z.number().int(),
});
export type SaveDeclarationBody = z.input<typeof SaveDeclarationBody>;

export const DeclarationSummary = z.object({
  id: z.uuid(), matterCode: z.string(), matterName: z.string(), status: z.enum(['draft', 'submitted']), caseId: z.uuid().nullable(),
  updatedAt: z.string(), revision: z.number().int(),
});
export type DeclarationSummary = z.infer<typeof DeclarationSummary>;

export const DeclarationView = DeclarationSummary.extend({
  applicantType: z.enum(['natural_person', 'legal_person']),
  applicantName: z.string(),
  applicantIdNoMasked: z.string(),
  situationAnswers: SituationAnswers,
  formData: z.record(z.string(), z.unknown()),
  materials: z.array(DeclarationMaterial),
  orgId: z.uuid().nullable(),
  contactPhone: z.string().nullable(),
  /** 一单告知 for the current answers: materials, form keys, sections. */
  checklist: MatterChecklist,
  /** The published version id of each bound form (what the page renders and the server validates). */
  formVersionIds: z.record(z.string(), z.uuid()),
});
export type DeclarationView = z.infer<typeof DeclarationView>;

export const SubmitDeclarationBody = z.object({ expectedRevision: z.number().int() });

/** 回执: what was submitted and what happens next. */
export const DeclarationReceipt = z.object({
  caseId: z.uuid(),
  caseNo: z.string(),
  matterName: z.string(),
  orgName: z.string().nullable(),
  submittedAt: z.string(),
  limitDays: z.number().int().nullable(),
  nextSteps: z.array(z.string()),
});
export type DeclarationReceipt = z.infer<typeof DeclarationReceipt>;

/**
 * 感知回填 sources for the form renderer (`applicant`, `population`, `elicense` by type code), and
 * where each came from, for the 'filled from source' marks.
 */
export const DeclarationPrefill = z.object({
  applicant: z.record(z.string(), z.unknown()),
  population: z.record(z.string(), z.unknown()),
  elicense: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** Label per source: 'applicant' → 身份认证信息, 'population' → 人口信息库, licence type code → its name. */
  sourceLabels: z.record(z.string(), z.string()),
});
export type DeclarationPrefill = z.infer<typeof DeclarationPrefill>;
/** Window 感知回填: the card just read at the counter; the registries add the rest. */
export const WindowPrefillBody = z.object({
  idNo: z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, '请读取或填写18位公民身份号码'),
  name: z.string().trim().min(1).max(50),
  sex: z.string().trim().max(4).optional(),
  ethnicity: z.string().trim().max(20).optional(),
  birthDate: z.string().trim().max(10).optional(),
  address: z.string().trim().max(200).optional(),
});
export type WindowPrefillBody = z.infer<typeof WindowPrefillBody>;

/** The applicant's in-force e-licences, to offer in place of uploads (免证办). */
export const ApplicantLicence = z.object({
  id: z.uuid(), typeCode: z.string(), typeName: z.string(), licenceNoMasked: z.string(), issuerName: z.string(), validTo: z.string().nullable(),
});
export type ApplicantLicence = z.infer<typeof ApplicantLicence>;

export const ServicePoint = z.object({ id: z.uuid(), name: z.string(), level: z.string(), regionCode: z.string().nullable(), parentName: z.string().nullable() });
export type ServicePoint = z.infer<typeof ServicePoint>;

