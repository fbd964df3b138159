import type { MatterConfigInput } from '@jsga/contracts';

/**
 * 户口迁移审批 in full: the matter behind demonstration 2 (大中专院校学生户口迁移). Keys of materials,
 * questions, options, sections and processes are what the hukou module and its forms refer to.
 */
export const hukouMigration = (base: MatterConfigInput): MatterConfigInput => ({
  ...base,
  matterType: 'licensing',
  applicantTypes: ['natural_person'],
  legalBasis: '《中华人民共和国户口登记条例》第十条、第十三条；《江苏省户籍准入登记规定》',
  conditions: '迁入地符合户籍准入条件。大中专院校录取的新生，可自愿将户口迁入学校集体户；毕业生可凭毕业证书将户口迁回原籍或迁往就业地、人才集体户；'
    + '夫妻投靠须被投靠人为迁入地常住户口。',
  feeFen: 0,
  feeNote: '不收费',
  statutoryLimitDays: 20,
  promisedLimitDays: 5,
  visits: 1,
  materials: [
    { code: 'ID_CARD', name: '居民身份证', source: 'elicense', elicenseType: 'resident_id_card', required: true, note: '已领取电子证照的，可用电子证照替代，无需提交原件' },
    { code: 'HUKOU_BOOK', name: '居民户口簿', source: 'elicense', elicenseType: 'household_register', required: true, note: '迁入家庭户的，提交迁入户的户口簿' },
    { code: 'APPLICATION_FORM', name: '户口迁移申请表', source: 'applicant', required: true, templateFileId: 'tpl-hukou-migration-application',
      sampleFileId: 'sample-hukou-migration-application' },
    { code: 'PHOTO', name: '近期免冠证件照片', source: 'shared_data', required: false, note: '统一照片库已有近两年照片的无需提交' },
    { code: 'ADMISSION_NOTICE', name: '录取通知书', source: 'applicant', required: true, situational: true, form: 'original_and_copy' },
    { code: 'DIPLOMA', name: '毕业证书', source: 'applicant', required: true, situational: true, allowTolerance: true,
      note: '毕业证书尚未发放的，可先凭学校出具的毕业证明容缺受理，30日内补交' },
    { code: 'EMPLOYMENT_PROOF', name: '就业报到证明或劳动合同', source: 'applicant', required: false, situational: true, allowTolerance: true },
    { code: 'MARRIAGE_CERT', name: '结婚证', source: 'elicense', elicenseType: 'marriage_certificate', required: true, situational: true },
  ],
  situations: [
    { key: 'reason', text: '您办理户口迁移的原因是？', type: 'single', options: [
      { key: 'college', label: '大中专院校学生（录取迁入或毕业迁出）', effects: { addSections: ['school'] }, children: [
        { key: 'college_direction', text: '您是录取新生迁入学校，还是毕业生迁出学校？', type: 'single', options: [
          { key: 'enrol', label: '录取新生，户口迁入学校集体户', effects: {
            addMaterials: ['ADMISSION_NOTICE'], processKey: 'hukou_college_enrol',
            eligibilityRule: 'startsWith(form.schoolRegionCode, "32")', eligibilityMessage: '录取院校须在江苏省内',
            moreEligibility: [{ rule: 'facts.hukou.inStudentCollective != true', message: '申请人户口已在学校学生集体户，不能重复办理录取迁入' }] } },
          { key: 'graduate', label: '毕业生，户口迁出学校', effects: {
            addMaterials: ['DIPLOMA', 'EMPLOYMENT_PROOF'], removeMaterials: ['HUKOU_BOOK'], processKey: 'hukou_college_graduate',
            eligibilityRule: 'daysBetween(form.graduationDate, today()) <= 730', eligibilityMessage: '毕业两年内可按毕业生办理户口迁移',
            moreEligibility: [{ rule: 'facts.hukou.registered != true || facts.hukou.inStudentCollective == true', message: '申请人户口不在学校学生集体户，不能按毕业生迁出办理' }] } },
        ] },
      ] },
      { key: 'spouse', label: '夫妻投靠', effects: { addMaterials: ['MARRIAGE_CERT'], addSections: ['relative'],
        eligibilityRule: 'form.hostHukouRegion != null', eligibilityMessage: '被投靠人须为迁入地常住户口' } },
      { key: 'work', label: '工作调动', effects: { addMaterials: ['EMPLOYMENT_PROOF'], addSections: ['employer'] } },
    ] },
    { key: 'scope', text: '迁移范围', type: 'single', help: '跨省迁移实行“一站式”办理，无需回迁出地开具迁移证', options: [
      { key: 'in_province', label: '江苏省内迁移' },
      { key: 'cross_province', label: '跨省迁入江苏', effects: { addSections: ['origin'] } },
    ] },
  ],
  guide: {
    flow: [
      { title: '申请', description: '网上、掌上或到迁入地派出所户籍窗口提交申请' },
      { title: '受理', description: '窗口民警核验材料，材料齐全的当场受理' },
      { title: '审核', description: '派出所审核迁移条件' },
      { title: '审批', description: '县（市、区）公安机关审批；不予批准的说明理由' },
      { title: '办结', description: '办理落户，打印户口迁移审批表、准予迁入证明' },
    ],
    place: '迁入地公安派出所户籍窗口；大中专院校学生可在学校所在地派出所办理',
    hours: '工作日 上午9:00-12:00，下午13:30-17:00；周六上午延时服务',
    phone: '12345 政务服务便民热线',
    faq: [
      { question: '大学新生必须把户口迁到学校吗？', answer: '不必须。是否迁移户口由学生自愿决定，不迁的可保留在原籍。' },
      { question: '毕业证书还没拿到，能先办吗？', answer: '可以。凭学校出具的毕业证明容缺受理，30日内补交毕业证书。' },
      { question: '跨省迁入还需要回老家开迁移证吗？', answer: '不需要。跨省迁移实行“一站式”办理，由迁入地公安机关网上核验迁出地信息。' },
    ],
    notes: '',
  },
  bindings: {
    formKeys: ['hukou_migration'],
    sections: ['applicant', 'migration'],
    processKey: 'hukou_migration',
    printTemplateKeys: ['hukou_migration_approval_form', 'hukou_migration_admission_certificate'],
    archiveRuleKey: 'hukou_migration',
    registryEffect: 'hukou_migration',
    appointment: { enabled: true, slotMinutes: 30, daysAhead: 7 },
    fee: { collectAt: 'none' },
  },
});
