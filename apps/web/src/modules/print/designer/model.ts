import { PrintTemplateDefinition as DefinitionSchema, printPageVariables, type PrintBlock, type PrintTemplateDefinition, type PrintVariable } from '@jsga/contracts';

/**
 * The print-template designer's pure model: starter content, block edits, the texts and their
 * `{{placeholders}}`, and where a problem (`blocks[2].rows[0].value`) sits, in Chinese.
 */

export type BlockType = PrintBlock['type'];
export const blockTypes: readonly BlockType[] = ['title', 'paragraph', 'table', 'list_table', 'signature', 'spacer'];
export const blockTypeLabels: Record<BlockType, string> = {
  title: '标题', paragraph: '段落', table: '表格', list_table: '数据列表', signature: '落款', spacer: '空白',
};

/** GB/T 9704 (党政机关公文格式): top 37, right 26, bottom 35, left 28 millimetres. */
export const gbMargins = { top: 37, right: 26, bottom: 35, left: 28 } as const;
export const A4_MM = { width: 210, height: 297 } as const;

/** 新建模板: an A4 page with official-document margins, the template's name as title, and one paragraph. */
export const starterDefinition = (title: string): PrintTemplateDefinition => ({
  page: { size: 'A4', margins: { ...gbMargins } },
  fontSize: 14,
  lineHeight: 1.6,
  blocks: [
    { type: 'title', text: title },
    { type: 'paragraph', text: '{{applicantName}}：\n请在此填写正文。' },
  ],
});

/** A new block of a type; a data list starts on the kind's first list. */
export function newBlock(type: BlockType, lists: readonly { path: string }[]): PrintBlock {
  switch (type) {
    case 'title':
      return { type, text: '标题' };
    case 'paragraph':
      return { type, text: '正文' };
    case 'table':
      return { type, rows: [{ label: '项目', value: '' }] };
    case 'list_table':
      return { type, source: lists[0]?.path ?? '' };
    case 'signature':
      return { type, orgName: '{{orgName}}', date: '　　年　　月　　日' };
    case 'spacer':
      return { type, height: 10 };
  }
}

const withBlocks = (def: PrintTemplateDefinition, blocks: PrintBlock[]): PrintTemplateDefinition => ({ ...def, blocks });
export const insertBlock = (def: PrintTemplateDefinition, at: number, block: PrintBlock) =>
  withBlocks(def, [...def.blocks.slice(0, at), block, ...def.blocks.slice(at)]);
export const replaceBlock = (def: PrintTemplateDefinition, at: number, block: PrintBlock) => withBlocks(def, def.blocks.map((b, i) => (i === at ? block : b)));
export const removeBlock = (def: PrintTemplateDefinition, at: number) => withBlocks(def, def.blocks.filter((_, i) => i !== at));
export function moveBlock(def: PrintTemplateDefinition, from: number, to: number): PrintTemplateDefinition {
  if (to < 0 || to >= def.blocks.length || from === to) return def;
  const blocks = [...def.blocks];
  const [moved] = blocks.splice(from, 1);
  blocks.splice(to, 0, moved);
  return withBlocks(def, blocks);
}

/** A change of the definition as a function of the current one; `structural`: blocks were added, removed or reordered. */
export type UpdateDefinition = (fn: (def: PrintTemplateDefinition) => PrintTemplateDefinition, opts?: { structural?: boolean }) => void;

/** Sets an optional field: `undefined` (an emptied input) removes it, so the server's default applies. */
export function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined | null): T {
  const next = { ...obj };
  if (value === undefined || value === null || value === '') delete next[key];
  else next[key] = value;
  return next;
}

// ---------------------------------------------------------------- texts and placeholders

/** Where a text sits in the definition: `['blocks', 2, 'text']`, `['footer']`. */
export type TextPath = readonly (string | number)[];

/** Every text that may carry placeholders, in reading order, the footer last (as the server scans them). */
export function textsOf(def: PrintTemplateDefinition): Array<{ path: TextPath; text: string }> {
  const out: Array<{ path: TextPath; text: string }> = [];
  def.blocks.forEach((b, i) => {
    switch (b.type) {
      case 'title':
      case 'paragraph':
        out.push({ path: ['blocks', i, 'text'], text: b.text });
        break;
      case 'table':
        b.rows.forEach((r, j) => {
          out.push({ path: ['blocks', i, 'rows', j, 'label'], text: r.label }, { path: ['blocks', i, 'rows', j, 'value'], text: r.value });
        });
        break;
      case 'signature':
        out.push({ path: ['blocks', i, 'orgName'], text: b.orgName }, { path: ['blocks', i, 'date'], text: b.date });
        break;
      case 'list_table':
      case 'spacer':
        break;
    }
  });
  if (def.footer) out.push({ path: ['footer'], text: def.footer });
  return out;
}

export function textAt(def: PrintTemplateDefinition, path: TextPath): string {
  let v: unknown = def;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return typeof v === 'string' ? v : '';
}

