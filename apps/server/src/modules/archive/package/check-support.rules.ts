import type { OpenedPackage } from './package-reader.rules';
import type { PackageProfile } from './profile.rules';
import type { AntivirusScanner, CheckExpectations, CheckProperty, CheckResult, CheckStatus, SignatureVerifier } from './package.types';

/** The 四性检测 items this checker runs, in report order (ids per standards digest §4.4). */
export const packageCheckCatalogue = [
  { id: 'A1', property: 'authenticity', name: '固化信息有效性检测' },
  { id: 'A2', property: 'authenticity', name: '信息包签名有效性检测' },
  { id: 'A2.1', property: 'authenticity', name: '电子签章有效性检测' },
  { id: 'A3', property: 'authenticity', name: '时间戳有效性检测' },
  { id: 'A4', property: 'authenticity', name: '元数据项数据长度、类型及格式检测' },
  { id: 'A5', property: 'authenticity', name: '设定值域的元数据项值域符合度检测' },
  { id: 'A6', property: 'authenticity', name: '元数据项数据值合理性检测' },
  { id: 'A7', property: 'authenticity', name: '元数据项数据包含特殊字符检测' },
  { id: 'A8', property: 'authenticity', name: '档号规范性检测' },
  { id: 'A10', property: 'authenticity', name: '内容数据电子属性一致性检测' },
  { id: 'A11', property: 'authenticity', name: '元数据与内容关联一致性检测' },
  { id: 'A12', property: 'authenticity', name: '归档信息包结构规范性检测' },
  { id: 'I1', property: 'integrity', name: '总件数与总字节数相符性检测' },
  { id: 'I2', property: 'integrity', name: '元数据必填著录项目检测' },
  { id: 'I3', property: 'integrity', name: '过程信息完整性检测' },
  { id: 'I4', property: 'integrity', name: '连续性元数据项检测' },
  { id: 'I5', property: 'integrity', name: '内容数据完整性检测' },
  { id: 'U1', property: 'usability', name: '信息包中元数据的可读性检测' },
  { id: 'U2', property: 'usability', name: '内容数据格式合规性检测' },
  { id: 'U3', property: 'usability', name: '内容数据可读性检测' },
  { id: 'U4', property: 'usability', name: '信息包压缩与加密检测' },
  { id: 'S1', property: 'security', name: '病毒感染检测' },
  { id: 'S2', property: 'security', name: '载体安全性检测' },
  { id: 'S3', property: 'security', name: '可执行内容检测' },
] as const satisfies ReadonlyArray<{ id: string; property: CheckProperty; name: string }>;
export type PackageCheckId = (typeof packageCheckCatalogue)[number]['id'];

export type CheckPackageOptions = {
  profile: PackageProfile;
  verify: SignatureVerifier;
  expected?: CheckExpectations;
  antivirus?: AntivirusScanner;
  /** How the package reached the archive: over the network (default) or on an offline carrier (光盘, 移动硬盘). */
  carrier?: 'online' | 'offline';
  /** For the 'not in the future' checks; defaults to the current time. */
  now?: Date;
};

export type CheckContext = { pkg: OpenedPackage; options: CheckPackageOptions; now: Date };

export function result(id: PackageCheckId, status: CheckStatus, detail: string, files?: Iterable<string>): CheckResult {
  const item = packageCheckCatalogue.find((c) => c.id === id)!;
  const list = files ? [...new Set(files)] : [];
  return { id, property: item.property, name: item.name, status, detail: sentence(detail), ...(list.length ? { files: list } : {}) };
}

const sentence = (s: string) => (/[。！？]$/.test(s) ? s : `${s}。`);

/** Joins findings into one detail, showing the first few. */
export function summarise(items: string[], max = 6): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, max).join('；');
  return unique.length > max ? `${shown}；等共 ${unique.length} 项` : shown;
}

/** A check that needs the metadata cannot run without it. */
export const metadataUnavailable = (ctx: CheckContext) => `元数据无法读取（${ctx.pkg.metadata.error ?? '未知原因'}），无法检测`;

export type Finding = { message: string; file?: string; level?: 'fail' | 'warn' };

/** fail when any finding fails, warn when only warnings, else pass with `passDetail`. */
export function fromFindings(id: PackageCheckId, findings: Finding[], passDetail: string): CheckResult {
  const fails = findings.filter((f) => (f.level ?? 'fail') === 'fail');
  const warns = findings.filter((f) => f.level === 'warn');
  const files = findings.map((f) => f.file).filter((f): f is string => !!f);
  if (fails.length) return result(id, 'fail', summarise([...fails, ...warns].map((f) => f.message)), files);
  if (warns.length) return result(id, 'warn', summarise(warns.map((f) => f.message)), files);
  return result(id, 'pass', passDetail);
}
