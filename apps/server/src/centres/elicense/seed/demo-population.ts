import { jiangsuCities, wellKnownLicenceTypes as T, type HolderIdType, type LicenceStatus } from '@jsga/contracts';
import { DEMO_CHILD, DEMO_CITIZEN, DEMO_CITIZEN_OLD_ID_CARD, DEMO_COMPANY, DEMO_SPOUSE } from '../testing/demo-citizen.fixture';
import { addYears, ageOn, createRandom, idCardValidYears, makeCreditCode, makeIdNumber, type Random } from './generators';

/** The demo data is built as of this date, not today, so every run produces the same records. */
export const DEMO_AS_OF = '2025-06-01';

export type DemoPerson = {
  name: string; idNo: string; sex: '男' | '女'; birthDate: string; ethnicity: string; regionCode: string; address: string;
  householdNo: string; householderName: string; relationship: string; maritalStatus: string;
};
export type DemoCompany = { name: string; creditCode: string; regionCode: string; legalRepresentative: string; address: string; establishDate: string };
export type DemoLicence = {
  typeCode: string; licenceNo: string; holderName: string; holderIdType: HolderIdType; holderIdNo: string; issuerName: string;
  issueDate: string; validFrom: string | null; validTo: string | null; status: LicenceStatus; faceData: Record<string, string>;
};

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const maleNames = ['伟', '强', '磊', '军', '勇', '杰', '涛', '超', '建国', '志刚', '海峰', '俊杰', '文博', '宇航', '国庆', '立新', '振华', '明辉'];
const femaleNames = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '婷', '晓燕', '丽华', '思琪', '雨萱', '欣怡', '梦瑶', '秀英', '桂兰', '玉梅', '慧敏'];
const childNames = ['子轩', '梓涵', '一诺', '浩宇', '欣妍', '沐辰', '语桐', '思远'];
const streets = ['中山路', '北京东路', '珠江路', '汉中路', '龙蟠路', '长江路', '人民路', '解放路', '建设路', '文化路', '新华路', '湖滨路'];
const ethnicities = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族'];
const companyWords = ['恒通', '华瑞', '金陵', '博远', '鼎盛', '新宇', '安泰', '启明', '嘉禾', '远航'];
const industries = ['科技', '贸易', '建设工程', '物流', '餐饮管理', '文化传媒', '信息技术', '电子'];
const vehicleClasses = ['C1', 'C1', 'C1', 'C2', 'B2', 'A1'];

