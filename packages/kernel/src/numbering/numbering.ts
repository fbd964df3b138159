import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/db';
import { kernelSequence } from './numbering.schema';

/**
 * Business numbers from a configurable pattern such as `{region}{yyyy}{MM}{dd}{seq:6}`. The counter's
 * scope is everything the pattern renders apart from the sequence, so a pattern with the date in it
 * counts per day and region, one without it counts for ever.
 */
export type NumberPattern = string;
const TOKEN = /\{(\w+)(?::(\d+))?\}/g;

export function checkNumberPattern(pattern: NumberPattern, vars: readonly string[]): string[] {
  const problems: string[] = [];
  const seqs = [...pattern.matchAll(TOKEN)].filter((m) => m[1] === 'seq');
  if (seqs.length !== 1) problems.push('编号规则须包含且仅包含一个 {seq:N}');
  else if (!seqs[0][2] || Number(seqs[0][2]) < 3 || Number(seqs[0][2]) > 12) problems.push('流水号位数 N 须在 3 到 12 之间');
  for (const m of pattern.matchAll(TOKEN)) {
    if (!['seq', 'yyyy', 'yy', 'MM', 'dd', ...vars].includes(m[1])) problems.push(`编号规则中的 {${m[1]}} 无法识别`);
  }
  return problems;
}

/** `date` is a China-time calendar date 'YYYY-MM-DD'. */
export function renderNumber(pattern: NumberPattern, input: { date: string; vars: Record<string, string>; seq?: number }): string {
  const [yyyy, MM, dd] = input.date.split('-');
  return pattern.replace(TOKEN, (_all, name: string, width?: string) => {
    if (name === 'seq') return input.seq === undefined ? '' : String(input.seq).padStart(Number(width ?? 1), '0');
    if (name === 'yyyy') return yyyy;
    if (name === 'yy') return yyyy.slice(2);
    if (name === 'MM') return MM;
    if (name === 'dd') return dd;
    return input.vars[name] ?? '';
  });
}

/** Next value of a counter; atomic under concurrent callers (the upsert locks the row until commit). */
export async function nextSequenceValue(q: Queryable, scope: string): Promise<number> {
  const [row] = await q.insert(kernelSequence).values({ scope, value: 1 })
    .onConflictDoUpdate({ target: kernelSequence.scope, set: { value: sql`${kernelSequence.value} + 1`, updatedAt: sql`now()` } })
    .returning({ value: kernelSequence.value });
  return row.value;
}

/** Issues the next number of `kind` for the given pattern and variables. */
export async function issueNumber(q: Queryable, kind: string, pattern: NumberPattern, input: { date: string; vars: Record<string, string> }): Promise<string> {
  const scope = `${kind}:${renderNumber(pattern, input)}`;
  const seq = await nextSequenceValue(q, scope);
  return renderNumber(pattern, { ...input, seq });
}
