import { z } from 'zod';
import { ListQuery } from '../common';
import { PoliceType } from '../identity/org';
import {
  ApplicantType, HandlingMode, MatterChannel, MatterConfig, MatterMaterial, MatterType, MatterZone,
} from './matter-config';

export const PublicMatterListQuery = ListQuery.extend({
  policeType: PoliceType.optional(),
  zone: MatterZone.optional(),
  channel: MatterChannel.optional(),
});
export type PublicMatterListQuery = z.infer<typeof PublicMatterListQuery>;

export const PublicMatterSummary = z.object({
  code: z.string(),
  name: z.string(),
  policeType: PoliceType.nullable(),
  category: z.string(),
  matterType: MatterType,
  handlingModes: z.array(HandlingMode),
  applicantTypes: z.array(ApplicantType),
  channels: z.array(MatterChannel),
  zones: z.array(MatterZone),
  isOnline: z.boolean(),
  isOffline: z.boolean(),
  feeFen: z.number().int(),
  statutoryLimitDays: z.number().int().nullable(),
  promisedLimitDays: z.number().int().nullable(),
  visits: z.number().int(),
  versionNo: z.number().int(),
});
export type PublicMatterSummary = z.infer<typeof PublicMatterSummary>;

/** 办事指南: the published version without internal bindings (process, archive rule, print templates). */
export const PublicMatterGuide = PublicMatterSummary.extend({
  versionId: z.uuid(),
  publishedAt: z.string(),
  legalBasis: z.string(),
  conditions: z.string(),
  feeNote: z.string(),
  needsApproval: z.boolean(),
  materials: MatterConfig.shape.materials,
  situations: MatterConfig.shape.situations,
  guide: MatterConfig.shape.guide,
});
export type PublicMatterGuide = z.infer<typeof PublicMatterGuide>;

export const MatterCodeParams = z.object({ code: z.string().trim().min(1).max(64) });
export type MatterCodeParams = z.infer<typeof MatterCodeParams>;

/** Question key → chosen option key (single choice) or keys (multiple choice). */
export const SituationAnswers = z.record(
  z.string().max(64),
  z.union([z.string().max(64), z.array(z.string().max(64)).max(30)]),
);
export type SituationAnswers = z.infer<typeof SituationAnswers>;

export const ChecklistBody = z.object({ answers: SituationAnswers.default({}) });
export type ChecklistBody = z.infer<typeof ChecklistBody>;

export const EligibilityRuleRef = z.object({
  questionKey: z.string(),
  optionKey: z.string(),
  expression: z.string(),
  message: z.string().nullable(),
});

/** 一单告知: the personalised material checklist, form sections and process for the chosen situations. */
export const MatterChecklist = z.object({
  matterCode: z.string(),
  versionId: z.uuid(),
  versionNo: z.number().int(),
  materials: z.array(MatterMaterial),
  formKeys: z.array(z.string()).describe('申请表（一表申请时为多张表）'),
  sections: z.array(z.string()).describe('适用的表单分区；为空时整张表适用'),
  processKey: z.string().nullable(),
  eligibilityRules: z.array(EligibilityRuleRef),
  selected: z.array(z.object({ questionKey: z.string(), optionKeys: z.array(z.string()) })).describe('按树的顺序列出的已选情形'),
});
export type MatterChecklist = z.infer<typeof MatterChecklist>;

/** 搜索联想: tolerant of partial and mistyped names (户口迁徙 → 户口迁移审批). */
export const MatterSuggestQuery = z.object({ q: z.string().trim().min(1, '请输入搜索关键字').max(50) });
export type MatterSuggestQuery = z.infer<typeof MatterSuggestQuery>;

export const MatterSuggestion = z.object({
  code: z.string(),
  name: z.string(),
  policeType: PoliceType.nullable(),
  score: z.number().min(0).max(1).describe('相似度，1 为完全一致'),
});
export type MatterSuggestion = z.infer<typeof MatterSuggestion>;

export const MatterSuggestResult = z.object({ items: z.array(MatterSuggestion).max(10) });
export type MatterSuggestResult = z.infer<typeof MatterSuggestResult>;
