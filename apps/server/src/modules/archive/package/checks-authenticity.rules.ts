import { idNumberProblem, isCreditCode } from '@jsga/form-engine';
import { sm3Hex } from '@jsga/kernel';
import { fromFindings, metadataUnavailable, result, type CheckContext, type Finding } from './check-support.rules';
import { extensionOf, formatExtensions, formatOfMime } from './file-format.rules';
import { samePublicKey } from './manifest.rules';
import { dateTimeFields, dateTimeFormatLabel, parseDateTime, type ReadFile, type ReadMetadata } from './metadata.rules';
import { metadataFieldLabels as L, metadataFields, type CheckResult, type MetadataField } from './package.types';
import { parseWithTemplate, renderTemplate, templateTokens } from './template.rules';

/** 真实性 (authenticity) checks A1–A12. */

const fileLabel = (f: ReadFile) => f.path || `第 ${f.seq ?? '?'} 号文件`;
const HEX64 = /^[0-9a-f]{64}$/i;

/** A1 固化信息: recompute SM3 and SHA-256 of every entry and compare with the manifest and the upload record. */
export function checkFixity(ctx: CheckContext): CheckResult {
  const { pkg, options } = ctx;
  const manifest = pkg.manifest.value;
  if (!manifest) return result('A1', 'fail', `清单无法读取（${pkg.manifest.error}），无法核对摘要`, [pkg.rootFiles.manifest]);
  const findings: Finding[] = [];
  const listed = new Set<string>();
  for (const e of manifest.entries) {
    listed.add(e.path);
    const d = pkg.digest(e.path);
    if (!d) {
      findings.push({ message: pkg.skipped.has(e.path) ? `${e.path} 无法读取（${pkg.skipped.get(e.path)}）` : `清单所列 ${e.path} 在包内不存在`, file: e.path });
      continue;
    }
    const size = pkg.files.get(e.path)!.length;
    const wrong = [size !== e.size && '大小', d.sm3 !== e.sm3.toLowerCase() && 'SM3 摘要', d.sha256 !== e.sha256.toLowerCase() && 'SHA-256 摘要'].filter(Boolean);
    if (wrong.length) findings.push({ message: `${e.path} 的${wrong.join('、')}与清单不一致（内容已被改动）`, file: e.path });
  }
  const own = new Set([pkg.rootFiles.manifest, pkg.rootFiles.signature]);
  for (const path of pkg.files.keys()) if (!listed.has(path) && !own.has(path)) findings.push({ message: `${path} 未列入清单`, file: path });

  let uploadChecked = 0;
  for (const f of pkg.metadata.read?.files ?? []) {
    const d = f.path ? pkg.digest(f.path) : null;
    if (!d) continue;
    const sm3 = f.sm3?.trim(), sha256 = f.sha256?.trim();
    if (sm3 || sha256) uploadChecked++;
    if ((sm3 && sm3.toLowerCase() !== d.sm3) || (sha256 && sha256.toLowerCase() !== d.sha256)) {
      findings.push({ message: `${f.path} 与上传时记录的摘要不一致`, file: f.path });
    }
  }
  let packageNote = '';
  if (options.expected?.packageSm3) {
    if (sm3Hex(pkg.bytes) !== options.expected.packageSm3.toLowerCase()) findings.push({ message: '信息包整体 SM3 摘要与登记的不一致' });
    else packageNote = '，信息包整体摘要与登记一致';
  }
  const n = manifest.entries.length;
  return fromFindings('A1', findings, `已重新计算 ${n} 个文件的 SM3 和 SHA-256 摘要，均与清单一致${uploadChecked ? `；其中 ${uploadChecked} 个文件与上传时记录的摘要一致` : ''}${packageNote}`);
}

