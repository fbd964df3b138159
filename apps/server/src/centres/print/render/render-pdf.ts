import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import type { PrintTemplateDefinition } from '@jsga/contracts';
import { layoutDocument, type FontFace } from './layout.rules';
import { loadPrintFonts, type PrintFonts } from './print-font';

export type RenderOptions = { fonts?: PrintFonts; title?: string; now?: Date };

/**
 * A definition filled with `data` as a PDF: the layout rules place every line, this draws them with
 * subsets of the CJK fonts (text stays selectable and searchable through the embedded ToUnicode map).
 */
export async function renderPdf(definition: PrintTemplateDefinition, data: Record<string, unknown>, opts: RenderOptions = {}): Promise<Uint8Array> {
  const fonts = opts.fonts ?? await loadPrintFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fonts.fontkit);
  const regular = await doc.embedFont(fonts.regular.bytes, { subset: true });
  const faces: Record<FontFace, PDFFont> = {
    regular,
    bold: fonts.bold === fonts.regular ? regular : await doc.embedFont(fonts.bold.bytes, { subset: true }),
  };
  const widthOf = (text: string, size: number, face: FontFace) => (fonts[face].widthOf(text) * size) / 1000;

  const layout = layoutDocument(definition, data, { widthOf });
  const black = rgb(0, 0, 0);
  for (const p of layout.pages) {
    const page = doc.addPage([layout.width, layout.height]);
    for (const op of p.ops) {
      if (op.op === 'text') page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font: faces[op.face], color: black });
      else page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.thickness, color: black });
    }
  }
  const now = opts.now ?? new Date();
  if (opts.title) doc.setTitle(opts.title, { showInWindowTitleBar: true });
  doc.setLanguage('zh-CN');
  doc.setCreator('江苏省公安政务服务综合管理平台');
  doc.setProducer('jsga-platform print centre (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  return doc.save({ useObjectStreams: true });
}

const warm = new WeakMap<PrintFonts, Promise<PrintFonts>>();
const warmUpDefinition: PrintTemplateDefinition = {
  page: { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } },
  footer: '第 {{page}} 页 共 {{pages}} 页',
  blocks: [
    { type: 'title', text: '准予（不予）行政许可决定书' },
    { type: 'paragraph', text: '申请人事项办件编号受理机关办结日期审批意见结果准予不许可理由决定书。根据《中华人民共和国行政许可法》第三十八条的规定，'
      + '如不服本决定，可以自收到之日起60日内依法申请行政复议，或者6个月内向人民法院提起行政诉讼。江苏省公安厅南京市局区分局派出所户口迁移居民身份证驾驶换补领 GB/T 9704-2012' },
    { type: 'table', rows: [{ label: '申请人', value: '张明远' }, { label: '办结日期', value: '2026年3月5日' }] },
    { type: 'signature', orgName: '南京市公安局玄武区分局', date: '2026年3月5日' },
  ],
};

/**
 * The fonts, loaded once per process and warmed up with three throwaway documents (~0.5 s): otherwise
 * the first real documents pay for compiling pdf-lib's and fontkit's code (~0.4 s for the first one).
 */
export function loadWarmFonts(opts: { fontPath?: string } = {}): Promise<PrintFonts> {
  return loadPrintFonts(opts).then((fonts) => {
    let ready = warm.get(fonts);
    if (!ready) {
      ready = (async () => {
        for (let i = 0; i < 3; i++) await renderPdf(warmUpDefinition, {}, { fonts });
        return fonts;
      })().catch((err: unknown) => {
        warm.delete(fonts);
        throw err;
      });
      warm.set(fonts, ready);
    }
    return ready;
  });
}
