/**
 * Tiny name templates in the kernel's numbering syntax: `{name}` inserts a value, `{name:N}` a number
 * zero-padded to N digits. Used for package names, entry names, file codes and the 档号.
 */
const TOKEN = /\{(\w+)(?::(\d+))?\}/g;

export type TemplateToken = { name: string; width: number | null };
export type TemplateValue = string | number | null | undefined;

export class TemplateError extends Error {}

export const templateTokens = (template: string): TemplateToken[] =>
  [...template.matchAll(TOKEN)].map((m) => ({ name: m[1], width: m[2] ? Number(m[2]) : null }));

export function renderTemplate(template: string, vars: Record<string, TemplateValue>): string {
  return template.replace(TOKEN, (_all, name: string, width?: string) => {
    const value = vars[name];
    if (value === undefined || value === null || value === '') throw new TemplateError(`模板中的 {${name}} 没有取值`);
    const text = String(value);
    if (width === undefined) return text;
    if (!/^\d+$/.test(text)) throw new TemplateError(`模板中的 {${name}:${width}} 须为非负整数，实际为“${text}”`);
    if (text.length > Number(width)) throw new TemplateError(`模板中的 {${name}:${width}} 超出 ${width} 位：${text}`);
    return text.padStart(Number(width), '0');
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a rendered value back into its tokens, or null when it does not fit the template. Padded tokens
 * match exactly N digits; plain tokens match the shortest non-empty run (so literal separators delimit them).
 */
export function parseWithTemplate(template: string, value: string): Array<{ name: string; width: number | null; value: string }> | null {
  const tokens: TemplateToken[] = [];
  let source = '^';
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    source += escapeRegExp(template.slice(last, m.index));
    const width = m[2] ? Number(m[2]) : null;
    source += width === null ? '(.+?)' : `(\\d{${width}})`;
    tokens.push({ name: m[1], width });
    last = m.index + m[0].length;
  }
  source += `${escapeRegExp(template.slice(last))}$`;
  const match = new RegExp(source, 'u').exec(value);
  if (!match) return null;
  return tokens.map((t, i) => ({ ...t, value: match[i + 1] }));
}

/** Problems of a template against the tokens it may use (Chinese messages). */
export function templateProblems(template: string, label: string, allowed: readonly string[], opts: { requireSeq?: boolean } = {}): string[] {
  const problems: string[] = [];
  const tokens = templateTokens(template);
  for (const t of tokens) if (!allowed.includes(t.name)) problems.push(`${label}中的 {${t.name}} 无法识别`);
  for (const t of tokens) if (t.width !== null && (t.width < 1 || t.width > 12)) problems.push(`${label}中的 {${t.name}:${t.width}} 位数须在 1 到 12 之间`);
  const leftover = template.replace(TOKEN, '');
  if (/[{}]/.test(leftover)) problems.push(`${label}中有不成对的花括号`);
  if (opts.requireSeq && tokens.filter((t) => t.name === 'seq').length !== 1) problems.push(`${label}须包含且仅包含一个 {seq} 或 {seq:N}`);
  return problems;
}
