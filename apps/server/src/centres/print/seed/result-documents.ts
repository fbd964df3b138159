import type { PrintTemplateDefinition, PrintTemplateKind } from '@jsga/contracts';

/**
 * 办件结果文书 seeded as version 1: 准予许可决定书 and 不予许可决定书. Wording after 《中华人民共和国行政许可法》
 * 第三十八条 (不予许可须说明理由并告知申请行政复议或者提起行政诉讼的权利), with the time limits of 《行政复议法》
 * 第二十条 (60 日) and 《行政诉讼法》第四十六条 (6 个月). Page layout after GB/T 9704 (margins 37/26/35/28 mm).
 */

export type ReferenceTemplate = { key: string; title: string; kind: PrintTemplateKind; definition: PrintTemplateDefinition };

const page = { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } } as const;
const footer = '本文书由江苏省公安政务服务综合管理平台生成　办件编号 {{caseNo}}　第 {{page}} 页 共 {{pages}} 页';
const signature = { type: 'signature', orgName: '{{orgName}}', date: '{{concludedDate|date}}' } as const;
const caseRows = [
  { label: '申请人', value: '{{applicantName}}' },
  { label: '申请事项', value: '{{matterName}}' },
  { label: '办件编号', value: '{{caseNo}}' },
  { label: '受理机关', value: '{{orgName}}' },
  { label: '办结日期', value: '{{concludedDate|date}}' },
];

export const approvalResultTemplate: ReferenceTemplate = {
  key: 'approval_result',
  title: '准予许可决定书（办结通知书）',
  kind: 'result_document',
  definition: {
    page, fontSize: 14, lineHeight: 1.6, footer,
    blocks: [
      { type: 'title', text: '准予许可决定书' },
      { type: 'paragraph', text: '{{applicantName}}：', indent: 0 },
      { type: 'paragraph', text: '你（单位）申请办理的{{matterName}}（办件编号：{{caseNo}}），本机关已依法受理。经审查，申请符合法定条件、标准。'
        + '根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予许可，现已办结。' },
      { type: 'table', rows: [...caseRows, { label: '审批意见', value: '{{opinion}}' }, { label: '办理结果', value: '准予许可' }] },
      { type: 'paragraph', text: '请按申请时选择的方式领取办理结果；如有疑问，请与受理机关联系。' },
      signature,
    ],
  },
};

export const disapprovalResultTemplate: ReferenceTemplate = {
  key: 'disapproval_result',
  title: '不予许可决定书',
  kind: 'result_document',
  definition: {
    page, fontSize: 14, lineHeight: 1.6, footer,
    blocks: [
      { type: 'title', text: '不予许可决定书' },
      { type: 'paragraph', text: '{{applicantName}}：', indent: 0 },
      { type: 'paragraph', text: '你（单位）申请办理的{{matterName}}（办件编号：{{caseNo}}），本机关已依法受理。经审查，{{reason}}'
        + '根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予许可。' },
      { type: 'table', rows: [...caseRows, { label: '审批意见', value: '{{opinion}}' }, { label: '办理结果', value: '不予许可' }, { label: '不予许可理由', value: '{{reason}}' }] },
      { type: 'paragraph', text: '如不服本决定，可以自收到本决定书之日起60日内依法申请行政复议，或者自收到本决定书之日起6个月内依法向人民法院提起行政诉讼。' },
      signature,
    ],
  },
};

/** 申请表: printed at the window for the applicant to check and sign; the form's own fields print as a table. */
export const applicationFormTemplate: ReferenceTemplate = {
  key: 'application_form',
  title: '公安政务服务申请表',
  kind: 'application_form',
  definition: {
    page: { size: 'A4', margins: { top: 25, right: 20, bottom: 25, left: 20 } }, fontSize: 12, lineHeight: 1.5,
    footer: '办件编号 {{caseNo}}　打印日期 {{printedDate}}　第 {{page}} 页 共 {{pages}} 页',
    blocks: [
      { type: 'title', text: '{{matterName}}申请表', fontSize: 18 },
      { type: 'table', labelWidth: 36, rows: [
        { label: '办件编号', value: '{{caseNo}}' },
        { label: '申请人', value: '{{applicantName}}' },
        { label: '证件号码', value: '{{applicantIdNo}}' },
        { label: '联系电话', value: '{{contactPhone}}' },
        { label: '受理机关', value: '{{orgName}}' },
        { label: '申请日期', value: '{{submittedDate|date}}' },
        { label: '申请渠道', value: '{{channelName}}' },
        { label: '结果领取方式', value: '{{deliveryMethod}}' },
      ] },
      { type: 'paragraph', text: '申请内容', bold: true, indent: 0 },
      { type: 'list_table', source: 'form', labelWidth: 36, emptyText: '本事项无申请表填报内容' },
      { type: 'paragraph', text: '申请材料', bold: true, indent: 0 },
      { type: 'list_table', source: 'materials', labelWidth: 60, emptyText: '无' },
      { type: 'paragraph', text: '本人承诺：以上填报内容及所提交材料真实、有效，如有虚假，愿承担相应法律责任。' },
      { type: 'signature', orgName: '申请人（签名）：', date: '　　年　　月　　日', spaceBefore: 8 },
    ],
  },
};

