import { defineErrors } from '@jsga/kernel';

export const hukouErrors = defineErrors('HUKOU', {
  PERSON_NOT_FOUND: { category: 'NOT_FOUND', message: '人员不存在或不在您的数据范围内' },
  HOUSEHOLD_NOT_FOUND: { category: 'NOT_FOUND', message: '户不存在或不在您的数据范围内' },
  SEGMENT_INVALID: { category: 'INVALID_INPUT', message: '号段不正确' },
  ID_ALLOCATION_FAILED: { category: 'INVALID_STATE', message: '无法分配公民身份号码' },
  STATION_NOT_FOUND: { category: 'NOT_FOUND', message: '派出所不存在' },
  PRINT_UNAVAILABLE: { category: 'INVALID_STATE', message: '打印服务不可用' },
});