/** Nanjing districts mostly, and a few other cities, so the demo is about 南京 but not only. */
const regionCodes = ['320102', '320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118', '320205', '320508', '320302', '320412'];
const regionOf = (code: string) => {
  const city = jiangsuCities.find((c) => c.counties.some((k) => k.code === code))!;
  return { city, county: city.counties.find((k) => k.code === code)! };
};
/** 区 are named with their city (南京市玄武区); 县 and 县级市 stand alone. */
const countyTitle = (code: string) => {
  const { city, county } = regionOf(code);
  return county.name.endsWith('区') ? `${city.name}${county.name}` : county.name;
};
const policeIssuer = (code: string) => {
  const { city, county } = regionOf(code);
  return county.name.endsWith('区') ? `${city.name}公安局${county.name}分局` : `${county.name}公安局`;
};
const trafficIssuer = (code: string) => `江苏省${regionOf(code).city.name}公安局交通警察支队`;
const civilAffairsIssuer = (code: string) => `${countyTitle(code)}民政局`;
const marketIssuer = (code: string) => `${countyTitle(code)}市场监督管理局`;
const hospitalOf = (code: string) => `${regionOf(code).city.name}妇幼保健院`;
const dotted = (d: string) => d.replaceAll('-', '.');
const period = (from: string, to: string | null) => `${dotted(from)}-${to ? dotted(to) : '长期'}`;
const randomDate = (r: Random, fromYear: number, toYear: number) => `${r.int(fromYear, toYear)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

function idCard(p: DemoPerson, issueDate: string, validTo: string | null): DemoLicence {
  return {
    typeCode: T.residentIdCard, licenceNo: p.idNo, holderName: p.name, holderIdType: 'id_no', holderIdNo: p.idNo, issuerName: policeIssuer(p.regionCode),
    issueDate, validFrom: issueDate, validTo, status: 'valid',
    faceData: { name: p.name, sex: p.sex, ethnicity: p.ethnicity, birthDate: p.birthDate, address: p.address, idNo: p.idNo,
      issuingAuthority: policeIssuer(p.regionCode), validPeriod: period(issueDate, validTo) },
  };
}

/** The current card: issued between 2016 and 2024 with the validity the holder's age gave it. */
function currentIdCard(r: Random, p: DemoPerson): DemoLicence {
  const issueDate = randomDate(r, Math.max(2016, Number(p.birthDate.slice(0, 4)) + 16), 2024);
  const years = idCardValidYears(ageOn(p.birthDate, issueDate));
  return idCard(p, issueDate, years === null ? null : addYears(issueDate, years));
}

function householdRegister(p: DemoPerson, issueDate: string): DemoLicence {
  return {
    typeCode: T.householdRegister, licenceNo: `${p.householdNo}-${p.idNo.slice(-4)}`, holderName: p.name, holderIdType: 'id_no', holderIdNo: p.idNo,
    issuerName: policeIssuer(p.regionCode), issueDate, validFrom: null, validTo: null, status: 'valid',
    faceData: { householdNo: p.householdNo, householdType: '家庭户', householderName: p.householderName, relationship: p.relationship, name: p.name,
      sex: p.sex, ethnicity: p.ethnicity, birthDate: p.birthDate, birthPlace: `江苏省${countyTitle(p.regionCode)}`, nativePlace: `江苏省${countyTitle(p.regionCode)}`,
      idNo: p.idNo, maritalStatus: p.maritalStatus, regionCode: p.regionCode, address: p.address, registrationAuthority: policeIssuer(p.regionCode) },
  };
}

function drivingLicence(p: DemoPerson, d: { fileNo: string; vehicleClass: string; firstIssueDate: string; validFrom: string; years: number | null }): DemoLicence {
  const validTo = d.years === null ? null : addYears(d.validFrom, d.years);
  return {
    typeCode: T.drivingLicence, licenceNo: p.idNo, holderName: p.name, holderIdType: 'id_no', holderIdNo: p.idNo, issuerName: trafficIssuer(p.regionCode),
    issueDate: d.validFrom, validFrom: d.validFrom, validTo, status: 'valid',
    faceData: { licenceNo: p.idNo, name: p.name, sex: p.sex, nationality: '中国', address: p.address, birthDate: p.birthDate, firstIssueDate: d.firstIssueDate,
      vehicleClass: d.vehicleClass, validFrom: d.validFrom, validPeriod: period(d.validFrom, validTo), fileNo: d.fileNo, issuingAuthority: trafficIssuer(p.regionCode) },
  };
}

function marriageCertificates(a: DemoPerson, b: DemoPerson, date: string, serial: number): DemoLicence[] {
  const certNo = `J${a.regionCode}-${date.slice(0, 4)}-${String(serial).padStart(6, '0')}`;
  return [[a, b], [b, a]].map(([holder, spouse]) => ({
    typeCode: T.marriageCertificate, licenceNo: certNo, holderName: holder.name, holderIdType: 'id_no' as const, holderIdNo: holder.idNo,
    issuerName: civilAffairsIssuer(a.regionCode), issueDate: date, validFrom: date, validTo: null, status: 'valid' as const,
    faceData: { holderName: holder.name, holderSex: holder.sex, holderIdNo: holder.idNo, holderBirthDate: holder.birthDate, spouseName: spouse.name, spouseSex: spouse.sex,
      spouseIdNo: spouse.idNo, spouseBirthDate: spouse.birthDate, registrationDate: date, certNo, registrationAuthority: civilAffairsIssuer(a.regionCode) },
  }));
}

function birthCertificate(child: DemoPerson, mother: DemoPerson, father: DemoPerson, certNo: string): DemoLicence {
  return {
    typeCode: T.birthMedicalCertificate, licenceNo: certNo, holderName: child.name, holderIdType: 'id_no', holderIdNo: child.idNo,
    issuerName: hospitalOf(child.regionCode), issueDate: child.birthDate, validFrom: child.birthDate, validTo: null, status: 'valid',
    faceData: { name: child.name, sex: child.sex, birthDate: child.birthDate, birthPlace: `江苏省${countyTitle(child.regionCode)}`, hospital: hospitalOf(child.regionCode),
      motherName: mother.name, motherIdNo: mother.idNo, fatherName: father.name, fatherIdNo: father.idNo, certNo, idNo: child.idNo },
  };
}

function businessLicence(c: DemoCompany, status: LicenceStatus = 'valid'): DemoLicence {
  return {
    typeCode: T.businessLicence, licenceNo: c.creditCode, holderName: c.name, holderIdType: 'credit_code', holderIdNo: c.creditCode,
    issuerName: marketIssuer(c.regionCode), issueDate: c.establishDate, validFrom: c.establishDate, validTo: null, status,
    faceData: { creditCode: c.creditCode, companyName: c.name, companyType: '有限责任公司（自然人投资或控股）', legalRepresentative: c.legalRepresentative,
      registeredCapital: '100万元人民币', establishDate: c.establishDate, businessTerm: `${dotted(c.establishDate)}至无固定期限`, domicile: c.address,
      businessScope: '技术服务、技术开发、技术咨询；软件开发；信息系统集成服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
      registrationAuthority: marketIssuer(c.regionCode) },
  };
}

/** The fixed demo family of testing/demo-citizen.fixture.ts and their licences. */
function demoFamily(): { people: DemoPerson[]; licences: DemoLicence[]; company: DemoCompany } {
  const c = DEMO_CITIZEN;
  const base = { ethnicity: '汉族', regionCode: c.regionCode, address: c.address, householdNo: c.householdNo, householderName: c.name };
  const me: DemoPerson = { ...base, name: c.name, idNo: c.idNo, sex: '男', birthDate: c.birthDate, relationship: '户主', maritalStatus: '已婚' };
  const wife: DemoPerson = { ...base, name: DEMO_SPOUSE.name, idNo: DEMO_SPOUSE.idNo, sex: '女', birthDate: DEMO_SPOUSE.birthDate, relationship: '妻', maritalStatus: '已婚' };
  const son: DemoPerson = { ...base, name: DEMO_CHILD.name, idNo: DEMO_CHILD.idNo, sex: '男', birthDate: DEMO_CHILD.birthDate, relationship: '子', maritalStatus: '未婚' };
  const company: DemoCompany = { name: DEMO_COMPANY.name, creditCode: DEMO_COMPANY.creditCode, regionCode: '320102', legalRepresentative: c.name,
    address: '南京市玄武区玄武大道699号3幢501室', establishDate: '2020-09-18' };
  const licences = [
    idCard(me, DEMO_CITIZEN_OLD_ID_CARD.issueDate, DEMO_CITIZEN_OLD_ID_CARD.validTo),
    idCard(me, '2018-03-10', '2038-03-10'),
    idCard(wife, '2019-05-20', '2039-05-20'),
    householdRegister(me, '2014-10-08'), householdRegister(wife, '2014-10-08'), householdRegister(son, '2019-09-02'),
    drivingLicence(me, { ...c.drivingLicence, firstIssueDate: '2009-06-18', validFrom: '2021-06-18', years: 10 }),
    ...marriageCertificates(me, wife, '2014-10-01', 8801),
    birthCertificate(son, wife, me, DEMO_CHILD.birthCertNo),
    businessLicence(company),
  ];
  return { people: [me, wife, son], licences, company };
}

/**
 * About fifty natural persons (each with 居民身份证 and 居民户口簿; some with 驾驶证, couples with 结婚证,
 * some with a child and its 出生医学证明) and ten companies with 营业执照. Pure and deterministic.
 */
export function buildDemoPopulation(opts: { adults?: number; companies?: number; seed?: number } = {}) {
  const r = createRandom(opts.seed ?? 20260301);
  const family = demoFamily();
  const people: DemoPerson[] = [...family.people];
  const licences: DemoLicence[] = [...family.licences];
  const companies: DemoCompany[] = [family.company];
  const used = new Set(people.map((p) => p.idNo));
  const newPerson = (sex: '男' | '女', birthFrom: number, birthTo: number, home?: DemoPerson, ownSurname = false): DemoPerson => {
    for (;;) {
      const regionCode = home?.regionCode ?? r.pick(regionCodes);
      const birthDate = randomDate(r, birthFrom, birthTo);
      const idNo = makeIdNumber({ regionCode, birthDate, seq: r.int(1, 998), sex });
      if (used.has(idNo)) continue;
      used.add(idNo);
      const surname = home && !ownSurname ? home.householderName.slice(0, 1) : r.pick(surnames);
      const name = surname + r.pick(birthFrom > 2010 ? childNames : sex === '男' ? maleNames : femaleNames);
      const address = home?.address ?? `江苏省${countyTitle(regionCode)}${r.pick(streets)}${r.int(1, 300)}号${r.int(1, 30)}幢${r.int(1, 6)}0${r.int(1, 4)}室`;
      const householdNo = home?.householdNo ?? `${regionCode}${String(r.int(100, 999))}`;
      return { name, idNo, sex, birthDate, ethnicity: r.pick(ethnicities), regionCode, address, householdNo, householderName: home?.householderName ?? name,
        relationship: home ? '' : '户主', maritalStatus: '未婚' };
    }
  };
  const adults = (opts.adults ?? 50) - 2;
  let marriageSerial = 1000;
  let birthSerial = 70000;
  for (let i = 0; i < adults; i++) {
    const sex = i % 2 === 0 ? '男' : '女';
    const head = newPerson(sex, 1955, 2004);
    const household = [head];
    // every third adult is married and brings a spouse into the household (counted among the adults)
    if (i % 3 === 0 && i + 1 < adults && ageOn(head.birthDate, DEMO_AS_OF) >= 24) {
      i++;
      const spouse = newPerson(sex === '男' ? '女' : '男', Number(head.birthDate.slice(0, 4)) - 3, Math.min(Number(head.birthDate.slice(0, 4)) + 3, 2000), head, true);
      spouse.relationship = sex === '男' ? '妻' : '夫';
      head.maritalStatus = spouse.maritalStatus = '已婚';
      household.push(spouse);
      const married = randomDate(r, Math.min(Math.max(Number(head.birthDate.slice(0, 4)), Number(spouse.birthDate.slice(0, 4))) + 23, 2024), 2024);
      licences.push(...marriageCertificates(head, spouse, married, marriageSerial++));
      // every other couple young enough has a child with a 出生医学证明
      const youngest = Math.max(Number(head.birthDate.slice(0, 4)), Number(spouse.birthDate.slice(0, 4)));
      if (youngest >= 1980 && marriageSerial % 2 === 0) {
        const child = newPerson(r.pick(['男', '女'] as const), 2015, 2023, head);
        child.relationship = child.sex === '男' ? '子' : '女';
        household.push(child);
        const [mother, father] = head.sex === '女' ? [head, spouse] : [spouse, head];
        licences.push(birthCertificate(child, mother, father, `${'ST'[birthSerial % 2]}${child.regionCode.slice(0, 2)}${String(birthSerial++).padStart(7, '0')}`));
      }
    }
    const registered = randomDate(r, 2000, 2020);
    for (const p of household) {
      people.push(p);
      const bornHere = p.birthDate > registered ? p.birthDate : registered;
      licences.push(householdRegister(p, bornHere));
      if (ageOn(p.birthDate, DEMO_AS_OF) >= 16) licences.push(currentIdCard(r, p));
      if (ageOn(p.birthDate, DEMO_AS_OF) >= 20 && r.next() < 0.45) {
        const firstIssueDate = addYears(p.birthDate, Math.min(r.int(18, 30), ageOn(p.birthDate, DEMO_AS_OF) - 1));
        const fileNo = `${regionOf(p.regionCode).city.code.slice(0, 4)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
        const vehicleClass = r.pick(vehicleClasses);
        // about one in five has let the first licence lapse: stored valid, but its six years have ended
        if (r.next() < 0.2 && addYears(firstIssueDate, 6) < DEMO_AS_OF) {
          licences.push(drivingLicence(p, { fileNo, vehicleClass, firstIssueDate, validFrom: firstIssueDate, years: 6 }));
        } else {
          const renewed = randomDate(r, 2019, 2024);
          const validFrom = renewed > firstIssueDate ? renewed : firstIssueDate;
          licences.push(drivingLicence(p, { fileNo, vehicleClass, firstIssueDate, validFrom, years: validFrom === firstIssueDate ? 6 : 10 }));
        }
      }
    }
  }
  const adultsOnly = people.filter((p) => ageOn(p.birthDate, DEMO_AS_OF) >= 18);
  for (let i = 1; i < (opts.companies ?? 10); i++) {
    const regionCode = r.pick(regionCodes);
    const city = regionOf(regionCode).city.name.replace(/市$/, '');
    const company: DemoCompany = {
      name: `${city}${companyWords[i % companyWords.length]}${r.pick(industries)}有限公司`,
      creditCode: makeCreditCode({ regionCode, serial: r.int(10_000_000, 99_999_999) }),
      regionCode, legalRepresentative: r.pick(adultsOnly).name,
      address: `江苏省${countyTitle(regionCode)}${r.pick(streets)}${r.int(1, 500)}号`, establishDate: randomDate(r, 2005, 2023),
    };
    companies.push(company);
    licences.push(businessLicence(company, i === 9 ? 'revoked' : 'valid'));
  }
  return { people, companies, licences };
}
