import { printFilters, type PrintTemplateDefinition } from '@jsga/contracts';
import { chinaDate } from '@jsga/kernel';

/**
 * `{{path.to.var}}` and `{{path|filter}}` in template texts. Pure: finding them (for the designer and
 * the publishing checks) and filling them from data (for rendering). A placeholder whose value is
 * missing, not text-like or malformed renders as empty text; the publishing checks report those.
 */

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|\d+))*$/;

export type Placeholder = { raw: string; path: string; filter: string | null };
export type PlaceholderScan = { placeholders: Placeholder[]; problems: string[] };

/** One text's placeholders, and what is wrong with the malformed ones (Chinese, for the designer). */
export function scanText(text: string): PlaceholderScan {
  const placeholders: Placeholder[] = [];
  const problems: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const [pathPart, filterPart, ...rest] = m[1].split('|').map((s) => s.trim());
    if (!PATH.test(pathPart)) problems.push(`占位符 ${m[0]} 的变量名不正确（应如 {{applicantName}} 或 {{applicant.name}}）`);
    else if (rest.length) problems.push(`占位符 ${m[0]} 只能有一个格式`);
    else if (filterPart !== undefined && !(filterPart in printFilters)) problems.push(`占位符 ${m[0]} 的格式 ${filterPart} 不存在（可用：${Object.keys(printFilters).join('、')}）`);
    else placeholders.push({ raw: m[0], path: pathPart, filter: filterPart ?? null });
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('占位符的 {{ 与 }} 不成对');
  return { placeholders, problems };
}

/** The fixed part of a text: what prints whatever the data. */
export const staticText = (text: string) => text.replace(PLACEHOLDER, '');

/** Every text of a definition with where it sits (`blocks[2].text`), the footer last. */
export function textsOf(def: PrintTemplateDefinition): Array<{ at: string; text: string; inFooter: boolean }> {
  const out: Array<{ at: string; text: string; inFooter: boolean }> = [];
  def.blocks.forEach((b, i) => {
    const at = `blocks[${i}]`;
    switch (b.type) {
      case 'title':
      case 'paragraph':
        out.push({ at: `${at}.text`, text: b.text, inFooter: false });
        break;
      case 'table':
        b.rows.forEach((r, j) => {
          out.push({ at: `${at}.rows[${j}].label`, text: r.label, inFooter: false });
          out.push({ at: `${at}.rows[${j}].value`, text: r.value, inFooter: false });
        });
        break;
      case 'signature':
        out.push({ at: `${at}.orgName`, text: b.orgName, inFooter: false }, { at: `${at}.date`, text: b.date, inFooter: false });
        break;
      case 'spacer':
      case 'list_table':
        break;
    }
  });
  if (def.footer) out.push({ at: 'footer', text: def.footer, inFooter: true });
  return out;
}

/** The variable paths a definition uses, each once, in reading order (for the designer's variable list). */
export function placeholdersOf(def: PrintTemplateDefinition): string[] {
  const seen = new Set<string>();
  for (const t of textsOf(def)) for (const p of scanText(t.text).placeholders) seen.add(p.path);
  return [...seen];
}

export function valueAt(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** 2026-03-05 → 2026年3月5日; anything else unchanged. */
export const chineseDate = (s: string) => {
  const m = ISO_DATE.exec(s);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
};

/** How a value prints: text and numbers as they are, yes/no as 是/否, instants as their date in China, anything else (missing, objects) as nothing. */
export function formatValue(value: unknown, filter: string | null): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else if (typeof value === 'boolean') s = value ? '是' : '否';
  else if (value instanceof Date && !Number.isNaN(value.getTime())) s = chinaDate(value);
  else return '';
  return filter === 'date' ? chineseDate(s) : s;
}

/** The rows of a `list_table` source: items with a label and a value, anything else skipped. */
export function listRows(data: Record<string, unknown>, source: string): Array<{ label: string; value: string }> {
  const v = data[source];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const r = item as Record<string, unknown>;
    const label = formatValue(r.label, null);
    return label ? [{ label, value: formatValue(r.value, null) }] : [];
  });
}

/** Fills a text's placeholders from `data`; unknown, missing and malformed placeholders become empty. */
export function fillText(text: string, data: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_m, inner: string) => {
    const [pathPart, filterPart, ...rest] = inner.split('|').map((s) => s.trim());
    if (!PATH.test(pathPart) || rest.length) return '';
    return formatValue(valueAt(data, pathPart), filterPart ?? null);
  });
}
