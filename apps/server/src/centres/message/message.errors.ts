import { defineErrors } from '@jsga/kernel';

export const messageErrors = defineErrors('MESSAGE', {
  TEMPLATE_NOT_FOUND: { category: 'NOT_FOUND', message: '消息模板不存在' },
  TEMPLATE_VARIABLE_MISSING: { category: 'INVALID_INPUT', message: '消息模板缺少变量' },
  TEMPLATE_CHANNEL_MISMATCH: { category: 'INVALID_INPUT', message: '接收方与模板渠道不符' },
  NOT_FOUND: { category: 'NOT_FOUND', message: '消息不存在' },
});
