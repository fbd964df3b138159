import { sha256Hex, sm3Hex } from '@jsga/kernel';
import { detectFormat, inspectJpeg, inspectOfd, inspectPdf, inspectPng, inspectXml, type ContentInspection, type DetectedFormat } from './file-format.rules';
import { parseManifestXml, parseSignatureXml, type PackageSignatureFile } from './manifest.rules';
import { readMetadata, type ReadMetadata } from './metadata.rules';
import type { PackageManifest } from './package.types';
import type { PackageProfile } from './profile.rules';
import { parseXmlSafe } from './xml.rules';
import { isHostileEntryName, readZipDirectory, readZipEntry, type RawZipEntry } from './zip.rules';

/**
 * Opens a package for checking: central directory first (U4 guards decide what may be inflated), then
 * the entries, the three XML files and an inspection of every content file. Nothing here judges the
 * package beyond what is needed to open it safely; the checks do the judging.
 */

const LARGE_ENTRY = 1_048_576;

export type ZipFinding = { message: string; file?: string; level: 'fail' | 'warn' };

export type ContentFile = { path: string; bytes: Uint8Array; format: DetectedFormat; inspection: ContentInspection | null };

export type OpenedPackage = {
  profile: PackageProfile;
  bytes: Uint8Array;
  /** Why the ZIP cannot be read at all (no central directory, ZIP64, too many entries …). */
  fatal: string | null;
  entries: RawZipEntry[];
  /** U4 findings from the central directory and from inflating. */
  zipFindings: ZipFinding[];
  /** Inflated entries (files only) by path. */
  files: Map<string, Uint8Array>;
  /** Entries that exist but were not inflated, with the reason. */
  skipped: Map<string, string>;
  /** Every entry path and directory, as named in the ZIP. */
  names: string[];
  rootFiles: { metadata: string; manifest: string; signature: string };
  /** Content files: everything that is not one of the three root files or a directory. */
  content: ContentFile[];
  metadata: { bytes?: Uint8Array; read?: ReadMetadata; error?: string };
  manifest: { bytes?: Uint8Array; value?: PackageManifest; error?: string };
  signature: { bytes?: Uint8Array; value?: PackageSignatureFile; error?: string };
  digest(path: string): { sm3: string; sha256: string } | null;
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function openPackage(bytes: Uint8Array, profile: PackageProfile): Promise<OpenedPackage> {
  const rootFiles = { metadata: profile.metadataFileName, manifest: profile.manifestFileName, signature: profile.signatureFileName };
  const opened: OpenedPackage = {
    profile, bytes, fatal: null, entries: [], zipFindings: [], files: new Map(), skipped: new Map(), names: [], rootFiles, content: [],
    metadata: {}, manifest: {}, signature: {}, digest: () => null,
  };
  const digests = new Map<string, { sm3: string; sha256: string }>();
  opened.digest = (path) => {
    const data = opened.files.get(path);
    if (!data) return null;
    let d = digests.get(path);
    if (!d) digests.set(path, (d = { sm3: sm3Hex(data), sha256: sha256Hex(data) }));
    return d;
  };

  try {
    opened.entries = readZipDirectory(bytes, profile.limits.maxEntries).entries;
  } catch (e) {
    opened.fatal = message(e);
    return finish(opened);
  }
  opened.names = opened.entries.map((e) => e.name);
  const { limits } = profile;
  const total = opened.entries.reduce((s, e) => s + e.uncompressedSize, 0);
  const totalCompressed = opened.entries.reduce((s, e) => s + e.compressedSize, 0);
  const tooBig = total > limits.maxTotalBytes;
  if (tooBig) opened.zipFindings.push({ level: 'fail', message: `解压后总大小 ${total} 字节超过上限 ${limits.maxTotalBytes} 字节，未解压任何文件` });
  if (total > LARGE_ENTRY && total / Math.max(totalCompressed, 1) > limits.maxRatio) {
    opened.zipFindings.push({ level: 'fail', message: `整体压缩比 ${Math.round(total / Math.max(totalCompressed, 1))} 超过上限 ${limits.maxRatio}（疑似压缩炸弹）` });
  }
  const seen = new Set<string>();
  for (const e of opened.entries) {
    const skip = (why: string, level: 'fail' | 'warn' = 'fail') => {
      opened.zipFindings.push({ level, message: `${e.name}：${why}`, file: e.name });
      opened.skipped.set(e.name, why);
    };
    if (seen.has(e.name)) {
      skip('文件名重复');
      continue;
    }
    seen.add(e.name);
    if (e.nameNotUtf8) opened.zipFindings.push({ level: 'warn', message: `${e.name}：文件名未按 UTF-8 编码标记，其他软件可能显示为乱码`, file: e.name });
    if (isHostileEntryName(e.name)) {
      skip('文件路径不安全（绝对路径、含 .. 或控制字符）');
      continue;
    }
    if (e.encrypted) {
      skip('已加密');
      continue;
    }
    if (e.method !== 0 && e.method !== 8) {
      skip(`使用了不支持的压缩方法（${e.method}），只允许存储或 Deflate`);
      continue;
    }
    if (e.isDirectory) continue;
    if (e.uncompressedSize > LARGE_ENTRY && e.uncompressedSize / Math.max(e.compressedSize, 1) > limits.maxRatio) {
      skip(`压缩比 ${Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1))} 超过上限 ${limits.maxRatio}（疑似压缩炸弹）`);
      continue;
    }
    if (tooBig) {
      opened.skipped.set(e.name, '信息包解压后总大小超过上限');
      continue;
    }
    try {
      opened.files.set(e.name, readZipEntry(bytes, e));
    } catch (err) {
      skip(message(err));
    }
  }

  const rootNames = new Set(Object.values(rootFiles));
  for (const [path, data] of opened.files) {
    if (rootNames.has(path)) continue;
    const format = detectFormat(data);
    opened.content.push({ path, bytes: data, format, inspection: await inspect(format, data, profile) });
  }
  return finish(opened);
}

async function inspect(format: DetectedFormat, data: Uint8Array, profile: PackageProfile): Promise<ContentInspection | null> {
  switch (format) {
    case 'PDF': return inspectPdf(data);
    case 'OFD': return inspectOfd(data, { maxEntries: 10_000, maxTotalBytes: profile.limits.maxTotalBytes });
    case 'PNG': return inspectPng(data);
    case 'JPEG': return inspectJpeg(data);
    case 'XML': return inspectXml(data);
    default: return null;
  }
}

function finish(p: OpenedPackage): OpenedPackage {
  const { metadata, manifest, signature } = p.rootFiles;
  const missing = (name: string) => (p.skipped.has(name) ? `${name} 无法读取：${p.skipped.get(name)}` : `缺少 ${name}`);

  p.metadata.bytes = p.files.get(metadata);
  if (!p.metadata.bytes) p.metadata.error = p.fatal ? `信息包无法打开：${p.fatal}` : missing(metadata);
  else {
    try {
      p.metadata.read = readMetadata(parseXmlSafe(p.metadata.bytes), p.profile);
    } catch (e) {
      p.metadata.error = `${metadata}：${message(e)}`;
    }
  }
  p.manifest.bytes = p.files.get(manifest);
  if (!p.manifest.bytes) p.manifest.error = p.fatal ? `信息包无法打开：${p.fatal}` : missing(manifest);
  else {
    try {
      p.manifest.value = parseManifestXml(p.manifest.bytes);
    } catch (e) {
      p.manifest.error = `${manifest}：${message(e)}`;
    }
  }
  p.signature.bytes = p.files.get(signature);
  if (!p.signature.bytes) p.signature.error = p.fatal ? `信息包无法打开：${p.fatal}` : missing(signature);
  else {
    try {
      p.signature.value = parseSignatureXml(p.signature.bytes);
    } catch (e) {
      p.signature.error = `${signature}：${message(e)}`;
    }
  }
  return p;
}
