import { fromFindings, result, type CheckContext, type Finding } from './check-support.rules';
import { extensionOf, formatExtensions } from './file-format.rules';
import type { CheckResult } from './package.types';

/** 可用性 (usability) checks U1–U4. */

/** U1 the metadata (and the manifest and signature files) parse as UTF-8 XML without DTDs or entities. */
export function checkMetadataReadable(ctx: CheckContext): CheckResult {
  const { pkg } = ctx;
  if (pkg.fatal) return result('U1', 'fail', `信息包无法打开：${pkg.fatal}`);
  const findings: Finding[] = [];
  const { metadata, manifest, signature } = pkg.rootFiles;
  if (pkg.metadata.error) findings.push({ message: pkg.metadata.error, file: metadata });
  else if (pkg.metadata.bytes) {
    const head = new TextDecoder().decode(pkg.metadata.bytes.subarray(0, 100)).replace(/^\uFEFF/, '');
    if (!head.startsWith('<?xml')) findings.push({ level: 'warn', message: `${metadata} 缺少 XML 声明`, file: metadata });
  }
  if (pkg.manifest.error && pkg.manifest.bytes) findings.push({ message: pkg.manifest.error, file: manifest });
  if (pkg.signature.error && pkg.signature.bytes) findings.push({ message: pkg.signature.error, file: signature });
  return fromFindings('U1', findings, `${metadata}、${manifest}、${signature} 均为 UTF-8 编码的规范 XML，不含 DOCTYPE 或实体声明，可正常读取`);
}

/** U2 content formats in the profile's whitelist, and each file's extension matches its real format. */
export function checkFormats(ctx: CheckContext): CheckResult {
  const { profile } = ctx.options;
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  for (const c of ctx.pkg.content) {
    counts.set(c.format, (counts.get(c.format) ?? 0) + 1);
    if (c.format === 'EXECUTABLE') findings.push({ message: `${c.path} 是可执行程序或脚本，不是归档格式`, file: c.path });
    else if (c.format === 'UNKNOWN') findings.push({ level: profile.otherFormats, message: `${c.path} 的格式无法识别`, file: c.path });
    else if (!profile.allowedFormats.includes(c.format)) findings.push({ level: profile.otherFormats, message: `${c.path} 为 ${c.format} 格式，不在允许的归档格式（${profile.allowedFormats.join('、')}）内`, file: c.path });
    const exts = formatExtensions[c.format];
    if (exts && !exts.includes(extensionOf(c.path))) findings.push({ message: `${c.path} 的扩展名与实际格式 ${c.format} 不符`, file: c.path });
  }
  const summary = [...counts].map(([f, n]) => `${f} ${n} 个`).join('、') || '无内容文件';
  return fromFindings('U2', findings, `内容文件格式均在允许范围内（${summary}），扩展名与实际格式一致`);
}

/** U3 every content file opens: PDF parses with pages, OFD parts resolve, images are complete, XML parses. */
export function checkOpenable(ctx: CheckContext): CheckResult {
  const findings: Finding[] = [];
  let opened = 0;
  for (const c of ctx.pkg.content) {
    if (!c.inspection) {
      if (c.format !== 'EXECUTABLE') findings.push({ level: 'warn', message: `${c.path}（${c.format}）无法自动检测可读性`, file: c.path });
      continue;
    }
    if (c.inspection.problems.length) findings.push({ message: `${c.path}：${c.inspection.problems.join('，')}`, file: c.path });
    else opened++;
    for (const w of c.inspection.warnings) findings.push({ level: 'warn', message: `${c.path}：${w}`, file: c.path });
  }
  const pages = ctx.pkg.content.reduce((s, c) => s + (c.format === 'PDF' || c.format === 'OFD' ? (c.inspection?.pages ?? 0) : 0), 0);
  return fromFindings('U3', findings, `${opened} 个内容文件均可正常打开${pages ? `（版式文件共 ${pages} 页）` : ''}`);
}

/** U4 ZIP usable without special tools: stored/deflate only, no encryption, safe names, bounded size and ratio. */
export function checkZipUsable(ctx: CheckContext): CheckResult {
  const { pkg } = ctx;
  if (pkg.fatal) return result('U4', 'fail', `信息包无法打开：${pkg.fatal}`);
  const findings: Finding[] = pkg.zipFindings.map((f) => ({ message: f.message, file: f.file, level: f.level }));
  const { limits } = ctx.options.profile;
  return fromFindings('U4', findings, `压缩包共 ${pkg.entries.length} 个条目，仅使用存储或 Deflate 压缩，无加密，文件路径安全，大小与压缩比在上限（${limits.maxRatio} 倍）内`);
}
