import { defineErrors } from '@jsga/kernel';

export const evaluationErrors = defineErrors('EVALUATION', {
  NOT_CONCLUDED: { category: 'INVALID_STATE', message: '办件办结后才能评价' },
  ALREADY_EVALUATED: { category: 'CONFLICT', message: '该办件已评价，不能重复评价' },
  CASE_NOT_FOUND: { category: 'NOT_FOUND', message: '办件不存在' },
});
