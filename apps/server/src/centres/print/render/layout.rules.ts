import type { PrintBlock, PrintTemplateDefinition } from '@jsga/contracts';
import { fillText, listRows } from './placeholder.rules';
import { wrapText, type WrappedLine } from './wrap.rules';

/**
 * Lays a definition filled with data out on A4 pages: the result is a list of text and rule
 * operations per page, in PDF points with the origin at the bottom left. Pure: text widths come from
 * `metrics`, so the rules are tested without a font and the PDF writer only draws what is here.
 */

export type FontFace = 'regular' | 'bold';
export type LayoutMetrics = { widthOf: (text: string, size: number, face: FontFace) => number };
export type TextOp = { op: 'text'; x: number; y: number; text: string; size: number; face: FontFace };
export type LineOp = { op: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number };
export type DrawOp = TextOp | LineOp;
export type DocumentLayout = { width: number; height: number; pages: Array<{ ops: DrawOp[] }> };

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;
export const layoutDefaults = { fontSize: 14, lineHeight: 1.6, titleGap: 8, tableLabelWidth: 36, signatureSpace: 20, footerSize: 9 } as const;
/** Where the baseline sits below the top of the em box (CJK faces: ideographs span -0.12 … 0.88 em). */
const ASCENT = 0.88;
const EPSILON = 0.001;

