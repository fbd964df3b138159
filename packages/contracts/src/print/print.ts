import { z } from 'zod';
import { ListQuery } from '../common';

/**
 * 打印模板 (print centre): result documents such as 准予/不予许可决定书 are laid out from versioned
 * templates that are data. A definition is an A4 page with margins and a list of blocks; texts carry
 * `{{path.to.var}}` placeholders (optionally `{{concludedDate|date}}` for 2026年3月5日). Sizes are in
 * millimetres (page, margins, widths) and points (font sizes: 二号 22, 三号 16, 四号 14, 小四 12).
 */

const Text = z.string().trim().min(1, '内容不能为空').max(4000, '内容过长（最多 4000 字）');
const FontSize = z.number().min(8, '字号不能小于 8 磅').max(36, '字号不能大于 36 磅');
const Mm = (max: number) => z.number().min(0, '不能为负数').max(max, `不能超过 ${max} 毫米`);

export const PrintTitleBlock = z.strictObject({
  type: z.literal('title'),
  text: Text,
  /** Points; default body size + 8. Titles are bold and centred. */
  fontSize: FontSize.optional(),
});
export const PrintParagraphBlock = z.strictObject({
  type: z.literal('paragraph'),
  /** Line breaks (\n) start a new paragraph line with the same indent. */
  text: Text,
  fontSize: FontSize.optional(),
  /** First-line indent in characters; default 2 (首行缩进两字). */
  indent: z.number().int().min(0).max(8).optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  bold: z.boolean().optional(),
});
export const PrintTableRow = z.strictObject({ label: z.string().trim().min(1, '请填写项目名称').max(50), value: z.string().max(4000) });
export const PrintTableBlock = z.strictObject({
  type: z.literal('table'),
  /** Key/value rows with ruled borders; long values wrap inside their cell. */
  rows: z.array(PrintTableRow).min(1, '表格至少需要一行').max(50),
  /** Width of the label column in millimetres; default 36 (six characters at 14 pt). */
  labelWidth: Mm(120).optional(),
  fontSize: FontSize.optional(),
});
export const PrintSignatureBlock = z.strictObject({
  type: z.literal('signature'),
  /** 落款机关 (right aligned) and 成文日期 (centred under it). */
  orgName: Text,
  date: Text,
  /** Blank space above the signature in millimetres (room for the seal); default 20. */
  spaceBefore: Mm(150).optional(),
});
export const PrintSpacerBlock = z.strictObject({ type: z.literal('spacer'), height: Mm(200) });
/**
 * A table whose rows come from the data: `source` names a list the template's kind supplies (the
 * fields of an application form, the materials of a case), each item a label and a value. The values
 * print as they are; placeholders inside them are not expanded.
 */
export const PrintListTableBlock = z.strictObject({
  type: z.literal('list_table'),
  source: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, '数据列表名称不正确'),
  labelWidth: Mm(120).optional(),
  fontSize: FontSize.optional(),
  /** Printed as one row when the list is empty; default 无. */
  emptyText: z.string().trim().max(100).optional(),
});

export const PrintBlock = z.discriminatedUnion('type', [PrintTitleBlock, PrintParagraphBlock, PrintTableBlock, PrintListTableBlock, PrintSignatureBlock, PrintSpacerBlock]);
export type PrintBlock = z.infer<typeof PrintBlock>;

export const PrintPageSetup = z.strictObject({
  size: z.literal('A4'),
  /** Millimetres; GB/T 9704 uses top 37, bottom 35, left 28, right 26. */
  margins: z.strictObject({ top: Mm(100), right: Mm(100), bottom: Mm(100), left: Mm(100) }),
});

export const PrintTemplateDefinition = z.strictObject({
  page: PrintPageSetup,
  /** Body size in points; default 14. */
  fontSize: FontSize.optional(),
  /** Line height as a multiple of the font size; default 1.6. */
  lineHeight: z.number().min(1).max(3).optional(),
  blocks: z.array(PrintBlock).min(1, '至少需要一个内容块').max(200),
  /** Small centred text at the foot of every page; `{{page}}` and `{{pages}}` give page numbers there. */
  footer: z.string().trim().max(200).optional(),
});
export type PrintTemplateDefinition = z.infer<typeof PrintTemplateDefinition>;