/** A2 清单签名: the signature file signs the manifest's exact bytes. */
export async function checkManifestSignature(ctx: CheckContext): Promise<CheckResult> {
  const { pkg, options } = ctx;
  const { manifest: manifestName, signature: sigName } = pkg.rootFiles;
  const sig = pkg.signature.value;
  if (!sig) return result('A2', 'fail', `签名文件无法读取（${pkg.signature.error}）`, [sigName]);
  const manifestBytes = pkg.manifest.bytes;
  if (!manifestBytes) return result('A2', 'fail', `清单无法读取（${pkg.manifest.error}），无法验证签名`, [manifestName]);
  if (sig.signedFile !== manifestName) return result('A2', 'fail', `签名文件所签的是 ${sig.signedFile}，不是清单 ${manifestName}`, [sigName]);
  if (sig.manifestSm3 && sig.manifestSm3.toLowerCase() !== pkg.digest(manifestName)?.sm3) {
    return result('A2', 'fail', '签名文件记录的清单摘要与清单不一致（清单已被改动）', [manifestName, sigName]);
  }
  let valid: boolean;
  try {
    valid = await options.verify(sig.algorithm, sig.publicKeyPem, manifestBytes, sig.signature);
  } catch (e) {
    return result('A2', 'fail', `签名验证出错（${sig.algorithm}）：${e instanceof Error ? e.message : String(e)}`, [sigName]);
  }
  if (!valid) return result('A2', 'fail', `清单签名验证失败（${sig.algorithm}）：清单已被改动或签名无效`, [manifestName, sigName]);
  const trusted = options.expected?.trustedPublicKeys;
  if (!trusted) return result('A2', 'warn', `清单签名有效（${sig.algorithm}），但未配置可信公钥，只能证明清单未被改动，不能确认签名者`, [sigName]);
  if (!trusted.some((k) => samePublicKey(k, sig.publicKeyPem))) return result('A2', 'fail', `清单签名有效（${sig.algorithm}），但签名公钥不在可信公钥列表中`, [sigName]);
  return result('A2', 'pass', `清单签名有效（${sig.algorithm}），签名公钥可信`);
}

/** A2.1 embedded e-seals / signatures in PDF and OFD files: manual until the e-seal verifier is wired in. */
export function checkEmbeddedSignatures(ctx: CheckContext): CheckResult {
  const signed = ctx.pkg.content.filter((c) => (c.inspection?.signatures ?? 0) > 0).map((c) => c.path);
  if (!signed.length) return result('A2.1', 'pass', '无电子签章');
  return result('A2.1', 'manual', `${signed.length} 个文件含电子签章或数字签名，电子印章验证服务接入前须人工核验签章有效性`, signed);
}

/** A3 timestamps: none are produced by the writer; any found in content goes to a person. */
export function checkTimestamps(ctx: CheckContext): CheckResult {
  const stamped = ctx.pkg.content.filter((c) => (c.inspection?.timestamps ?? 0) > 0).map((c) => c.path);
  if (!stamped.length) return result('A3', 'pass', '未包含时间戳，无需验证');
  return result('A3', 'manual', `${stamped.length} 个文件含时间戳，时间戳验证服务接入前须人工核验`, stamped);
}

const FIELD_PATTERNS: Partial<Record<MetadataField, [RegExp, string]>> = {
  electronicRecordNo: [/^[0-9A-Za-z][0-9A-Za-z._·-]{0,63}$/u, '应为至多 64 位字母、数字或 - . _ ·'],
  fondsCode: [/^[0-9A-Z]{1,8}$/, '应为 1–8 位大写字母或数字'],
  regionCode: [/^\d{6}$/, '应为 6 位数字（GB/T 2260）'],
  matterCode: [/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, '应为至多 64 位字母、数字或 - . _'],
  matterVersion: [/^[1-9]\d{0,5}$/, '应为正整数'],
  matterTypeCode: [/^\d{2}$/, '应为 2 位数字'],
  caseNo: [/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, '应为至多 64 位字母、数字或 - . _'],
  year: [/^\d{4}$/, '应为 4 位年份'],
};
const FIELD_MAX: Partial<Record<MetadataField, number>> = {
  archivalCode: 64, matterName: 200, matterTypeName: 50, caseTitle: 300, applicantName: 100, applicantIdType: 30, orgName: 100,
  securityLevel: 20, openness: 20, applicantType: 20, result: 20, retention: 5,
};
const ID_PROBLEMS = { format: '格式不正确（应为 18 位）', birth_date: '出生日期无效', check_digit: '校验位错误' } as const;

