import { defineErrors } from '@jsga/kernel';

export const archiveErrors = defineErrors('ARCHIVE', {
  NOT_FOUND: { category: 'NOT_FOUND', message: '归档记录不存在或不在您的数据范围内' },
  STALE: { category: 'CONFLICT', message: '已被他人更新，请刷新后再操作' },
  CATALOGUE_INVALID: { category: 'INVALID_INPUT', message: '归档材料目录有误' },
  ALREADY_ARCHIVED: { category: 'INVALID_STATE', message: '该办件已归档，档号一经赋予不再变更' },
  CHECK_FAILED: { category: 'INVALID_STATE', message: '四性检测未通过，不能归档' },
  CODE_CONFLICT: { category: 'CONFLICT', message: '档号已被使用，请检查档号规则与计数器' },
  PACKAGE_NOT_FOUND: { category: 'NOT_FOUND', message: '归档信息包不存在' },
});
