import type { ConfigChange } from '@jsga/contracts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Arrays whose items all carry a `code` or `key` are compared item by item (materials, questions, options). */
function identityOf(items: Json[]): ((item: Json) => string) | null {
  for (const id of ['code', 'key'] as const) {
    if (items.length && items.every((i) => isObject(i) && typeof i[id] === 'string')) return (i) => (i as Record<string, string>)[id];
  }
  return null;
}

/**
 * Field-by-field differences between two configurations, as paths a reviewer can read:
 * `promisedLimitDays`, `materials[M04]` (added/removed), `materials[M01].required`,
 * `situations[reason].options[college].effects.addMaterials`.
 */
export function diffConfigs(before: unknown, after: unknown, path = ''): ConfigChange[] {
  if (same(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) return [{ path: p, kind: 'added' as const, before: null, after: after[k] }];
      if (!(k in after)) return [{ path: p, kind: 'removed' as const, before: before[k], after: null }];
      return diffConfigs(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const idOf = identityOf([...before, ...after] as Json[]);
    if (idOf) {
      const a = new Map((before as Json[]).map((i) => [idOf(i), i]));
      const b = new Map((after as Json[]).map((i) => [idOf(i), i]));
      const out: ConfigChange[] = [];
      for (const [id, item] of a) {
        const p = `${path}[${id}]`;
        if (!b.has(id)) out.push({ path: p, kind: 'removed', before: item, after: null });
        else out.push(...diffConfigs(item, b.get(id), p));
      }
      for (const [id, item] of b) if (!a.has(id)) out.push({ path: `${path}[${id}]`, kind: 'added', before: null, after: item });
      const order = (m: Map<string, Json>) => [...m.keys()].filter((k) => a.has(k) && b.has(k)).join('\u0000');
      if (order(a) !== order(b)) out.push({ path, kind: 'changed', before: [...a.keys()], after: [...b.keys()] });
      return out;
    }
  }
  return [{ path, kind: 'changed', before: before ?? null, after: after ?? null }];
}
