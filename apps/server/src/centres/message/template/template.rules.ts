/** `{{name}}` placeholders; names are letters, digits, underscores and dots. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

export const templateVariables = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];

const lookup = (vars: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined), vars);

/** Fills the placeholders; names every missing variable instead of sending a message with holes in it. */
export function renderTemplate(text: string, vars: Record<string, unknown>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (_, name: string) => {
    const v = lookup(vars, name);
    if (v === undefined || v === null || v === '') { missing.push(name); return ''; }
    return String(v);
  });
  return { text: out, missing: [...new Set(missing)] };
}
