import { z } from 'zod';

/** 公众身份（苏证通）: what the portal and the phone pages exchange with the citizen identity service. */

const Phone = z.string().trim().regex(/^1\d{10}$/, '请输入11位手机号码');
const IdNo = z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, '请输入18位公民身份号码');
const Name = z.string().trim().min(2, '请输入姓名').max(30, '姓名过长');
const CreditCode = z.string().trim().toUpperCase().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '请输入18位统一社会信用代码');

export const SmsCodeBody = z.object({ phone: Phone });
export type SmsCodeBody = z.infer<typeof SmsCodeBody>;
export const SmsCodeResult = z.object({
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
  /** Only in demo mode (no SMS gateway): the code, shown on the page. */
  demoCode: z.string().nullable(),
});
export type SmsCodeResult = z.infer<typeof SmsCodeResult>;
/** How sign-in behaves here: in demo mode the page may show the code and the demo identities. */
export const CitizenAuthOptions = z.object({ demo: z.boolean() });
export type CitizenAuthOptions = z.infer<typeof CitizenAuthOptions>;

export const SmsLoginBody = z.object({ name: Name, idNo: IdNo, phone: Phone, code: z.string().trim().regex(/^\d{6}$/, '请输入6位验证码') });
export type SmsLoginBody = z.infer<typeof SmsLoginBody>;

export const CitizenActingFor = z.object({ creditCode: z.string(), name: z.string(), role: z.enum(['legal_representative', 'agent']) });
export type CitizenActingFor = z.infer<typeof CitizenActingFor>;
export const companyRoleLabels: Record<CitizenActingFor['role'], string> = { legal_representative: '法定代表人', agent: '经办人' };

export const CitizenMeView = z.object({
  citizenId: z.uuid(),
  name: z.string(),
  idNoMasked: z.string(),
  phoneMasked: z.string().nullable(),
  /** 1 实名（人口库核验）, 2 实人（人脸）, 3 网证 (苏证通 app). */
  authLevel: z.number().int(),
  /** How this session signed in. */
  loginMethod: z.enum(['sms', 'qr', 'app']),
  /** When the person authorised identity verification and e-licence use (null: not yet). */
  consentAt: z.string().nullable(),
  actingFor: CitizenActingFor.nullable(),
  /** Companies this person may act for. */
  companies: z.array(CitizenActingFor),
  sessionExpiresAt: z.string(),
});
export type CitizenMeView = z.infer<typeof CitizenMeView>;

export const CitizenLoginResult = z.object({ token: z.string(), expiresAt: z.string(), me: CitizenMeView });
export type CitizenLoginResult = z.infer<typeof CitizenLoginResult>;

export const QrTicketStatus = z.enum(['pending', 'scanned', 'confirmed', 'consumed', 'cancelled', 'expired']);
export type QrTicketStatus = z.infer<typeof QrTicketStatus>;
export const QrTicketCreated = z.object({
  ticketId: z.uuid(),
  /** Kept by the page that shows the code: only it may collect the session. */
  pollSecret: z.string(),
  /** What the QR code encodes: the scan page address. */
  qrContent: z.string(),
  expiresAt: z.string(),
});
export type QrTicketCreated = z.infer<typeof QrTicketCreated>;
export const QrPollBody = z.object({ pollSecret: z.string().min(20).max(200) });
export const QrPollResult = z.object({ status: QrTicketStatus, login: CitizenLoginResult.nullable() });
export type QrPollResult = z.infer<typeof QrPollResult>;
/** What the phone shows before the person confirms: where and when the login was asked for. */
export const QrTicketView = z.object({ ticketId: z.uuid(), status: QrTicketStatus, requestedAt: z.string(), requestIp: z.string().nullable(), expiresAt: z.string() });
export type QrTicketView = z.infer<typeof QrTicketView>;

export const ActingForBody = z.object({ creditCode: CreditCode.nullable() });
export const RegisterCompanyBody = z.object({ creditCode: CreditCode });
export const GrantAgentBody = z.object({ name: Name, idNo: IdNo, validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD').nullable().default(null) });
export type GrantAgentBody = z.infer<typeof GrantAgentBody>;
export const CompanyAgentView = z.object({ id: z.uuid(), name: z.string(), idNoMasked: z.string(), validTo: z.string().nullable(), grantedAt: z.string() });
export type CompanyAgentView = z.infer<typeof CompanyAgentView>;

export const ConsentBody = z.object({ agree: z.literal(true, { error: '请阅读并同意授权后继续' }) });
