import type { ManifestEntry, PackageManifest } from './package.types';
import { child, childrenNamed, childText, parseXmlSafe, XmlWriter } from './xml.rules';

/**
 * 校验信息 (GB/T 42727 §6.6): the manifest lists every entry with its size, SM3 and SHA-256; the signature
 * file signs the manifest's exact bytes and carries the algorithm and the public key.
 */

const HEX64 = /^[0-9a-f]{64}$/;

export function renderManifestXml(m: PackageManifest): Uint8Array {
  const w = new XmlWriter().open('manifest', {
    version: '1', profile: m.profileId, package_name: m.packageName, ...(m.seq === null ? {} : { package_seq: m.seq }), created: m.createdAt,
  });
  for (const e of m.entries) w.leaf('entry', null, { path: e.path, size: e.size, sm3: e.sm3, sha256: e.sha256 });
  w.leaf('totals', null, { files: m.totalFiles, bytes: m.totalBytes });
  return w.close().toBytes();
}

export class ManifestError extends Error {}

export function parseManifestXml(bytes: Uint8Array): PackageManifest {
  const root = parseXmlSafe(bytes);
  if (root.local !== 'manifest') throw new ManifestError('清单文件的根元素不是 manifest');
  const entries: ManifestEntry[] = childrenNamed(root, 'entry').map((e, i) => {
    const { path, size, sm3, sha256 } = e.attrs;
    if (!path) throw new ManifestError(`清单第 ${i + 1} 项缺少文件路径`);
    if (!/^\d+$/.test(size ?? '')) throw new ManifestError(`清单中 ${path} 的大小无效`);
    if (!HEX64.test(sm3 ?? '') || !HEX64.test(sha256 ?? '')) throw new ManifestError(`清单中 ${path} 的 SM3 或 SHA-256 摘要格式无效`);
    return { path, size: Number(size), sm3, sha256 };
  });
  const totals = child(root, 'totals');
  const seq = root.attrs.package_seq;
  return {
    profileId: root.attrs.profile ?? '', packageName: root.attrs.package_name ?? '', seq: seq && /^\d+$/.test(seq) ? Number(seq) : null,
    createdAt: root.attrs.created ?? '', entries,
    totalFiles: Number(totals?.attrs.files ?? NaN), totalBytes: Number(totals?.attrs.bytes ?? NaN),
  };
}

export type PackageSignatureFile = { signedFile: string; algorithm: string; publicKeyPem: string; manifestSm3: string; signature: Uint8Array };

export function renderSignatureXml(s: PackageSignatureFile): Uint8Array {
  return new XmlWriter().open('package_signature', { version: '1' })
    .leaf('signed_file', s.signedFile)
    .leaf('algorithm', s.algorithm)
    .leaf('signed_digest', s.manifestSm3, { algorithm: 'SM3' })
    .leaf('public_key', s.publicKeyPem.trim())
    .leaf('signature_value', Buffer.from(s.signature).toString('base64'), { encoding: 'base64' })
    .close().toBytes();
}

export function parseSignatureXml(bytes: Uint8Array): PackageSignatureFile {
  const root = parseXmlSafe(bytes);
  if (root.local !== 'package_signature') throw new ManifestError('签名文件的根元素不是 package_signature');
  const get = (name: string, label: string) => {
    const v = childText(root, name)?.trim();
    if (!v) throw new ManifestError(`签名文件缺少${label}`);
    return v;
  };
  const value = get('signature_value', '签名值');
  if (!/^[A-Za-z0-9+/\s]+={0,2}$/.test(value)) throw new ManifestError('签名值不是有效的 Base64');
  return {
    signedFile: get('signed_file', '被签名文件名'), algorithm: get('algorithm', '签名算法'), publicKeyPem: get('public_key', '公钥'),
    manifestSm3: childText(root, 'signed_digest')?.trim() ?? '', signature: new Uint8Array(Buffer.from(value.replace(/\s+/g, ''), 'base64')),
  };
}

/** PEM compared without line breaks and surrounding blanks. */
export const samePublicKey = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
