import { defineErrors } from '@jsga/kernel';

export const elicenseErrors = defineErrors('ELICENSE', {
  NOT_FOUND: { category: 'NOT_FOUND', message: '电子证照不存在' },
  HOLDER_REQUIRED: { category: 'INVALID_INPUT', message: '请提供持证人公民身份号码或持证单位统一社会信用代码（二选一）' },
  HOLDER_ID_INVALID: { category: 'INVALID_INPUT', message: '公民身份号码不正确' },
  CREDIT_CODE_INVALID: { category: 'INVALID_INPUT', message: '统一社会信用代码不正确' },
  TYPE_UNKNOWN: { category: 'INVALID_INPUT', message: '证照类型不存在' },
  WRONG_TYPE: { category: 'INVALID_INPUT', message: '该电子证照不是所需的证照类型' },
  WRONG_HOLDER: { category: 'FORBIDDEN', message: '该电子证照不属于申请人本人' },
  NOT_IN_FORCE: { category: 'INVALID_STATE', message: '该电子证照已过期、注销或暂停使用，不能替代材料' },
  PROVIDER_UNAVAILABLE: { category: 'UPSTREAM_FAILED', message: '电子证照库暂时无法访问，请稍后重试或提交纸质材料' },
});
