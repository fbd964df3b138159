/**
 * The archive information package (归档信息包, DA/T 85-2019 / GB/T 42727-2023) and its 四性检测 (DA/T 70-2018):
 * the inputs the archive service collects when a case concludes, what the writer returns, and what the
 * checker reports. Pure data; no database, no I/O.
 */

/** 申报 / 过程 / 结果 files (DA/T 85 file code classes A / B / C). */
export type ArchiveFolder = 'application' | 'process' | 'result';
export const archiveFolders: readonly ArchiveFolder[] = ['application', 'process', 'result'];

export type ArchiveFileInput = {
  folder: ArchiveFolder;
  /** 件内顺序号 within the package, 1.. */
  seq: number;
  materialCode: string | null;
  /** 标准名称 from the catalogue, e.g. 居民身份证. */
  standardName: string;
  /** The actual name as uploaded. */
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** ISO 8601. */
  createdAt: string;
  /** Digests recorded at upload (lowercase hex); the fixity check compares the archived bytes with them. */
  recorded: { sha256: string | null; sm3: string | null };
};

/** 办理环节 codes: 1 收件, 2 受理, 3 审核, 4 办结, 11 补齐补正, 12 挂起, 99 其他. */
export type ArchiveProcessRecord = {
  step: string;
  code: string;
  actor: string | null;
  org: string | null;
  opinion: string;
  /** ISO 8601. */
  at: string;
};

export type ArchiveMetadata = {
  electronicRecordNo: string;
  archivalCode: string | null;
  fondsCode: string;
  regionCode: string;
  matterCode: string;
  matterName: string;
  matterVersion: number;
  matterTypeCode: string;
  matterTypeName: string;
  caseNo: string;
  caseTitle: string;
  applicantName: string;
  applicantType: 'natural_person' | 'legal_person';
  applicantIdType: string;
  applicantIdNo: string;
  orgName: string;
  orgCode: string | null;
  submittedAt: string;
  acceptedAt: string | null;
  concludedAt: string;
  archivedAt: string;
  result: 'approved' | 'disapproved';
  retention: 'Y' | 'D30' | 'D10';
  securityLevel: string;
  openness: string;
  year: number;
  process: ArchiveProcessRecord[];
};

/** The scalar metadata fields, in the order they are written. */
export const metadataFields = [
  'electronicRecordNo', 'archivalCode', 'fondsCode', 'regionCode', 'matterCode', 'matterName', 'matterVersion',
  'matterTypeCode', 'matterTypeName', 'caseNo', 'caseTitle', 'applicantName', 'applicantType', 'applicantIdType',
  'applicantIdNo', 'orgName', 'orgCode', 'submittedAt', 'acceptedAt', 'concludedAt', 'archivedAt', 'result',
  'retention', 'securityLevel', 'openness', 'year',
] as const satisfies ReadonlyArray<Exclude<keyof ArchiveMetadata, 'process'>>;
export type MetadataField = (typeof metadataFields)[number];

/** Chinese labels used in check details. */
export const metadataFieldLabels: Record<MetadataField, string> = {
  electronicRecordNo: '电子文件号', archivalCode: '档号', fondsCode: '全宗号', regionCode: '行政区划代码', matterCode: '事项编码',
  matterName: '事项名称', matterVersion: '事项版本', matterTypeCode: '事项类型代码', matterTypeName: '事项类型名称', caseNo: '业务流水号',
  caseTitle: '办件名称', applicantName: '行政相对人名称', applicantType: '行政相对人类型', applicantIdType: '证件类型',
  applicantIdNo: '证件号码', orgName: '受理单位', orgCode: '受理单位统一社会信用代码', submittedAt: '申请时间', acceptedAt: '受理时间',
  concludedAt: '办结时间', archivedAt: '归档时间', result: '办理结果', retention: '保管期限', securityLevel: '密级', openness: '开放状态',
  year: '年度',
};

/** Signs the manifest. SM2 (from @jsga/gm-crypto) in production; any node:crypto key in tests. */
export type PackageSigner = {
  algorithm: string;
  publicKeyPem: string;
  sign(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
};

export type ManifestEntry = { path: string; size: number; sm3: string; sha256: string };
export type PackageManifest = {
  profileId: string;
  packageName: string;
  /** 件号 used in the package name, when the name pattern has one. */
  seq: number | null;
  createdAt: string;
  /** The metadata file first, then every content file in package order. */
  entries: ManifestEntry[];
  /** Content files only (the metadata file is not counted). */
  totalFiles: number;
  totalBytes: number;
};

export type BuildPackageOptions = {
  /** 件号 for `{seq:N}` in the package name; defaults to the 件号 segment of the 档号 when there is one. */
  seq?: number;
};

export type BuiltPackage = {
  bytes: Uint8Array;
  /** File name without `.zip`. */
  packageName: string;
  manifest: PackageManifest;
  /** Of the whole ZIP. */
  digests: { sm3: string; sha256: string; size: number };
};

export type CheckProperty = 'authenticity' | 'integrity' | 'usability' | 'security';
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'manual';
export type CheckResult = {
  /** A1, A2 … per the standards digest §4.4; A2.1 is the embedded e-seal check. */
  id: string;
  property: CheckProperty;
  /** Chinese name of the check item, e.g. 固化信息有效性检测. */
  name: string;
  status: CheckStatus;
  /** One Chinese sentence (or several joined by '；'). */
  detail: string;
  /** Package entries concerned. */
  files?: string[];
};
export type PackageCheckReport = { ok: boolean; checks: CheckResult[] };

export type SignatureVerifier = (algorithm: string, publicKeyPem: string, data: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;
export type AntivirusScanner = (name: string, bytes: Uint8Array) => Promise<'clean' | 'infected'>;

export type CheckExpectations = {
  /** Extra pattern the 档号 must match (besides the profile's template). */
  archivalCodePattern?: RegExp;
  /** 归档登记: number of content files and their total bytes. */
  totalFiles?: number;
  totalBytes?: number;
  /** 归档材料目录 entries that must be present (matched by material code, else by standard name). */
  requiredMaterials?: Array<{ code: string; name: string }>;
  /** PEM public keys allowed to sign the manifest; without them the signature only proves integrity. */
  trustedPublicKeys?: string[];
  /** SM3 of the whole ZIP as recorded by the sender (接收检测). */
  packageSm3?: string;
};
