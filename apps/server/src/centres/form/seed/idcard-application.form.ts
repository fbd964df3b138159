import type { FormDefinition } from '@jsga/form-engine';
import { applicantIdNo, applicantName, birthDateFromIdNo, contactPhone, ethnicity, idCardLossFields, mailFields, sexFromIdNo } from './common-fields';

const renew = "applyReason == 'renew'";

/**
 * 居民身份证申领登记表 for 居民身份证（含临时居民身份证）业务 at the window (demonstration 3).
 * Sections: the matter's bindings (applicant, card) plus loss (丢失补领) and guardian (未满十六周岁).
 * Validity follows 《居民身份证法》第五条; fees follow the matter's fee note.
 */
export const idCardApplicationForm: FormDefinition = {
  key: 'idcard_application',
  title: '居民身份证申领登记表',
  sections: [
    {
      key: 'applicant', title: '申请人信息',
      fields: [
        applicantName, applicantIdNo, sexFromIdNo, birthDateFromIdNo, ethnicity,
        { key: 'hukouRegion', label: '户籍地行政区划', type: 'region', required: true, prefill: { source: 'population', path: 'hukou.regionCode' } },
        { key: 'hukouAddress', label: '户籍地址', type: 'address', required: true, maxLength: 200, span: 2, prefill: { source: 'population', path: 'hukou.address' } },
        contactPhone,
      ],
    },
    {
      key: 'card', title: '证件信息',
      fields: [
        { key: 'applyReason', label: '申领原因', type: 'select', required: true, options: [
          { value: 'first', label: '首次申领' }, { value: 'renew', label: '换领' }, { value: 'replace', label: '补领' },
        ] },
        { key: 'renewReason', label: '换领原因', type: 'select', required: true, visibleWhen: renew, options: [
          { value: 'expired', label: '有效期满' }, { value: 'expiring', label: '有效期将满（三个月内）' },
          { value: 'damaged', label: '证件严重损坏不能辨认' }, { value: 'changed', label: '登记项目变更' },
        ] },
        { key: 'oldCardValidUntil', label: '原证有效期止', type: 'date', required: true,
          visibleWhen: `${renew} && (renewReason == 'expired' || renewReason == 'expiring')`,
          rules: [
            { when: "renewReason == 'expiring'", assert: 'daysBetween(today(), value) <= 90', message: '有效期满前三个月内方可申请换领' },
            { when: "renewReason == 'expired'", assert: 'value < today()', message: '原证尚在有效期内，请选择“有效期将满”' },
          ] },
        { key: 'validityTerm', label: '证件有效期限', type: 'text',
          compute: "age(idNo) < 16 ? '五年' : age(idNo) <= 25 ? '十年' : age(idNo) <= 45 ? '二十年' : '长期'",
          help: '按《居民身份证法》第五条，由申请人年龄确定' },
        { key: 'photoReceiptNo', label: '照片回执号', type: 'text', required: true, minLength: 6, maxLength: 32,
          help: '照相馆出具的数码相片回执号；窗口现场采集的，填写采集编号' },
        { key: 'fingerprint', label: '指纹信息', type: 'radio', required: true, options: [
          { value: 'collected', label: '已采集' }, { value: 'unable', label: '因残疾等原因无法采集' },
        ] },
        { key: 'tempIdCard', label: '同时申领临时居民身份证', type: 'radio', required: true, options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
        { key: 'feeExemption', label: '工本费减免', type: 'select', required: true, options: [
          { value: 'none', label: '不减免' }, { value: 'dibao', label: '城市最低生活保障对象' }, { value: 'tekun', label: '农村特困人员' },
        ] },
        { key: 'feeYuan', label: '应缴工本费（元）', type: 'number',
          compute: "(feeExemption == 'none' ? 20 : 0) + (tempIdCard == 'yes' ? 10 : 0)" },
        { key: 'deliveryMethod', label: '领证方式', type: 'radio', required: true, options: [
          { value: 'window', label: '到受理窗口领取' }, { value: 'post', label: '邮寄送达' },
        ] },
        ...mailFields(),
      ],
    },
    { key: 'loss', title: '丢失情况', visibleWhen: "applyReason == 'replace'", fields: idCardLossFields },
    {
      key: 'guardian', title: '监护人信息', visibleWhen: 'age(idNo) < 16',
      fields: [
        { key: 'guardianName', label: '监护人姓名', type: 'text', required: true, maxLength: 30 },
        { key: 'guardianIdNo', label: '监护人公民身份号码', type: 'idNo', required: true,
          rules: [{ assert: 'value != idNo', message: '监护人不能是申请人本人' }, { assert: 'age(value) >= 18', message: '监护人须年满十八周岁' }] },
        { key: 'guardianRelation', label: '与申请人关系', type: 'select', required: true, options: [
          { value: 'father', label: '父亲' }, { value: 'mother', label: '母亲' }, { value: 'other', label: '其他监护人' },
        ] },
        { key: 'guardianPhone', label: '监护人联系电话', type: 'phone', required: true },
      ],
    },
  ],
};
