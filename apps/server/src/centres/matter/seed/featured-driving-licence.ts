import type { MatterConfigInput } from '@jsga/contracts';

/** 驾驶证补证、换证: a 交管 matter handled on 苏证通/苏服办 and at the window. */
export const drivingLicenceRenewal = (base: MatterConfigInput): MatterConfigInput => ({
  ...base,
  matterType: 'confirmation',
  legalBasis: '《中华人民共和国道路交通安全法》；《机动车驾驶证申领和使用规定》（公安部令第162号）',
  conditions: '机动车驾驶证有效期满前九十日内可申请换证；驾驶证遗失、损毁无法辨认的可申请补证；'
    + '年满七十周岁的驾驶人换证时须提交记忆力、判断力、反应力等能力测试证明。',
  feeFen: 1000,
  feeNote: '机动车驾驶证工本费10元（江苏省物价部门核定标准）；网上办理的邮寄费用由申请人承担。',
  statutoryLimitDays: 1,
  promisedLimitDays: 1,
  visits: 0,
  materials: [
    { code: 'ID_CARD', name: '居民身份证', source: 'elicense', elicenseType: 'resident_id_card', required: true },
    { code: 'HEALTH_CERT', name: '机动车驾驶人身体条件证明', source: 'shared_data', required: true, form: 'electronic',
      note: '在联网医疗机构体检的，系统自动获取，无需提交纸质证明' },
    { code: 'PHOTO', name: '驾驶证照片', source: 'shared_data', required: true, form: 'electronic' },
    { code: 'DRIVING_LICENCE', name: '机动车驾驶证', source: 'elicense', elicenseType: 'driving_licence', required: true, situational: true },
    { code: 'LOSS_STATEMENT', name: '驾驶证遗失声明', source: 'applicant', required: false, situational: true, allowTolerance: true },
    { code: 'ABILITY_TEST', name: '记忆力、判断力、反应力等能力测试证明', source: 'applicant', required: true, situational: true },
  ],
  situations: [
    { key: 'apply_type', text: '您要办理的业务是？', type: 'single', options: [
      { key: 'renew', label: '有效期满换证', effects: { addMaterials: ['DRIVING_LICENCE'] } },
      { key: 'replace', label: '遗失或损毁补证', effects: { addMaterials: ['LOSS_STATEMENT'], processKey: 'driving_licence_replace' } },
    ] },
    { key: 'senior', text: '驾驶人是否年满七十周岁？', type: 'single', options: [
      { key: 'yes', label: '是', effects: { addMaterials: ['ABILITY_TEST'], addSections: ['ability_test'],
        eligibilityRule: 'age(applicant.idNo) >= 70', eligibilityMessage: '驾驶人年满七十周岁时选择此项' } },
      { key: 'no', label: '否' },
    ] },
  ],
  guide: {
    flow: [
      { title: '申请', description: '在苏证通、苏服办“交管服务”提交申请，或到车管所、交警服务站窗口办理' },
      { title: '核验', description: '系统核验身份证、驾驶证电子证照和身体条件证明' },
      { title: '缴费', description: '在线或窗口缴纳工本费' },
      { title: '制证', description: '窗口当场制证；网上申请的邮寄送达' },
    ],
    place: '各设区市公安局交通警察支队车辆管理所、交警服务站', hours: '工作日 上午9:00-12:00，下午13:30-17:00', phone: '12123 交通安全服务热线',
    faq: [{ question: '驾驶证过期了还能换吗？', answer: '超过有效期不满一年的可以换证；超过一年未换证的，驾驶证将被注销。' }],
    notes: '',
  },
  bindings: {
    formKeys: ['driving_licence_renewal'], sections: ['applicant', 'licence'], processKey: 'driving_licence_renewal',
    printTemplateKeys: [], archiveRuleKey: 'driving_licence',
    fee: { collectAt: 'accept', payChannels: ['window', 'online', 'mobile'], items: [{ code: 'licence_fee', name: '机动车驾驶证工本费', amountFen: 1000 }] },
  },
});
