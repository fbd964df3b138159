import { wellKnownLicenceTypes as T, type FaceFieldDef, type HolderKind } from '@jsga/contracts';

type TypeSeed = { code: string; name: string; holderKind: HolderKind; issuerName: string; sort: number; faceFields: FaceFieldDef[] };
const f = (key: string, label: string, prefillKey: string | null = null): FaceFieldDef => ({ key, label, prefillKey });

/**
 * The six licence types the platform knows from the start. 照面 fields are mapped to the keys forms
 * use for 感知回填 (the featured forms' field keys: name, idNo, hukouRegion, hukouAddress, fileNo,
 * licenceClass …). GB/T 36904 证照类型代码 are not set: the national codes were not confirmed, and a
 * configured code is kept when the seed runs again.
 */
export const licenceTypeSeeds: TypeSeed[] = [
  { code: T.residentIdCard, name: '居民身份证', holderKind: 'natural', issuerName: '公安机关', sort: 10, faceFields: [
    f('name', '姓名', 'name'), f('sex', '性别', 'sex'), f('ethnicity', '民族', 'ethnicity'), f('birthDate', '出生', 'birthDate'),
    f('address', '住址', 'address'), f('idNo', '公民身份号码', 'idNo'), f('issuingAuthority', '签发机关'), f('validPeriod', '有效期限'),
  ] },
  { code: T.householdRegister, name: '居民户口簿', holderKind: 'natural', issuerName: '公安机关（户口登记机关）', sort: 20, faceFields: [
    f('householdNo', '户号', 'householdNo'), f('householdType', '户别', 'householdType'), f('householderName', '户主姓名', 'householderName'),
    f('relationship', '与户主关系', 'relationshipToHouseholder'), f('name', '姓名', 'name'), f('sex', '性别', 'sex'), f('ethnicity', '民族', 'ethnicity'),
    f('birthDate', '出生日期', 'birthDate'), f('birthPlace', '出生地', 'birthPlace'), f('nativePlace', '籍贯', 'nativePlace'), f('idNo', '公民身份号码', 'idNo'),
    f('maritalStatus', '婚姻状况', 'maritalStatus'), f('regionCode', '户籍地行政区划', 'hukouRegion'), f('address', '住址', 'hukouAddress'),
    f('registrationAuthority', '户口登记机关'),
  ] },
  { code: T.drivingLicence, name: '机动车驾驶证', holderKind: 'natural', issuerName: '公安机关交通管理部门', sort: 30, faceFields: [
    f('licenceNo', '证号'), f('name', '姓名', 'name'), f('sex', '性别', 'sex'), f('nationality', '国籍', 'nationality'), f('address', '住址', 'address'),
    f('birthDate', '出生日期', 'birthDate'), f('firstIssueDate', '初次领证日期', 'firstIssueDate'), f('vehicleClass', '准驾车型', 'licenceClass'),
    f('validFrom', '有效起始日期'), f('validPeriod', '有效期限'), f('fileNo', '档案编号', 'fileNo'), f('issuingAuthority', '发证机关'),
  ] },
  { code: T.businessLicence, name: '营业执照', holderKind: 'legal', issuerName: '市场监督管理部门', sort: 40, faceFields: [
    f('creditCode', '统一社会信用代码', 'creditCode'), f('companyName', '名称', 'companyName'), f('companyType', '类型', 'companyType'),
    f('legalRepresentative', '法定代表人', 'legalRepresentative'), f('registeredCapital', '注册资本', 'registeredCapital'),
    f('establishDate', '成立日期', 'establishDate'), f('businessTerm', '营业期限'), f('domicile', '住所', 'companyAddress'),
    f('businessScope', '经营范围', 'businessScope'), f('registrationAuthority', '登记机关'),
  ] },
  { code: T.birthMedicalCertificate, name: '出生医学证明', holderKind: 'natural', issuerName: '助产机构（卫生健康部门）', sort: 50, faceFields: [
    f('name', '新生儿姓名', 'name'), f('sex', '性别', 'sex'), f('birthDate', '出生日期', 'birthDate'), f('birthPlace', '出生地点', 'birthPlace'),
    f('hospital', '接生机构名称'), f('motherName', '母亲姓名', 'motherName'), f('motherIdNo', '母亲有效身份证件号码', 'motherIdNo'),
    f('fatherName', '父亲姓名', 'fatherName'), f('fatherIdNo', '父亲有效身份证件号码', 'fatherIdNo'), f('certNo', '出生医学证明编号', 'birthCertNo'),
    f('idNo', '公民身份号码', 'idNo'),
  ] },
  { code: T.marriageCertificate, name: '结婚证', holderKind: 'natural', issuerName: '民政部门（婚姻登记机关）', sort: 60, faceFields: [
    f('holderName', '持证人', 'name'), f('holderSex', '持证人性别'), f('holderIdNo', '持证人身份证件号', 'idNo'), f('holderBirthDate', '持证人出生日期'),
    f('spouseName', '配偶姓名', 'spouseName'), f('spouseSex', '配偶性别'), f('spouseIdNo', '配偶身份证件号', 'spouseIdNo'), f('spouseBirthDate', '配偶出生日期'),
    f('registrationDate', '登记日期', 'marriageDate'), f('certNo', '结婚证字号', 'marriageCertNo'), f('registrationAuthority', '登记机关'),
  ] },
];
