import { defineErrors } from '@jsga/kernel';

export const citizenErrors = defineErrors('CITIZEN', {
  SMS_TOO_FREQUENT: { category: 'RATE_LIMITED', message: '验证码发送过于频繁，请稍后再试' },
  SMS_CODE_WRONG: { category: 'INVALID_INPUT', message: '验证码错误或已过期，请重新获取' },
  IDENTITY_NOT_VERIFIED: { category: 'INVALID_INPUT', message: '姓名与公民身份号码核验不一致，请检查后重试' },
  ID_NO_INVALID: { category: 'INVALID_INPUT', message: '公民身份号码不正确' },
  ACCOUNT_DISABLED: { category: 'FORBIDDEN', message: '账号已停用，请联系12345或就近派出所' },
  TICKET_NOT_FOUND: { category: 'NOT_FOUND', message: '二维码已失效，请刷新二维码' },
  TICKET_EXPIRED: { category: 'INVALID_STATE', message: '二维码已过期，请在电脑上刷新二维码后重新扫码' },
  TICKET_USED: { category: 'INVALID_STATE', message: '该二维码已使用，请刷新二维码' },
  COMPANY_NOT_FOUND: { category: 'NOT_FOUND', message: '未查到该统一社会信用代码的有效营业执照' },
  NOT_LEGAL_REPRESENTATIVE: { category: 'FORBIDDEN', message: '营业执照登记的法定代表人不是您本人，不能以法定代表人身份登记该企业' },
  NOT_AUTHORISED_FOR_COMPANY: { category: 'FORBIDDEN', message: '您未获该企业授权，请由法定代表人授权后再办理' },
  AGENT_NOT_FOUND: { category: 'NOT_FOUND', message: '授权记录不存在或已撤销' },
  CONSENT_REQUIRED: { category: 'INVALID_STATE', message: '请先授权身份核验与电子证照调用' },
});
