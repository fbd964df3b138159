import { PRINT_FORM_FIELD_PREFIX, printFormFieldKinds, printPageVariables, printTemplateKinds, PrintTemplateDefinition, type PrintTemplateKind } from '@jsga/contracts';
import { layoutDefaults } from '../render/layout.rules';
import { placeholdersOf, scanText, textsOf } from '../render/placeholder.rules';

/**
 * What a template must satisfy. Saving a draft needs a well-formed definition (`parseDefinition`);
 * publishing needs more (`publishProblems`): placeholders that the template's kind supplies, page
 * numbers only in the footer, margins that leave room for text, and a title. Pure.
 */

export type TemplateProblem = { path: string; message: string };

const A4_MM = { width: 210, height: 297 };
const MIN_TEXT_WIDTH_MM = 60;
const MIN_TEXT_HEIGHT_MM = 80;
const MIN_FOOTER_MARGIN_MM = 12;

export type ParsedDefinition = { ok: true; definition: PrintTemplateDefinition } | { ok: false; problems: TemplateProblem[] };

/** Shape check with per-field Chinese messages (`blocks[2].text 内容不能为空`). */
export function parseDefinition(input: unknown): ParsedDefinition {
  const parsed = PrintTemplateDefinition.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(定义)',
      message: i.message,
    })),
  };
}

/** The variables of a kind with their labels, plus the footer's page numbers. */
export function variableLabels(kind: PrintTemplateKind): Map<string, string> {
  const labels = new Map<string, string>(printTemplateKinds[kind].variables.map((v) => [v.path, v.label]));
  labels.set('page', '页码（仅页脚）');
  labels.set('pages', '总页数（仅页脚）');
  return labels;
}

/** The designer's variable list: each placeholder the template uses, with its label, or null when the kind does not supply it. */
export const placeholderList = (def: PrintTemplateDefinition, kind: PrintTemplateKind) => {
  const labels = variableLabels(kind);
  return placeholdersOf(def).map((path) => ({ path, label: labels.get(path) ?? (isFormField(kind, path) ? `申请表字段 ${path.slice(PRINT_FORM_FIELD_PREFIX.length)}` : null) }));
};
/** `form.<key>` in a kind that offers the case's form fields. */
const isFormField = (kind: PrintTemplateKind, path: string) =>
  printFormFieldKinds.includes(kind) && path.startsWith(PRINT_FORM_FIELD_PREFIX) && path.length > PRINT_FORM_FIELD_PREFIX.length;

/** Everything that keeps a well-formed definition from being published; empty when it may be. */
export function publishProblems(def: PrintTemplateDefinition, kind: PrintTemplateKind): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const known = new Set<string>(printTemplateKinds[kind].variables.map((v) => v.path));
  const pageVars = new Set<string>(printPageVariables);
  const available = [...known].join('、');

  for (const t of textsOf(def)) {
    const scan = scanText(t.text);
    for (const message of scan.problems) problems.push({ path: t.at, message });
    for (const p of scan.placeholders) {
      if (pageVars.has(p.path)) {
        if (!t.inFooter) problems.push({ path: t.at, message: `${p.raw} 只能用于页脚` });
      } else if (!known.has(p.path) && !isFormField(kind, p.path)) {
        problems.push({ path: t.at, message: `变量 ${p.raw} 不是“${printTemplateKinds[kind].name}”提供的变量，打印时将为空（可用：${available}）` });
      }
    }
  }

  const m = def.page.margins;
  const textWidth = A4_MM.width - m.left - m.right;
  if (textWidth < MIN_TEXT_WIDTH_MM) problems.push({ path: 'page.margins', message: `左右页边距过大：正文宽度只剩 ${textWidth} 毫米（至少 ${MIN_TEXT_WIDTH_MM} 毫米）` });
  const textHeight = A4_MM.height - m.top - m.bottom;
  if (textHeight < MIN_TEXT_HEIGHT_MM) problems.push({ path: 'page.margins', message: `上下页边距过大：正文高度只剩 ${textHeight} 毫米（至少 ${MIN_TEXT_HEIGHT_MM} 毫米）` });
  if (def.footer && m.bottom < MIN_FOOTER_MARGIN_MM) problems.push({ path: 'footer', message: `有页脚时下页边距至少 ${MIN_FOOTER_MARGIN_MM} 毫米` });

  const lists: readonly { path: string; label: string }[] = printTemplateKinds[kind].lists;
  def.blocks.forEach((b, i) => {
    if (b.type === 'list_table' && !lists.some((l) => l.path === b.source)) {
      const offered = lists.length ? `（可用：${lists.map((l) => `${l.path} ${l.label}`).join('、')}）` : '（该类别不提供数据列表）';
      problems.push({ path: `blocks[${i}].source`, message: `数据列表 ${b.source} 不是“${printTemplateKinds[kind].name}”提供的${offered}` });
    }
    if ((b.type === 'table' || b.type === 'list_table') && (b.labelWidth ?? layoutDefaults.tableLabelWidth) > textWidth / 2) {
      problems.push({ path: `blocks[${i}].labelWidth`, message: `表格项目列宽不能超过正文宽度的一半（${Math.floor(textWidth / 2)} 毫米）` });
    }
  });
  if (!def.blocks.some((b) => b.type === 'title')) problems.push({ path: 'blocks', message: '文书须有标题' });
  return problems;
}

/** The kind's sample values (for 预览 without data, and the trial render before publishing). */
export const sampleData = (kind: PrintTemplateKind): Record<string, unknown> => ({
  ...Object.fromEntries(printTemplateKinds[kind].variables.map((v) => [v.path, v.sample])),
  ...Object.fromEntries(printTemplateKinds[kind].lists.map((l) => [l.path, l.sample])),
});
