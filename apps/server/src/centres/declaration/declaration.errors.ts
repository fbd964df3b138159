import { defineErrors } from '@jsga/kernel';

export const declarationErrors = defineErrors('DECLARATION', {
  NOT_FOUND: { category: 'NOT_FOUND', message: '申报草稿不存在或已删除' },
  STALE: { category: 'CONFLICT', message: '草稿已在其他设备上修改，请刷新后再保存' },
  ALREADY_SUBMITTED: { category: 'INVALID_STATE', message: '该申报已提交，不能再修改' },
  CONSENT_REQUIRED: { category: 'INVALID_STATE', message: '请先授权身份核验与电子证照调用' },
  APPLICANT_TYPE_NOT_ACCEPTED: { category: 'INVALID_INPUT', message: '本事项不受理该类申请人，请切换办事身份' },
  NOT_ONLINE: { category: 'INVALID_INPUT', message: '本事项暂不支持网上申报，请到窗口办理' },
  ORG_REQUIRED: { category: 'INVALID_INPUT', message: '请选择受理单位' },
  CASE_NOT_RETURNED: { category: 'INVALID_STATE', message: '只有被退件的办件可以修改后重新申报' },
});