export function layoutDocument(def: PrintTemplateDefinition, data: Record<string, unknown>, metrics: LayoutMetrics): DocumentLayout {
  const m = def.page.margins;
  const left = m.left * MM;
  const right = A4.width - m.right * MM;
  const top = A4.height - m.top * MM;
  const bottom = m.bottom * MM;
  const width = right - left;
  const base = def.fontSize ?? layoutDefaults.fontSize;
  const lineHeight = def.lineHeight ?? layoutDefaults.lineHeight;

  const pages: DocumentLayout['pages'] = [];
  let ops: DrawOp[] = [];
  let y = top;
  const newPage = () => {
    ops = [];
    pages.push({ ops });
    y = top;
  };
  newPage();
  /** Starts a new page unless `height` still fits (or the page is empty anyway). */
  const ensure = (height: number) => {
    if (y - height < bottom - EPSILON && y < top - EPSILON) newPage();
  };
  const measure = (size: number, face: FontFace) => (s: string) => metrics.widthOf(s, size, face);
  const text = (s: string, x: number, baseline: number, size: number, face: FontFace) => {
    if (s) ops.push({ op: 'text', x, y: baseline, text: s, size, face });
  };
  const baselineIn = (lineTop: number, lh: number, size: number) => lineTop - (lh - size) / 2 - size * ASCENT;
  const rule = (x1: number, y1: number, x2: number, y2: number) => ops.push({ op: 'line', x1, y1, x2, y2, thickness: 0.6 });
  /** Lines one after another, breaking pages between lines. */
  const flow = (lines: WrappedLine[], size: number, lh: number, face: FontFace, align: 'left' | 'center' | 'right') => {
    for (const line of lines) {
      ensure(lh);
      const x = align === 'center' ? left + (width - line.width) / 2 : align === 'right' ? right - line.width : left + line.indent;
      text(line.text, x, baselineIn(y, lh, size), size, face);
      y -= lh;
    }
  };

  /** Label/value rows with ruled borders; a row stays on one page when it fits on a page at all. */
  const ruledTable = (rows: Array<{ label: string; value: string }>, b: { labelWidth?: number; fontSize?: number }) => {
    const size = b.fontSize ?? base;
    const lh = size * 1.4;
    const padX = 2 * MM;
    const padY = 1.5 * MM;
    const labelWidth = Math.min((b.labelWidth ?? layoutDefaults.tableLabelWidth) * MM, width / 2);
    const split = left + labelWidth;
    let needTop = true;
    y -= size * 0.3;
    for (const row of rows) {
      const labels = wrapText(row.label, labelWidth - 2 * padX, measure(size, 'regular'));
      const values = wrapText(row.value, width - labelWidth - 2 * padX, measure(size, 'regular'));
      const n = Math.max(labels.length, values.length);
      if (y - n * lh - 2 * padY < bottom - EPSILON && n * lh + 2 * padY <= top - bottom) { newPage(); needTop = true; }
      for (let i = 0; i < n;) {
        const room = Math.floor((y - bottom - 2 * padY + EPSILON) / lh);
        if (room < 1) { newPage(); needTop = true; continue; }
        const k = Math.min(room, n - i);
        const rowTop = y;
        if (needTop) rule(left, rowTop, right, rowTop);
        needTop = false;
        for (let j = 0; j < k; j++) {
          const lineTop = rowTop - padY - j * lh;
          const label = labels[i + j];
          const value = values[i + j];
          if (label) text(label.text, left + padX, baselineIn(lineTop, lh, size), size, 'regular');
          if (value) text(value.text, split + padX, baselineIn(lineTop, lh, size), size, 'regular');
        }
        const rowBottom = rowTop - 2 * padY - k * lh;
        for (const x of [left, split, right]) rule(x, rowTop, x, rowBottom);
        rule(left, rowBottom, right, rowBottom);
        y = rowBottom;
        i += k;
        if (i < n) { newPage(); needTop = true; }
      }
    }
    y -= size * 0.6;
  };

  const blocks: Record<PrintBlock['type'], (b: never) => void> = {
    title: (b: Extract<PrintBlock, { type: 'title' }>) => {
      const size = b.fontSize ?? base + layoutDefaults.titleGap;
      flow(wrapText(fillText(b.text, data), width, measure(size, 'bold')), size, size * 1.4, 'bold', 'center');
      y -= base * 0.8;
    },
    paragraph: (b: Extract<PrintBlock, { type: 'paragraph' }>) => {
      const size = b.fontSize ?? base;
      const face = b.bold ? 'bold' : 'regular';
      const align = b.align ?? 'left';
      const indent = align === 'left' ? (b.indent ?? 2) * size : 0;
      flow(wrapText(fillText(b.text, data), width, measure(size, face), { firstLineIndent: indent }), size, size * lineHeight, face, align);
    },
    table: (b: Extract<PrintBlock, { type: 'table' }>) =>
      ruledTable(b.rows.map((r) => ({ label: fillText(r.label, data), value: fillText(r.value, data) })), b),
    // data rows print as they are: an applicant's answer containing {{…}} is not a placeholder
    list_table: (b: Extract<PrintBlock, { type: 'list_table' }>) => {
      const rows = listRows(data, b.source);
      ruledTable(rows.length ? rows : [{ label: b.emptyText ?? '无', value: '' }], b);
    },
    signature: (b: Extract<PrintBlock, { type: 'signature' }>) => {
      const size = base;
      const lh = size * lineHeight;
      const space = (b.spaceBefore ?? layoutDefaults.signatureSpace) * MM;
      const orgs = wrapText(fillText(b.orgName, data), width * 0.7, measure(size, 'regular'));
      const date = fillText(b.date, data);
      const dateWidth = metrics.widthOf(date, size, 'regular');
      // 落款 and date stay together (with the room for the seal above them)
      ensure(space + lh * (orgs.length + 1));
      y = Math.max(y - space, bottom + lh * (orgs.length + 1));
      const orgRight = right - 2 * size;
      const orgWidth = Math.max(...orgs.map((l) => l.width));
      for (const l of orgs) {
        text(l.text, orgRight - l.width, baselineIn(y, lh, size), size, 'regular');
        y -= lh;
      }
      const centre = orgRight - orgWidth / 2;
      text(date, Math.min(centre - dateWidth / 2, right - dateWidth), baselineIn(y, lh, size), size, 'regular');
      y -= lh;
    },
    spacer: (b: Extract<PrintBlock, { type: 'spacer' }>) => {
      const h = b.height * MM;
      if (y - h < bottom - EPSILON) newPage();
      else y -= h;
    },
  };
  for (const b of def.blocks) blocks[b.type](b as never);

  if (def.footer) {
    const size = layoutDefaults.footerSize;
    pages.forEach((p, i) => {
      const lines = wrapText(fillText(def.footer!, { ...data, page: i + 1, pages: pages.length }), width, measure(size, 'regular')).slice(0, 2);
      lines.forEach((l, j) => p.ops.push({ op: 'text', x: left + (width - l.width) / 2, y: bottom / 2 - j * size * 1.3, text: l.text, size, face: 'regular' }));
    });
  }
  return { width: A4.width, height: A4.height, pages };
}
