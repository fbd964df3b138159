import { z } from 'zod';
import { ListQuery } from '../common';
import { MatterType } from '../matter/matter-config';

/**
 * 电子归档 (GB/T 42727-2023, formerly DA/T 85-2019; 四性检测 per DA/T 70-2018). A concluded case becomes
 * an archive record: 待归档 → (四性检测) → 已归档 with a 档号 and a signed archive package, or 检测未通过
 * with the failing checks. What is archived, for how long and how it is coded is configuration.
 */

/** 保管期限 codes per DA/T 13: 永久, 定期30年, 定期10年. */
export const RetentionPeriod = z.enum(['Y', 'D30', 'D10']);
export type RetentionPeriod = z.infer<typeof RetentionPeriod>;
export const retentionLabels: Record<RetentionPeriod, string> = { Y: '永久', D30: '30年', D10: '10年' };

export const ArchiveOpenness = z.enum(['open', 'on_request', 'closed']);
export const archiveOpennessLabels: Record<z.infer<typeof ArchiveOpenness>, string> = { open: '开放', on_request: '依申请开放', closed: '不开放' };
export const SecurityLevel = z.enum(['none', 'internal', 'secret']);
export const securityLevelLabels: Record<z.infer<typeof SecurityLevel>, string> = { none: '无密级', internal: '内部', secret: '秘密' };

/** National 事项类型 codes (digest §3.3); the names are the platform's, the codes the integrated platform's. */
export const nationalMatterTypes = [
  { code: '01', name: '行政许可' }, { code: '02', name: '行政处罚' }, { code: '03', name: '行政强制' }, { code: '04', name: '行政征收' },
  { code: '05', name: '行政给付' }, { code: '06', name: '行政检查' }, { code: '07', name: '行政确认' }, { code: '08', name: '行政奖励' },
  { code: '09', name: '行政裁决' }, { code: '10', name: '其他行政权力' }, { code: '20', name: '公共服务' },
] as const;
/** The matter catalogue's types mapped to the national codes. */
export const matterTypeNationalCode: Record<MatterType, string> = {
  licensing: '01', penalty: '02', coercion: '03', levy: '04', payment: '05', inspection: '06', confirmation: '07', reward: '08', adjudication: '09', other_power: '10', public_service: '20',
};

/** What goes into the package: 申报 (application), 过程 (process) and 结果 (result) files. */
export const ArchiveFolder = z.enum(['application', 'process', 'result']);
export type ArchiveFolder = z.infer<typeof ArchiveFolder>;
export const archiveFolderLabels: Record<ArchiveFolder, string> = { application: '申报文件', process: '过程文件', result: '结果文件' };

/** Kinds of items a rule may require besides the matter's own materials. */
export const ArchiveItemKind = z.enum(['application_form', 'material', 'process_record', 'result_document', 'tolerance_promise']);
export type ArchiveItemKind = z.infer<typeof ArchiveItemKind>;
export const archiveItemKindLabels: Record<ArchiveItemKind, string> = {
  application_form: '申请表', material: '申请材料', process_record: '办理过程记录', result_document: '结果文书', tolerance_promise: '容缺受理承诺书',
};

export const ArchiveCatalogueItem = z.object({
  kind: ArchiveItemKind,
  /** For `material`: the matter's material code. */
  materialCode: z.string().trim().max(64).nullable().default(null),
  name: z.string().trim().min(1, '请填写材料名称').max(100),
  folder: ArchiveFolder,
  required: z.boolean().default(true),
});
export type ArchiveCatalogueItem = z.infer<typeof ArchiveCatalogueItem>;

/** 归档配置: per matter (or the default of a 事项类型). */
export const ArchiveRuleBody = z.object({
  retention: RetentionPeriod,
  openness: ArchiveOpenness.default('closed'),
  securityLevel: SecurityLevel.default('none'),
  /** Which concluded cases are archived: all, or only approved ones. */
  scope: z.enum(['all', 'approved_only']).default('all'),
  /** 归档材料目录, in package order. */
  catalogue: z.array(ArchiveCatalogueItem).min(1, '归档材料目录至少一项').max(100),
});
export type ArchiveRuleBody = z.input<typeof ArchiveRuleBody>;
export const ArchiveRuleView = z.object({
  matterCode: z.string().nullable(),
  matterType: z.string().nullable(),
  source: z.enum(['matter', 'type_default', 'national_default']).describe('本事项配置 / 事项类型默认 / 国家默认'),
  retention: RetentionPeriod, openness: ArchiveOpenness, securityLevel: SecurityLevel, scope: z.enum(['all', 'approved_only']),
  catalogue: z.array(ArchiveCatalogueItem),
  revision: z.number().int(), updatedAt: z.string().nullable(),
});
export type ArchiveRuleView = z.infer<typeof ArchiveRuleView>;
/** A matter's rule with the matter's materials, so an editor can put back one taken out of the catalogue. */
export const ArchiveMatterRuleView = ArchiveRuleView.extend({
  matterName: z.string(),
  materials: z.array(z.object({ code: z.string(), name: z.string(), required: z.boolean() })),
});
export type ArchiveMatterRuleView = z.infer<typeof ArchiveMatterRuleView>;

