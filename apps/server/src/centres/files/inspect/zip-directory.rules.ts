/**
 * Reads a zip's central directory without inflating anything, so bombs and hostile entry names are
 * refused before any decompression happens.
 */
export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };
export type ZipDirectory = { entries: ZipEntry[]; totalUncompressed: number };

export class ZipError extends Error {}

export function readZipDirectory(b: Uint8Array, maxEntries = 20_000): ZipDirectory {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: 22 bytes + comment (≤ 65,535), searched from the end.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipError('压缩包目录缺失或已损坏');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('不支持 ZIP64 压缩包');
  if (count > maxEntries) throw new ZipError(`压缩包内文件过多（${count} 个）`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipError('压缩包目录已损坏');
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true), extraLen = view.getUint16(p + 30, true), commentLen = view.getUint16(p + 32, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw new ZipError('不支持 ZIP64 压缩包');
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, compressedSize, uncompressedSize });
    total += uncompressedSize;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, totalUncompressed: total };
}

/** Entry names that would escape the extraction folder or hide what they are. */
export const isHostileEntryName = (name: string) =>
  name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || name.split(/[\\/]/).includes('..') || /[\u0000-\u001f]/.test(name);
