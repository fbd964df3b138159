import { defineErrors } from '@jsga/kernel';

export const formErrors = defineErrors('FORM', {
  DEFINITION_INVALID: { category: 'INVALID_INPUT', message: '表单定义有误' },
  NOT_FOUND: { category: 'NOT_FOUND', message: '表单不存在或未发布' },
  NOT_DRAFT: { category: 'INVALID_STATE', message: '只有草稿可以发布' },
  KEY_MISMATCH: { category: 'INVALID_INPUT', message: '表单定义中的标识与地址中的不一致' },
  KEY_TAKEN: { category: 'CONFLICT', message: '表单标识已被使用，请换一个标识或打开已有表单' },
});