/** 事项类型默认: what matters of a type without their own rule use (its catalogue names no materials). */
export const ArchiveTypeRuleView = ArchiveRuleView.omit({ matterCode: true, matterType: true }).extend({
  matterType: MatterType, typeName: z.string(), nationalCode: z.string(),
});
export type ArchiveTypeRuleView = z.infer<typeof ArchiveTypeRuleView>;
export const ArchiveMatterRuleSummary = z.object({
  matterCode: z.string(), matterName: z.string(), matterType: MatterType,
  source: ArchiveRuleView.shape.source, retention: RetentionPeriod, openness: ArchiveOpenness, securityLevel: SecurityLevel,
  scope: ArchiveRuleView.shape.scope, updatedAt: z.string().nullable(),
});
export type ArchiveMatterRuleSummary = z.infer<typeof ArchiveMatterRuleSummary>;
/** 归档配置 overview: the type defaults, and a page of published matters with the rule each uses. */
export const ArchiveRuleOverview = z.object({ types: z.array(ArchiveTypeRuleView), items: z.array(ArchiveMatterRuleSummary), total: z.number().int() });
export type ArchiveRuleOverview = z.infer<typeof ArchiveRuleOverview>;

export const ArchiveStatus = z.enum(['pending', 'check_failed', 'archived']);
export type ArchiveStatus = z.infer<typeof ArchiveStatus>;
export const archiveStatusLabels: Record<ArchiveStatus, string> = { pending: '待归档', check_failed: '检测未通过', archived: '已归档' };

export const ArchiveCheckStatus = z.enum(['pass', 'fail', 'warn', 'manual']);
export const ArchiveCheckResult = z.object({
  id: z.string(), property: z.enum(['authenticity', 'integrity', 'usability', 'security']), name: z.string(),
  status: ArchiveCheckStatus, detail: z.string(), files: z.array(z.string()).optional(),
});
export type ArchiveCheckResult = z.infer<typeof ArchiveCheckResult>;

export const ArchiveListQuery = ListQuery.extend({
  status: ArchiveStatus.optional(),
  orgId: z.uuid().optional(),
  matterCode: z.string().trim().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ArchiveListQuery = z.infer<typeof ArchiveListQuery>;

export const ArchiveRecordSummary = z.object({
  id: z.uuid(), caseId: z.uuid(), caseNo: z.string(), matterCode: z.string(), matterName: z.string(), orgId: z.uuid(), orgName: z.string().nullable(),
  applicantName: z.string(), result: z.enum(['approved', 'disapproved']), concludedAt: z.string(), year: z.number().int(),
  status: ArchiveStatus, retention: RetentionPeriod, archivalCode: z.string().nullable(), archivedAt: z.string().nullable(),
  /** Items of the catalogue not found at the last 清点. */
  missing: z.array(z.object({ kind: ArchiveItemKind, name: z.string() })),
  checkedAt: z.string().nullable(), revision: z.number().int(),
});
export type ArchiveRecordSummary = z.infer<typeof ArchiveRecordSummary>;
export const ArchiveRecordView = ArchiveRecordSummary.extend({
  checks: z.array(ArchiveCheckResult),
  packageName: z.string().nullable(), packageFileId: z.string().nullable(), packageSm3: z.string().nullable(), packageSize: z.number().int().nullable(),
  archivedBy: z.string().nullable(),
});
export type ArchiveRecordView = z.infer<typeof ArchiveRecordView>;

export const ArchiveBatchBody = z.object({ ids: z.array(z.uuid()).min(1, '请选择要归档的办件').max(100) });
export const ArchiveBatchResult = z.object({
  items: z.array(z.object({ id: z.uuid(), caseNo: z.string(), ok: z.boolean(), archivalCode: z.string().nullable(), message: z.string() })),
});

/** 归档日志: the module's own slice of the audit trail (check, archive, download, rule changes). */
export const ArchiveLogQuery = ListQuery.extend({
  recordId: z.uuid().optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ArchiveLogQuery = z.infer<typeof ArchiveLogQuery>;
export const archiveActionLabels: Record<string, string> = {
  'archive.record.check': '四性检测', 'archive.record.archive': '归档', 'archive.package.download': '下载信息包',
  'archive.rule.save': '保存归档配置', 'archive.rule.reset': '恢复默认归档配置',
};

/** What the workbench can filter by, inside the caller's scope: units, matters and years that have records. */
export const ArchiveFacets = z.object({
  orgs: z.array(z.object({ id: z.uuid(), name: z.string() })),
  matters: z.array(z.object({ code: z.string(), name: z.string() })),
  years: z.array(z.number().int()),
});
export type ArchiveFacets = z.infer<typeof ArchiveFacets>;
