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

export const referenceTemplates: readonly ReferenceTemplate[] = [approvalResultTemplate, disapprovalResultTemplate];
