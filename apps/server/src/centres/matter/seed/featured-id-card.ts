import type { MatterConfigInput } from '@jsga/contracts';

const legalBasis = '《中华人民共和国居民身份证法》第八条、第十一条、第二十条；《临时居民身份证管理办法》';
const feeNote = '申领、换领、补领居民身份证工本费20元，临时居民身份证工本费10元；城市最低生活保障对象、农村特困人员免收。';
const idFee = { collectAt: 'accept' as const, payChannels: ['window' as const, 'mobile' as const], items: [{ code: 'idcard_fee', name: '居民身份证工本费', amountFen: 2000 }] };

/** 居民身份证（含临时居民身份证）业务: 申领、换领、补领 at the window (demonstration 3). */
export const idCardApplication = (base: MatterConfigInput): MatterConfigInput => ({
  ...base,
  matterType: 'confirmation',
  legalBasis,
  conditions: '居住在中华人民共和国境内的年满十六周岁的中国公民应当申领居民身份证；未满十六周岁的，可以依照规定申领。'
    + '居民身份证有效期满、登记项目变更或证件严重损坏不能辨认的应当换领；丢失的应当补领。',
  feeFen: 2000,
  feeNote,
  statutoryLimitDays: 60,
  promisedLimitDays: 15,
  visits: 1,
  materials: [
    { code: 'HUKOU_BOOK', name: '居民户口簿', source: 'elicense', elicenseType: 'household_register', required: true },
    { code: 'PHOTO', name: '符合标准的居民身份证数码相片', source: 'shared_data', required: true, form: 'electronic', note: '窗口现场采集，或使用统一照片库中六个月内的合格照片' },
    { code: 'OLD_ID_CARD', name: '原居民身份证', source: 'applicant', required: true, situational: true, note: '换领时交回' },
    { code: 'LOSS_STATEMENT', name: '居民身份证丢失声明', source: 'applicant', required: false, situational: true, allowTolerance: true,
      templateFileId: 'tpl-idcard-loss-statement', note: '可现场填写，未带的可先受理后补' },
    { code: 'GUARDIAN_ID', name: '监护人居民身份证', source: 'elicense', elicenseType: 'resident_id_card', required: true, situational: true },
    { code: 'BIRTH_CERT', name: '出生医学证明', source: 'elicense', elicenseType: 'birth_medical_certificate', required: false, situational: true },
  ],
  situations: [
    { key: 'apply_type', text: '您要办理的业务是？', type: 'single', options: [
      { key: 'first', label: '首次申领' },
      { key: 'renew', label: '有效期满或损坏换领', effects: { addMaterials: ['OLD_ID_CARD'] } },
      { key: 'replace', label: '丢失补领', effects: { addMaterials: ['LOSS_STATEMENT'], addSections: ['loss'], processKey: 'idcard_replace' } },
    ] },
    { key: 'minor', text: '申请人是否未满十六周岁？', type: 'single', options: [
      { key: 'yes', label: '是，由监护人陪同', effects: { addMaterials: ['GUARDIAN_ID', 'BIRTH_CERT'], addSections: ['guardian'],
        eligibilityRule: 'age(applicant.idNo) < 16', eligibilityMessage: '申请人未满十六周岁时选择此项' } },
      { key: 'no', label: '否', effects: { eligibilityRule: 'age(applicant.idNo) >= 16', eligibilityMessage: '申请人已满十六周岁时选择此项' } },
    ] },
  ],
  guide: {
    flow: [
      { title: '申请', description: '到常住户口所在地或全省任一公安派出所、政务服务窗口申请' },
      { title: '采集', description: '采集人像、指纹信息，核验户籍信息' },
      { title: '受理缴费', description: '缴纳工本费，领取受理回执' },
      { title: '审核制证', description: '公安机关审核签发，省级制证中心制证' },
      { title: '领证', description: '凭受理回执到窗口领取，或选择邮寄到家' },
    ],
    place: '全省各公安派出所户籍窗口、公安政务服务大厅',
    hours: '工作日 上午9:00-12:00，下午13:30-17:00',
    phone: '12345 政务服务便民热线',
    faq: [
      { question: '可以在户籍地以外办理吗？', answer: '可以。居民身份证申领、换领、补领已实现全省通办和跨省通办。' },
      { question: '办理期间出行怎么办？', answer: '可同时申领临时居民身份证，当场或三日内发放，工本费10元。' },
    ],
    notes: '法定时限为自申请之日起60日（《居民身份证法》第十三条）。',
  },
  bindings: {
    formKeys: ['idcard_application'], sections: ['applicant', 'card'], processKey: 'idcard_application',
    printTemplateKeys: ['idcard_acceptance_receipt'], archiveRuleKey: 'idcard', appointment: { enabled: true, slotMinutes: 15, daysAhead: 7 }, fee: idFee,
  },
});

