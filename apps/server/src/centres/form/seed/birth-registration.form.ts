import type { FormDefinition } from '@jsga/form-engine';
import { applicantIdNo, applicantName, contactPhone } from './common-fields';

const late = 'daysBetween(childBirthDate, today()) > 365';

/**
 * 出生登记申报表 for 婚生婴儿出生登记申报. The hukou module's birth_registration effect reads the child's
 * items, the parents' numbers and the 户号 of the household the child joins. A birth more than a year
 * ago is 往年出生: the form asks why the registration is late, without the applicant having to say so.
 */
export const birthRegistrationForm: FormDefinition = {
  key: 'birth_registration',
  title: '出生登记申报表',
  sections: [
    {
      key: 'declarant', title: '申报人',
      fields: [
        applicantName, applicantIdNo,
        { key: 'declarantRelation', label: '申报人与婴儿关系', type: 'radio', required: true, options: [
          { value: 'father', label: '父亲' }, { value: 'mother', label: '母亲' }, { value: 'guardian', label: '其他监护人' },
        ] },
        contactPhone,
      ],
    },
    {
      key: 'child', title: '出生人信息',
      fields: [
        { key: 'childName', label: '姓名', type: 'text', required: true, maxLength: 30,
          rules: [{ assert: 'len(value) >= 2', message: '姓名至少两个字' }] },
        { key: 'childSex', label: '性别', type: 'radio', required: true, options: [{ value: '1', label: '男' }, { value: '2', label: '女' }] },
        { key: 'childBirthDate', label: '出生日期', type: 'date', required: true,
          rules: [
            { assert: 'daysBetween(value, today()) >= 0', message: '出生日期不能晚于今天' },
            { assert: 'age(value) < 6', message: '本事项办理6周岁以下婴幼儿的出生登记，6周岁以上请办理补录户口' },
          ] },
        { key: 'childBirthPlace', label: '出生地', type: 'region', required: true },
        { key: 'childEthnicity', label: '民族', type: 'select', required: true,
          options: ['汉族', '回族', '满族', '蒙古族', '壮族', '苗族', '土家族', '维吾尔族', '藏族'].map((v) => ({ value: v, label: v })),
          help: '随父或随母民族' },
        { key: 'birthCertNo', label: '出生医学证明编号', type: 'text', required: true, maxLength: 20,
          rules: [{ assert: 'len(value) == 10', message: '出生医学证明编号为10位（1位字母加9位数字）' }] },
        { key: 'lateReason', label: '往年出生未及时申报的原因', type: 'textarea', required: true, maxLength: 500, span: 2, visibleWhen: late,
          help: '出生超过一年申报的为往年出生，须说明原因' },
      ],
    },
    {
      key: 'parents', title: '父母信息',
      fields: [
        { key: 'fatherName', label: '父亲姓名', type: 'text', required: true, maxLength: 30 },
        { key: 'fatherIdNo', label: '父亲公民身份号码', type: 'idNo', required: true },
        { key: 'motherName', label: '母亲姓名', type: 'text', required: true, maxLength: 30 },
        { key: 'motherIdNo', label: '母亲公民身份号码', type: 'idNo', required: true,
          rules: [{ assert: 'value != fatherIdNo', message: '父母的公民身份号码不能相同' }] },
      ],
    },
    {
      key: 'registration', title: '落户信息',
      fields: [
        { key: 'householdNo', label: '落户户号', type: 'text', required: true, maxLength: 20, help: '随父或随母落户的，填写其户口簿上的户号',
          rules: [{ assert: 'len(value) >= 9 && len(value) <= 12 && number(value) != null', message: '户号为9至12位数字' }] },
        { key: 'relationToHead', label: '与户主关系', type: 'select', required: true, options: [
          { value: '20', label: '子' }, { value: '30', label: '女' }, { value: '41', label: '孙子' }, { value: '42', label: '孙女' }, { value: '99', label: '其他' },
        ] },
      ],
    },
  ],
};