/** Checks the applicant's ID number by its type: 居民身份证 (GB 11643), 统一社会信用代码 (GB 32100), else length only. */
function applicantIdFinding(m: ReadMetadata, ctx: CheckContext, today: string): Finding | null {
  const { profile } = ctx.options;
  const no = m.fields.applicantIdNo ?? '';
  const type = (m.fields.applicantIdType ?? '').trim();
  const kind = profile.residentIdTypes.includes(type) ? 'id'
    : profile.creditCodeTypes.includes(type) ? 'uscc'
      : m.fields.applicantType === 'natural_person' && /^\d{17}[\dX]$/.test(no) ? 'id'
        : m.fields.applicantType === 'legal_person' && no.length === 18 ? 'uscc' : 'other';
  if (kind === 'id') {
    const p = idNumberProblem(no, today);
    return p ? { message: `${L.applicantIdNo}（公民身份号码）${ID_PROBLEMS[p]}` } : null;
  }
  if (kind === 'uscc') return isCreditCode(no) ? null : { level: 'warn', message: `${L.applicantIdNo}未通过统一社会信用代码校验（早期试点代码可能不符合校验规则，请核实）` };
  return no.length > 50 ? { message: `${L.applicantIdNo}过长` } : null;
}

/** A4 length, type and format of every metadata item. */
export function checkMetadataFormat(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('A4', 'fail', metadataUnavailable(ctx));
  const fmt = ctx.options.profile.dateTimeFormat;
  const today = new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const findings: Finding[] = [];
  const dates = new Set<string>(dateTimeFields);
  for (const f of metadataFields) {
    const v = m.fields[f];
    if (!v) continue;
    if (dates.has(f)) {
      if (parseDateTime(v, fmt) === null) findings.push({ message: `${L[f]}“${v}”不符合时间格式 ${dateTimeFormatLabel(fmt)}` });
      continue;
    }
    const rule = FIELD_PATTERNS[f];
    if (rule && !rule[0].test(v)) findings.push({ message: `${L[f]}“${v}”格式不正确，${rule[1]}` });
    const max = FIELD_MAX[f];
    if (max && [...v].length > max) findings.push({ message: `${L[f]}长度 ${[...v].length} 超过 ${max} 个字符` });
  }
  // A 统一社会信用代码 failing its check character is only a warning: early pilot-area codes do not conform (digest §5.2).
  if (m.fields.applicantIdNo) {
    const p = applicantIdFinding(m, ctx, today);
    if (p) findings.push({ message: p.message, level: p.level });
  }
  if (m.fields.orgCode && !isCreditCode(m.fields.orgCode)) findings.push({ level: 'warn', message: `${L.orgCode}未通过统一社会信用代码校验（早期试点代码可能不符合校验规则，请核实）` });
  for (const [label, v] of [['包内总件数', m.totalFiles], ['包内总字节数', m.totalBytes]] as const) {
    if (v && !/^\d+$/.test(v)) findings.push({ message: `${label}“${v}”应为非负整数` });
  }
  m.process.forEach((p, i) => {
    const n = `第 ${i + 1} 条办理过程`;
    if (p.at && parseDateTime(p.at, fmt) === null) findings.push({ message: `${n}的办理时间“${p.at}”不符合时间格式 ${dateTimeFormatLabel(fmt)}` });
    if (p.code && !/^\d{1,3}$/.test(p.code)) findings.push({ message: `${n}的环节代码“${p.code}”应为数字` });
    if (p.step && [...p.step].length > 50) findings.push({ message: `${n}的环节名称过长` });
    if (p.actor && [...p.actor].length > 100) findings.push({ message: `${n}的办理人过长` });
    if (p.org && [...p.org].length > 100) findings.push({ message: `${n}的办理部门过长` });
    if (p.opinion && [...p.opinion].length > 2000) findings.push({ message: `${n}的办理意见超过 2000 个字符` });
  });
  for (const f of m.files) {
    const n = fileLabel(f);
    const add = (message: string) => findings.push({ message: `${n}：${message}`, file: f.path });
    if (f.seq && !/^[1-9]\d{0,5}$/.test(f.seq)) add(`件内顺序号“${f.seq}”应为正整数`);
    if (f.size && !/^\d+$/.test(f.size)) add(`文件大小“${f.size}”应为非负整数`);
    if (f.createdAt && parseDateTime(f.createdAt, fmt) === null) add(`文件形成时间“${f.createdAt}”不符合时间格式 ${dateTimeFormatLabel(fmt)}`);
    if (f.sm3 && !HEX64.test(f.sm3)) add('上传时记录的 SM3 摘要格式不正确');
    if (f.sha256 && !HEX64.test(f.sha256)) add('上传时记录的 SHA-256 摘要格式不正确');
    if (f.format && !/^[A-Z0-9]{2,10}$/.test(f.format)) add(`格式信息“${f.format}”应为 2–10 位大写字母或数字`);
    if (f.mime && !/^[\w.+-]+\/[\w.+-]+$/.test(f.mime)) add(`媒体类型“${f.mime}”格式不正确`);
    if (f.path && [...f.path].length > 255) add('计算机文件名超过 255 个字符');
    for (const [label, v] of [['标准名称', f.standardName], ['实际名称', f.actualName]] as const) if (v && [...v].length > 255) add(`${label}超过 255 个字符`);
    if (f.fileCode && [...f.fileCode].length > 32) add('文件编号超过 32 个字符');
  }
  return fromFindings('A4', findings, '元数据各项的长度、类型和格式均符合要求（含证件号码与统一社会信用代码校验位）');
}

