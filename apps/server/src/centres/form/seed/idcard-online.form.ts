import type { FormDefinition } from '@jsga/form-engine';
import { applicantIdNo, applicantName, contactPhone, idCardLossFields, mailFields } from './common-fields';

/**
 * 居民身份证网上换领、补领申请表 for 居民身份证（五年以内换补领身份证业务）. The matter binds only
 * the applicant section, so 办理类型 and 领证方式 live there; loss, delivery and pickup are the
 * sections its situations add. Keys match the window form where both meet (idcard_replace serves both).
 */
export const idCardOnlineForm: FormDefinition = {
  key: 'idcard_online',
  title: '居民身份证网上换领、补领申请表',
  sections: [
    {
      key: 'applicant', title: '申请信息',
      fields: [
        applicantName, applicantIdNo, contactPhone,
        { key: 'hukouRegion', label: '户籍地行政区划', type: 'region', required: true, prefill: { source: 'population', path: 'hukou.regionCode' } },
        { key: 'applyReason', label: '办理类型', type: 'radio', required: true, options: [{ value: 'renew', label: '换领' }, { value: 'replace', label: '丢失补领' }] },
        { key: 'lastIssueDate', label: '上次申领（换领、补领）日期', type: 'date', required: true,
          rules: [
            { assert: 'value <= today()', message: '上次申领日期不能晚于今天' },
            { assert: 'daysBetween(value, today()) < 1826', message: '距上次申领已满五年，须到窗口重新采集相片和指纹' },
          ] },
        { key: 'faceVerifyNo', label: '人脸识别核验流水号', type: 'text', required: true, maxLength: 64, help: '完成人脸识别后由系统回填' },
        { key: 'deliveryMethod', label: '领证方式', type: 'radio', required: true, options: [
          { value: 'post', label: '邮寄到家' }, { value: 'window', label: '到受理窗口自取' },
        ] },
      ],
    },
    { key: 'loss', title: '丢失情况', visibleWhen: "applyReason == 'replace'", fields: idCardLossFields },
    { key: 'delivery', title: '邮寄信息', visibleWhen: "deliveryMethod == 'post'", fields: mailFields(undefined) },
    {
      key: 'pickup', title: '自取窗口', visibleWhen: "deliveryMethod == 'window'",
      fields: [
        { key: 'pickupRegion', label: '领证地行政区划', type: 'region', required: true, rules: [{ assert: 'startsWith(value, "32")', message: '领证窗口须在江苏省内' }] },
        { key: 'pickupOrg', label: '领证窗口', type: 'text', required: true, maxLength: 100, placeholder: '如：南京市公安局玄武分局新街口派出所' },
      ],
    },
  ],
};
