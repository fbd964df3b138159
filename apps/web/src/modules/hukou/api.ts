import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  jiangsuRegionName,
  type HouseholdView, type IdSegmentBody, type IdSegmentView, type PersonStatus, type PersonSummary, type PersonView, type PopulationStats,
} from '@jsga/contracts';
import { api, fetchWithToken } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/hukou';
/** Creating a 号段 shows the server's refusal in its own modal. */
const SILENT = { silent: true } as const;

export interface PersonFilters {
  keyword?: string;
  idNo?: string;
  name?: string;
  householdNo?: string;
  status?: PersonStatus;
  stationOrgId?: string;
}
export interface PersonQuery extends PersonFilters { page: number; pageSize: number }
/** 重号: one ID number (masked) held by several registered persons. */
export interface DuplicateGroup { idNoMasked: string; persons: PersonSummary[] }

export const hukouApi = {
  persons: (q: PersonQuery) => api.get<Page<PersonSummary>>(`${BASE}/persons`, { ...q }),
  /** The full 常住人口登记表; the server audits every opening. */
  person: (id: string) => api.get<PersonView>(`${BASE}/persons/${id}`),
  household: (id: string) => api.get<HouseholdView>(`${BASE}/households/${id}`),
  /** 常住人口登记表 as a PDF, with how many times it has now been printed. */
  registerPdf: async (id: string) => {
    const res = await fetchWithToken(`${BASE}/persons/${id}/register.pdf`, {}, '常住人口登记表生成失败');
    return { file: await res.blob(), copyNo: res.headers.get('x-print-copy') ?? '1' };
  },
  duplicates: () => api.get<{ items: DuplicateGroup[] }>(`${BASE}/duplicates`),
  stats: () => api.get<PopulationStats>(`${BASE}/stats`),
  segments: (addressCode: string | undefined) => api.get<{ items: IdSegmentView[] }>(`${BASE}/id-segments`, { addressCode }),
  createSegment: (body: IdSegmentBody) => api.post<IdSegmentView>(`${BASE}/id-segments`, body, SILENT),
};

export const hukouKeys = {
  all: ['hukou'] as const,
  persons: (q: PersonQuery) => ['hukou', 'persons', 'list', q] as const,
  person: (id: string) => ['hukou', 'persons', 'detail', id] as const,
  household: (id: string) => ['hukou', 'households', id] as const,
  duplicates: ['hukou', 'duplicates'] as const,
  stats: ['hukou', 'stats'] as const,
  segmentsAll: ['hukou', 'segments'] as const,
  segments: (addressCode: string | undefined) => ['hukou', 'segments', addressCode ?? null] as const,
};

export function usePersons(q: PersonQuery) {
  return useQuery({ queryKey: hukouKeys.persons(q), queryFn: () => hukouApi.persons(q), placeholderData: keepPreviousData, staleTime: 0 });
}

/** One person's detail. Not cached between openings: each opening is a (logged) look at the full record. */
export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: hukouKeys.person(id ?? ''), queryFn: () => hukouApi.person(id ?? ''), enabled: !!id, staleTime: 0, gcTime: 0 });
}

export function useHousehold(id: string | undefined) {
  return useQuery({ queryKey: hukouKeys.household(id ?? ''), queryFn: () => hukouApi.household(id ?? ''), enabled: !!id, staleTime: 0 });
}

export function useDuplicates(enabled: boolean) {
  return useQuery({ queryKey: hukouKeys.duplicates, queryFn: hukouApi.duplicates, enabled, staleTime: 0 });
}

export function usePopulationStats() {
  return useQuery({ queryKey: hukouKeys.stats, queryFn: hukouApi.stats, staleTime: 0 });
}

export function useIdSegments(addressCode: string | undefined, enabled = true) {
  return useQuery({ queryKey: hukouKeys.segments(addressCode), queryFn: () => hukouApi.segments(addressCode), placeholderData: keepPreviousData, staleTime: 0, enabled });
}

/** A new 号段 refreshes every segment list. */
export function useCreateIdSegment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: IdSegmentBody) => hukouApi.createSegment(body), onSuccess: () => qc.invalidateQueries({ queryKey: hukouKeys.segmentsAll }) });
}

// ---------------------------------------------------------------- display helpers

/** A GB/T 2260 code as its name ("南京市玄武区"), or the code itself when it is not a Jiangsu division. */
export const regionName = (code: string | null | undefined): string => (code ? (jiangsuRegionName(code) ?? code) : '-');
/** Whether the code names a known division (so the code can be shown beside its name). */
export const isKnownRegion = (code: string | null | undefined): boolean => !!jiangsuRegionName(code);

/** A code's Chinese label from a contract label map, or the raw code when the map has none. */
export const labelOf = (labels: Record<string, string>, code: string | null | undefined, empty = '-'): string =>
  code === null || code === undefined || code === '' ? empty : (labels[code] ?? code);

/** A 顺序码 as printed: three digits. */
export const pad3 = (n: number) => String(n).padStart(3, '0');
/** A 号段 as "001–199". */
export const segmentRange = (s: { seqFrom: number; seqTo: number }) => `${pad3(s.seqFrom)}–${pad3(s.seqTo)}`;
