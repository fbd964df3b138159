import { describe, expect, it } from 'vitest';
import type { PrintBlock, PrintTemplateDefinition } from '@jsga/contracts';
import { A4, layoutDocument, MM, type DocumentLayout, type LayoutMetrics, type TextOp } from './layout.rules';

const metrics: LayoutMetrics = { widthOf: (s, size) => [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0) * size };
const margins = { top: 37, right: 26, bottom: 35, left: 28 };
const doc = (blocks: PrintBlock[], extra: Partial<PrintTemplateDefinition> = {}): PrintTemplateDefinition =>
  ({ page: { size: 'A4', margins }, blocks, ...extra });
const textOps = (l: DocumentLayout, page = 0) => l.pages[page].ops.filter((o): o is TextOp => o.op === 'text');
const box = { left: margins.left * MM, right: A4.width - margins.right * MM, top: A4.height - margins.top * MM, bottom: margins.bottom * MM };

describe('document layout', () => {
  it('centres the title in bold and keeps body text inside the margins', () => {
    const l = layoutDocument(doc([
      { type: 'title', text: '不予许可决定书' },
      { type: 'paragraph', text: '经审查，申请人提交的录取通知书与学籍信息不一致，不符合迁移条件。'.repeat(3) },
    ]), {}, metrics);
    expect(l).toMatchObject({ width: A4.width, height: A4.height });
    const [title, ...body] = textOps(l);
    expect(title).toMatchObject({ text: '不予许可决定书', face: 'bold', size: 22 });
    expect(title.x + metrics.widthOf(title.text, 22, 'bold') / 2).toBeCloseTo((box.left + box.right) / 2, 3);
    for (const op of body) {
      expect(op.x).toBeGreaterThanOrEqual(box.left - 0.001);
      expect(op.x + metrics.widthOf(op.text, op.size, op.face)).toBeLessThanOrEqual(box.right + 0.001);
      expect(op.y).toBeLessThan(box.top);
      expect(op.y).toBeGreaterThan(box.bottom);
    }
    expect(body[0].x).toBeCloseTo(box.left + 2 * 14, 3); // 首行缩进两字
    expect(body[1].x).toBeCloseTo(box.left, 3);
    expect(body.map((o) => o.text).join('')).toBe('经审查，申请人提交的录取通知书与学籍信息不一致，不符合迁移条件。'.repeat(3));
  });

  it('prints a list table row per data item, verbatim, and a placeholder row when the list is empty', () => {
    const rows = [{ label: '姓名', value: '张明远' }, { label: '备注', value: '写着 {{caseNo}} 的备注' }, { label: '', value: '无标签的项不打印' }, 'x'];
    const l = layoutDocument(doc([{ type: 'list_table', source: 'form' }, { type: 'list_table', source: 'materials', emptyText: '未提交材料' }]), { form: rows, caseNo: 'A1' }, metrics);
    const texts = textOps(l).map((o) => o.text);
    expect(texts).toEqual(['姓名', '张明远', '备注', '写着 {{caseNo}} 的备注', '未提交材料']);
  });

  it('flows a long text onto further pages and numbers them in the footer', () => {
    const l = layoutDocument(doc([{ type: 'paragraph', text: '许可'.repeat(1200) }], { footer: '办件编号 {{caseNo}} 第 {{page}} 页 共 {{pages}} 页' }), { caseNo: 'A1' }, metrics);
    expect(l.pages.length).toBe(3);
    for (const [i] of l.pages.entries()) {
      const ops = textOps(l, i);
      const footer = ops[ops.length - 1];
      expect(footer).toMatchObject({ text: `办件编号 A1 第 ${i + 1} 页 共 3 页`, size: 9 });
      expect(footer.y).toBeLessThan(box.bottom);
      expect(ops.slice(0, -1).every((o) => o.y > box.bottom)).toBe(true);
    }
    expect(l.pages.flatMap((_, i) => textOps(l, i).slice(0, -1).map((o) => o.text)).join('')).toBe('许可'.repeat(1200));
  });

  it('prints placeholders without data as nothing', () => {
    const l = layoutDocument(doc([{ type: 'paragraph', text: '申请人：{{applicantName}}{{unknown.path}}。', indent: 0 }]), {}, metrics);
    expect(textOps(l).map((o) => o.text)).toEqual(['申请人：。']);
  });

  it('right-aligns the issuing organ and centres the date under it', () => {
    const l = layoutDocument(doc([{ type: 'signature', orgName: '{{orgName}}', date: '{{d|date}}' }]), { orgName: '南京市公安局玄武区分局', d: '2026-03-05' }, metrics);
    const [org, date] = textOps(l);
    expect(org.text).toBe('南京市公安局玄武区分局');
    expect(org.x + metrics.widthOf(org.text, 14, 'regular')).toBeCloseTo(box.right - 2 * 14, 3);
    expect(date.text).toBe('2026年3月5日');
    expect(date.x + metrics.widthOf(date.text, 14, 'regular') / 2).toBeCloseTo(org.x + metrics.widthOf(org.text, 14, 'regular') / 2, 3);
    expect(date.y).toBeLessThan(org.y);
    expect(box.top - org.y).toBeGreaterThan(20 * MM); // room for the seal
  });

  it('draws key/value rows with ruled cells and wraps long values inside their cell', () => {
    const l = layoutDocument(doc([{ type: 'table', labelWidth: 30, rows: [{ label: '申请人', value: '张明远' }, { label: '理由', value: '不符合条件'.repeat(12) }] }]), {}, metrics);
    const texts = textOps(l);
    const split = box.left + 30 * MM;
    expect(texts.filter((o) => o.x < split).map((o) => o.text)).toEqual(['申请人', '理由']);
    const values = texts.filter((o) => o.x > split);
    expect(values.length).toBeGreaterThan(2);
    expect(values.every((o) => o.x + metrics.widthOf(o.text, 14, 'regular') <= box.right)).toBe(true);
    const lines = l.pages[0].ops.filter((o) => o.op === 'line');
    const horizontal = lines.filter((o) => o.y1 === o.y2);
    expect(horizontal.length).toBe(3); // top, between the rows, bottom
    expect(lines.filter((o) => o.x1 === o.x2).map((o) => o.x1)).toEqual([box.left, split, box.right, box.left, split, box.right]);
  });

  it('moves a table row that no longer fits to the next page and rules its top again', () => {
    const l = layoutDocument(doc([{ type: 'spacer', height: 200 }, { type: 'table', rows: Array.from({ length: 6 }, (_, i) => ({ label: `第${i + 1}项`, value: '内容' })) }]), {}, metrics);
    expect(l.pages.length).toBe(2);
    const firstOnNext = textOps(l, 1)[0];
    expect(firstOnNext.text).toMatch(/^第\d项$/);
    const topRule = l.pages[1].ops.find((o) => o.op === 'line' && o.y1 === o.y2)!;
    expect(topRule).toMatchObject({ x1: box.left, x2: box.right });
    expect(topRule.op === 'line' && topRule.y1).toBeGreaterThan(firstOnNext.y);
  });

  it('keeps the signature together with the room for the seal', () => {
    const l = layoutDocument(doc([{ type: 'spacer', height: 200 }, { type: 'signature', orgName: '南京市公安局', date: '2026年3月5日' }]), {}, metrics);
    expect(l.pages.length).toBe(2);
    expect(textOps(l, 1).map((o) => o.text)).toEqual(['南京市公安局', '2026年3月5日']);
  });
});
