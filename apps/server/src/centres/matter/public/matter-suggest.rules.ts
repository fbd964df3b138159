/**
 * Fuzzy matching of what a citizen types against matter names, tolerant of partial and mistyped
 * Chinese (户口迁徙 → 户口迁移审批, 身分证 → 居民身份证业务). Pure functions, no I/O.
 *
 * The score (0…1) mixes three measures of the normalised query q against a normalised name n:
 * - substring similarity: 1 − (edit distance of q to the closest substring of n) / |q| — a partial
 *   name with a wrong, missing or extra character still scores high;
 * - subsequence ratio: longest common subsequence / |q| — abbreviations that skip characters (户迁);
 * - bigram Dice coefficient of q and n — how close the query is to the whole name, so the exact name
 *   and short names rank above long names that merely contain the query.
 * A query found in the matter code (z001) scores at least {@link CODE_SCORE}.
 */

export type SuggestCandidate<T = unknown> = { code: string; name: string } & T;
export type ScoredCandidate<T = unknown> = SuggestCandidate<T> & { score: number };

export const SUGGEST_LIMIT = 10;
/** Below this a name is not offered. 身分证 against 驾驶证补证、换证 scores about 0.27; against 居民身份证业务 about 0.53. */
export const SUGGEST_THRESHOLD = 0.4;
export const CODE_SCORE = 0.9;

const WEIGHTS = { substring: 0.5, subsequence: 0.3, dice: 0.2 } as const;

/** Full-width to half-width (NFKC), lower case, without spaces, punctuation and symbols. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

const chars = (s: string) => Array.from(s);

/** Character bigrams as a multiset; a single character counts as its own "bigram". */
export function bigrams(s: string): Map<string, number> {
  const cs = chars(s);
  const out = new Map<string, number>();
  if (cs.length === 1) out.set(cs[0], 1);
  for (let i = 0; i + 1 < cs.length; i++) {
    const b = cs[i] + cs[i + 1];
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice coefficient of the two strings' character bigrams. */
export function diceCoefficient(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let sizeX = 0;
  let sizeY = 0;
  let common = 0;
  for (const n of x.values()) sizeX += n;
  for (const n of y.values()) sizeY += n;
  if (sizeX + sizeY === 0) return 0;
  for (const [k, n] of x) common += Math.min(n, y.get(k) ?? 0);
  return (2 * common) / (sizeX + sizeY);
}

/** Smallest edit distance (insert, delete, substitute) between `needle` and any substring of `hay` (Sellers). */
export function substringDistance(needle: string, hay: string): number {
  const q = chars(needle);
  const h = chars(hay);
  let prev = new Array<number>(h.length + 1).fill(0); // a match may start anywhere in hay
  for (let i = 1; i <= q.length; i++) {
    const cur = new Array<number>(h.length + 1);
    cur[0] = i;
    for (let j = 1; j <= h.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (q[i - 1] === h[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return Math.min(...prev);
}

/** Length of the longest common subsequence. */
export function lcsLength(a: string, b: string): number {
  const x = chars(a);
  const y = chars(b);
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[y.length];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Similarity of a query to a matter (name, and code for queries such as z001), 0…1. */
export function matchScore(query: string, candidate: { code: string; name: string }): number {
  const q = normalise(query);
  if (!q) return 0;
  const n = normalise(candidate.name);
  const len = chars(q).length;
  let score = 0;
  if (n) {
    const substring = Math.max(0, 1 - substringDistance(q, n) / len);
    const subsequence = lcsLength(q, n) / len;
    score = WEIGHTS.substring * substring + WEIGHTS.subsequence * subsequence + WEIGHTS.dice * diceCoefficient(q, n);
  }
  if (normalise(candidate.code).includes(q)) score = Math.max(score, CODE_SCORE);
  return round(Math.min(1, score));
}

/**
 * The best `limit` candidates at or above `threshold`: highest score first, then the name closest in
 * length to the query, then the code — the same order for the same data on every instance.
 */
export function rankSuggestions<T>(
  query: string,
  candidates: readonly SuggestCandidate<T>[],
  { limit = SUGGEST_LIMIT, threshold = SUGGEST_THRESHOLD }: { limit?: number; threshold?: number } = {},
): ScoredCandidate<T>[] {
  const qLen = chars(normalise(query)).length;
  if (qLen === 0) return [];
  return candidates
    .map((c) => ({ ...c, score: matchScore(query, c) }))
    .filter((c) => c.score >= threshold)
    .sort((a, b) =>
      b.score - a.score
      || Math.abs(chars(a.name).length - qLen) - Math.abs(chars(b.name).length - qLen)
      || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, limit);
}