/** 居民身份证（五年以内换补领身份证业务）: renewal or replacement online, delivered by post. */
export const idCardOnline = (base: MatterConfigInput): MatterConfigInput => ({
  ...base,
  matterType: 'confirmation',
  handlingModes: ['promised'],
  legalBasis,
  conditions: '距上次申领（换领、补领）居民身份证不满五年，统一照片库中有合格相片，且通过人脸识别核验的，可网上申请换领、补领，新证邮寄到家。',
  feeFen: 2000,
  feeNote: `${feeNote}邮寄费用由申请人承担。`,
  statutoryLimitDays: 60,
  promisedLimitDays: 15,
  visits: 0,
  materials: [
    { code: 'HUKOU_BOOK', name: '居民户口簿', source: 'elicense', elicenseType: 'household_register', required: true },
    { code: 'FACE_VERIFY', name: '人脸识别核验结果', source: 'shared_data', required: true, form: 'electronic' },
    { code: 'PHOTO', name: '五年内已采集的居民身份证相片', source: 'shared_data', required: true, form: 'electronic' },
    { code: 'OLD_ID_CARD', name: '原居民身份证', source: 'applicant', required: true, situational: true, note: '收到新证时交回快递员' },
    { code: 'LOSS_STATEMENT', name: '居民身份证丢失声明', source: 'applicant', required: false, situational: true, allowTolerance: true, form: 'electronic' },
  ],
  situations: [
    { key: 'apply_type', text: '您要办理的业务是？', type: 'single', options: [
      { key: 'renew', label: '换领', effects: { addMaterials: ['OLD_ID_CARD'] } },
      { key: 'replace', label: '丢失补领', effects: { addMaterials: ['LOSS_STATEMENT'], addSections: ['loss'], processKey: 'idcard_replace' } },
    ] },
    { key: 'delivery', text: '新证如何领取？', type: 'single', options: [
      { key: 'post', label: '邮寄到家', effects: { addSections: ['delivery'] } },
      { key: 'window', label: '到受理窗口自取', effects: { addSections: ['pickup'] } },
    ] },
  ],
  guide: {
    flow: [
      { title: '在线申请', description: '在苏服办、苏证通或江苏政务服务网提交申请并完成人脸识别' },
      { title: '在线缴费', description: '缴纳工本费及邮寄费' },
      { title: '审核制证', description: '公安机关审核签发后制证' },
      { title: '邮寄送达', description: '新证邮寄到家，或到选定窗口自取' },
    ],
    place: '网上办理，无需到场', hours: '全天', phone: '12345 政务服务便民热线',
    faq: [{ question: '距上次办证超过五年还能网上办吗？', answer: '不能。超过五年的需到窗口重新采集相片和指纹。' }],
    notes: '',
  },
  bindings: {
    formKeys: ['idcard_online'], sections: ['applicant'], processKey: 'idcard_online',
    printTemplateKeys: [], archiveRuleKey: 'idcard', appointment: { enabled: false }, fee: { ...idFee, payChannels: ['online', 'mobile'] },
  },
});
