import { sha256Hex, sm3Hex } from '@jsga/kernel';
import { detectFormat, extensionOf, formatExtensions, formatOfMime } from './file-format.rules';
import { renderManifestXml, renderSignatureXml } from './manifest.rules';
import { renderMetadataXml, type PlacedFile } from './metadata.rules';
import {
  archiveFolders, metadataFields, type ArchiveFileInput, type ArchiveMetadata, type BuildPackageOptions, type BuiltPackage,
  type PackageManifest, type PackageSigner,
} from './package.types';
import { assertPackageProfile, type PackageProfile } from './profile.rules';
import { parseWithTemplate, renderTemplate, templateTokens } from './template.rules';
import { writeZip, type ZipInputEntry } from './zip.rules';

/**
 * 形成归档信息包 + 生成校验信息 (GB/T 42727 §6.5–6.6): places the files, writes the metadata XML, the
 * manifest (size, SM3, SHA-256 of every entry) and its signature, and zips it all deterministically
 * (fixed order, every timestamp = 归档时间), so the same input gives the same bytes whenever the signer
 * is deterministic (Ed25519 is; ECDSA and SM2 signatures differ per call, and so does the signature file).
 */

export class PackageBuildError extends Error {}

/** A name segment safe in a ZIP path on every platform. */
export function safeNameSegment(s: string, max = 60): string {
  const cleaned = s.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '');
  return [...cleaned].slice(0, max).join('') || '_';
}

function formatOf(f: ArchiveFileInput): { format: string; ext: string } {
  const detected = detectFormat(f.bytes);
  const declared = formatOfMime(f.mime);
  if (detected !== 'UNKNOWN' && detected !== 'EXECUTABLE' && detected !== 'ZIP') return { format: detected, ext: formatExtensions[detected][0] };
  // Undetectable content keeps what it claims, so the checker can show the disagreement.
  const ext = extensionOf(f.fileName) || (declared ? formatExtensions[declared]?.[0] : '') || 'bin';
  return { format: detected === 'UNKNOWN' ? ext.toUpperCase() : detected, ext };
}

/** 件号 for the package name: explicit, else the 档号's {seq} segment. */
function packageSeq(meta: ArchiveMetadata, profile: PackageProfile, options: BuildPackageOptions): number | null {
  if (options.seq !== undefined) {
    if (!Number.isInteger(options.seq) || options.seq < 1) throw new PackageBuildError('件号须为正整数');
    return options.seq;
  }
  if (meta.archivalCode) {
    const seg = parseWithTemplate(profile.archivalCode.template, meta.archivalCode)?.find((t) => t.name === 'seq');
    if (seg) return Number(seg.value);
  }
  return null;
}

export function packageNameFor(meta: ArchiveMetadata, profile: PackageProfile, seq: number | null): string {
  if (seq === null && templateTokens(profile.fileNamePattern).some((t) => t.name === 'seq')) {
    throw new PackageBuildError('信息包命名规则含件号 {seq}，但未提供件号，元数据中也没有档号');
  }
  const vars: Record<string, string | number | null> = Object.fromEntries(metadataFields.map((f) => [f, meta[f]]));
  vars.seq = seq;
  let name: string;
  try {
    name = renderTemplate(profile.fileNamePattern, vars);
  } catch (e) {
    throw new PackageBuildError(`无法生成信息包名称：${e instanceof Error ? e.message : String(e)}`);
  }
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(name) || name === '.' || name === '..') throw new PackageBuildError(`信息包名称含不允许的字符：${name}`);
  return name;
}

export function placeFiles(files: ArchiveFileInput[], profile: PackageProfile): PlacedFile[] {
  const seqs = new Set<number>();
  for (const f of files) {
    if (!archiveFolders.includes(f.folder)) throw new PackageBuildError(`未知的文件类别 ${String(f.folder)}`);
    if (!Number.isInteger(f.seq) || f.seq < 1) throw new PackageBuildError(`件内顺序号须为正整数：${f.standardName}`);
    if (seqs.has(f.seq)) throw new PackageBuildError(`件内顺序号 ${f.seq} 重复`);
    seqs.add(f.seq);
  }
  const ordered = [...files].sort((a, b) => archiveFolders.indexOf(a.folder) - archiveFolders.indexOf(b.folder) || a.seq - b.seq);
  const paths = new Set<string>();
  return ordered.map((f) => {
    const { format, ext } = formatOf(f);
    const folderCode = profile.folderCodes[f.folder];
    const fileCode = renderTemplate(profile.fileCodePattern, { folderCode, seq: f.seq });
    const name = renderTemplate(profile.entryNamePattern, {
      seq: f.seq, standardName: safeNameSegment(f.standardName), materialCode: safeNameSegment(f.materialCode ?? 'none', 40), ext, folderCode, fileCode,
    });
    const path = `${profile.folderNames[f.folder]}/${name}`;
    if (paths.has(path)) throw new PackageBuildError(`包内文件路径重复：${path}`);
    paths.add(path);
    return { ...f, path, fileCode, format, size: f.bytes.length, sm3: sm3Hex(f.bytes), sha256: sha256Hex(f.bytes) };
  });
}

export async function buildPackage(
  meta: ArchiveMetadata, files: ArchiveFileInput[], profileInput: PackageProfile, signer: PackageSigner, options: BuildPackageOptions = {},
): Promise<BuiltPackage> {
  const profile = assertPackageProfile(profileInput);
  const archivedAt = new Date(meta.archivedAt);
  if (Number.isNaN(archivedAt.getTime())) throw new PackageBuildError('归档时间无效');
  const placed = placeFiles(files, profile);
  const seq = packageSeq(meta, profile, options);
  const packageName = packageNameFor(meta, profile, seq);

  const metadataXml = renderMetadataXml(meta, placed, profile);
  const manifest: PackageManifest = {
    profileId: profile.id, packageName, seq, createdAt: meta.archivedAt,
    entries: [
      { path: profile.metadataFileName, size: metadataXml.length, sm3: sm3Hex(metadataXml), sha256: sha256Hex(metadataXml) },
      ...placed.map((f) => ({ path: f.path, size: f.size, sm3: f.sm3, sha256: f.sha256 })),
    ],
    totalFiles: placed.length,
    totalBytes: placed.reduce((s, f) => s + f.size, 0),
  };
  const manifestXml = renderManifestXml(manifest);
  const signature = await signer.sign(manifestXml);
  const signatureXml = renderSignatureXml({
    signedFile: profile.manifestFileName, algorithm: signer.algorithm, publicKeyPem: signer.publicKeyPem, manifestSm3: sm3Hex(manifestXml), signature,
  });

  const entries: ZipInputEntry[] = [{ name: profile.metadataFileName, data: metadataXml }];
  for (const folder of archiveFolders) {
    entries.push({ name: profile.folderNames[folder], directory: true });
    for (const f of placed.filter((x) => x.folder === folder)) entries.push({ name: f.path, data: f.bytes });
  }
  entries.push({ name: profile.manifestFileName, data: manifestXml }, { name: profile.signatureFileName, data: signatureXml });
  const bytes = writeZip(entries, archivedAt);
  return { bytes, packageName, manifest, digests: { sm3: sm3Hex(bytes), sha256: sha256Hex(bytes), size: bytes.length } };
}
