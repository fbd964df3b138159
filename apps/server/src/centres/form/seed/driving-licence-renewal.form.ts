import type { FormDefinition } from '@jsga/form-engine';
import { applicantIdNo, applicantName, contactPhone, mailFields, sexFromIdNo } from './common-fields';

const renew = "applyType == 'renew'";

/** 准驾车型 of 《机动车驾驶证申领和使用规定》 (公安部令第162号) 第十六条. */
export const licenceClasses = [
  ['A1', '大型客车'], ['A2', '重型牵引挂车'], ['A3', '城市公交车'], ['B1', '中型客车'], ['B2', '大型货车'],
  ['C1', '小型汽车'], ['C2', '小型自动挡汽车'], ['C3', '低速载货汽车'], ['C4', '三轮汽车'], ['C5', '残疾人专用小型自动挡载客汽车'],
  ['C6', '轻型牵引挂车'], ['D', '普通三轮摩托车'], ['E', '普通二轮摩托车'], ['F', '轻便摩托车'], ['M', '轮式专用机械车'], ['N', '无轨电车'], ['P', '有轨电车'],
] as const;

/**
 * 机动车驾驶证换证、补证申请表 for 驾驶证补证、换证. Sections: the matter's bindings (applicant,
 * licence) plus ability_test, which its 年满七十周岁 situation adds.
 */
export const drivingLicenceRenewalForm: FormDefinition = {
  key: 'driving_licence_renewal',
  title: '机动车驾驶证换证、补证申请表',
  sections: [
    {
      key: 'applicant', title: '驾驶人信息',
      fields: [
        applicantName, applicantIdNo, sexFromIdNo, contactPhone,
        { key: 'contactAddress', label: '联系地址', type: 'address', required: true, maxLength: 200, span: 2, prefill: { source: 'population', path: 'address' } },
      ],
    },
    {
      key: 'licence', title: '驾驶证信息',
      fields: [
        { key: 'applyType', label: '申请事项', type: 'radio', required: true, options: [
          { value: 'renew', label: '有效期满换证' }, { value: 'replace', label: '遗失或损毁补证' },
        ] },
        { key: 'replaceReason', label: '补证原因', type: 'select', required: true, visibleWhen: "applyType == 'replace'", options: [
          { value: 'lost', label: '遗失' }, { value: 'damaged', label: '损毁无法辨认' },
        ] },
        // 驾驶证号码即公民身份号码
        { key: 'licenceNo', label: '驾驶证号', type: 'text', compute: 'idNo' },
        { key: 'fileNo', label: '档案编号', type: 'text', required: true, prefill: { source: 'elicense', elicenseType: 'driving_licence', path: 'fileNo' },
          rules: [{ assert: 'len(value) == 12 && number(value) != null', message: '档案编号为12位数字' }] },
        { key: 'licenceClass', label: '准驾车型', type: 'select', required: true, prefill: { source: 'elicense', elicenseType: 'driving_licence', path: 'vehicleClass' },
          options: licenceClasses.map(([value, name]) => ({ value, label: `${value}（${name}）` })) },
        { key: 'firstIssueDate', label: '初次领证日期', type: 'date', required: true, prefill: { source: 'elicense', elicenseType: 'driving_licence', path: 'firstIssueDate' },
          rules: [
            { assert: 'value <= today()', message: '初次领证日期不能晚于今天' },
            { assert: 'yearsBetween(idNo, value) >= 18', message: '初次领证时须年满十八周岁' },
          ] },
        { key: 'validFrom', label: '有效期起始日期', type: 'date', required: true, prefill: { source: 'elicense', elicenseType: 'driving_licence', path: 'validFrom' }, rules: [{ assert: 'value <= today()', message: '有效期起始日期不能晚于今天' }] },
        { key: 'validUntil', label: '有效期止', type: 'date', required: true, prefill: { source: 'elicense', elicenseType: 'driving_licence', path: 'validTo' },
          rules: [
            { assert: 'value > validFrom', message: '有效期止须晚于有效期起始日期' },
            { when: renew, assert: 'daysBetween(today(), value) <= 90', message: '有效期满前九十日内方可申请换证' },
            { when: renew, assert: 'daysBetween(value, today()) <= 365', message: '驾驶证超过有效期一年以上未换证的已注销，不能换证' },
            { when: "applyType == 'replace'", assert: 'value >= today()', message: '驾驶证已超过有效期，请申请有效期满换证' },
          ] },
        { key: 'healthCheckHospital', label: '体检医疗机构', type: 'text', required: true, maxLength: 100 },
        { key: 'healthCheckDate', label: '身体条件证明出具日期', type: 'date', required: true,
          rules: [
            { assert: 'value <= today()', message: '身体条件证明出具日期不能晚于今天' },
            { assert: 'daysBetween(value, today()) <= 180', message: '身体条件证明须为六个月内出具' },
          ] },
        { key: 'deliveryMethod', label: '领证方式', type: 'radio', required: true, options: [
          { value: 'window', label: '窗口当场领取' }, { value: 'post', label: '邮寄送达' },
        ] },
        ...mailFields(),
      ],
    },
    {
      key: 'ability_test', title: '记忆力、判断力、反应力能力测试', visibleWhen: 'age(idNo) >= 70',
      fields: [
        { key: 'abilityTestOrg', label: '测试机构', type: 'text', required: true, maxLength: 100 },
        { key: 'abilityTestDate', label: '测试日期', type: 'date', required: true,
          rules: [
            { assert: 'value <= today()', message: '测试日期不能晚于今天' },
            { assert: 'daysBetween(value, today()) <= 180', message: '能力测试证明须为六个月内出具' },
          ] },
        { key: 'abilityTestResult', label: '测试结论', type: 'radio', required: true, options: [{ value: 'pass', label: '合格' }, { value: 'fail', label: '不合格' }],
          rules: [{ assert: "value == 'pass'", message: '能力测试合格方可换领驾驶证' }] },
      ],
    },
  ],
};
