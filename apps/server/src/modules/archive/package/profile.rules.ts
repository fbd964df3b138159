import { z } from 'zod';
import { metadataFields, type MetadataField } from './package.types';
import { templateProblems } from './template.rules';

/**
 * The package layout as data. The default is the Fuzhou-style layout of DA/T 85 (standards digest §3.5):
 * `基本信息元数据.xml` with root `base_info`, folders 申报文件 / 过程文件 / 结果文件. Swap in the GB/T 42727
 * Annex B/E layout by supplying another profile once its text is available.
 */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const xmlName = z.string().regex(XML_NAME, { error: (iss) => `XML 元素名“${String(iss.input)}”不合法（须以字母或下划线开头，只含字母、数字、下划线、点和连字符）` })
  .refine((v) => !/^xml/i.test(v), { error: (iss) => `XML 元素名“${String(iss.input)}”不能以 xml 开头` });
const FORBIDDEN_PATH_CHARS = /[\\/:*?"<>|\u0000-\u001f]/;
const entryFileName = (label: string) => z.string().trim().min(1, `${label}不能为空`).max(100, `${label}过长`)
  .refine((v) => !FORBIDDEN_PATH_CHARS.test(v) && v !== '.' && v !== '..', `${label}不能包含路径分隔符或特殊字符`);

const fieldElements = z.object(Object.fromEntries(metadataFields.map((f) => [f, xmlName])) as Record<MetadataField, typeof xmlName>);

const processElements = z.object({
  container: xmlName, item: xmlName, step: xmlName, code: xmlName, actor: xmlName, org: xmlName, opinion: xmlName, at: xmlName,
});
const filesetElements = z.object({
  container: xmlName, folder: xmlName, folderName: xmlName, file: xmlName, seq: xmlName, fileCode: xmlName, materialCode: xmlName,
  standardName: xmlName, actualName: xmlName, format: xmlName, mime: xmlName, path: xmlName, size: xmlName, createdAt: xmlName,
  sm3: xmlName, sha256: xmlName,
});

const FORMAT = /^[A-Z0-9]{2,10}$/;

/** Template tokens each pattern may use. */
export const packageNameTokens = [...metadataFields, 'seq'] as const;
export const entryNameTokens = ['seq', 'standardName', 'materialCode', 'ext', 'folderCode', 'fileCode'] as const;
export const fileCodeTokens = ['folderCode', 'seq'] as const;
export const archivalCodeTokens = ['fonds', 'category', 'type', 'year', 'retention', 'seq', ...metadataFields] as const;

const duplicates = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

export const PackageProfileSchema = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, '配置方案标识须为小写字母、数字、点、下划线或连字符（至多 64 位）'),
  name: z.string().trim().min(1, '请填写配置方案名称').max(100, '配置方案名称过长'),
  metadataFileName: entryFileName('元数据文件名').refine((v) => /\.xml$/i.test(v), '元数据文件名须以 .xml 结尾'),
  manifestFileName: entryFileName('清单文件名'),
  signatureFileName: entryFileName('签名文件名'),
  folderNames: z.object({ application: entryFileName('申报文件夹名'), process: entryFileName('过程文件夹名'), result: entryFileName('结果文件夹名') }),
  /** File code class per folder (A 申报, B 过程, C 结果). */
  folderCodes: z.object({
    application: z.string().regex(/^[A-Z]{1,2}$/, '文件类别代码须为 1–2 位大写字母'),
    process: z.string().regex(/^[A-Z]{1,2}$/, '文件类别代码须为 1–2 位大写字母'),
    result: z.string().regex(/^[A-Z]{1,2}$/, '文件类别代码须为 1–2 位大写字母'),
  }),
  /** Package (ZIP) name without extension. */
  fileNamePattern: z.string().trim().min(1, '请填写信息包命名规则').max(200),
  /** Name of a content file inside its folder. */
  entryNamePattern: z.string().trim().min(1, '请填写文件命名规则').max(200),
  fileCodePattern: z.string().trim().min(1, '请填写文件编号规则').max(50),
  /** 档号 (DA/T 13 style) as in the ARCHIVE_CODE_PATTERN setting; {category} is `categoryCode`. */
  archivalCode: z.object({
    template: z.string().trim().min(1, '请填写档号规则').max(100),
    categoryCode: z.string().regex(/^[A-Z]{1,4}$/, '门类代码为1–4位大写字母'),
  }),
  /** How date-times are written: ISO 8601 with the +08:00 offset, or 'YYYY-MM-DD HH:mm:ss' China time. */
  dateTimeFormat: z.enum(['iso8601', 'local'], { error: '时间格式只能是 iso8601 或 local' }),
  elements: z.object({ root: xmlName, fields: fieldElements, totalFiles: xmlName, totalBytes: xmlName, process: processElements, fileset: filesetElements }),
  /** Content formats accepted for archiving (format names as detected: PDF, OFD, JPEG, PNG, XML …). */
  allowedFormats: z.array(z.string().regex(FORMAT, '格式名须为 2–10 位大写字母或数字')).min(1, '至少允许一种文件格式'),
  /** What a format outside `allowedFormats` yields. */
  otherFormats: z.enum(['warn', 'fail'], { error: '其他格式的处理只能是 warn 或 fail' }),
  matterTypes: z.array(z.object({ code: z.string().regex(/^\d{2}$/, '事项类型代码为两位数字'), name: z.string().min(1, '请填写事项类型名称') })).min(1, '事项类型至少一项'),
  securityLevels: z.array(z.string().min(1)).min(1, '密级取值至少一项'),
  opennessValues: z.array(z.string().min(1)).min(1, '开放状态取值至少一项'),
  /** `applicantIdType` values meaning 居民身份证 (checked per GB 11643) and 统一社会信用代码 (per GB 32100). */
  residentIdTypes: z.array(z.string()),
  creditCodeTypes: z.array(z.string()),
  /** ZIP safety bounds, checked from the central directory before anything is inflated. */
  limits: z.object({
    maxEntries: z.number().int().min(4, '文件数上限至少为 4').max(65_534, '文件数上限不能超过 65534'),
    maxTotalBytes: z.number().int().min(1024, '解压总大小上限至少为 1024 字节').max(4_000_000_000, '解压总大小上限不能超过 4000000000 字节'),
    maxRatio: z.number().min(2, '压缩比上限至少为 2').max(10_000, '压缩比上限不能超过 10000'),
  }),
}).superRefine((p, ctx) => {
  const add = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
  for (const m of templateProblems(p.fileNamePattern, '信息包命名规则', packageNameTokens)) add(m, ['fileNamePattern']);
  if (FORBIDDEN_PATH_CHARS.test(p.fileNamePattern.replace(/\{[^}]*\}/g, ''))) add('信息包命名规则不能包含路径分隔符或特殊字符', ['fileNamePattern']);
  for (const m of templateProblems(p.entryNamePattern, '文件命名规则', entryNameTokens)) add(m, ['entryNamePattern']);
  if (!/\{(seq|fileCode)(:\d+)?\}/.test(p.entryNamePattern)) add('文件命名规则须包含 {seq:N}（件内顺序号）或 {fileCode}（文件编号），以免重名', ['entryNamePattern']);
  if (!p.entryNamePattern.endsWith('.{ext}')) add('文件命名规则须以 .{ext}（扩展名）结尾', ['entryNamePattern']);
  if (FORBIDDEN_PATH_CHARS.test(p.entryNamePattern.replace(/\{[^}]*\}/g, ''))) add('文件命名规则不能包含路径分隔符或特殊字符', ['entryNamePattern']);
  for (const m of templateProblems(p.fileCodePattern, '文件编号规则', fileCodeTokens, { requireSeq: true })) add(m, ['fileCodePattern']);
  for (const m of templateProblems(p.archivalCode.template, '档号规则', archivalCodeTokens, { requireSeq: true })) add(m, ['archivalCode', 'template']);

  const rootFiles = [p.metadataFileName, p.manifestFileName, p.signatureFileName, ...Object.values(p.folderNames)];
  for (const d of duplicates(rootFiles)) add(`文件名或文件夹名“${d}”重复`, ['folderNames']);
  const codes = Object.values(p.folderCodes);
  for (const d of duplicates(codes)) add(`文件类别代码“${d}”重复`, ['folderCodes']);

  const e = p.elements;
  const rootLevel = [...Object.values(e.fields), e.totalFiles, e.totalBytes, e.process.container, e.fileset.container];
  for (const d of duplicates(rootLevel)) add(`元数据中的元素名“${d}”重复`, ['elements']);
  const { container: _pc, item: _pi, ...processItem } = e.process;
  for (const d of duplicates(Object.values(processItem))) add(`办理过程中的元素名“${d}”重复`, ['elements', 'process']);
  const { container: _fc, folder: _ff, file: _fi, folderName, ...fileItem } = e.fileset;
  for (const d of duplicates(Object.values(fileItem))) add(`文件条目中的元素名“${d}”重复`, ['elements', 'fileset']);
  if (folderName === e.fileset.file) add(`文件夹名称元素与文件元素同名“${folderName}”`, ['elements', 'fileset']);
  for (const d of duplicates(p.matterTypes.map((t) => t.code))) add(`事项类型代码“${d}”重复`, ['matterTypes']);
});

