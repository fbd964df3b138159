import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { child, childrenNamed, childText, parseXmlSafe } from './xml.rules';
import { readSmallZip, readZipDirectory } from './zip.rules';

/** Content formats as the package names them (`format_information`). */
export type DetectedFormat = 'PDF' | 'OFD' | 'JPEG' | 'PNG' | 'XML' | 'GIF' | 'TIFF' | 'ZIP' | 'EXECUTABLE' | 'UNKNOWN';

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const latin1 = (b: Uint8Array, from = 0, to = b.length) => Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, Math.min(to, b.length) - from)).toString('latin1');

/** PE (MZ), ELF, Mach-O (thin and fat) or a `#!` script. */
export function isExecutableContent(b: Uint8Array): boolean {
  return starts(b, [0x4d, 0x5a]) || starts(b, [0x7f, 0x45, 0x4c, 0x46])
    || starts(b, [0xfe, 0xed, 0xfa, 0xce]) || starts(b, [0xfe, 0xed, 0xfa, 0xcf]) || starts(b, [0xce, 0xfa, 0xed, 0xfe]) || starts(b, [0xcf, 0xfa, 0xed, 0xfe])
    || starts(b, [0xca, 0xfe, 0xba, 0xbe]) || starts(b, [0x23, 0x21]);
}

/** Extensions of programs and scripts, refused whatever their content. */
export const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'dll', 'com', 'scr', 'msi', 'msp', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'wsf', 'wsh', 'hta',
  'jar', 'class', 'sh', 'bash', 'zsh', 'csh', 'py', 'pl', 'rb', 'php', 'elf', 'so', 'dylib', 'app', 'apk', 'cpl', 'lnk', 'reg', 'sys', 'bin',
]);

export const extensionOf = (name: string) => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
};

/** Which extensions belong to which detected format. */
export const formatExtensions: Record<string, string[]> = {
  PDF: ['pdf'], OFD: ['ofd'], JPEG: ['jpg', 'jpeg'], PNG: ['png'], XML: ['xml'], GIF: ['gif'], TIFF: ['tif', 'tiff'], ZIP: ['zip'],
};
const mimeFormats: Record<string, DetectedFormat> = {
  'application/pdf': 'PDF', 'application/ofd': 'OFD', 'application/x-ofd': 'OFD', 'image/jpeg': 'JPEG', 'image/jpg': 'JPEG', 'image/png': 'PNG',
  'application/xml': 'XML', 'text/xml': 'XML', 'image/gif': 'GIF', 'image/tiff': 'TIFF', 'application/zip': 'ZIP',
};
export const formatOfMime = (mime: string): DetectedFormat | null => mimeFormats[mime.toLowerCase().split(';')[0].trim()] ?? null;

/** What a file is by its magic bytes (a ZIP is an OFD when it has an `OFD.xml` entry). */
export function detectFormat(b: Uint8Array): DetectedFormat {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'PDF';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (latin1(b, 0, 6) === 'GIF87a' || latin1(b, 0, 6) === 'GIF89a') return 'GIF';
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (isExecutableContent(b)) return 'EXECUTABLE';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06])) {
    try {
      const names = readZipDirectory(b, 10_000).entries.map((e) => e.name.replace(/^\/+/, ''));
      if (names.some((n) => n.toLowerCase() === 'ofd.xml')) return 'OFD';
    } catch {
      /* an unreadable zip stays a zip */
    }
    return 'ZIP';
  }
  const head = latin1(b, 0, 256).replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  if (head.startsWith('<?xml')) return 'XML';
  return 'UNKNOWN';
}

export type ContentInspection = {
  /** Problems that make the file unusable (U3). */
  problems: string[];
  /** Defects a tolerant reader works around (U3 warns). */
  warnings: string[];
  /** Scripts, launch actions, embedded files (S3). */
  activeContent: string[];
  /** Embedded electronic signatures or seals found (A2.1). */
  signatures: number;
  timestamps: number;
  pages: number | null;
};

const ACTIVE_PDF_NAMES: Record<string, string> = {
  JS: 'JavaScript 脚本（/JS）', JavaScript: 'JavaScript 脚本（/JavaScript）', Launch: '启动外部程序的动作（/Launch）',
  EmbeddedFile: '嵌入文件（/EmbeddedFile）', EmbeddedFiles: '嵌入文件（/EmbeddedFiles）',
};

