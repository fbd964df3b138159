/**
 * Print centre: how long a result document takes to render as PDF.
 *
 *   npx tsx bench/print-render.bench.ts [renders=50]
 *
 * Prints the one-off cost of loading the CJK font (read, parse, warm-up), then milliseconds per render
 * of the seeded 不予许可决定书 (one page) and of a three-page document, with the PDF sizes. Target: a
 * one-page letter well under 300 ms once the font is loaded.
 */
import { loadPrintFonts } from '../apps/server/src/centres/print/render/print-font';
import { loadWarmFonts, renderPdf } from '../apps/server/src/centres/print/render/render-pdf';
import { disapprovalResultTemplate } from '../apps/server/src/centres/print/seed/result-documents';
import { sampleData } from '../apps/server/src/centres/print/template/template.rules';
import type { PrintTemplateDefinition } from '@jsga/contracts';

const renders = Number(process.argv[2] ?? 50);
const ms = (t: number) => `${t.toFixed(1)} ms`;

let t = performance.now();
await loadPrintFonts();
const parsed = performance.now() - t;
t = performance.now();
const fonts = await loadWarmFonts();
const warmed = performance.now() - t;
console.log(`font: read + parse ${ms(parsed)}, warm-up ${ms(warmed)} (once per process)`);

const longText = '经审查，申请人提交的录取通知书与学籍信息不一致，不符合户口迁移条件。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予许可。';
const threePages: PrintTemplateDefinition = {
  ...disapprovalResultTemplate.definition,
  blocks: [...disapprovalResultTemplate.definition.blocks.slice(0, 2), ...Array.from({ length: 24 }, () => ({ type: 'paragraph' as const, text: longText })),
    ...disapprovalResultTemplate.definition.blocks.slice(2)],
};

async function measure(name: string, definition: PrintTemplateDefinition) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < renders; i++) {
    const data = { ...sampleData('result_document'), applicantName: `申请人${i}`, caseNo: `3201022026030500${String(i).padStart(5, '0')}` };
    const start = performance.now();
    size = (await renderPdf(definition, data, { fonts })).length;
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`${name}: first ${ms(times[0])}, mean ${ms(times.reduce((a, b) => a + b, 0) / times.length)}, median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(sorted.at(-1)!)} over ${renders} renders; ${(size / 1024).toFixed(1)} KiB`);
}

await measure('不予许可决定书 (1 page)', disapprovalResultTemplate.definition);
await measure('three-page document', threePages);