const PROCESS_CODES: Record<string, string> = { '1': '收件', '2': '受理', '3': '审核', '4': '办结', '11': '补齐补正', '12': '挂起', '99': '其他' };

/** A5 enumerated items. */
export function checkValueDomains(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('A5', 'fail', metadataUnavailable(ctx));
  const { profile } = ctx.options;
  const f = m.fields;
  const findings: Finding[] = [];
  const domain = (field: MetadataField, allowed: readonly string[], names?: Record<string, string>) => {
    const v = f[field];
    if (v && !allowed.includes(v)) findings.push({ message: `${L[field]}“${v}”不在取值范围内（${allowed.map((a) => (names?.[a] ? `${a} ${names[a]}` : a)).join('、')}）` });
  };
  domain('retention', ['Y', 'D30', 'D10'], { Y: '永久', D30: '定期30年', D10: '定期10年' });
  domain('applicantType', ['natural_person', 'legal_person'], { natural_person: '自然人', legal_person: '法人或其他组织' });
  domain('result', ['approved', 'disapproved'], { approved: '准予', disapproved: '不予' });
  domain('securityLevel', profile.securityLevels);
  domain('openness', profile.opennessValues);
  if (f.matterTypeCode) {
    const t = profile.matterTypes.find((x) => x.code === f.matterTypeCode);
    if (!t) findings.push({ message: `${L.matterTypeCode}“${f.matterTypeCode}”不在事项类型代码表中` });
    else if (f.matterTypeName && f.matterTypeName !== t.name) {
      findings.push({ level: 'warn', message: `事项类型名称“${f.matterTypeName}”与代码 ${t.code} 的标准名称“${t.name}”不同` });
    }
  }
  m.process.forEach((p, i) => {
    if (p.code && !PROCESS_CODES[p.code]) findings.push({ message: `第 ${i + 1} 条办理过程的环节代码“${p.code}”不在代码表中（1 收件、2 受理、3 审核、4 办结、11 补齐补正、12 挂起、99 其他）` });
  });
  for (const folder of m.folders) {
    if (!folder.folder) findings.push({ message: `文件夹“${folder.name ?? ''}”不是配置的文件夹（${Object.values(profile.folderNames).join('、')}）` });
  }
  return fromFindings('A5', findings, '保管期限、相对人类型、办理结果、密级、开放状态、事项类型和办理环节代码均在取值范围内');
}

