import type { FaceFieldDef, HolderIdType, HolderKind, LicenceStatus } from '@jsga/contracts';
import type { Queryable } from '@jsga/kernel';

/** 证照类型 as a provider reports it (GB/T 36902 目录信息, the part we use). */
export type LicenceType = {
  code: string;
  name: string;
  standardTypeCode: string | null;
  holderKind: HolderKind;
  issuerName: string;
  faceFields: FaceFieldDef[];
  sort: number;
};

/** One licence with its GB/T 36903 metadata and 照面信息. `status` is what the source stores. */
export type Licence = {
  id: string;
  typeCode: string;
  licenceNo: string;
  identifier: string | null;
  holderName: string;
  holderIdType: HolderIdType;
  holderIdNo: string;
  issuerName: string;
  issuerCode: string | null;
  issueDate: string;
  validFrom: string | null;
  validTo: string | null;
  status: LicenceStatus;
  faceData: Record<string, string>;
  createdAt: string;
};

/** 持证主体: whose licences to find. */
export type HolderRef = { idType: HolderIdType; code: string };

/** 证照核验 result: whether the licence exists and is in force today. */
export type LicenceVerification =
  | { found: false }
  | { found: true; status: LicenceStatus; valid: boolean; typeCode: string; holderIdType: HolderIdType; holderIdNo: string };

/**
 * Where licences come from. The local implementation reads this centre's tables (demo and tests); an
 * adapter to the provincial 电子证照库 (GB/T 36906 share service: queryCertInfoByHolderCode,
 * queryCertInfo, verifyCertInfo, getCertRemarkInfo) implements the same four calls and ignores `q`.
 * Implementations never log holder codes.
 */
export interface ElicenseProvider {
  readonly kind: string;
  /** 目录查询: the licence types the source serves. */
  listTypes(q: Queryable): Promise<LicenceType[]>;
  /** 证照查询 by 持证主体代码, optionally only some types; newest issue first. */
  findForHolder(q: Queryable, holder: HolderRef, opts?: { types?: string[] }): Promise<Licence[]>;
  /** 证照数据获取 by id (the local uuid, or a 证照标识 for a remote library); null when unknown. */
  findById(q: Queryable, id: string): Promise<Licence | null>;
  /** 证照核验: exists, and in force on `today` (YYYY-MM-DD, China time). */
  verify(q: Queryable, id: string, today: string): Promise<LicenceVerification>;
}