/** Variables a template of a kind may use: what the calling module supplies, with a label and a sample for previews. */
export type PrintVariable = { path: string; label: string; sample: string };
/** Lists a kind supplies for `list_table` blocks: rows of label and value. */
export type PrintListRow = { label: string; value: string };
export type PrintList = { path: string; label: string; sample: readonly PrintListRow[] };
const noLists: readonly PrintList[] = [];
const applicantVariables = [
  { path: 'applicantName', label: '申请人', sample: '张明远' },
  { path: 'applicantIdNo', label: '申请人证件号码', sample: '320102198807150034' },
  { path: 'contactPhone', label: '联系电话', sample: '13905140001' },
  { path: 'matterName', label: '申请事项', sample: '机动车驾驶证补领' },
  { path: 'caseNo', label: '办件编号', sample: '320102202603050000123' },
  { path: 'orgName', label: '受理机关', sample: '南京市公安局玄武分局新街口派出所' },
] as const;
export const printTemplateKinds = {
  result_document: {
    name: '办件结果文书',
    variables: [
      { path: 'applicantName', label: '申请人', sample: '张明远' },
      { path: 'matterName', label: '申请事项', sample: '户口迁移（大中专院校学生入学）' },
      { path: 'caseNo', label: '办件编号', sample: '320102202603050000123' },
      { path: 'orgName', label: '受理（决定）机关', sample: '南京市公安局玄武区分局' },
      { path: 'concludedDate', label: '办结日期（YYYY-MM-DD）', sample: '2026-03-05' },
      { path: 'opinion', label: '审批意见', sample: '申请材料齐全，符合法定条件，同意办理。' },
      { path: 'reason', label: '不予许可理由', sample: '申请人提交的录取通知书与学籍信息不一致，不符合迁移条件。' },
    ],
    lists: noLists,
  },
  application_form: {
    name: '申请表',
    variables: [
      ...applicantVariables,
      { path: 'submittedDate', label: '申请日期（YYYY-MM-DD）', sample: '2026-03-05' },
      { path: 'channelName', label: '申请渠道', sample: '窗口受理' },
      { path: 'deliveryMethod', label: '结果领取方式', sample: '窗口领取' },
      { path: 'printedDate', label: '打印日期（YYYY-MM-DD）', sample: '2026-03-05' },
    ],
    lists: [
      { path: 'form', label: '申请表填报内容', sample: [{ label: '姓名', value: '张明远' }, { label: '补领原因', value: '遗失' }] },
      { path: 'materials', label: '申请材料', sample: [{ label: '居民身份证', value: '电子证照' }, { label: '驾驶证遗失声明', value: '已上传' }] },
    ],
  },
  tolerance_promise: {
    name: '容缺受理承诺书',
    variables: [
      ...applicantVariables,
      { path: 'deadline', label: '补交期限（YYYY-MM-DD）', sample: '2026-03-20' },
      { path: 'promisedDate', label: '承诺日期（YYYY-MM-DD）', sample: '2026-03-05' },
      { path: 'signature', label: '签署方式', sample: '经苏证通实名认证在线签署' },
    ],
    lists: [{ path: 'missingMaterials', label: '容缺材料', sample: [{ label: '驾驶证遗失声明', value: '2026年3月20日前补交' }] }],
  },
  process_record: {
    name: '办理过程记录',
    variables: [
      ...applicantVariables,
      { path: 'submittedDate', label: '申请日期（YYYY-MM-DD）', sample: '2026-03-05' },
      { path: 'concludedDate', label: '办结日期（YYYY-MM-DD）', sample: '2026-03-09' },
      { path: 'resultName', label: '办理结果', sample: '准予许可' },
      { path: 'printedDate', label: '生成日期（YYYY-MM-DD）', sample: '2026-03-10' },
    ],
    lists: [{ path: 'steps', label: '办理环节', sample: [
      { label: '2026-03-05 09:12 申报', value: '张明远（申请人）' },
      { label: '2026-03-05 10:30 受理', value: '新街口派出所 张受理：材料齐全，予以受理' },
      { label: '2026-03-09 15:00 办结', value: '玄武分局 李审批：同意' },
    ] }],
  },
  population_register: {
    name: '常住人口登记表',
    variables: [
      { path: 'name', label: '姓名', sample: '张明远' },
      { path: 'formerName', label: '曾用名', sample: '' },
      { path: 'sexName', label: '性别', sample: '男' },
      { path: 'ethnicityName', label: '民族', sample: '汉族' },
      { path: 'birthDate', label: '出生日期（YYYY-MM-DD）', sample: '1988-07-15' },
      { path: 'idNo', label: '公民身份号码', sample: '320102198807150034' },
      { path: 'birthPlace', label: '出生地', sample: '江苏省南京市玄武区' },
      { path: 'nativePlace', label: '籍贯', sample: '江苏省南京市玄武区' },
      { path: 'relationName', label: '与户主关系', sample: '户主' },
      { path: 'householdNo', label: '户号', sample: '320102881' },
      { path: 'householdTypeName', label: '户别', sample: '家庭户' },
      { path: 'address', label: '住址', sample: '江苏省南京市玄武区珠江路88号1幢302室' },
      { path: 'religionName', label: '宗教信仰', sample: '无宗教信仰' },
      { path: 'educationName', label: '文化程度', sample: '大学本科' },
      { path: 'maritalName', label: '婚姻状况', sample: '已婚' },
      { path: 'militaryName', label: '兵役状况', sample: '未服兵役' },
      { path: 'height', label: '身高', sample: '175厘米' },
      { path: 'bloodTypeName', label: '血型', sample: 'A型' },
      { path: 'occupation', label: '职业', sample: '工程技术人员' },
      { path: 'employer', label: '服务处所', sample: '南京玄武智信科技有限公司' },
      { path: 'registeredOn', label: '登记日期（YYYY-MM-DD）', sample: '1988-08-01' },
      { path: 'previousPlace', label: '何地迁来', sample: '' },
      { path: 'statusName', label: '登记状态', sample: '正常' },
      { path: 'stationName', label: '户口登记机关', sample: '新街口派出所' },
      { path: 'printedDate', label: '打印日期（YYYY-MM-DD）', sample: '2026-03-10' },
      { path: 'copyNo', label: '打印次数', sample: '1' },
    ],
    lists: [{ path: 'changes', label: '业务变动轨迹', sample: [{ label: '2026-03-05 出生登记', value: '新街口派出所 办件 320102202603050000123' }] }],
  },
  business_document: {
    name: '业务文书（事项绑定）',
    variables: [
      ...applicantVariables,
      { path: 'submittedDate', label: '申请日期（YYYY-MM-DD）', sample: '2026-03-05' },
      { path: 'concludedDate', label: '办结日期（YYYY-MM-DD）', sample: '2026-03-09' },
      { path: 'resultName', label: '办理结果', sample: '准予' },
      { path: 'opinion', label: '最后审批意见', sample: '同意迁入' },
      { path: 'printedDate', label: '打印日期（YYYY-MM-DD）', sample: '2026-03-10' },
    ],
    lists: [
      { path: 'formRows', label: '申请表填报内容', sample: [{ label: '迁移原因', value: '大中专院校学生' }, { label: '迁入地详细地址', value: '江苏省南京市玄武区四牌楼2号' }] },
      { path: 'steps', label: '办理环节', sample: [{ label: '2026-03-05 10:30 受理', value: '新街口派出所 张受理：材料齐全，予以受理' }] },
    ],
  },
} as const satisfies Record<string, { name: string; variables: readonly PrintVariable[]; lists: readonly PrintList[] }>;
/**
 * Kinds whose templates may also name the case's form fields as `{{form.<字段标识>}}` (the field's value,
 * option labels for choices); a field the form does not have prints empty.
 */