/** 容缺受理承诺书: the applicant promises to hand in the missing secondary materials by the deadline. */
export const tolerancePromiseTemplate: ReferenceTemplate = {
  key: 'tolerance_promise',
  title: '容缺受理承诺书',
  kind: 'tolerance_promise',
  definition: {
    page, fontSize: 14, lineHeight: 1.6,
    footer: '办件编号 {{caseNo}}　第 {{page}} 页 共 {{pages}} 页',
    blocks: [
      { type: 'title', text: '容缺受理承诺书' },
      { type: 'paragraph', text: '{{orgName}}：', indent: 0 },
      { type: 'paragraph', text: '本人{{applicantName}}（证件号码：{{applicantIdNo}}）申请办理{{matterName}}（办件编号：{{caseNo}}），'
        + '主要申请材料齐全，下列次要材料暂缺。本人申请容缺受理，并郑重承诺在{{deadline|date}}前补交下列材料；'
        + '逾期未补交或所补材料与承诺不符的，同意按申请材料不全处理，由此产生的后果由本人承担。' },
      { type: 'list_table', source: 'missingMaterials', labelWidth: 70 },
      { type: 'table', rows: [{ label: '签署方式', value: '{{signature}}' }, { label: '联系电话', value: '{{contactPhone}}' }] },
      { type: 'signature', orgName: '承诺人：{{applicantName}}', date: '{{promisedDate|date}}', spaceBefore: 12 },
    ],
  },
};

/** 办理过程记录: every step of the case with who, where, when and the opinion; archived in 过程文件. */
export const processRecordTemplate: ReferenceTemplate = {
  key: 'process_record',
  title: '办理过程记录',
  kind: 'process_record',
  definition: {
    page: { size: 'A4', margins: { top: 25, right: 20, bottom: 25, left: 20 } }, fontSize: 11, lineHeight: 1.5,
    footer: '办件编号 {{caseNo}}　生成日期 {{printedDate}}　第 {{page}} 页 共 {{pages}} 页',
    blocks: [
      { type: 'title', text: '办理过程记录', fontSize: 18 },
      { type: 'table', labelWidth: 30, rows: [
        { label: '办件编号', value: '{{caseNo}}' },
        { label: '申请事项', value: '{{matterName}}' },
        { label: '申请人', value: '{{applicantName}}' },
        { label: '受理机关', value: '{{orgName}}' },
        { label: '申请日期', value: '{{submittedDate|date}}' },
        { label: '办结日期', value: '{{concludedDate|date}}' },
        { label: '办理结果', value: '{{resultName}}' },
      ] },
      { type: 'list_table', source: 'steps', labelWidth: 58 },
    ],
  },
};

/** 户口迁移审批表: what was applied for, each step's opinion and the decision; bound to 户口迁移审批. */
export const hukouMigrationApprovalTemplate: ReferenceTemplate = {
  key: 'hukou_migration_approval_form',
  title: '户口迁移审批表',
  kind: 'business_document',
  definition: {
    page: { size: 'A4', margins: { top: 25, right: 20, bottom: 25, left: 20 } }, fontSize: 11, lineHeight: 1.5,
    footer: '办件编号 {{caseNo}}　打印日期 {{printedDate}}　第 {{page}} 页 共 {{pages}} 页',
    blocks: [
      { type: 'title', text: '户口迁移审批表', fontSize: 18 },
      { type: 'table', labelWidth: 36, rows: [
        { label: '办件编号', value: '{{caseNo}}' },
        { label: '申请人', value: '{{applicantName}}' },
        { label: '公民身份号码', value: '{{applicantIdNo}}' },
        { label: '迁出地', value: '{{form.fromAddress}}' },
        { label: '迁入地', value: '{{form.toAddress}}' },
        { label: '受理机关', value: '{{orgName}}' },
        { label: '申请日期', value: '{{submittedDate|date}}' },
      ] },
      { type: 'paragraph', text: '申请内容', bold: true, indent: 0 },
      { type: 'list_table', source: 'formRows', labelWidth: 36, emptyText: '无' },
      { type: 'paragraph', text: '审核审批意见', bold: true, indent: 0 },
      { type: 'list_table', source: 'steps', labelWidth: 58, emptyText: '尚未审批' },
      { type: 'table', labelWidth: 36, rows: [{ label: '审批结果', value: '{{resultName}}' }, { label: '办结日期', value: '{{concludedDate|date}}' }] },
      { type: 'signature', orgName: '{{orgName}}（盖章）', date: '{{concludedDate|date}}', spaceBefore: 8 },
    ],
  },
};

