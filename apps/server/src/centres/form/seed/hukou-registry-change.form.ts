import type { FormDefinition } from '@jsga/form-engine';
import { applicantIdNo, applicantName, contactPhone } from './common-fields';

const subject = (title: string) => ({
  key: 'subject', title,
  fields: [
    { key: 'subjectName', label: '姓名', type: 'text' as const, required: true, maxLength: 30 },
    { key: 'subjectIdNo', label: '公民身份号码', type: 'idNo' as const, required: true },
  ],
});
const declarant = {
  key: 'declarant', title: '申报人',
  fields: [
    applicantName, applicantIdNo,
    { key: 'declarantRelation', label: '申报人与当事人关系', type: 'select' as const, required: true, options: [
      { value: 'self', label: '本人' }, { value: 'family', label: '家庭成员' }, { value: 'head', label: '户主' }, { value: 'unit', label: '单位' }, { value: 'other', label: '其他' },
    ] },
    contactPhone,
  ],
};

/**
 * 户口注销申报表: who, why (死亡, 入伍, 其他) and the proof's number. The hukou module's
 * registration_cancel effect ends the person's registration with the reason.
 */
export const hukouCancelForm: FormDefinition = {
  key: 'hukou_cancel',
  title: '户口注销申报表',
  sections: [
    declarant,
    subject('注销人员'),
    {
      key: 'cancel', title: '注销信息',
      fields: [
        { key: 'cancelReason', label: '注销原因', type: 'radio', required: true, options: [
          { value: 'death', label: '死亡' }, { value: 'enlist', label: '应征入伍' }, { value: 'other', label: '其他' },
        ] },
        { key: 'eventDate', label: '死亡或入伍日期', type: 'date', required: true, rules: [{ assert: 'value <= today()', message: '日期不能晚于今天' }] },
        { key: 'proofNo', label: '证明编号', type: 'text', required: true, maxLength: 40, help: '死亡医学证明（推断）书、入伍通知书等的编号' },
        { key: 'otherReason', label: '其他原因', type: 'textarea', required: true, maxLength: 300, visibleWhen: "cancelReason == 'other'" },
      ],
    },
  ],
};

const items = [
  { value: 'religion', label: '宗教信仰' }, { value: 'heightCm', label: '身高' }, { value: 'bloodType', label: '血型' },
  { value: 'education', label: '文化程度' }, { value: 'maritalStatus', label: '婚姻状况' }, { value: 'militaryService', label: '兵役状况' },
  { value: 'occupation', label: '职业' }, { value: 'employer', label: '服务处所' },
];
const when = (item: string) => `changeItem == '${item}'`;

/**
 * 户口登记项目变更申报表 for 非主项 (宗教信仰, 身高, 血型, 文化程度, 婚姻状况, 兵役状况, 职业, 服务处所): the
 * registry_item_change effect writes the new value with the old one in the trajectory.
 */
export const hukouItemChangeForm: FormDefinition = {
  key: 'hukou_item_change',
  title: '户口登记项目变更申报表',
  sections: [
    declarant,
    subject('变更人员'),
    {
      key: 'change', title: '变更内容',
      fields: [
        { key: 'changeItem', label: '变更项目', type: 'select', required: true, options: items },
        { key: 'newReligion', label: '变更后宗教信仰', type: 'select', required: true, visibleWhen: when('religion'), options: [
          { value: 'none', label: '无宗教信仰' }, { value: 'buddhism', label: '佛教' }, { value: 'taoism', label: '道教' }, { value: 'islam', label: '伊斯兰教' },
          { value: 'catholicism', label: '天主教' }, { value: 'christianity', label: '基督教' }, { value: 'other', label: '其他' },
        ] },
        { key: 'newHeightCm', label: '变更后身高（厘米）', type: 'number', required: true, visibleWhen: when('heightCm'),
          rules: [{ assert: 'value >= 40 && value <= 250', message: '身高应在 40 至 250 厘米之间' }] },
        { key: 'newBloodType', label: '变更后血型', type: 'select', required: true, visibleWhen: when('bloodType'), options: [
          { value: 'A', label: 'A型' }, { value: 'B', label: 'B型' }, { value: 'O', label: 'O型' }, { value: 'AB', label: 'AB型' }, { value: 'other', label: '其他血型' },
        ] },
        { key: 'newEducation', label: '变更后文化程度', type: 'select', required: true, visibleWhen: when('education'), options: [
          { value: '10', label: '研究生' }, { value: '20', label: '大学本科' }, { value: '30', label: '大学专科和专科学校' }, { value: '40', label: '中等专业学校' },
          { value: '60', label: '普通高级中学' }, { value: '70', label: '初级中学' }, { value: '80', label: '小学' }, { value: '90', label: '其他' },
        ] },
        { key: 'newMaritalStatus', label: '变更后婚姻状况', type: 'select', required: true, visibleWhen: when('maritalStatus'), options: [
          { value: '10', label: '未婚' }, { value: '20', label: '已婚' }, { value: '30', label: '丧偶' }, { value: '40', label: '离婚' },
        ] },
        { key: 'newMilitaryService', label: '变更后兵役状况', type: 'select', required: true, visibleWhen: when('militaryService'), options: [
          { value: '0', label: '未服兵役' }, { value: '1', label: '退出现役' }, { value: '2', label: '士兵预备役' }, { value: '3', label: '军官预备役' }, { value: '4', label: '服现役' },
        ] },
        { key: 'newOccupation', label: '变更后职业', type: 'text', required: true, maxLength: 60, visibleWhen: when('occupation') },
        { key: 'newEmployer', label: '变更后服务处所', type: 'text', required: true, maxLength: 100, visibleWhen: when('employer') },
        { key: 'changeReason', label: '变更原因', type: 'textarea', maxLength: 300, span: 2 },
      ],
    },
  ],
};
