import type { MatterSuggestResult, PublicMatterListQuery, PublicMatterSummary } from '@jsga/contracts';
import { rankSuggestions } from './matter-suggest.rules';

type Entry = Pick<PublicMatterSummary, 'code' | 'name' | 'policeType'>;

export type MatterSuggestServiceDeps = {
  /** The published catalogue, one page at a time (the public list). */
  list: (query: PublicMatterListQuery) => Promise<{ items: PublicMatterSummary[]; total: number }>;
  /** How long one instance keeps the names it read; another instance's publish shows after at most this long. */
  ttlMs?: number;
  now?: () => number;
};

const PAGE_SIZE = 200;

/**
 * 搜索联想 over the published matters (a few hundred names), scored in application code. Each process
 * keeps the names for a short TTL; concurrent requests share one load, a failed load is not cached.
 */
export const createMatterSuggestService = ({ list, ttlMs = 30_000, now = Date.now }: MatterSuggestServiceDeps) => {
  let cache: { at: number; entries: Promise<Entry[]> } | null = null;

  const loadAll = async (): Promise<Entry[]> => {
    const out: Entry[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await list({ page, pageSize: PAGE_SIZE });
      out.push(...items.map(({ code, name, policeType }) => ({ code, name, policeType })));
      if (items.length < PAGE_SIZE || out.length >= total) return out;
    }
  };

  const entries = (): Promise<Entry[]> => {
    if (!cache || now() - cache.at >= ttlMs) {
      const loading = loadAll();
      const current = { at: now(), entries: loading };
      cache = current;
      loading.catch(() => { if (cache === current) cache = null; });
    }
    return cache.entries;
  };

  return {
    suggest: async (q: string): Promise<MatterSuggestResult> => ({
      items: rankSuggestions(q, await entries()).map(({ code, name, policeType, score }) => ({ code, name, policeType, score })),
    }),
  };
};

export type MatterSuggestService = ReturnType<typeof createMatterSuggestService>;
