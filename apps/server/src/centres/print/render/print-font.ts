import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFDocument } from 'pdf-lib';
import { printErrors } from '../print.errors';

/**
 * The CJK font PDFs embed (as a subset: only the glyphs a document uses). By default Noto Serif SC
 * (思源宋体, SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-serif-sc, so a
 * fresh `npm ci` can print; PRINT_FONT_PATH replaces it with a TTF/OTF/TTC file (a TTC's first face;
 * the same face then serves titles too). Bytes and parsed fonts are loaded once per process: parsing
 * a 15 MB font costs ~0.7 s, a one-page document with a parsed one tens of milliseconds.
 */

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
type FontkitModule = { create: (bytes: Uint8Array, postscriptName?: string) => Font | { fonts: Font[] } };
const require = createRequire(import.meta.url);
// UMD bundle: its exports are only reliable through require
const fontkit = require('@pdf-lib/fontkit') as FontkitModule;

export const bundledFont = {
  package: '@expo-google-fonts/noto-serif-sc',
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  licence: 'SIL Open Font License 1.1',
} as const;

export type PrintFontFace = {
  bytes: Uint8Array;
  font: Font;
  file: string;
  /** Advance width of `text` in thousandths of the font size: the widths the PDF's /W array gives its glyphs. */
  widthOf(text: string): number;
};
export type PrintFonts = {
  regular: PrintFontFace;
  bold: PrintFontFace;
  /** Hands pdf-lib the already parsed fonts instead of parsing the bytes for every document. */
  fontkit: Fontkit;
  /** Characters of `text` the regular face has no glyph for (they would print as empty boxes). */
  missingCharacters(text: string): string[];
};

const loaded = new Map<string, Promise<PrintFonts>>();

/** The fonts for `fontPath` (PRINT_FONT_PATH), or the bundled ones; throws PRINT_FONT_MISSING. Cached per process. */
export function loadPrintFonts({ fontPath }: { fontPath?: string } = {}): Promise<PrintFonts> {
  const key = fontPath ?? '';
  let fonts = loaded.get(key);
  if (!fonts) {
    fonts = (fontPath ? loadFile(fontPath) : loadBundled()).catch((err: unknown) => {
      loaded.delete(key);
      throw err;
    });
    loaded.set(key, fonts);
  }
  return fonts;
}

async function loadBundled(): Promise<PrintFonts> {
  let files: { regular: string; bold: string };
  try {
    files = { regular: require.resolve(bundledFont.regular), bold: require.resolve(bundledFont.bold) };
  } catch {
    throw printErrors.FONT_MISSING({ package: bundledFont.package });
  }
  const [regular, bold] = await Promise.all([readFace(files.regular), readFace(files.bold)]);
  return fontsOf(regular, bold);
}

async function loadFile(file: string): Promise<PrintFonts> {
  const face = await readFace(file);
  return fontsOf(face, face);
}

async function readFace(file: string): Promise<PrintFontFace> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw printErrors.FONT_MISSING({ file });
  }
  let parsed: ReturnType<FontkitModule['create']>;
  try {
    parsed = fontkit.create(bytes);
  } catch {
    throw printErrors.FONT_MISSING({ file }, `字体文件无法读取（不是 TTF/OTF/TTC 字体）：${file}`);
  }
  const font = 'fonts' in parsed ? parsed.fonts[0] : parsed;
  if (!font || !font.hasGlyphForCodePoint(0x4e2d)) throw printErrors.FONT_MISSING({ file }, `字体不含中文字形：${file}`);
  padSubsetGlyphs(font);
  return { bytes, font, file, widthOf: advanceWidths(font) };
}

/**
 * fontkit's TrueType subsetter (@pdf-lib/fontkit 1.1) writes a short `loca` table (offsets halved) for
 * small subsets but copies glyph records unpadded. In fonts whose records have odd lengths (half of
 * Noto Serif SC's) every glyph after the first odd one is then cut in the wrong place and prints blank,
 * while text extraction still reads fine. Padding each copied record to an even length, as the
 * TrueType specification asks, fixes it; `render-pdf.test.ts` checks every glyph of a subset.
 */
function padSubsetGlyphs(font: Font) {
  type TtfSubset = { glyf: Uint8Array[]; offset: number; _addGlyph?: (gid: number) => number };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as unknown as TtfSubset;
    const addGlyph = subset._addGlyph;
    if (typeof addGlyph !== 'function') return subset as never; // CFF outlines: no glyf records
    subset._addGlyph = function (this: TtfSubset, gid: number) {
      const index = addGlyph.call(this, gid);
      const record = this.glyf[index];
      if (record.length % 2) {
        const padded = new (record.constructor as new (length: number) => Uint8Array)(record.length + 1);
        padded.set(record);
        this.glyf[index] = padded;
        this.offset += 1;
      }
      return index;
    };
    return subset as never;
  };
}

/**
 * Sums cached per-character advances instead of shaping every measured string: pdf-lib writes glyph
 * widths without kerning, so this is what prints, at a fraction of the cost of `font.layout`.
 */
function advanceWidths(font: Font) {
  const scale = 1000 / font.unitsPerEm;
  const advances = new Map<number, number>();
  return (text: string) => {
    let sum = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let w = advances.get(cp);
      if (w === undefined) advances.set(cp, (w = font.glyphForCodePoint(cp).advanceWidth * scale));
      sum += w;
    }
    return sum;
  };
}

function fontsOf(regular: PrintFontFace, bold: PrintFontFace): PrintFonts {
  const parsed = new Map<Uint8Array, Font>([[regular.bytes, regular.font], [bold.bytes, bold.font]]);
  return {
    regular,
    bold,
    fontkit: {
      create: (bytes) => {
        const font = parsed.get(bytes);
        if (!font) throw new Error('print fonts: unexpected font bytes');
        return font;
      },
    },
    missingCharacters: (text) => [...new Set(text)].filter((ch) => !/\s/.test(ch) && !regular.font.hasGlyphForCodePoint(ch.codePointAt(0)!)),
  };
}

