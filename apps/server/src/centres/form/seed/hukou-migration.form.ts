import type { FormDefinition } from '@jsga/form-engine';
import { applicantIdNo, applicantName, birthDateFromIdNo, contactPhone, ethnicity, sexFromIdNo } from './common-fields';

const college = "migrationReason == 'college'";
const enrol = "collegeDirection == 'enrol'";
const graduate = "collegeDirection == 'graduate'";

/**
 * 户口迁移申请表 for 户口迁移审批 (matter seed featured-hukou.ts). Sections are the matter's
 * bindings (applicant, migration) plus those its situations add (school, relative, employer, origin).
 * Each situation section is also shown by the form's own answers, so the form validates the same
 * whether or not the case narrows it to the sections the situations chose. Field keys are what the
 * matter's eligibility rules read: schoolRegionCode, graduationDate, hostHukouRegion.
 */
export const hukouMigrationForm: FormDefinition = {
  key: 'hukou_migration',
  title: '户口迁移申请表',
  sections: [
    {
      key: 'applicant', title: '申请人信息',
      fields: [
        applicantName, applicantIdNo, sexFromIdNo, birthDateFromIdNo, ethnicity,
        { key: 'education', label: '文化程度', type: 'select', options: [
          { value: 'postgraduate', label: '研究生' }, { value: 'bachelor', label: '大学本科' }, { value: 'college', label: '大学专科' },
          { value: 'secondary', label: '中专、高中' }, { value: 'junior', label: '初中及以下' },
        ] },
        contactPhone,
      ],
    },
    {
      key: 'migration', title: '迁移信息',
      fields: [
        { key: 'migrationReason', label: '迁移原因', type: 'select', required: true, options: [
          { value: 'college', label: '大中专院校学生（录取迁入或毕业迁出）' }, { value: 'spouse', label: '夫妻投靠' }, { value: 'work', label: '工作调动' },
        ] },
        { key: 'collegeDirection', label: '学生类别', type: 'radio', required: true, visibleWhen: college, options: [
          { value: 'enrol', label: '录取新生，户口迁入学校集体户' }, { value: 'graduate', label: '毕业生，户口迁出学校' },
        ] },
        { key: 'migrationScope', label: '迁移范围', type: 'radio', required: true, options: [
          { value: 'in_province', label: '江苏省内迁移' }, { value: 'cross_province', label: '跨省迁入江苏' },
        ], help: '跨省迁移实行“一站式”办理，无需回迁出地开具迁移证' },
        { key: 'fromRegion', label: '迁出地行政区划', type: 'region', required: true, prefill: { source: 'population', path: 'hukou.regionCode' },
          rules: [
            { when: "migrationScope == 'in_province'", assert: 'startsWith(value, "32")', message: '省内迁移的迁出地须在江苏省内' },
            { when: "migrationScope == 'cross_province'", assert: '!startsWith(value, "32")', message: '跨省迁入的迁出地须在江苏省外' },
          ] },
        { key: 'fromAddress', label: '迁出地详细地址', type: 'address', required: true, maxLength: 200, span: 2, prefill: { source: 'population', path: 'hukou.address' } },
        { key: 'toRegion', label: '迁入地行政区划', type: 'region', required: true,
          rules: [
            { assert: 'startsWith(value, "32")', message: '迁入地须在江苏省内' },
            { assert: 'value != fromRegion || toAddress != fromAddress', message: '迁入地址与迁出地址相同，无需办理迁移' },
          ] },
        { key: 'toAddress', label: '迁入地详细地址', type: 'address', required: true, maxLength: 200, span: 2 },
        { key: 'toHouseholdType', label: '迁入户类别', type: 'radio', required: true, options: [
          { value: 'family', label: '家庭户' }, { value: 'collective', label: '集体户' },
        ], rules: [{ when: `${college} && ${enrol}`, assert: "value == 'collective'", message: '录取新生的户口迁入学校集体户' }] },
        { key: 'householderName', label: '迁入户户主姓名', type: 'text', required: true, maxLength: 30, visibleWhen: "toHouseholdType == 'family'" },
        { key: 'relationToHouseholder', label: '与户主关系', type: 'select', required: true, visibleWhen: "toHouseholdType == 'family'", options: [
          { value: 'self', label: '本人' }, { value: 'spouse', label: '配偶' }, { value: 'child', label: '子女' }, { value: 'parent', label: '父母' },
          { value: 'grandchild', label: '孙子女、外孙子女' }, { value: 'other', label: '其他' },
        ] },
        { key: 'members', label: '随迁人员', type: 'group', maxItems: 10, span: 2,
          help: '与申请人一同迁移的家庭成员；大中专院校学生不办理随迁',
          rules: [{ when: college, assert: 'len(value) == 0', message: '大中专院校学生迁移户口不办理随迁人员' }],
          fields: [
            { key: 'name', label: '姓名', type: 'text', required: true, maxLength: 30 },
            { key: 'idNo', label: '公民身份号码', type: 'idNo', required: true,
              rules: [{ assert: 'value != idNo', message: '随迁人员不能是申请人本人' }] },
            { key: 'relation', label: '与申请人关系', type: 'select', required: true, options: [
              { value: 'spouse', label: '配偶' }, { value: 'son', label: '子' }, { value: 'daughter', label: '女' },
              { value: 'father', label: '父亲' }, { value: 'mother', label: '母亲' }, { value: 'other', label: '其他' },
            ] },
          ] },
        { key: 'memberCount', label: '随迁人数', type: 'number', compute: 'len(members)', span: 1 },
        { key: 'totalCount', label: '迁移总人数', type: 'number', compute: 'len(members) + 1', span: 1 },
        { key: 'remark', label: '备注', type: 'textarea', maxLength: 500, span: 2 },
      ],
    },
    {
      key: 'school', title: '院校信息', visibleWhen: college,
      fields: [
        { key: 'schoolName', label: '录取院校', type: 'text', required: true, maxLength: 100, visibleWhen: enrol },
        { key: 'admissionNoticeNo', label: '录取通知书编号', type: 'text', required: true, maxLength: 40, visibleWhen: enrol },
        { key: 'enrolDate', label: '入学报到日期', type: 'date', visibleWhen: enrol },
        { key: 'graduateSchool', label: '毕业院校', type: 'text', required: true, maxLength: 100, visibleWhen: graduate },
        { key: 'schoolRegionCode', label: '院校所在地行政区划', type: 'region', required: true,
          rules: [{ when: enrol, assert: 'startsWith(value, "32")', message: '录取院校须在江苏省内' }] },
        { key: 'degreeLevel', label: '学历层次', type: 'select', required: true, options: [
          { value: 'junior_college', label: '专科' }, { value: 'bachelor', label: '本科' }, { value: 'master', label: '硕士研究生' }, { value: 'doctor', label: '博士研究生' },
        ] },
        { key: 'major', label: '专业', type: 'text', maxLength: 60 },
        { key: 'studentNo', label: '学号', type: 'text', maxLength: 30 },
        { key: 'graduationDate', label: '毕业日期', type: 'date', required: true, visibleWhen: graduate,
          rules: [
            { assert: 'value <= today()', message: '毕业日期不能晚于今天' },
            { assert: 'daysBetween(value, today()) <= 730', message: '毕业两年内可按毕业生办理户口迁移' },
          ] },
        { key: 'employerName', label: '就业单位', type: 'text', maxLength: 100, visibleWhen: graduate, help: '迁往就业地的填写；迁回原籍的可不填' },
      ],
    },
    {
      key: 'relative', title: '被投靠人信息', visibleWhen: "migrationReason == 'spouse'",
      fields: [
        { key: 'hostName', label: '被投靠人姓名', type: 'text', required: true, maxLength: 30 },
        { key: 'hostIdNo', label: '被投靠人公民身份号码', type: 'idNo', required: true,
          rules: [{ assert: 'value != idNo', message: '被投靠人不能是申请人本人' }] },
        { key: 'hostRelation', label: '与申请人关系', type: 'select', required: true, options: [{ value: 'spouse', label: '配偶' }] },
        { key: 'hostHukouRegion', label: '被投靠人户籍地行政区划', type: 'region', required: true,
          rules: [{ assert: 'value == toRegion', message: '被投靠人须为迁入地常住户口' }] },
        { key: 'marriageDate', label: '结婚登记日期', type: 'date', required: true, rules: [{ assert: 'value <= today()', message: '结婚登记日期不能晚于今天' }] },
      ],
    },
    {
      key: 'employer', title: '调入单位信息', visibleWhen: "migrationReason == 'work'",
      fields: [
        { key: 'transferEmployer', label: '调入单位名称', type: 'text', required: true, maxLength: 100 },
        { key: 'transferCreditCode', label: '调入单位统一社会信用代码', type: 'creditCode', required: true },
        { key: 'transferDate', label: '调动日期', type: 'date', required: true },
        { key: 'transferEmployerAddress', label: '调入单位地址', type: 'address', maxLength: 200, span: 2 },
      ],
    },
    {
      key: 'origin', title: '迁出地信息', visibleWhen: "migrationScope == 'cross_province'",
      fields: [
        { key: 'originPoliceStation', label: '迁出地户口登记机关', type: 'text', required: true, maxLength: 100, placeholder: '如：××市公安局××派出所' },
        { key: 'originHouseholderName', label: '迁出地户主姓名', type: 'text', required: true, maxLength: 30 },
        { key: 'originHouseholdNo', label: '迁出地户号', type: 'text', maxLength: 20 },
        { key: 'originVerifyConsent', label: '同意由迁入地公安机关网上核验迁出地户籍信息', type: 'radio', required: true,
          options: [{ value: 'yes', label: '同意' }, { value: 'no', label: '不同意' }],
          rules: [{ assert: "value == 'yes'", message: '跨省“一站式”迁移须同意网上核验迁出地户籍信息' }] },
      ],
    },
  ],
};