/** 准予迁入证明: handed to the applicant of an approved 户口迁移. */
export const hukouAdmissionCertificateTemplate: ReferenceTemplate = {
  key: 'hukou_migration_admission_certificate',
  title: '准予迁入证明',
  kind: 'business_document',
  definition: {
    page, fontSize: 14, lineHeight: 1.6,
    footer: '办件编号 {{caseNo}}　第 {{page}} 页 共 {{pages}} 页',
    blocks: [
      { type: 'title', text: '准予迁入证明' },
      { type: 'paragraph', text: '{{applicantName}}（公民身份号码：{{applicantIdNo}}）申请将户口由{{form.fromAddress}}迁入{{form.toAddress}}，'
        + '经审核，符合户口迁移条件，准予迁入。' },
      { type: 'table', rows: [
        { label: '办件编号', value: '{{caseNo}}' },
        { label: '迁出地', value: '{{form.fromAddress}}' },
        { label: '迁入地', value: '{{form.toAddress}}' },
        { label: '审批意见', value: '{{opinion}}' },
        { label: '办理结果', value: '{{resultName}}' },
      ] },
      { type: 'paragraph', text: '跨省迁移的，由迁入地公安机关网上办理迁出手续，申请人无需回迁出地开具户口迁移证。' },
      { type: 'signature', orgName: '{{orgName}}', date: '{{concludedDate|date}}' },
    ],
  },
};

/** 常住人口登记表: one person's registration card with the change trajectory; printed from 人口信息. */
export const populationRegisterTemplate: ReferenceTemplate = {
  key: 'population_register',
  title: '常住人口登记表',
  kind: 'population_register',
  definition: {
    page: { size: 'A4', margins: { top: 20, right: 18, bottom: 20, left: 18 } }, fontSize: 11, lineHeight: 1.5,
    footer: '户口登记机关 {{stationName}}　打印日期 {{printedDate}}　第 {{copyNo}} 次打印　第 {{page}} 页 共 {{pages}} 页',
    blocks: [
      { type: 'title', text: '常住人口登记表', fontSize: 18 },
      { type: 'table', labelWidth: 34, rows: [
        { label: '户别', value: '{{householdTypeName}}' },
        { label: '户号', value: '{{householdNo}}' },
        { label: '姓名', value: '{{name}}' },
        { label: '与户主关系', value: '{{relationName}}' },
        { label: '曾用名', value: '{{formerName}}' },
        { label: '性别', value: '{{sexName}}' },
        { label: '出生日期', value: '{{birthDate|date}}' },
        { label: '民族', value: '{{ethnicityName}}' },
        { label: '出生地', value: '{{birthPlace}}' },
        { label: '籍贯', value: '{{nativePlace}}' },
        { label: '公民身份号码', value: '{{idNo}}' },
        { label: '宗教信仰', value: '{{religionName}}' },
        { label: '文化程度', value: '{{educationName}}' },
        { label: '婚姻状况', value: '{{maritalName}}' },
        { label: '兵役状况', value: '{{militaryName}}' },
        { label: '身高', value: '{{height}}' },
        { label: '血型', value: '{{bloodTypeName}}' },
        { label: '职业', value: '{{occupation}}' },
        { label: '服务处所', value: '{{employer}}' },
        { label: '住址', value: '{{address}}' },
        { label: '何时由何地迁来本址', value: '{{registeredOn|date}} {{previousPlace}}' },
        { label: '登记状态', value: '{{statusName}}' },
      ] },
      { type: 'paragraph', text: '业务变动轨迹', bold: true, indent: 0 },
      { type: 'list_table', source: 'changes', labelWidth: 50, emptyText: '无' },
      { type: 'signature', orgName: '{{stationName}}（户口专用章）', date: '{{printedDate|date}}', spaceBefore: 8 },
    ],
  },
};

export const referenceTemplates: readonly ReferenceTemplate[] = [
  populationRegisterTemplate,
  approvalResultTemplate, disapprovalResultTemplate, applicationFormTemplate, tolerancePromiseTemplate, processRecordTemplate,
  hukouMigrationApprovalTemplate, hukouAdmissionCertificateTemplate,
];
