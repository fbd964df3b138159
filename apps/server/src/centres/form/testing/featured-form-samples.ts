import { idCheckChar } from '@jsga/form-engine';

export { featuredForms } from '../seed/featured-forms';

/**
 * Valid submissions of the featured forms, for tests here and in other centres (dates are relative to
 * `today`, so the date rules hold whenever the tests run).
 */
export const idNo = (first17: string) => first17 + idCheckChar(first17);
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A freshman of 东南大学 moving his hukou from 昆山 into the school's collective household (demonstration 2). */
export const collegeStudent = { name: '王小明', idNo: idNo('32058320080315101') };
export const hukouCollegeEnrolSample = () => ({
  name: collegeStudent.name, idNo: collegeStudent.idNo, ethnicity: '汉族', education: 'secondary', contactPhone: '13951001234',
  migrationReason: 'college', collegeDirection: 'enrol', migrationScope: 'in_province',
  fromRegion: '320583', fromAddress: '江苏省昆山市玉山镇人民路88号', toRegion: '320102', toAddress: '江苏省南京市玄武区四牌楼2号东南大学学生集体户',
  toHouseholdType: 'collective', members: [],
  schoolName: '东南大学', admissionNoticeNo: 'DNDX2026103281', schoolRegionCode: '320102', degreeLevel: 'bachelor', major: '计算机科学与技术',
});

/** A wife joining her husband's family household in 玄武区 from 安徽, with their son. */
export const spouseApplicant = { name: '陈丽', idNo: idNo('34010219920506202') };
export const hukouSpouseSample = (today: string) => ({
  name: spouseApplicant.name, idNo: spouseApplicant.idNo, ethnicity: '汉族', contactPhone: '13851002345',
  migrationReason: 'spouse', migrationScope: 'cross_province',
  fromRegion: '340102', fromAddress: '安徽省合肥市瑶海区长江东路100号', toRegion: '320102', toAddress: '江苏省南京市玄武区中山路18号3幢502室',
  toHouseholdType: 'family', householderName: '周强', relationToHouseholder: 'spouse',
  members: [{ name: '周小宝', idNo: idNo('34010220200808201'), relation: 'son' }],
  hostName: '周强', hostIdNo: idNo('32010219900101301'), hostRelation: 'spouse', hostHukouRegion: '320102', marriageDate: shift(today, -400),
  originPoliceStation: '合肥市公安局瑶海分局长江东路派出所', originHouseholderName: '陈建国', originVerifyConsent: 'yes',
});

/** 换领 of a card that runs out next month, new card by post. */
export const idCardHolder = { name: '李华', idNo: idNo('32010219900214202') };
export const idCardRenewSample = (today: string) => ({
  name: idCardHolder.name, idNo: idCardHolder.idNo, ethnicity: '汉族', hukouRegion: '320102', hukouAddress: '江苏省南京市玄武区珠江路88号', contactPhone: '13770001234',
  applyReason: 'renew', renewReason: 'expiring', oldCardValidUntil: shift(today, 30), photoReceiptNo: 'JS3201202611280015',
  fingerprint: 'collected', tempIdCard: 'no', feeExemption: 'none', deliveryMethod: 'post',
  mailRecipient: idCardHolder.name, mailPhone: '13770001234', mailRegion: '320102', mailAddress: '江苏省南京市玄武区珠江路88号1幢101室',
});

/** 网上补领 within five years, picked up at the window. */
export const idCardOnlineReplaceSample = (today: string) => ({
  name: idCardHolder.name, idNo: idCardHolder.idNo, contactPhone: '13770001234', hukouRegion: '320102',
  applyReason: 'replace', lastIssueDate: shift(today, -700), faceVerifyNo: 'FACE20261128000123', deliveryMethod: 'window',
  lossDate: shift(today, -3), lossPlace: '南京地铁2号线新街口站', replaceTimesInYear: 0,
  pickupRegion: '320102', pickupOrg: '南京市公安局玄武分局新街口派出所',
});

/** 有效期满换证 two months before expiry, at the window. */
export const driver = { name: '赵刚', idNo: idNo('32010219850720101') };
export const drivingRenewSample = (today: string) => {
  const validUntil = shift(today, 60);
  return {
    name: driver.name, idNo: driver.idNo, contactPhone: '13605150000', contactAddress: '江苏省南京市玄武区龙蟠路9号',
    applyType: 'renew', fileNo: '320100123456', licenceClass: 'C1', firstIssueDate: '2009-06-18',
    validFrom: shift(validUntil, -3652), validUntil, healthCheckHospital: '南京市玄武区人民医院', healthCheckDate: shift(today, -7),
    deliveryMethod: 'window',
  };
};