/** Names in raw PDF syntax, with `#xx` escapes decoded (so `/J#61vaScript` is caught). */
function rawPdfNames(b: Uint8Array): Set<string> {
  const text = latin1(b);
  const names = new Set<string>();
  for (const m of text.matchAll(/\/((?:[A-Za-z0-9_.+-]|#[0-9A-Fa-f]{2})+)/g)) names.add(m[1].replace(/#([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))));
  return names;
}

/** Every name used as a key or a value anywhere in the parsed objects (object streams included). */
function walkPdfNames(doc: PDFDocument): { names: Set<string>; sigDicts: number; docTimestamps: number } {
  const names = new Set<string>();
  let sigDicts = 0;
  let docTimestamps = 0;
  const seen = new Set<PDFObject>();
  const visit = (o: PDFObject | undefined, depth: number) => {
    if (!o || depth > 50 || seen.has(o)) return;
    seen.add(o);
    if (o instanceof PDFName) names.add(o.decodeText().replace(/^\//, ''));
    else if (o instanceof PDFArray) for (const x of o.asArray()) visit(x, depth + 1);
    else if (o instanceof PDFDict || o instanceof PDFStream) {
      const dict = o instanceof PDFStream ? o.dict : o;
      const type = dict.get(PDFName.of('Type'));
      const filter = dict.get(PDFName.of('SubFilter'));
      if (type instanceof PDFName && type.decodeText() === '/Sig') sigDicts++;
      if (type instanceof PDFName && type.decodeText() === '/DocTimeStamp') docTimestamps++;
      if (filter instanceof PDFName && /RFC3161/i.test(filter.decodeText())) docTimestamps++;
      if (type === undefined && dict.has(PDFName.of('ByteRange')) && dict.has(PDFName.of('Contents'))) sigDicts++;
      for (const [k, v] of dict.entries()) {
        names.add(k.decodeText().replace(/^\//, ''));
        visit(v, depth + 1);
      }
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, 0);
  visit(doc.context.trailerInfo.Root, 0);
  return { names, sigDicts, docTimestamps };
}

export async function inspectPdf(b: Uint8Array): Promise<ContentInspection> {
  const problems: string[] = [];
  const active = new Set<string>();
  const header = latin1(b, 0, 1024);
  if (!/^%PDF-\d\.\d/.test(header)) problems.push('文件头不是 %PDF-x.y');
  const tail = latin1(b, Math.max(0, b.length - 2048));
  if (!tail.includes('%%EOF')) problems.push('文件尾缺少 %%EOF 标记（文件可能不完整）');
  if (!tail.includes('startxref')) problems.push('文件尾缺少 startxref（交叉引用位置）');
  const rawNames = rawPdfNames(b);
  for (const n of Object.keys(ACTIVE_PDF_NAMES)) if (rawNames.has(n)) active.add(ACTIVE_PDF_NAMES[n]);
  let pages: number | null = null;
  let signatures = rawNames.has('ByteRange') ? 1 : 0;
  let timestamps = rawNames.has('DocTimeStamp') ? 1 : 0;
  const warnings: string[] = [];
  try {
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(b, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    } catch (strict) {
      // Readers tolerate broken objects; so does the check, with a warning (pdf-lib logs what it skipped).
      doc = await PDFDocument.load(b, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
      warnings.push(`PDF 含无法解析的对象，容错后可打开（${strict instanceof Error ? strict.message : String(strict)}）`);
    }
    if (doc.isEncrypted) problems.push('PDF 已加密，无法长期可用');
    const walked = walkPdfNames(doc);
    for (const n of Object.keys(ACTIVE_PDF_NAMES)) if (walked.names.has(n)) active.add(ACTIVE_PDF_NAMES[n]);
    signatures = Math.max(signatures, walked.sigDicts);
    timestamps = Math.max(timestamps, walked.docTimestamps);
    pages = doc.getPageCount();
    if (pages < 1) problems.push('PDF 没有页面');
  } catch (e) {
    problems.push(`PDF 无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  return { problems, warnings, activeContent: [...active], signatures, timestamps, pages };
}

/** OFD (GB/T 33190): OFD.xml parses, DocRoot and every page part exist and parse. */
export function inspectOfd(b: Uint8Array, limits: { maxEntries: number; maxTotalBytes: number }): ContentInspection {
  const problems: string[] = [];
  const activeContent: string[] = [];
  let signatures = 0;
  let pages: number | null = null;
  let parts: Map<string, Uint8Array>;
  try {
    parts = readSmallZip(b, limits);
  } catch (e) {
    return { problems: [`OFD 容器无法读取：${e instanceof Error ? e.message : String(e)}`], warnings: [], activeContent, signatures, timestamps: 0, pages };
  }
  // Part names are compared case-insensitively and without a leading slash (WPS writes DOC_0/ for Doc_0/).
  const byLower = new Map([...parts].map(([k, v]) => [k.replace(/^\/+/, '').toLowerCase(), v]));
  const part = (path: string) => byLower.get(path.replace(/^\/+/, '').toLowerCase());
  for (const [name, data] of parts) {
    if (isExecutableContent(data) || EXECUTABLE_EXTENSIONS.has(extensionOf(name))) activeContent.push(`OFD 内含可执行文件 ${name}`);
    if (/(^|\/)signs?\//i.test(name) || /signatures\.xml$/i.test(name)) signatures = Math.max(signatures, 1);
  }
  const ofdXml = part('OFD.xml');
  if (!ofdXml) return { problems: ['OFD 缺少 OFD.xml'], warnings: [], activeContent, signatures, timestamps: 0, pages };
  try {
    const root = parseXmlSafe(ofdXml, { maxBytes: 5_000_000 });
    if (root.local !== 'OFD') problems.push('OFD.xml 的根元素不是 OFD');
    const bodies = childrenNamed(root, 'DocBody');
    if (bodies.length === 0) problems.push('OFD.xml 缺少 DocBody');
    pages = 0;
    for (const body of bodies) {
      if (childText(body, 'Signatures')) signatures = Math.max(signatures, 1);
      const docRoot = childText(body, 'DocRoot')?.trim();
      if (!docRoot) {
        problems.push('OFD.xml 缺少 DocRoot');
        continue;
      }
      const docBytes = part(docRoot);
      if (!docBytes) {
        problems.push(`OFD 文档 ${docRoot} 不存在`);
        continue;
      }
      const doc = parseXmlSafe(docBytes, { maxBytes: 5_000_000 });
      const docDir = docRoot.replace(/^\/+/, '').split('/').slice(0, -1).join('/');
      const pageNodes = childrenNamed(child(doc, 'Pages'), 'Page');
      if (pageNodes.length === 0) problems.push(`OFD 文档 ${docRoot} 没有页面`);
      for (const p of pageNodes) {
        const loc = p.attrs.BaseLoc ?? '';
        const full = loc.startsWith('/') ? loc : `${docDir ? `${docDir}/` : ''}${loc}`;
        const pageBytes = loc ? part(full) : undefined;
        if (!pageBytes) problems.push(`OFD 页面 ${loc || '(未指明位置)'} 不存在`);
        else parseXmlSafe(pageBytes, { maxBytes: 20_000_000 });
        pages++;
      }
    }
  } catch (e) {
    problems.push(`OFD 结构无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  return { problems, warnings: [], activeContent, signatures, timestamps: 0, pages };
}

export function inspectPng(b: Uint8Array): ContentInspection {
  const problems: string[] = [];
  if (latin1(b, 12, 16) !== 'IHDR') problems.push('PNG 缺少 IHDR 数据块');
  if (!latin1(b, Math.max(0, b.length - 12)).includes('IEND')) problems.push('PNG 缺少 IEND 结束块（文件可能不完整）');
  return { problems, warnings: [], activeContent: [], signatures: 0, timestamps: 0, pages: 1 };
}

export function inspectJpeg(b: Uint8Array): ContentInspection {
  const problems: string[] = [];
  let end = b.length;
  while (end > 2 && b[end - 1] === 0) end--;
  if (!(b[end - 2] === 0xff && b[end - 1] === 0xd9)) problems.push('JPEG 缺少结束标记 FFD9（文件可能不完整）');
  return { problems, warnings: [], activeContent: [], signatures: 0, timestamps: 0, pages: 1 };
}

export function inspectXml(b: Uint8Array): ContentInspection {
  try {
    parseXmlSafe(b);
    return { problems: [], warnings: [], activeContent: [], signatures: 0, timestamps: 0, pages: null };
  } catch (e) {
    return { problems: [e instanceof Error ? e.message : String(e)], warnings: [], activeContent: [], signatures: 0, timestamps: 0, pages: null };
  }
}
