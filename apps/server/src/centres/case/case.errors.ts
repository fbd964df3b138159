import { defineErrors } from '@jsga/kernel';

export const caseErrors = defineErrors('CASE', {
  NOT_FOUND: { category: 'NOT_FOUND', message: '办件不存在或不在您的数据范围内' },
  ACTION_NOT_ALLOWED: { category: 'INVALID_STATE', message: '办件当前状态不允许该操作' },
  REASON_REQUIRED: { category: 'INVALID_INPUT', message: '该操作须填写理由' },
  STALE: { category: 'CONFLICT', message: '办件已被他人更新，请刷新后再操作' },
  APPLICANT_ID_INVALID: { category: 'INVALID_INPUT', message: '申请人证件号码无效' },
  FORM_INVALID: { category: 'INVALID_INPUT', message: '申请表填写有误' },
  MATERIAL_UNKNOWN: { category: 'INVALID_INPUT', message: '所交材料不在本事项的材料清单内' },
  FILE_NOT_FOUND: { category: 'INVALID_INPUT', message: '材料文件不存在，请重新上传' },
  TOLERANCE_NOT_ALLOWED: { category: 'INVALID_INPUT', message: '所列材料不允许容缺受理' },
  TASK_REQUIRED: { category: 'INVALID_INPUT', message: '该办件有流程任务在办，请指明办理的任务' },
  TASK_NOT_OF_CASE: { category: 'INVALID_INPUT', message: '该任务不属于此办件' },
  PROCESS_RUNNING: { category: 'INVALID_STATE', message: '审批流程尚未走完，不能直接办结' },
  RESULT_REQUIRED: { category: 'INVALID_INPUT', message: '办结须选择办理结果' },
  NO_PROCESS: { category: 'INVALID_STATE', message: '该办件没有审批流程' },
  ORG_REQUIRED: { category: 'INVALID_INPUT', message: '请选择受理单位' },
  ORG_NOT_FOUND: { category: 'INVALID_INPUT', message: '受理单位不存在' },
  ORG_OUT_OF_SCOPE: { category: 'FORBIDDEN', message: '受理单位不在您的数据范围内' },
  APPLICANT_TYPE_NOT_ACCEPTED: { category: 'INVALID_INPUT', message: '本事项不受理该类申请人' },
  DUPLICATE_SUBMISSION: { category: 'CONFLICT', message: '该申报编号已被使用' },
  NOT_ELIGIBLE: { category: 'INVALID_INPUT', message: '不符合办理条件' },
});