export type PackageProfile = z.infer<typeof PackageProfileSchema>;

/** National 事项类型 codes (standards digest §3.3). */
const nationalMatterTypes = [
  { code: '01', name: '行政许可' }, { code: '02', name: '行政处罚' }, { code: '03', name: '行政强制' }, { code: '04', name: '行政征收' },
  { code: '05', name: '行政给付' }, { code: '06', name: '行政检查' }, { code: '07', name: '行政确认' }, { code: '08', name: '行政奖励' },
  { code: '09', name: '行政裁决' }, { code: '10', name: '其他行政权力' }, { code: '20', name: '公共服务' },
];

export const defaultPackageProfile: PackageProfile = {
  id: 'fuzhou-dat85',
  name: '福州式归档信息包（DA/T 85）',
  metadataFileName: '基本信息元数据.xml',
  manifestFileName: 'manifest.xml',
  signatureFileName: 'manifest.sig.xml',
  folderNames: { application: '申报文件', process: '过程文件', result: '结果文件' },
  folderCodes: { application: 'A', process: 'B', result: 'C' },
  fileNamePattern: '{regionCode}-{fondsCode}-{matterCode}-{year}-{retention}-{seq:6}',
  entryNamePattern: '{seq:3}-{standardName}.{ext}',
  fileCodePattern: '{folderCode}{seq:3}',
  archivalCode: { template: '{fonds}-{category}·{type}-{year}-{retention}-{seq:4}', categoryCode: 'ZW' },
  dateTimeFormat: 'iso8601',
  elements: {
    root: 'base_info',
    fields: {
      electronicRecordNo: 'electronic_record_code', archivalCode: 'archival_code', fondsCode: 'fonds_identifier', regionCode: 'region_code',
      matterCode: 'task_code', matterName: 'task_name', matterVersion: 'task_version', matterTypeCode: 'task_type', matterTypeName: 'task_type_name',
      caseNo: 'project_id', caseTitle: 'project_name', applicantName: 'apply_name', applicantType: 'apply_type', applicantIdType: 'card_type',
      applicantIdNo: 'contacted_card', orgName: 'receive_department', orgCode: 'social_code', submittedAt: 'apply_time', acceptedAt: 'receive_time',
      concludedAt: 'transact_time', archivedAt: 'archive_time', result: 'result', retention: 'retention_period',
      securityLevel: 'security_classification', openness: 'open_status', year: 'year',
    },
    totalFiles: 'total_number',
    totalBytes: 'total_size',
    process: { container: 'process_info', item: 'process', step: 'process_name', code: 'process_code', actor: 'handler', org: 'handle_department', opinion: 'handle_opinion', at: 'handle_time' },
    fileset: {
      container: 'fileset', folder: 'folder', folderName: 'folder_name', file: 'file', seq: 'file_sequence', fileCode: 'file_code',
      materialCode: 'material_code', standardName: 'file_standard_name', actualName: 'file_actual_name', format: 'format_information',
      mime: 'mime_type', path: 'computer_file_name', size: 'computer_file_size', createdAt: 'computer_file_creation_time',
      sm3: 'upload_sm3', sha256: 'upload_sha256',
    },
  },
  allowedFormats: ['PDF', 'OFD', 'JPEG', 'PNG', 'XML'],
  otherFormats: 'fail',
  matterTypes: nationalMatterTypes,
  securityLevels: ['none', 'internal', 'secret'],
  opennessValues: ['open', 'on_request', 'closed'],
  residentIdTypes: ['id_no', '111', '居民身份证', '身份证'],
  creditCodeTypes: ['credit_code', '001', '统一社会信用代码'],
  limits: { maxEntries: 5000, maxTotalBytes: 2_000_000_000, maxRatio: 200 },
};

/** zod's own messages (missing keys, wrong types) in Chinese, prefixed with the setting's path. */
const zhCN = z.locales.zhCN().localeError;
function fallbackMessage(issue: Parameters<typeof zhCN>[0]): string {
  const m = zhCN(issue);
  const text = typeof m === 'string' ? m : m?.message ?? '取值无效';
  const path = (issue.path ?? []).join('.');
  return path ? `配置项 ${path}：${text}` : text;
}

export type ProfileValidation = { ok: true; profile: PackageProfile } | { ok: false; problems: string[] };

/** Validates a profile (e.g. loaded from configuration); problems are Chinese sentences. */
export function validatePackageProfile(input: unknown): ProfileValidation {
  const parsed = PackageProfileSchema.safeParse(input, { error: fallbackMessage });
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
}

export class PackageProfileError extends Error {
  constructor(readonly problems: string[]) {
    super(`归档信息包配置方案无效：${problems.join('；')}`);
  }
}

export function assertPackageProfile(input: unknown): PackageProfile {
  const v = validatePackageProfile(input);
  if (!v.ok) throw new PackageProfileError(v.problems);
  return v.profile;
}
