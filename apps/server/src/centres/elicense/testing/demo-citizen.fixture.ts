/**
 * The fixed demo citizen the acceptance demonstrations log in as, with his family and company. The
 * numbers are synthetic (valid by GB 11643 / GB 32100 construction) and are seeded by `seedDemo` of the
 * elicense centre; other modules' tests may use them.
 */
export const DEMO_CITIZEN = {
  name: '张明远',
  idNo: '320102198807150034',
  sex: '男',
  ethnicity: '汉族',
  birthDate: '1988-07-15',
  phone: '13851880715',
  regionCode: '320102',
  address: '江苏省南京市玄武区珠江路88号1幢302室',
  householdNo: '320102881',
  /** 机动车驾驶证 档案编号 and 准驾车型. */
  drivingLicence: { fileNo: '320100715034', vehicleClass: 'C1' },
} as const;

/** His wife; both hold a 结婚证. */
export const DEMO_SPOUSE = { name: '李晓雯', idNo: '320102199004120020', sex: '女', birthDate: '1990-04-12' } as const;

/** Their son, holder of a 出生医学证明 and listed in the household register. */
export const DEMO_CHILD = { name: '张子涵', idNo: '320102201908230011', sex: '男', birthDate: '2019-08-23', birthCertNo: 'S320065428' } as const;

/** The company whose legal representative is the demo citizen; holds a 营业执照. */
export const DEMO_COMPANY = { name: '南京玄武智信科技有限公司', creditCode: '91320102573284186C', legalRepresentative: '张明远' } as const;

/**
 * The demo citizen's replaced 居民身份证 (issued 2008, ended 2018): still stored with status valid, so
 * it shows up as expired only by its dates.
 */
export const DEMO_CITIZEN_OLD_ID_CARD = { issueDate: '2008-03-05', validTo: '2018-03-05' } as const;
