/** Content sniffing by magic bytes: what a file really is, whatever its name claims. */
export type SniffedType =
  | 'pdf' | 'ofd' | 'png' | 'jpeg' | 'gif' | 'bmp' | 'tiff' | 'webp'
  | 'docx' | 'xlsx' | 'pptx' | 'zip' | 'ole' | 'xml' | 'text'
  | 'executable' | 'unknown';

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

export const mimeOf: Record<SniffedType, string> = {
  pdf: 'application/pdf', ofd: 'application/ofd', png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp',
  tiff: 'image/tiff', webp: 'image/webp', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip', ole: 'application/x-ole-storage', xml: 'application/xml', text: 'text/plain', executable: 'application/octet-stream', unknown: 'application/octet-stream',
};

/** Sniffs the type; zip-based formats are told apart by the entry names (see `zipEntryNames`). */
export function sniffType(b: Uint8Array, zipNames?: string[]): SniffedType {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(b, 0, 2) === 'BM' && b.length > 14) return 'bmp';
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (starts(b, [0x4d, 0x5a]) || starts(b, [0x7f, 0x45, 0x4c, 0x46]) || starts(b, [0xcf, 0xfa, 0xed, 0xfe]) || starts(b, [0xca, 0xfe, 0xba, 0xbe]) || ascii(b, 0, 2) === '#!') return 'executable';
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipNames ?? [];
    if (names.includes('OFD.xml')) return 'ofd';
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('ppt/presentation.xml')) return 'pptx';
    return 'zip';
  }
  const head = ascii(b, 0, 512).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<?xml')) return 'xml';
  if (isProbablyText(b)) return 'text';
  return 'unknown';
}

function isProbablyText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  for (let i = 0; i < n; i++) if (b[i] === 0) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, n - (n === 4096 ? 4 : 0)));
    return true;
  } catch {
    return false;
  }
}
