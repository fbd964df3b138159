import type { MatterConfigInput } from '@jsga/contracts';

/**
 * 婚生婴儿出生登记申报 (全省通办): the station registers the child into a parent's household on the spot;
 * on approval the hukou module's birth_registration effect adds the person and gives the ID number.
 */
export const birthRegistration = (base: MatterConfigInput): MatterConfigInput => ({
  ...base,
  matterType: 'confirmation',
  applicantTypes: ['natural_person'],
  handlingModes: ['immediate'],
  legalBasis: '《中华人民共和国户口登记条例》第七条；《江苏省常住户口登记管理规定》',
  conditions: '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记；'
    + '婚生婴儿可随父或随母申报落户。出生超过一年申报的为往年出生，须说明未及时申报的原因。',
  feeFen: 0,
  feeNote: '不收费',
  statutoryLimitDays: 1,
  promisedLimitDays: 1,
  visits: 1,
  materials: [
    { code: 'BIRTH_CERT', name: '出生医学证明', source: 'elicense', elicenseType: 'birth_medical_certificate', required: true },
    { code: 'HUKOU_BOOK', name: '随迁方居民户口簿', source: 'elicense', elicenseType: 'household_register', required: true },
    { code: 'PARENT_ID', name: '父母双方居民身份证', source: 'elicense', elicenseType: 'resident_id_card', required: true },
    { code: 'MARRIAGE_CERT', name: '结婚证', source: 'elicense', elicenseType: 'marriage_certificate', required: true },
  ],
  situations: [],
  guide: {
    flow: [
      { title: '申报', description: '网上或到随迁方户口所在地派出所户籍窗口申报' },
      { title: '受理', description: '窗口民警核验出生医学证明、户口簿、父母身份证件和结婚证' },
      { title: '审核登记', description: '派出所当场审核，准予登记的落户并分配公民身份号码' },
      { title: '办结', description: '在户口簿上增加出生人登记页' },
    ],
    place: '随迁方户口所在地公安派出所户籍窗口（全省通办）',
    hours: '工作日 上午9:00-12:00，下午13:30-17:00',
    phone: '12345 政务服务便民热线',
    faq: [{ question: '孩子出生一年多了还没报户口，怎么办？', answer: '按往年出生办理，在申报表中说明未及时申报的原因，并提交出生医学证明等材料。' }],
    notes: '',
  },
  bindings: {
    formKeys: ['birth_registration'],
    sections: ['declarant', 'child', 'parents', 'registration'],
    processKey: 'hukou_birth',
    printTemplateKeys: [],
    archiveRuleKey: null,
    registryEffect: 'birth_registration',
    appointment: { enabled: false, slotMinutes: 30, daysAhead: 7 },
    fee: { collectAt: 'none' },
  },
});