/** A copy of `def` with the text at `path` replaced (copying only along the path). */
export function setTextAt(def: PrintTemplateDefinition, path: TextPath, text: string): PrintTemplateDefinition {
  const set = (node: unknown, rest: TextPath): unknown => {
    if (rest.length === 0) return text;
    const [head, ...tail] = rest;
    if (Array.isArray(node)) return node.map((item, i) => (i === head ? set(item, tail) : item));
    const obj = (node ?? {}) as Record<string | number, unknown>;
    return { ...obj, [head]: set(obj[head], tail) };
  };
  return set(def, path) as PrintTemplateDefinition;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|\d+))*$/;

export type UsedPlaceholder = {
  path: string;
  /** The kind's label for it; null when the kind does not supply it (it would print empty). */
  label: string | null;
  /** 第 N 块 / 页脚, each once. */
  where: string[];
  /** Not a variable of the kind, or a page number outside the footer. */
  unknown: boolean;
};

/** The placeholders the definition uses, each once in reading order, checked against the kind's variables. */
export function usedPlaceholders(def: PrintTemplateDefinition, variables: readonly PrintVariable[]): UsedPlaceholder[] {
  const labels = new Map(variables.map((v) => [v.path, v.label]));
  const pageVars = new Set<string>(printPageVariables);
  const found = new Map<string, UsedPlaceholder>();
  for (const t of textsOf(def)) {
    const inFooter = t.path[0] === 'footer';
    const where = inFooter ? '页脚' : `第 ${Number(t.path[1]) + 1} 块`;
    for (const m of t.text.matchAll(PLACEHOLDER)) {
      const path = m[1].split('|')[0].trim();
      if (!PATH.test(path)) continue;
      const entry = found.get(path) ?? { path, label: null, where: [], unknown: false };
      if (pageVars.has(path)) {
        entry.label = path === 'page' ? '页码（仅页脚）' : '总页数（仅页脚）';
        if (!inFooter) entry.unknown = true;
      } else {
        entry.label = labels.get(path) ?? null;
        entry.unknown = entry.label === null;
      }
      if (!entry.where.includes(where)) entry.where.push(where);
      found.set(path, entry);
    }
  }
  return [...found.values()];
}

// ---------------------------------------------------------------- problems

/** A problem as the server reports it: `{path: 'blocks[2].text', message}`. */
export type TemplateProblem = { path: string; message: string };

const pathString = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(定义)';

/** Each problem once (the server reports a placeholder once per occurrence). */
export const uniqueProblems = (problems: readonly TemplateProblem[]) =>
  problems.filter((p, i) => problems.findIndex((q) => q.path === p.path && q.message === p.message) === i);

/** The shape checks the server applies on saving, run in the browser first (same schema, same messages). */
export function definitionProblems(def: PrintTemplateDefinition): TemplateProblem[] {
  const parsed = DefinitionSchema.safeParse(def);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: pathString(i.path), message: i.message }));
}

const fieldLabels: Record<string, string> = {
  text: '内容', fontSize: '字号', indent: '首行缩进', align: '对齐', bold: '加粗', rows: '表格行', label: '项目', value: '内容',
  labelWidth: '项目列宽', source: '数据列表', emptyText: '无数据时显示', orgName: '落款机关', date: '成文日期', spaceBefore: '上方留白', height: '高度',
};
const pageLabels: Record<string, string> = {
  'page.margins': '页面设置 · 页边距', 'page.margins.top': '页边距（上）', 'page.margins.right': '页边距（右）', 'page.margins.bottom': '页边距（下）',
  'page.margins.left': '页边距（左）', title: '模板名称', footer: '页脚', fontSize: '正文字号', lineHeight: '行距', blocks: '内容块', page: '页面设置',
};

/** Where a problem sits: the block it concerns (index), a Chinese place name such as “第 3 块（表格）第 1 行 内容”, and the field within the block (“第 1 行 内容”). */
export function locateProblem(def: PrintTemplateDefinition, path: string): { block: number | null; where: string; field: string } {
  const m = /^blocks\[(\d+)\](.*)$/.exec(path);
  if (!m) return { block: null, where: pageLabels[path] ?? path, field: '' };
  const index = Number(m[1]);
  const block = def.blocks[index];
  const kind = block ? `（${blockTypeLabels[block.type]}）` : '';
  const row = /^\.rows\[(\d+)\](?:\.(\w+))?$/.exec(m[2]);
  let field = '';
  if (row) field = `第 ${Number(row[1]) + 1} 行${row[2] ? ` ${fieldLabels[row[2]] ?? row[2]}` : ''}`;
  else if (m[2].startsWith('.')) field = fieldLabels[m[2].slice(1)] ?? m[2].slice(1);
  return { block: block ? index : null, where: `第 ${index + 1} 块${kind}${field && !kind ? ' ' : ''}${field}`, field };
}

/** The body size a block falls back to, for placeholders such as “默认 14”. */
export const bodyFontSize = (def: PrintTemplateDefinition) => def.fontSize ?? 14;

/** Key-order independent JSON: whether two contents are the same (for “未保存”). */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().flatMap((k) => ((v as Record<string, unknown>)[k] === undefined ? [] : [[k, sort((v as Record<string, unknown>)[k])]])));
    return v;
  };
  return JSON.stringify(sort(value));
}
