import { checkDefinition, validateSubmission, walkFields, type FormDefinition } from '@jsga/form-engine';
import { describe, expect, it } from 'vitest';
import {
  collegeStudent, driver, drivingRenewSample, hukouCollegeEnrolSample, hukouSpouseSample, idCardHolder, idCardOnlineReplaceSample, idCardRenewSample, idNo,
} from '../testing/featured-form-samples';
import { drivingLicenceRenewalForm } from './driving-licence-renewal.form';
import { featuredForms } from './featured-forms';
import { hukouMigrationForm } from './hukou-migration.form';
import { idCardApplicationForm } from './idcard-application.form';
import { idCardOnlineForm } from './idcard-online.form';

const today = '2026-11-28';
const check = (def: FormDefinition, data: Record<string, unknown>, applicant?: { name: string; idNo: string }) =>
  validateSubmission(def, data, { today, ...(applicant ? { context: { applicantName: applicant.name, applicantIdNo: applicant.idNo } } : {}) });
const messages = (r: { errors: { path: string; message: string }[] }) => r.errors.map((e) => `${e.path}: ${e.message}`);

describe('featured forms', () => {
  it.each(featuredForms.map((f) => [f.key, f] as const))('%s passes every designer check', (_key, def) => {
    expect(checkDefinition(def)).toEqual([]);
  });

  it('labels and messages are Chinese', () => {
    for (const def of featuredForms) {
      for (const s of def.sections) {
        expect(s.title).toMatch(/[\u4e00-\u9fa5]/);
        for (const { field } of walkFields(s.fields)) {
          expect(field.label, field.key).toMatch(/[\u4e00-\u9fa5]/);
          for (const r of field.rules ?? []) expect(r.message, field.key).toMatch(/[\u4e00-\u9fa5]/);
          for (const o of field.options ?? []) expect(o.label, field.key).toMatch(/[\u4e00-\u9fa5A-Z]/);
        }
      }
    }
  });
});

describe('户口迁移申请表', () => {
  it('a freshman moving into the school collective household: stored values computed by the engine, unrelated sections dropped', () => {
    const r = check(hukouMigrationForm, { ...hukouCollegeEnrolSample(), memberCount: 9, hostName: '不应保存' }, collegeStudent);
    expect(messages(r)).toEqual([]);
    expect(r.values).toMatchObject({ sex: '男', birthDate: '2008-03-15', memberCount: 0, totalCount: 1, schoolName: '东南大学' });
    expect(r.values).not.toHaveProperty('hostName');
    expect(r.values).not.toHaveProperty('graduationDate');
  });

  it('录取院校 only for enrolment; the school must be in Jiangsu; students bring no family; a family household needs its householder', () => {
    const r = check(hukouMigrationForm, {
      ...hukouCollegeEnrolSample(), schoolRegionCode: '110108', toHouseholdType: 'family', members: [{ name: '王大明', idNo: idNo('32058319800101101'), relation: 'father' }],
    });
    expect(messages(r)).toEqual(expect.arrayContaining([
      'schoolRegionCode: 录取院校须在江苏省内', 'toHouseholdType: 录取新生的户口迁入学校集体户', 'members: 大中专院校学生迁移户口不办理随迁人员',
      'householderName: 请填写迁入户户主姓名', 'relationToHouseholder: 请填写与户主关系',
    ]));
    const graduate = check(hukouMigrationForm, { ...hukouCollegeEnrolSample(), collegeDirection: 'graduate', graduationDate: '2023-06-30' });
    expect(messages(graduate)).toEqual(expect.arrayContaining(['graduateSchool: 请填写毕业院校', 'graduationDate: 毕业两年内可按毕业生办理户口迁移']));
    expect(graduate.values).not.toHaveProperty('schoolName');
  });

  it('夫妻投靠 across provinces: the origin section applies, members are counted, the host must live where the applicant moves to', () => {
    const ok = check(hukouMigrationForm, hukouSpouseSample(today));
    expect(messages(ok)).toEqual([]);
    expect(ok.values).toMatchObject({ memberCount: 1, totalCount: 2, originVerifyConsent: 'yes' });
    expect(ok.values).not.toHaveProperty('schoolRegionCode');
    const bad = check(hukouMigrationForm, { ...hukouSpouseSample(today), hostHukouRegion: '320104', fromRegion: '320104', originVerifyConsent: 'no' });
    expect(messages(bad)).toEqual(expect.arrayContaining([
      'hostHukouRegion: 被投靠人须为迁入地常住户口', 'fromRegion: 跨省迁入的迁出地须在江苏省外', 'originVerifyConsent: 跨省“一站式”迁移须同意网上核验迁出地户籍信息',
    ]));
  });

  it('the form must name the registered applicant', () => {
    expect(messages(check(hukouMigrationForm, hukouCollegeEnrolSample(), { name: '王小红', idNo: collegeStudent.idNo }))).toEqual(['name: 申请人姓名须与登记的申请人一致']);
  });
});

