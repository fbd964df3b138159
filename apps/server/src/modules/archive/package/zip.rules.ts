import { deflateSync, inflateSync } from 'fflate';

/**
 * A deterministic ZIP writer (fflate's raw deflate inside a container written here, so every header
 * byte is ours: UTF-8 flag on every entry, one fixed DOS time, no extra fields) and a reader that looks
 * at the raw central directory before inflating anything.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

export type ZipInputEntry = { name: string; data?: Uint8Array; directory?: boolean };

/**
 * DOS date/time of an instant as China wall-clock time (UTC+8), independent of the machine's zone.
 * DOS time has two-second resolution and covers 1980–2107.
 */
export function dosDateTime(instant: Date): { time: number; date: number } {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error('归档时间无效，无法写入压缩包');
  const d = new Date(ms + 8 * 3_600_000);
  const year = d.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new Error(`归档时间的年份 ${year} 超出 ZIP 时间范围（1980–2107）`);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Writes entries in the given order; deflate when it saves space, else stored. Same input → same bytes. */
export function writeZip(entries: ZipInputEntry[], mtime: Date): Uint8Array {
  if (entries.length > 65_534) throw new Error('压缩包文件数超过 65534，不支持 ZIP64');
  const { time, date } = dosDateTime(mtime);
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const e of entries) {
    if (seen.has(e.name)) throw new Error(`压缩包内文件名重复：${e.name}`);
    seen.add(e.name);
    if (isHostileEntryName(e.name)) throw new Error(`压缩包内文件名不安全：${e.name}`);
    const name = encoder.encode(e.directory ? (e.name.endsWith('/') ? e.name : `${e.name}/`) : e.name);
    const raw = e.directory ? new Uint8Array(0) : (e.data ?? new Uint8Array(0));
    const deflated = raw.length > 0 ? deflateSync(raw, { level: 6 }) : raw;
    const useDeflate = deflated.length < raw.length;
    const body = useDeflate ? deflated : raw;
    const crc = crc32(raw);
    if (offset + 30 + name.length + body.length > 0xfffffffe) throw new Error('压缩包超过 4 GB，不支持 ZIP64');

    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0 (deflate, folders)
    lv.setUint16(6, FLAG_UTF8, true);
    lv.setUint16(8, useDeflate ? METHOD_DEFLATE : METHOD_STORED, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    // Made by Unix, spec 2.0: with "MS-DOS" here Info-ZIP unzip would re-read the UTF-8 names as an OEM code page.
    cv.setUint16(4, 0x0314, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, FLAG_UTF8, true);
    cv.setUint16(10, useDeflate ? METHOD_DEFLATE : METHOD_STORED, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, e.directory ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0, true); // Unix mode + MS-DOS directory bit
    cv.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** Entry names that would escape the extraction folder or hide what they are. */
export const isHostileEntryName = (name: string) =>
  name === '' || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').some((s) => s === '..' || s === '.')
  || /[\u0000-\u001f\u007f]/.test(name);

export type RawZipEntry = {
  name: string;
  /** General purpose bit flag from the central directory. */
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  isDirectory: boolean;
  /** Name was not valid UTF-8 and was decoded as GB 18030 (or replaced). */
  nameNotUtf8: boolean;
  encrypted: boolean;
};

export type RawZipDirectory = { entries: RawZipEntry[]; commentLength: number };

export class ZipFormatError extends Error {}

/** Reads the end record and central directory only. Throws ZipFormatError for what cannot be read at all. */
export function readZipDirectory(b: Uint8Array, maxEntries = 65_534): RawZipDirectory {
  if (b.length < 22) throw new ZipFormatError('文件过小，不是 ZIP 压缩包');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('找不到 ZIP 目录结束记录，压缩包已损坏或不是 ZIP 格式');
  const diskNo = view.getUint16(eocd + 4, true), cdDisk = view.getUint16(eocd + 6, true);
  const countDisk = view.getUint16(eocd + 8, true), count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true), cdOffset = view.getUint32(eocd + 16, true);
  const commentLength = view.getUint16(eocd + 20, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipFormatError('不支持 ZIP64 压缩包');
  if (diskNo !== 0 || cdDisk !== 0 || countDisk !== count) throw new ZipFormatError('不支持分卷压缩包');
  if (count > maxEntries) throw new ZipFormatError(`压缩包内文件过多（${count} 个，上限 ${maxEntries}）`);
  if (cdOffset + cdSize > eocd) throw new ZipFormatError('ZIP 中央目录位置超出文件范围');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gb = new TextDecoder('gb18030');
  const entries: RawZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw new ZipFormatError('ZIP 中央目录已损坏');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true), extraLen = view.getUint16(p + 30, true), commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipFormatError('不支持 ZIP64 压缩包');
    if (p + 46 + nameLen > eocd) throw new ZipFormatError('ZIP 中央目录已损坏');
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    let name: string;
    let nameNotUtf8 = false;
    try {
      name = utf8.decode(rawName);
    } catch {
      name = gb.decode(rawName);
      nameNotUtf8 = true;
    }
    // A name with non-ASCII bytes but without the UTF-8 flag may be shown differently by other tools.
    if (!(flags & FLAG_UTF8) && rawName.some((x) => x > 0x7f)) nameNotUtf8 = true;
    entries.push({
      name, flags, method, crc, compressedSize, uncompressedSize, localOffset, nameNotUtf8,
      isDirectory: name.endsWith('/') || ((externalAttrs & 0x10) !== 0 && uncompressedSize === 0),
      encrypted: (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, commentLength };
}

/**
 * Inflates one entry, checking the local header against the central directory, the declared size (an
 * entry that inflates to more than declared is refused without allocating more) and the CRC-32.
 */
export function readZipEntry(b: Uint8Array, e: RawZipEntry): Uint8Array {
  if (e.encrypted) throw new ZipFormatError('文件已加密');
  if (e.method !== METHOD_STORED && e.method !== METHOD_DEFLATE) throw new ZipFormatError(`不支持的压缩方法 ${e.method}`);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const p = e.localOffset;
  if (p + 30 > b.length || view.getUint32(p, true) !== 0x04034b50) throw new ZipFormatError('本地文件头缺失或已损坏');
  const localFlags = view.getUint16(p + 6, true);
  const localMethod = view.getUint16(p + 8, true);
  const nameLen = view.getUint16(p + 26, true), extraLen = view.getUint16(p + 28, true);
  if (localMethod !== e.method) throw new ZipFormatError('本地文件头的压缩方法与中央目录不一致');
  if ((localFlags & FLAG_ENCRYPTED) !== 0) throw new ZipFormatError('文件已加密');
  const localName = b.subarray(p + 30, p + 30 + nameLen);
  const cdName = new TextEncoder().encode(e.name);
  const sameName = !e.nameNotUtf8 ? localName.length === cdName.length && localName.every((x, i) => x === cdName[i]) : true;
  if (!sameName) throw new ZipFormatError('本地文件头的文件名与中央目录不一致');
  if (!(localFlags & FLAG_DATA_DESCRIPTOR)) {
    const lc = view.getUint32(p + 18, true), lu = view.getUint32(p + 22, true);
    if (lc !== e.compressedSize || lu !== e.uncompressedSize) throw new ZipFormatError('本地文件头的大小与中央目录不一致');
  }
  const start = p + 30 + nameLen + extraLen;
  const end = start + e.compressedSize;
  if (end > b.length) throw new ZipFormatError('压缩数据超出文件范围');
  const body = b.subarray(start, end);
  let data: Uint8Array;
  if (e.method === METHOD_STORED) {
    if (e.compressedSize !== e.uncompressedSize) throw new ZipFormatError('未压缩文件的大小不一致');
    data = body.slice();
  } else {
    let out: Uint8Array;
    try {
      out = inflateSync(body, { out: new Uint8Array(e.uncompressedSize + 1) });
    } catch (err) {
      throw new ZipFormatError(`解压失败：${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.length !== e.uncompressedSize) throw new ZipFormatError(`解压后大小（${out.length > e.uncompressedSize ? '超过' : '不足'}）与声明的 ${e.uncompressedSize} 字节不符`);
    data = out;
  }
  if (crc32(data) !== e.crc) throw new ZipFormatError('CRC-32 校验失败');
  return data;
}

/** Unpacks a ZIP we trust to be small (e.g. an OFD inside the package), with the same guards. */
export function readSmallZip(b: Uint8Array, limits: { maxEntries: number; maxTotalBytes: number }): Map<string, Uint8Array> {
  const dir = readZipDirectory(b, limits.maxEntries);
  const total = dir.entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) throw new ZipFormatError(`解压后总大小 ${total} 字节超过上限`);
  const files = new Map<string, Uint8Array>();
  for (const e of dir.entries) {
    if (e.isDirectory) continue;
    if (isHostileEntryName(e.name)) throw new ZipFormatError(`文件名不安全：${e.name}`);
    files.set(e.name, readZipEntry(b, e));
  }
  return files;
}