/** A6 submitted ≤ accepted ≤ concluded ≤ archived ≤ now; 年度 fits; files formed before archiving. */
export function checkReasonableness(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('A6', 'fail', metadataUnavailable(ctx));
  const fmt = ctx.options.profile.dateTimeFormat;
  const at = (s: string | undefined) => (s ? parseDateTime(s, fmt) : null);
  const now = ctx.now.getTime() + 5 * 60_000; // clock skew allowance
  const findings: Finding[] = [];
  const chain = (['submittedAt', 'acceptedAt', 'concludedAt', 'archivedAt'] as const)
    .map((f) => ({ f, t: at(m.fields[f]) })).filter((x): x is { f: (typeof dateTimeFields)[number]; t: number } => x.t !== null);
  for (let i = 1; i < chain.length; i++) {
    if (chain[i].t < chain[i - 1].t) findings.push({ message: `${L[chain[i].f]}早于${L[chain[i - 1].f]}` });
  }
  for (const c of chain) if (c.t > now) findings.push({ message: `${L[c.f]}晚于当前时间` });
  const year = m.fields.year;
  const concluded = at(m.fields.concludedAt), archived = at(m.fields.archivedAt);
  const chinaYear = (t: number) => String(new Date(t + 8 * 3_600_000).getUTCFullYear());
  if (year && /^\d{4}$/.test(year) && (concluded !== null || archived !== null)) {
    const ok = [concluded, archived].some((t) => t !== null && chinaYear(t) === year);
    if (!ok) findings.push({ message: `年度 ${year} 与办结时间、归档时间的年份均不相符` });
  }
  for (const f of m.files) {
    const t = at(f.createdAt);
    if (t === null) continue;
    if (archived !== null && t > archived) findings.push({ message: `${fileLabel(f)} 的形成时间晚于归档时间`, file: f.path });
    else if (t > now) findings.push({ message: `${fileLabel(f)} 的形成时间晚于当前时间`, file: f.path });
  }
  const submitted = at(m.fields.submittedAt);
  let previous: number | null = null;
  m.process.forEach((p, i) => {
    const t = at(p.at);
    if (t === null) return;
    if (archived !== null && t > archived) findings.push({ message: `第 ${i + 1} 条办理过程（${p.step ?? ''}）的时间晚于归档时间` });
    if (submitted !== null && t < submitted - 86_400_000) findings.push({ level: 'warn', message: `第 ${i + 1} 条办理过程（${p.step ?? ''}）的时间早于申请时间一天以上` });
    if (previous !== null && t < previous) findings.push({ level: 'warn', message: `第 ${i + 1} 条办理过程（${p.step ?? ''}）的时间早于上一条，办理过程未按时间排列` });
    if (p.code === '4' && concluded !== null && Math.abs(t - concluded) > 60_000) findings.push({ level: 'warn', message: '办结环节的时间与办结时间不一致' });
    previous = t;
  });
  return fromFindings('A6', findings, '申请、受理、办结、归档时间先后合理且不晚于当前时间，年度与办结或归档年份相符');
}

/** Why a text value carries characters that do not survive long-term preservation, or null. */
export function specialCharacterProblem(s: string, allowLineBreaks = false): string | null {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s)) return '含控制字符';
  if (!allowLineBreaks && /[\t\n\r]/.test(s)) return '含换行或制表符';
  if (s.includes('\uFFFD')) return '含替换字符 U+FFFD（原文可能已乱码）';
  if (/[\uFDD0-\uFDEF\uFFFE\uFFFF]/.test(s)) return '含 Unicode 非字符码位';
  if (/[\uE000-\uF8FF]|[\u{F0000}-\u{10FFFF}]/u.test(s)) return '含私用区字符（不同系统显示不一致）';
  if (/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/.test(s)) return '含不可见的格式控制字符';
  return null;
}

/** A7 special characters in metadata values and entry names. */
export function checkSpecialCharacters(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('A7', 'fail', metadataUnavailable(ctx));
  const findings: Finding[] = [];
  const test = (label: string, v: string | undefined, allowLineBreaks = false, file?: string) => {
    if (!v) return;
    const p = specialCharacterProblem(v, allowLineBreaks);
    if (p) findings.push({ message: `${label}${p}`, file });
    else if (v !== v.trim()) findings.push({ level: 'warn', message: `${label}首尾有空白字符`, file });
  };
  for (const f of metadataFields) test(L[f], m.fields[f]);
  m.process.forEach((p, i) => {
    test(`第 ${i + 1} 条办理过程的环节名称`, p.step);
    test(`第 ${i + 1} 条办理过程的办理人`, p.actor);
    test(`第 ${i + 1} 条办理过程的办理部门`, p.org);
    test(`第 ${i + 1} 条办理过程的办理意见`, p.opinion, true);
  });
  for (const f of m.files) {
    test(`${fileLabel(f)} 的标准名称`, f.standardName, false, f.path);
    test(`${fileLabel(f)} 的实际名称`, f.actualName, false, f.path);
    test(`${fileLabel(f)} 的计算机文件名`, f.path, false, f.path);
  }
  for (const name of ctx.pkg.names) test(`包内文件名 ${name.replace(/[\u0000-\u001f]/g, '?')} `, name, false, name);
  return fromFindings('A7', findings, '元数据项和文件名均不含控制字符、乱码、私用区字符等特殊字符');
}