describe('居民身份证申领登记表', () => {
  it('换领 by post: the mail address is required; by the window it is not asked and not stored', () => {
    const ok = check(idCardApplicationForm, idCardRenewSample(today), idCardHolder);
    expect(messages(ok)).toEqual([]);
    expect(ok.values).toMatchObject({ validityTerm: '二十年', feeYuan: 20, sex: '女' });
    expect(messages(check(idCardApplicationForm, { ...idCardRenewSample(today), mailAddress: '' }))).toEqual(['mailAddress: 请填写邮寄地址']);
    const window = check(idCardApplicationForm, { ...idCardRenewSample(today), deliveryMethod: 'window', mailAddress: '' });
    expect(messages(window)).toEqual([]);
    expect(window.values).not.toHaveProperty('mailRecipient');
  });

  it('换领 before the last three months is refused; 补领 asks for the loss; a minor needs an adult guardian; the fee follows the exemption', () => {
    expect(messages(check(idCardApplicationForm, { ...idCardRenewSample(today), oldCardValidUntil: '2027-06-01' }))).toEqual(['oldCardValidUntil: 有效期满前三个月内方可申请换领']);
    const replace = check(idCardApplicationForm, { ...idCardRenewSample(today), applyReason: 'replace', tempIdCard: 'yes' });
    expect(messages(replace)).toEqual(['lossDate: 请填写丢失日期', 'lossPlace: 请填写丢失地点', 'replaceTimesInYear: 请填写近一年内补领次数']);
    expect(replace.values).toMatchObject({ feeYuan: 30 });
    expect(replace.values).not.toHaveProperty('renewReason');
    const child = idNo('32010220150601102');
    const minor = check(idCardApplicationForm, { ...idCardRenewSample(today), idNo: child, applyReason: 'first', feeExemption: 'dibao', guardianIdNo: idNo('32010220120101101') });
    expect(messages(minor)).toEqual(expect.arrayContaining(['guardianName: 请填写监护人姓名', 'guardianIdNo: 监护人须年满十八周岁']));
    expect(minor.values).toMatchObject({ validityTerm: '五年', feeYuan: 0 });
  });
});

describe('居民身份证网上换领、补领申请表', () => {
  it('补领 to a window: loss and pickup apply, delivery does not; five years since the last card sends the applicant to the window', () => {
    const ok = check(idCardOnlineForm, idCardOnlineReplaceSample(today), idCardHolder);
    expect(messages(ok)).toEqual([]);
    expect(ok.values).not.toHaveProperty('mailAddress');
    const old = check(idCardOnlineForm, { ...idCardOnlineReplaceSample(today), lastIssueDate: '2020-01-01', deliveryMethod: 'post' });
    expect(messages(old)).toEqual(expect.arrayContaining(['lastIssueDate: 距上次申领已满五年，须到窗口重新采集相片和指纹', 'mailAddress: 请填写邮寄地址']));
  });
});

describe('机动车驾驶证换证、补证申请表', () => {
  it('换证 within ninety days of expiry passes; earlier, or more than a year late, it does not', () => {
    const ok = check(drivingLicenceRenewalForm, drivingRenewSample(today), driver);
    expect(messages(ok)).toEqual([]);
    expect(ok.values).toMatchObject({ licenceNo: driver.idNo });
    expect(messages(check(drivingLicenceRenewalForm, { ...drivingRenewSample(today), validUntil: '2027-12-31' }))).toEqual(['validUntil: 有效期满前九十日内方可申请换证']);
    expect(messages(check(drivingLicenceRenewalForm, { ...drivingRenewSample(today), validUntil: '2025-06-30' }))).toEqual(['validUntil: 驾驶证超过有效期一年以上未换证的已注销，不能换证']);
    expect(messages(check(drivingLicenceRenewalForm, { ...drivingRenewSample(today), fileNo: '32010012345X' }))).toEqual(['fileNo: 档案编号为12位数字']);
  });

  it('a driver of seventy or more must pass the ability test', () => {
    const senior = idNo('32010219500101101');
    const r = check(drivingLicenceRenewalForm, { ...drivingRenewSample(today), idNo: senior, firstIssueDate: '1990-01-01', abilityTestOrg: '南京市玄武区人民医院', abilityTestDate: '2026-11-01', abilityTestResult: 'fail' });
    expect(messages(r)).toEqual(['abilityTestResult: 能力测试合格方可换领驾驶证']);
    expect(messages(check(drivingLicenceRenewalForm, drivingRenewSample(today)))).toEqual([]);
  });
});
