import { z } from 'zod';
import { ListQuery } from '../common';
import { PoliceType } from '../identity/org';
import { HandlingMode, MatterConfig, MatterVersionStatus } from './matter-config';

export const MatterCode = z.string().trim().regex(/^[A-Z][A-Z0-9-]{2,31}$/, '事项编码须为大写字母开头的3-32位大写字母、数字或短横线');

export const MatterVersionHeader = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  status: MatterVersionStatus,
  name: z.string(),
  updatedAt: z.string(),
  updatedBy: z.uuid().nullable().describe('最后编辑人'),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.uuid().nullable(),
  retiredAt: z.string().nullable(),
  reviewNote: z.string().nullable().describe('退回修改的原因'),
});
export type MatterVersionHeader = z.infer<typeof MatterVersionHeader>;

/** A whole version: what a case stores the id of, and what it reads back for as long as it runs. */
export const MatterVersionView = MatterVersionHeader.extend({
  matterId: z.uuid(),
  matterCode: z.string(),
  implementingId: z.uuid().nullable().describe('实施事项 id；为空表示标准事项的版本'),
  orgId: z.uuid().nullable().describe('实施机构'),
  sourceVersionId: z.uuid().nullable().describe('从哪个版本复制而来'),
  baseVersionId: z.uuid().nullable().describe('实施事项所依据的标准事项版本'),
  createdAt: z.string(),
  config: MatterConfig,
});
export type MatterVersionView = z.infer<typeof MatterVersionView>;

export const MatterListQuery = ListQuery.extend({
  policeType: PoliceType.optional(),
  handlingMode: HandlingMode.optional(),
  status: MatterVersionStatus.optional().describe('published/retired：事项当前状态；draft/in_review：有该状态的在编版本'),
});
export type MatterListQuery = z.infer<typeof MatterListQuery>;

export const MatterAdminSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  policeType: PoliceType.nullable(),
  category: z.string(),
  handlingModes: z.array(HandlingMode),
  publishedVersionNo: z.number().int().nullable(),
  latestVersion: z.object({ id: z.uuid(), versionNo: z.number().int(), status: MatterVersionStatus }),
  updatedAt: z.string(),
});
export type MatterAdminSummary = z.infer<typeof MatterAdminSummary>;

export const ImplementingMatterView = z.object({
  id: z.uuid(),
  matterId: z.uuid(),
  matterCode: z.string(),
  orgId: z.uuid(),
  publishedVersionId: z.uuid().nullable(),
  createdAt: z.string(),
  versions: z.array(MatterVersionHeader),
});
export type ImplementingMatterView = z.infer<typeof ImplementingMatterView>;

export const MatterAdminDetail = z.object({
  id: z.uuid(),
  code: z.string(),
  createdAt: z.string(),
  publishedVersionId: z.uuid().nullable(),
  versions: z.array(MatterVersionHeader).describe('新版本在前'),
  implementing: z.array(ImplementingMatterView.omit({ versions: true })).describe('数据范围内的实施事项'),
});
export type MatterAdminDetail = z.infer<typeof MatterAdminDetail>;

export const CreateMatterBody = z.object({ code: MatterCode, config: MatterConfig });
export type CreateMatterBody = z.infer<typeof CreateMatterBody>;

export const CreateDraftBody = z.object({
  fromVersionId: z.uuid().optional().describe('复制来源版本，缺省为最新版本'),
});
export type CreateDraftBody = z.infer<typeof CreateDraftBody>;

export const SaveVersionBody = z.object({ config: MatterConfig });
export type SaveVersionBody = z.infer<typeof SaveVersionBody>;

export const ReturnVersionBody = z.object({ reason: z.string().trim().min(2, '请填写退回原因').max(500) });
export type ReturnVersionBody = z.infer<typeof ReturnVersionBody>;

export const CreateImplementingBody = z.object({ orgId: z.uuid() });
export type CreateImplementingBody = z.infer<typeof CreateImplementingBody>;

export const ImplementingListQuery = ListQuery.extend({ matterId: z.uuid().optional(), orgId: z.uuid().optional() });
export type ImplementingListQuery = z.infer<typeof ImplementingListQuery>;

export const VersionDiffQuery = z.object({ from: z.uuid(), to: z.uuid() });
export type VersionDiffQuery = z.infer<typeof VersionDiffQuery>;

export const ConfigChange = z.object({
  path: z.string().describe('如 promisedLimitDays、materials[M01].required、situations[reason].options[college]'),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});
export type ConfigChange = z.infer<typeof ConfigChange>;

export const VersionDiffView = z.object({
  from: z.object({ id: z.uuid(), versionNo: z.number().int() }),
  to: z.object({ id: z.uuid(), versionNo: z.number().int() }),
  changes: z.array(ConfigChange),
});
export type VersionDiffView = z.infer<typeof VersionDiffView>;
