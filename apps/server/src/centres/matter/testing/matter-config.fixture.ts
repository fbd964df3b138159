import { MatterConfig, type MatterConfigInput } from '@jsga/contracts';

/**
 * A small two-situation matter for rule and API tests: the reason for moving (college student / spouse),
 * and for students whether they enrol or graduate.
 */
export const twoSituationInput = (overrides: Partial<MatterConfigInput> = {}): MatterConfigInput => ({
  name: '测试户口迁移',
  policeType: 'zhian',
  category: '治安服务事项',
  matterType: 'licensing',
  handlingModes: ['immediate', 'promised'],
  applicantTypes: ['natural_person'],
  channels: ['online', 'window'],
  legalBasis: '《中华人民共和国户口登记条例》第十条',
  conditions: '迁入地符合落户条件',
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  visits: 1,
  materials: [
    { code: 'ID_CARD', name: '居民身份证', source: 'elicense', elicenseType: 'resident_id_card', required: true },
    { code: 'HUKOU_BOOK', name: '居民户口簿', source: 'elicense', elicenseType: 'household_register', required: true },
    { code: 'FORM', name: '户口迁移申请表', source: 'applicant', required: true, templateFileId: 'tpl-hukou-move' },
    { code: 'PHOTO', name: '近期免冠照片', source: 'shared_data', required: false },
    { code: 'ADMISSION', name: '录取通知书', source: 'applicant', required: true, situational: true, form: 'original_and_copy' },
    { code: 'DIPLOMA', name: '毕业证书', source: 'applicant', required: true, situational: true, allowTolerance: true },
    { code: 'MARRIAGE', name: '结婚证', source: 'elicense', elicenseType: 'marriage_certificate', required: true, situational: true },
  ],
  situations: [{
    key: 'reason', text: '迁移原因', type: 'single', options: [
      { key: 'college', label: '大中专院校学生', effects: { addSections: ['school'] }, children: [{
        key: 'direction', text: '迁入学校还是毕业迁出？', type: 'single', options: [
          { key: 'enrol', label: '录取迁入学校', effects: { addMaterials: ['ADMISSION'], eligibilityRule: 'age(applicant.idNo) >= 15', eligibilityMessage: '须年满15周岁' } },
          { key: 'graduate', label: '毕业迁出', effects: { addMaterials: ['DIPLOMA'], removeMaterials: ['FORM'], processKey: 'hukou_graduate' } },
        ],
      }] },
      { key: 'spouse', label: '夫妻投靠', effects: { addMaterials: ['MARRIAGE'], addSections: ['spouse'], removeSections: ['move'] } },
    ],
  }],
  bindings: { formKeys: ['hukou_move'], sections: ['applicant', 'move'], processKey: 'hukou_standard' },
  ...overrides,
});

export const twoSituationConfig = (overrides: Partial<MatterConfigInput> = {}): MatterConfig => MatterConfig.parse(twoSituationInput(overrides));
