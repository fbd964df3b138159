import { defineErrors } from '@jsga/kernel';

export const workflowErrors = defineErrors('WORKFLOW', {
  DEFINITION_INVALID: { category: 'INVALID_INPUT', message: '流程定义有误' },
  DEFINITION_NOT_FOUND: { category: 'NOT_FOUND', message: '流程定义不存在或未发布' },
  DEFINITION_NOT_DRAFT: { category: 'INVALID_STATE', message: '只有草稿状态的流程定义可以发布' },
  INSTANCE_NOT_FOUND: { category: 'NOT_FOUND', message: '流程实例不存在' },
  INSTANCE_NOT_RUNNING: { category: 'INVALID_STATE', message: '流程已结束' },
  TASK_NOT_FOUND: { category: 'NOT_FOUND', message: '任务不存在' },
  TASK_ALREADY_DONE: { category: 'CONFLICT', message: '该任务已被办理或已撤销，请刷新后查看' },
  TASK_ALREADY_CLAIMED: { category: 'CONFLICT', message: '该任务已被他人签收' },
  NOT_ASSIGNEE: { category: 'FORBIDDEN', message: '该任务不是分配给您的' },
  REASON_REQUIRED: { category: 'INVALID_INPUT', message: '退回或不予通过须填写理由' },
  NO_PATH: { category: 'INVALID_STATE', message: '流程没有满足条件的后续分支，请检查流程配置' },
  BAD_RETURN_TARGET: { category: 'INVALID_INPUT', message: '只能退回到已经过的人工办理节点' },
  CALENDAR_YEAR_MISMATCH: { category: 'INVALID_INPUT', message: '日期不属于所保存的年份' },
  UNKNOWN_HANDLER: { category: 'INTERNAL', message: '流程服务节点的处理程序未注册' },
});