/** A8 档号 pattern and segments = metadata. */
export function checkArchivalCode(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('A8', 'fail', metadataUnavailable(ctx));
  const code = m.fields.archivalCode?.trim();
  if (!code) return result('A8', 'pass', '元数据未含档号（档号在归档检测通过后赋予），本项不适用');
  const { template, categoryCode } = ctx.options.profile.archivalCode;
  const findings: Finding[] = [];
  const pattern = ctx.options.expected?.archivalCodePattern;
  if (pattern && !new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).test(code)) findings.push({ message: `档号“${code}”不符合规定的档号格式` });
  const segments = parseWithTemplate(template, code);
  if (!segments) {
    findings.push({ message: `档号“${code}”不符合档号规则 ${template}` });
    return fromFindings('A8', findings, '');
  }
  const expected: Record<string, string | undefined> = {
    ...Object.fromEntries(metadataFields.map((f) => [f, m.fields[f]])),
    fonds: m.fields.fondsCode, category: categoryCode, type: m.fields.matterTypeCode, year: m.fields.year, retention: m.fields.retention,
  };
  const segmentLabels: Record<string, string> = { fonds: '全宗号', category: '门类代码', type: '事项类型代码', year: '年度', retention: '保管期限' };
  for (const s of segments) {
    if (s.name === 'seq') {
      if (Number(s.value) < 1) findings.push({ message: `档号中的件号 ${s.value} 应从 1 开始` });
      continue;
    }
    const want = expected[s.name];
    const padded = want !== undefined && s.width !== null ? want.padStart(s.width, '0') : want;
    if (padded === undefined || padded !== s.value) {
      const label = segmentLabels[s.name] ?? L[s.name as MetadataField] ?? s.name;
      findings.push({ message: `档号中的${label}“${s.value}”与元数据“${want ?? ''}”不一致` });
    }
  }
  return fromFindings('A8', findings, `档号 ${code} 符合规则 ${template}，各段与元数据一致`);
}

/** A10 electronic properties of each file (size, format by magic bytes, extension) = its metadata. */
export function checkFileProperties(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('A10', 'fail', metadataUnavailable(ctx));
  const findings: Finding[] = [];
  let checked = 0;
  const content = new Map(ctx.pkg.content.map((c) => [c.path, c]));
  for (const f of m.files) {
    const c = f.path ? content.get(f.path) : undefined;
    if (!c) continue; // A11 reports where it is
    checked++;
    const n = fileLabel(f);
    if (f.size && /^\d+$/.test(f.size) && Number(f.size) !== c.bytes.length) findings.push({ message: `${n} 的实际大小 ${c.bytes.length} 字节与元数据 ${f.size} 字节不一致`, file: c.path });
    const known = c.format !== 'UNKNOWN';
    if (known && f.format && f.format !== c.format) findings.push({ message: `${n} 元数据登记为 ${f.format} 格式，实际为 ${c.format}`, file: c.path });
    const exts = formatExtensions[c.format];
    if (exts && !exts.includes(extensionOf(c.path))) findings.push({ message: `${n} 的扩展名与实际格式 ${c.format} 不符`, file: c.path });
    if (exts && f.actualName && extensionOf(f.actualName) && !exts.includes(extensionOf(f.actualName))) {
      findings.push({ level: 'warn', message: `${n} 的实际名称“${f.actualName}”扩展名与实际格式 ${c.format} 不符`, file: c.path });
    }
    const mimeFormat = f.mime ? formatOfMime(f.mime) : null;
    if (known && f.mime && mimeFormat !== c.format) findings.push({ level: 'warn', message: `${n} 上传时的媒体类型 ${f.mime} 与实际格式 ${c.format} 不符`, file: c.path });
  }
  return fromFindings('A10', findings, `${checked} 个文件的大小、格式和扩展名与元数据一致`);
}

