import type { FieldDef } from '@jsga/form-engine';

/**
 * Fields several featured forms share. The keys are the same in every form on purpose: one process
 * (idcard_replace serves both ID-card matters) opens fields by key in its jsga:formAccess.
 */

export const applicantName: FieldDef = {
  key: 'name', label: '申请人姓名', type: 'text', required: true, maxLength: 30, prefill: { source: 'applicant', path: 'name' },
  // the registration form carries the applicant's name as well; the two must agree
  rules: [{ when: '!isEmpty(applicantName)', assert: 'value == applicantName', message: '申请人姓名须与登记的申请人一致' }],
};

export const applicantIdNo: FieldDef = {
  key: 'idNo', label: '公民身份号码', type: 'idNo', required: true, prefill: { source: 'applicant', path: 'idNo' },
  rules: [{ when: '!isEmpty(applicantIdNo)', assert: 'value == applicantIdNo', message: '公民身份号码须与登记的申请人一致' }],
};

/** Derived from the ID number, so nobody types them and they cannot disagree with it. */
export const sexFromIdNo: FieldDef = { key: 'sex', label: '性别', type: 'text', compute: 'idSex(idNo)', span: 1 };
export const birthDateFromIdNo: FieldDef = { key: 'birthDate', label: '出生日期', type: 'date', compute: 'idBirthDate(idNo)', span: 1 };

export const ethnicity: FieldDef = {
  key: 'ethnicity', label: '民族', type: 'select', required: true,
  options: ['汉族', '回族', '满族', '蒙古族', '壮族', '苗族', '土家族', '维吾尔族', '藏族', '其他民族'].map((v) => ({ value: v, label: v })),
};

export const contactPhone: FieldDef = { key: 'contactPhone', label: '联系电话', type: 'phone', required: true, help: '用于接收受理、办结短信通知', prefill: { source: 'applicant', path: 'phone' } };

const isPost = "deliveryMethod == 'post'";

/** 邮寄送达: what the post needs; only asked, and then required, when the applicant chose delivery by post. */
export const mailFields = (visibleWhen: string | undefined = isPost): FieldDef[] => [
  { key: 'mailRecipient', label: '收件人', type: 'text', required: true, maxLength: 30, ...(visibleWhen ? { visibleWhen } : {}) },
  { key: 'mailPhone', label: '收件人电话', type: 'phone', required: true, ...(visibleWhen ? { visibleWhen } : {}) },
  { key: 'mailRegion', label: '收件地行政区划', type: 'region', required: true, ...(visibleWhen ? { visibleWhen } : {}) },
  { key: 'mailAddress', label: '邮寄地址', type: 'address', required: true, minLength: 5, maxLength: 200, span: 2,
    placeholder: '街道、小区、楼栋、门牌号', ...(visibleWhen ? { visibleWhen } : {}) },
];

/** 丢失补领 details the ID-card forms share (补领 more than twice a year is investigated, see idcard_replace). */
export const idCardLossFields: FieldDef[] = [
  { key: 'lossDate', label: '丢失日期', type: 'date', required: true, rules: [{ assert: 'value <= today()', message: '丢失日期不能晚于今天' }] },
  { key: 'lossPlace', label: '丢失地点', type: 'text', required: true, maxLength: 100 },
  { key: 'replaceTimesInYear', label: '近一年内补领次数', type: 'number', required: true, min: 0, max: 20, help: '不含本次；一年内补领两次以上的，须调查核实后签发' },
  { key: 'lossCircumstance', label: '丢失经过', type: 'textarea', maxLength: 500, span: 2 },
];
