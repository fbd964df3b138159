import { defineErrors } from '@jsga/kernel';

export const matterErrors = defineErrors('MATTER', {
  NOT_FOUND: { category: 'NOT_FOUND', message: '事项不存在或未发布' },
  VERSION_NOT_FOUND: { category: 'NOT_FOUND', message: '事项版本不存在或不在您的数据范围内' },
  IMPLEMENTING_NOT_FOUND: { category: 'NOT_FOUND', message: '实施事项不存在或不在您的数据范围内' },
  ORG_NOT_IN_SCOPE: { category: 'NOT_FOUND', message: '实施机构不存在或不在您的数据范围内' },
  CODE_TAKEN: { category: 'CONFLICT', message: '事项编码已被使用' },
  IMPLEMENTING_EXISTS: { category: 'CONFLICT', message: '该机构已有此事项的实施事项' },
  OPEN_VERSION_EXISTS: { category: 'CONFLICT', message: '该事项已有草稿或待审核版本，请先处理该版本' },
  PROVINCE_ONLY: { category: 'FORBIDDEN', message: '标准事项由省级管理员维护，请通过实施事项调整本单位的办理要求' },
  FOUR_EYES: { category: 'FORBIDDEN', message: '发布人不能是该版本的最后编辑人，请由其他审核人员发布' },
  INVALID_TRANSITION: { category: 'INVALID_STATE', message: '当前版本状态不允许此操作' },
  VERSION_NOT_EDITABLE: { category: 'INVALID_STATE', message: '只有草稿版本可以修改；已提交或已发布的版本请新建草稿' },
  NOT_PUBLISHED: { category: 'INVALID_STATE', message: '标准事项尚无已发布版本' },
  VERSIONS_UNRELATED: { category: 'INVALID_INPUT', message: '只能比较同一事项的版本' },
  CONFIG_INVALID: { category: 'INVALID_INPUT', message: '事项配置有误' },
  NARROWING_VIOLATION: { category: 'INVALID_INPUT', message: '实施事项只能在标准事项范围内精简，不能增加申请负担或放宽法定要求' },
  SITUATION_ANSWER_INVALID: { category: 'INVALID_INPUT', message: '情形选择不完整或不正确，请按提示重新选择' },
});