/** A11 every metadata file entry resolves to a ZIP entry in its folder, and every content entry is registered. */
export function checkLocations(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('A11', 'fail', metadataUnavailable(ctx));
  const findings: Finding[] = [];
  const registered = new Set<string>();
  for (const f of m.files) {
    const n = fileLabel(f);
    if (!f.path) {
      findings.push({ message: `${n}（${f.standardName ?? ''}）未登记计算机文件名` });
      continue;
    }
    registered.add(f.path);
    if (f.folderName && !f.path.startsWith(`${f.folderName}/`)) findings.push({ message: `${n} 登记在“${f.folderName}”下，但存放位置不在该文件夹`, file: f.path });
    if (!ctx.pkg.files.has(f.path)) {
      findings.push({ message: ctx.pkg.skipped.has(f.path) ? `${n} 无法读取（${ctx.pkg.skipped.get(f.path)}）` : `元数据登记的 ${n} 在包内不存在`, file: f.path });
    }
  }
  for (const c of ctx.pkg.content) if (!registered.has(c.path)) findings.push({ message: `包内文件 ${c.path} 未在元数据中登记`, file: c.path });
  for (const path of ctx.pkg.skipped.keys()) {
    const isRoot = Object.values(ctx.pkg.rootFiles).includes(path);
    if (!registered.has(path) && !isRoot && !path.endsWith('/')) findings.push({ message: `包内文件 ${path} 未在元数据中登记`, file: path });
  }
  return fromFindings('A11', findings, `元数据登记的 ${registered.size} 个文件均在包内对应文件夹中，包内没有未登记的文件`);
}

/** A12 layout per profile: the three root files, only the configured folders, one level deep; name per pattern. */
export function checkStructure(ctx: CheckContext): CheckResult {
  const { pkg } = ctx;
  const { profile } = ctx.options;
  if (pkg.fatal) return result('A12', 'fail', `信息包无法打开：${pkg.fatal}`);
  const findings: Finding[] = [];
  const rootFiles = Object.values(pkg.rootFiles);
  const folders = Object.values(profile.folderNames);
  for (const f of rootFiles) if (!pkg.names.includes(f)) findings.push({ message: `缺少 ${f}` });
  for (const name of pkg.names) {
    const parts = name.replace(/\/$/, '').split('/');
    const isDir = name.endsWith('/');
    if (parts.length === 1) {
      if (isDir ? !folders.includes(parts[0]) : !rootFiles.includes(parts[0])) findings.push({ message: `根目录下不应有${isDir ? '文件夹' : '文件'} ${name}`, file: name });
    } else if (!folders.includes(parts[0])) findings.push({ message: `${name} 不在配置的文件夹（${folders.join('、')}）中`, file: name });
    else if (parts.length > 2) findings.push({ message: `${name} 位于子文件夹中，文件夹下应直接存放文件`, file: name });
  }
  const m = pkg.metadata.read;
  if (m && m.rootName !== profile.elements.root) findings.push({ message: `元数据根元素为 ${m.rootName}，应为 ${profile.elements.root}`, file: pkg.rootFiles.metadata });
  const manifest = pkg.manifest.value;
  if (manifest && manifest.profileId !== profile.id) findings.push({ level: 'warn', message: `清单记录的配置方案 ${manifest.profileId} 与检测所用的 ${profile.id} 不同` });
  if (manifest && m) {
    const vars: Record<string, string | number | null | undefined> = { ...m.fields, seq: manifest.seq };
    const needsSeq = templateTokens(profile.fileNamePattern).some((t) => t.name === 'seq');
    try {
      const expectedName = needsSeq && manifest.seq === null ? null : renderTemplate(profile.fileNamePattern, vars);
      if (expectedName !== null && expectedName !== manifest.packageName) {
        findings.push({ message: `清单记录的信息包名称 ${manifest.packageName} 与命名规则生成的 ${expectedName} 不一致`, file: pkg.rootFiles.manifest });
      }
    } catch (e) {
      findings.push({ level: 'warn', message: `无法按命名规则核对信息包名称：${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return fromFindings('A12', findings, `信息包含 ${rootFiles.join('、')} 和 ${folders.join('、')} 文件夹，结构符合配置方案“${profile.name}”`);
}