export const printFormFieldKinds: readonly string[] = ['business_document'];
export const PRINT_FORM_FIELD_PREFIX = 'form.';
export const PrintTemplateKind = z.enum(Object.keys(printTemplateKinds) as [keyof typeof printTemplateKinds]);
export type PrintTemplateKind = z.infer<typeof PrintTemplateKind>;
/** Only in the footer: the page number and the page count. */
export const printPageVariables = ['page', 'pages'] as const;
/** Formats a placeholder may name after `|`. */
export const printFilters = { date: '日期（2026-03-05 → 2026年3月5日）' } as const;

export const PrintTemplateStatus = z.enum(['draft', 'published', 'retired']);
export type PrintTemplateStatus = z.infer<typeof PrintTemplateStatus>;

const TemplateKey = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, '模板标识须以小写字母开头，只含小写字母、数字和下划线');
export const PrintKeyParams = z.object({ key: TemplateKey });

export const PrintTemplateSummary = z.object({
  id: z.uuid(), key: z.string(), version: z.number().int(), status: PrintTemplateStatus, title: z.string(), kind: PrintTemplateKind,
  createdAt: z.string(), updatedAt: z.string(), publishedAt: z.string().nullable(),
});
export type PrintTemplateSummary = z.infer<typeof PrintTemplateSummary>;
export const PrintTemplateView = PrintTemplateSummary.extend({
  /** As saved: always well-formed, but a draft may not pass the publishing checks yet. */
  definition: PrintTemplateDefinition,
  /** Placeholders the template uses; `label` null: not a variable of its kind (renders empty). */
  placeholders: z.array(z.object({ path: z.string(), label: z.string().nullable() })),
});
export type PrintTemplateView = z.infer<typeof PrintTemplateView>;

export const PrintTemplateListQuery = ListQuery.extend({ status: PrintTemplateStatus.optional(), kind: PrintTemplateKind.optional() });
export type PrintTemplateListQuery = z.infer<typeof PrintTemplateListQuery>;

/** 新建模板: version 1 (a draft) of an unused key. The definition is checked fully only on publishing. */
export const CreatePrintTemplateBody = z.object({ key: TemplateKey, title: z.string().trim().min(1).max(100), kind: PrintTemplateKind, definition: z.unknown() });
export type CreatePrintTemplateBody = z.infer<typeof CreatePrintTemplateBody>;
/** Saves into the key's open draft, or opens the next version when there is none. */
export const SavePrintDraftBody = z.object({ title: z.string().trim().min(1).max(100), definition: z.unknown() });
export type SavePrintDraftBody = z.infer<typeof SavePrintDraftBody>;
/** Sample data for 预览; without it the kind's sample values are used. */
export const PreviewPrintBody = z.object({ data: z.record(z.string(), z.unknown()).optional() });

export const PrintTemplateKindView = z.object({
  kind: PrintTemplateKind, name: z.string(),
  variables: z.array(z.object({ path: z.string(), label: z.string(), sample: z.string() })),
  /** Lists for `list_table` blocks. */
  lists: z.array(z.object({ path: z.string(), label: z.string() })),
});
