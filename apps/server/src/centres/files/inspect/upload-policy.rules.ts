import { mimeOf, sniffType, type SniffedType } from './file-type.rules';
import { isHostileEntryName, readZipDirectory, ZipError } from './zip-directory.rules';

export type UploadPolicy = {
  maxBytes: number;
  allowed: SniffedType[];
  /** Zip-based formats (OFD, DOCX …): limits on what they would expand to. */
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
};

export const defaultUploadPolicy: UploadPolicy = {
  maxBytes: 50 * 1024 * 1024,
  allowed: ['pdf', 'ofd', 'png', 'jpeg', 'gif', 'bmp', 'tiff', 'webp', 'docx', 'xlsx', 'pptx'],
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export type UploadProblem =
  | { code: 'EMPTY' } | { code: 'TOO_LARGE'; maxBytes: number } | { code: 'EXECUTABLE' } | { code: 'TYPE_NOT_ALLOWED'; type: SniffedType }
  | { code: 'ARCHIVE_BOMB'; uncompressed: number } | { code: 'ARCHIVE_HOSTILE_NAME'; name: string } | { code: 'ARCHIVE_CORRUPT'; reason: string }
  | { code: 'NAME_INVALID' };

export type UploadVerdict = { ok: true; type: SniffedType; mime: string; safeName: string } | { ok: false; problem: UploadProblem };

/** A display name safe to store and show: no path, no control or bidi characters, bounded length. */
export function sanitiseFileName(name: string): string | null {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '').trim().replace(/^\.+/, '');
  if (!cleaned) return null;
  return [...cleaned].slice(0, 120).join('');
}

/**
 * Decides whether an upload may be stored: real type from the bytes (not the name), executables and
 * scripts refused, zip-based documents checked for bombs and hostile entry names before anything is
 * inflated.
 */
export function inspectUpload(bytes: Uint8Array, fileName: string, policy: UploadPolicy = defaultUploadPolicy): UploadVerdict {
  if (bytes.length === 0) return { ok: false, problem: { code: 'EMPTY' } };
  if (bytes.length > policy.maxBytes) return { ok: false, problem: { code: 'TOO_LARGE', maxBytes: policy.maxBytes } };
  const safeName = sanitiseFileName(fileName);
  if (!safeName) return { ok: false, problem: { code: 'NAME_INVALID' } };
  let zipNames: string[] | undefined;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const dir = readZipDirectory(bytes);
      const hostile = dir.entries.find((e) => isHostileEntryName(e.name));
      if (hostile) return { ok: false, problem: { code: 'ARCHIVE_HOSTILE_NAME', name: hostile.name.slice(0, 200) } };
      if (dir.totalUncompressed > policy.maxUncompressedBytes || dir.totalUncompressed > bytes.length * policy.maxCompressionRatio) {
        return { ok: false, problem: { code: 'ARCHIVE_BOMB', uncompressed: dir.totalUncompressed } };
      }
      zipNames = dir.entries.map((e) => e.name);
    } catch (e) {
      return { ok: false, problem: { code: 'ARCHIVE_CORRUPT', reason: e instanceof ZipError ? e.message : '压缩包已损坏' } };
    }
  }
  const type = sniffType(bytes, zipNames);
  if (type === 'executable') return { ok: false, problem: { code: 'EXECUTABLE' } };
  if (!policy.allowed.includes(type)) return { ok: false, problem: { code: 'TYPE_NOT_ALLOWED', type } };
  return { ok: true, type, mime: mimeOf[type], safeName };
}
