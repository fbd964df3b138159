import { createRequire } from 'node:module';
import { PDFDocument, PDFDict, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

/**
 * Reading generated PDFs back in tests: the text as a PDF reader extracts it (pdf.js, through the
 * embedded ToUnicode maps), and the embedded font subsets with how many of their glyphs have outlines.
 * Text extraction alone does not prove that anything is visible: a subset with broken glyph records
 * still extracts perfectly, so tests check both.
 */

/** The text of each page as pdf.js extracts it, whitespace removed (Chinese text has none to keep). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

type ParsedGlyph = { path: { commands: unknown[] } };
type ParsedFont = { numGlyphs: number; getGlyph(id: number): ParsedGlyph };
const fontkit = createRequire(import.meta.url)('@pdf-lib/fontkit') as { create(bytes: Uint8Array): ParsedFont };

/** `withOutlines` leaves out glyph 0 (.notdef, a box in many fonts), which every subset starts with. */
export type EmbeddedFont = { name: string; glyphs: number; withOutlines: number; unreadable: number[] };

/** Every embedded TrueType subset (FontFile2) with its glyph count, how many have outlines, and any that cannot be read. */
export async function embeddedFonts(bytes: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(bytes);
  const out: EmbeddedFont[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = doc.context.lookup(obj.get(PDFName.of('FontFile2')));
    if (!(file instanceof PDFRawStream)) continue;
    const font = fontkit.create(decodePDFRawStream(file).decode());
    let withOutlines = 0;
    const unreadable: number[] = [];
    for (let id = 1; id < font.numGlyphs; id++) {
      try {
        if (font.getGlyph(id).path.commands.length > 0) withOutlines++;
      } catch {
        unreadable.push(id);
      }
    }
    out.push({ name: String(obj.get(PDFName.of('FontName'))), glyphs: font.numGlyphs, withOutlines, unreadable });
  }
  return out;
}
