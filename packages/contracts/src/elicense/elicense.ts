import { z } from 'zod';
import { ListQuery } from '../common';

/**
 * 电子证照 (GB/T 36901–36906). The platform's own type codes (`resident_id_card` …) are what matters and
 * forms refer to; the 21-character 证照类型代码 of GB/T 36904 is kept beside them as configuration,
 * because the national codes for these six types were not confirmed.
 */

/** 持证主体类别: 自然人 or 法人（含其他组织）. */
export const HolderKind = z.enum(['natural', 'legal']);
export type HolderKind = z.infer<typeof HolderKind>;
export const holderKindLabels: Record<HolderKind, string> = { natural: '自然人', legal: '法人和其他组织' };

/** 持证主体代码类型: 公民身份号码 or 统一社会信用代码. */
export const HolderIdType = z.enum(['id_no', 'credit_code']);
export type HolderIdType = z.infer<typeof HolderIdType>;
export const holderIdTypeLabels: Record<HolderIdType, string> = { id_no: '公民身份号码', credit_code: '统一社会信用代码' };

/** 证照状态. A licence stored as valid whose 有效期 has passed is reported as expired. */
export const LicenceStatus = z.enum(['valid', 'expired', 'revoked', 'suspended']);
export type LicenceStatus = z.infer<typeof LicenceStatus>;
export const licenceStatusLabels: Record<LicenceStatus, string> = { valid: '有效', expired: '过期', revoked: '注销', suspended: '挂失/暂停' };

/** The platform's codes for the licence types seeded today; more types are data, not code. */
export const wellKnownLicenceTypes = {
  residentIdCard: 'resident_id_card',
  householdRegister: 'household_register',
  drivingLicence: 'driving_licence',
  businessLicence: 'business_licence',
  birthMedicalCertificate: 'birth_medical_certificate',
  marriageCertificate: 'marriage_certificate',
} as const;

/** One 照面 field of a licence type, and the form-prefill key its value fills (name, idNo, address …). */
export const FaceFieldDef = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/),
  label: z.string().min(1).max(50),
  prefillKey: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]{0,63}$/).nullable().default(null).describe('填入表单时对应的预填键；为空表示不用于感知回填'),
});
export type FaceFieldDef = z.infer<typeof FaceFieldDef>;

export const LicenceTypeView = z.object({
  code: z.string(),
  name: z.string(),
  standardTypeCode: z.string().nullable().describe('GB/T 36904 证照类型代码（21 位），未配置为空'),
  holderKind: HolderKind,
  issuerName: z.string().describe('颁发机构（类别）'),
  faceFields: z.array(FaceFieldDef),
});
export type LicenceTypeView = z.infer<typeof LicenceTypeView>;

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A licence in a list: no 照面 data, the holder's number masked. */
export const LicenceSummaryView = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  licenceNo: z.string().describe('证照编号'),
  holderName: z.string().describe('持证主体'),
  holderIdType: HolderIdType,
  holderIdNoMasked: z.string().describe('持证主体代码（脱敏）'),
  issuerName: z.string(),
  issueDate: DateText,
  validFrom: DateText.nullable(),
  validTo: DateText.nullable().describe('有效期截止；为空表示长期'),
  status: LicenceStatus.describe('按今天计算的状态'),
});
export type LicenceSummaryView = z.infer<typeof LicenceSummaryView>;

/** One licence with its 照面信息, for an officer who needs it (every read is audited). */
export const LicenceDetailView = LicenceSummaryView.omit({ holderIdNoMasked: true }).extend({
  identifier: z.string().nullable().describe('GB/T 36904 证照标识'),
  holderIdNo: z.string(),
  issuerCode: z.string().nullable(),
  storedStatus: LicenceStatus,
  faceFields: z.array(FaceFieldDef),
  faceData: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type LicenceDetailView = z.infer<typeof LicenceDetailView>;

export const LicenceLookupQuery = ListQuery.pick({ page: true, pageSize: true }).extend({
  holderIdNo: z.string().trim().toUpperCase().max(18).optional().describe('持证人公民身份号码'),
  creditCode: z.string().trim().toUpperCase().max(18).optional().describe('持证单位统一社会信用代码'),
  type: z.string().trim().max(64).optional().describe('证照类型代码，多个用逗号分隔'),
});
export type LicenceLookupQuery = z.infer<typeof LicenceLookupQuery>;

export const LicenceIdParams = z.object({ id: z.string().trim().min(1).max(200) });
