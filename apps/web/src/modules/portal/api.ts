import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import {
  wellKnownMatterCodes,
  type MatterChecklist,
  type MatterSuggestResult,
  type MatterZone,
  type PoliceType,
  type PublicMatterGuide,
  type PublicMatterSummary,
  type SituationAnswers,
} from '@jsga/contracts';
import { api } from '../../app/request';
import type { Page } from '../../app/table';

/** The portal shows every refusal itself (Chinese text on the page), never as a toast. */
const SILENT = { silent: true } as const;
const enc = encodeURIComponent;

export type PortalMatterQuery = { keyword?: string; policeType?: PoliceType; zone?: MatterZone; page?: number; pageSize?: number };

export const portalApi = {
  list: (q: PortalMatterQuery) => api.get<Page<PublicMatterSummary>>('/api/matters', q, SILENT),
  suggest: (q: string) => api.get<MatterSuggestResult>('/api/matters/suggest', { q }, SILENT),
  guide: (code: string) => api.get<PublicMatterGuide>(`/api/matters/${enc(code)}`, undefined, SILENT),
  checklist: (code: string, answers: SituationAnswers) => api.post<MatterChecklist>(`/api/matters/${enc(code)}/checklist`, { answers }, SILENT),
};

export const portalKeys = {
  list: (q: PortalMatterQuery) => ['portal', 'list', q] as const,
  suggest: (q: string) => ['portal', 'suggest', q] as const,
  guide: (code: string) => ['portal', 'guide', code] as const,
  checklist: (code: string, answers: SituationAnswers) => ['portal', 'checklist', code, answers] as const,
};

export function usePortalMatters(q: PortalMatterQuery, enabled = true) {
  return useQuery({ queryKey: portalKeys.list(q), queryFn: () => portalApi.list(q), enabled, placeholderData: keepPreviousData, staleTime: 60_000 });
}

/** Suggestions for the text typed so far; an empty text asks nothing. */
export function useSuggestions(q: string) {
  return useQuery({
    queryKey: portalKeys.suggest(q),
    queryFn: () => portalApi.suggest(q),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function usePortalGuide(code: string | undefined) {
  return useQuery({ queryKey: portalKeys.guide(code ?? ''), queryFn: () => portalApi.guide(code ?? ''), enabled: !!code, staleTime: 5 * 60_000, retry: false });
}

export function usePortalChecklist(code: string | undefined, answers: SituationAnswers, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.checklist(code ?? '', answers),
    queryFn: () => portalApi.checklist(code ?? '', answers),
    enabled: enabled && !!code,
    retry: false,
  });
}

/**
 * 热门事项: the demonstration matters the contracts name (户口迁移、身份证、驾驶证…), each read from the
 * published catalogue by its code; one that is not published is left out.
 */
export const featuredMatterCodes: readonly string[] = Object.values(wellKnownMatterCodes);

export function useFeaturedMatters() {
  const results = useQueries({
    queries: featuredMatterCodes.map((code) => ({
      queryKey: portalKeys.list({ keyword: code, page: 1, pageSize: 5 }),
      queryFn: () => portalApi.list({ keyword: code, page: 1, pageSize: 5 }),
      staleTime: 5 * 60_000,
    })),
  });
  const items = results.flatMap((r, i) => r.data?.items.filter((m) => m.code === featuredMatterCodes[i]) ?? []);
  return { items, isLoading: results.some((r) => r.isLoading), isError: results.every((r) => r.isError) };
}
