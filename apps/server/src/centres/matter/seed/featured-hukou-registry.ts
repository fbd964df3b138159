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

const stationGuide = (flowDone: string) => ({
  flow: [
    { title: '申报', description: '到户口所在地派出所户籍窗口申报（全省通办事项可在省内任一派出所申报）' },
    { title: '受理', description: '窗口民警核验身份和证明材料' },
    { title: '审核登记', description: '派出所当场审核' },
    { title: '办结', description: flowDone },
  ],
  place: '户口所在地公安派出所户籍窗口', hours: '工作日 上午9:00-12:00，下午13:30-17:00', phone: '12345 政务服务便民热线', faq: [], notes: '',
});
const stationBindings = (formKey: string, processKey: string, registryEffect: string) => ({
  formKeys: [formKey], sections: ['declarant', 'subject', formKey === 'hukou_cancel' ? 'cancel' : 'change'], processKey, printTemplateKeys: [], archiveRuleKey: null,
  registryEffect, appointment: { enabled: false, slotMinutes: 30, daysAhead: 7 }, fee: { collectAt: 'none' as const },
});

/** 户口注销 (死亡、入伍 …): on approval the registration ends with the reason (hukou registration_cancel). */
export const hukouCancel = (base: MatterConfigInput): MatterConfigInput => ({
  ...base,
  matterType: 'confirmation',
  applicantTypes: ['natural_person'],
  legalBasis: '《中华人民共和国户口登记条例》第八条、第十二条',
  conditions: '公民死亡，城市在葬前、农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口；公民应征入伍的，由本人或者户主在入伍前申报注销户口。',
  feeFen: 0, feeNote: '不收费', statutoryLimitDays: 1, promisedLimitDays: 1, visits: 1,
  materials: [
    { code: 'DEATH_CERT', name: '死亡医学证明（推断）书或入伍通知书', source: 'applicant', required: true },
    { code: 'HUKOU_BOOK', name: '居民户口簿', source: 'elicense', elicenseType: 'household_register', required: true },
    { code: 'DECLARANT_ID', name: '申报人居民身份证', source: 'elicense', elicenseType: 'resident_id_card', required: true },
  ],
  situations: [],
  guide: stationGuide('注销户口登记，在户口簿上加盖注销章'),
  bindings: stationBindings('hukou_cancel', 'hukou_cancel', 'registration_cancel'),
});

/** 户口登记非主项信息变更: one item of the 常住人口登记表 changes on approval (hukou registry_item_change). */
export const hukouItemChange = (base: MatterConfigInput): MatterConfigInput => ({
  ...base,
  matterType: 'confirmation',
  applicantTypes: ['natural_person'],
  legalBasis: '《中华人民共和国户口登记条例》第十七条',
  conditions: '户口登记的内容需要变更或者更正的时候，由户主或者本人向户口登记机关申报；宗教信仰、身高、血型、文化程度、婚姻状况、兵役状况、职业、服务处所等非主项信息变更全省通办。',
  feeFen: 0, feeNote: '不收费', statutoryLimitDays: 1, promisedLimitDays: 1, visits: 1,
  materials: [
    { code: 'ID_CARD', name: '居民身份证', source: 'elicense', elicenseType: 'resident_id_card', required: true },
    { code: 'HUKOU_BOOK', name: '居民户口簿', source: 'elicense', elicenseType: 'household_register', required: true },
    { code: 'CHANGE_PROOF', name: '变更项目的证明材料（学历证书、婚姻证明、退役证明等）', source: 'applicant', required: false },
  ],
  situations: [],
  guide: stationGuide('更新户口登记项目，在户口簿上变更'),
  bindings: stationBindings('hukou_item_change', 'hukou_item_change', 'registry_item_change'),
});

/**
 * The 全省通办 即审即办 items (宗教信仰变更, 身高变更 …) are the same business narrowed to one item: same
 * form, process and effect, with the item named in the guide.
 */
export const hukouItemChangeOf = (item: string) => (base: MatterConfigInput): MatterConfigInput => {
  const general = hukouItemChange(base);
  return {
    ...general,
    conditions: `户口登记的${item}需要变更的，由本人或者户主向户口登记机关申报，全省通办、即审即办。`,
    guide: { ...stationGuide(`更新户口登记的${item}，在户口簿上变更`), notes: `在申报表“变更项目”中选择“${item}”。` },
  };
};
