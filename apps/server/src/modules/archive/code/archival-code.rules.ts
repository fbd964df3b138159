/**
 * 档号 (DA/T 13 style): segments from a configured pattern such as
 * `{fonds}-{category}·{type}-{year}-{retention}-{seq:4}` → `J032-ZW·01-2026-D30-0001`. The counter scope
 * is what the pattern names besides {seq}: 全宗 + 门类 + 年度 + 保管期限. Pure.
 */
export type ArchivalCodeParts = { fonds: string; category: string; type: string; year: number; retention: string; seq: number };

export function renderArchivalCode(pattern: string, p: ArchivalCodeParts): string {
  return pattern.replace(/\{(fonds|category|type|year|retention|seq)(?::(\d+))?\}/g, (_m, key: keyof ArchivalCodeParts, width?: string) => {
    const v = String(p[key]);
    return width ? v.padStart(Number(width), '0') : v;
  });
}

/** A regular expression matching codes of the pattern, with named groups per segment (for 档号规范性检测). */
export function archivalCodeRegex(pattern: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let out = '';
  let last = 0;
  for (const m of pattern.matchAll(/\{(fonds|category|type|year|retention|seq)(?::(\d+))?\}/g)) {
    out += esc(pattern.slice(last, m.index));
    const [, key, width] = m;
    out += key === 'seq' ? `(?<seq>\\d{${width ?? '1,'}})` : key === 'year' ? '(?<year>\\d{4})' : key === 'retention' ? '(?<retention>Y|D30|D10)' : `(?<${key}>[A-Z0-9]+)`;
    last = m.index! + m[0].length;
  }
  return new RegExp(`^${out}${esc(pattern.slice(last))}$`);
}
