import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintTemplateDefinition } from '@jsga/contracts';
import { embeddedFonts, pdfPageTexts } from '../testing/pdf-inspect';
import { loadPrintFonts } from './print-font';
import { loadWarmFonts, renderPdf } from './render-pdf';

const letter: PrintTemplateDefinition = {
  page: { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } },
  footer: '第{{page}}页',
  blocks: [
    { type: 'title', text: '不予许可决定书' },
    { type: 'paragraph', text: '{{applicantName}}：经审查，申请人提交的录取通知书与学籍信息不一致（GB/T 9704），不符合迁移条件。' },
    { type: 'table', rows: [{ label: '办件编号', value: '{{caseNo}}' }] },
    { type: 'signature', orgName: '南京市公安局玄武区分局', date: '2026年3月5日' },
  ],
};
const data = { applicantName: '龚堃', caseNo: '320102202603050000123' }; // 堃: outside GB 2312
/** The characters that need a glyph with an outline (spaces have none). */
const visible = (texts: string[]) => new Set([...texts.join('')].filter((ch) => !/\s/.test(ch)));

describe('PDF rendering with the bundled CJK font', { timeout: 30_000 }, () => {
  // reading, parsing and warming up the 2 × 15 MB font takes a few seconds on a busy machine
  beforeAll(() => loadWarmFonts(), 60_000);

  it('writes an A4 PDF whose text a reader extracts, with a subset font whose every glyph has its outline', async () => {
    const fonts = await loadWarmFonts();
    const bytes = await renderPdf(letter, data, { fonts, title: '不予许可决定书' });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(120_000);
    const [text] = await pdfPageTexts(bytes);
    expect(text).toBe('不予许可决定书龚堃：经审查，申请人提交的录取通知书与学籍信息不一致（GB/T9704），不符合迁移条件。办件编号320102202603050000123南京市公安局玄武区分局2026年3月5日第1页');
    // a broken subset (glyph records cut in the wrong place) still extracts, but prints blank: count outlines
    const [regular, bold] = await embeddedFonts(bytes);
    expect(regular.unreadable).toEqual([]);
    expect(bold.unreadable).toEqual([]);
    const bodyChars = visible(['龚堃：经审查，申请人提交的录取通知书与学籍信息不一致（GB/T 9704），不符合迁移条件。', '办件编号320102202603050000123', '南京市公安局玄武区分局', '2026年3月5日', '第1页']);
    expect(regular.withOutlines).toBe(bodyChars.size);
    expect(bold.withOutlines).toBe(visible(['不予许可决定书']).size);
  });

  it('tells which characters the font cannot show', async () => {
    const fonts = await loadWarmFonts();
    expect(fonts.missingCharacters('龚堃 玥喆\ue000😀')).toEqual(['\ue000', '😀']);
  });

  it('renders the same glyphs again in later documents (the parsed font is shared per process)', async () => {
    const fonts = await loadWarmFonts();
    for (let i = 0; i < 3; i++) {
      const [regular] = await embeddedFonts(await renderPdf({ ...letter, footer: undefined, blocks: [{ type: 'paragraph', text: '申请人张明远录取' }, { type: 'title', text: '标题' }] }, {}, { fonts }));
      expect(regular.withOutlines).toBe(8);
    }
  });
});

describe('font selection', { timeout: 30_000 }, () => {
  it('reports PRINT_FONT_MISSING for a font file that is not there or not a font', async () => {
    await expect(loadPrintFonts({ fontPath: '/nonexistent/font.ttf' })).rejects.toMatchObject({ code: 'PRINT_FONT_MISSING', category: 'INTERNAL', message: expect.stringMatching(/中文字体/) });
    const notAFont = path.join(mkdtempSync(path.join(tmpdir(), 'print-font-')), 'font.ttf');
    writeFileSync(notAFont, 'not a font');
    await expect(loadPrintFonts({ fontPath: notAFont })).rejects.toMatchObject({ code: 'PRINT_FONT_MISSING', message: expect.stringMatching(/字体文件无法读取/) });
  });

  const wqy = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
  it.runIf(existsSync(wqy))('uses the first face of a TrueType collection named by PRINT_FONT_PATH', async () => {
    const fonts = await loadPrintFonts({ fontPath: wqy });
    expect(fonts.bold).toBe(fonts.regular);
    const bytes = await renderPdf(letter, data, { fonts });
    expect((await pdfPageTexts(bytes))[0]).toContain('南京市公安局玄武区分局');
    const [font] = await embeddedFonts(bytes);
    expect(font.unreadable).toEqual([]);
    expect(font.withOutlines).toBeGreaterThan(40);
  });
});
