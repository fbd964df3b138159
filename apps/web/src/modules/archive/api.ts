import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchiveCheckResult, ArchiveRecordSummary, ArchiveRecordView, ArchiveStatus } from '@jsga/contracts';
import { api, fetchWithToken } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/archive';
/** Check and archive show the server's refusal themselves (a failed 四性检测 goes into the drawer). */
const SILENT = { silent: true } as const;

export interface ArchiveQuery {
  status: ArchiveStatus;
  keyword?: string;
  page: number;
  pageSize: number;
}
export type ArchiveStatsBy = 'org' | 'matter';
export interface ArchiveStatsRow { key: string; name: string; total: number; archived: number; failed: number; pending: number; rate: number }
export interface ArchiveBatchItem { id: string; caseNo: string; ok: boolean; archivalCode: string | null; message: string }
/** `details` of a 422 ARCHIVE_CHECK_FAILED. */
export interface ArchiveCheckFailedDetails { checks?: ArchiveCheckResult[] }

export const archiveApi = {
  list: (q: ArchiveQuery) => api.get<Page<ArchiveRecordSummary>>(`${BASE}/records`, { ...q }),
  /** How many records a tab holds (a failure leaves the count out). */
  count: (status: ArchiveStatus) => api.get<Page<ArchiveRecordSummary>>(`${BASE}/records`, { status, page: 1, pageSize: 1 }, SILENT).then((p) => p.total),
  get: (id: string) => api.get<ArchiveRecordView>(`${BASE}/records/${id}`),
  check: (id: string) => api.post<ArchiveRecordView>(`${BASE}/records/${id}/check`, {}, SILENT),
  archive: (id: string) => api.post<ArchiveRecordView>(`${BASE}/records/${id}/archive`, {}, SILENT),
  batchArchive: (ids: string[]) => api.post<{ items: ArchiveBatchItem[] }>(`${BASE}/records/batch-archive`, { ids }, SILENT),
  stats: (by: ArchiveStatsBy, year: number | undefined) => api.get<{ items: ArchiveStatsRow[] }>(`${BASE}/stats`, { by, year }),
};

export const archiveKeys = {
  all: ['archive'] as const,
  records: ['archive', 'records'] as const,
  list: (q: ArchiveQuery) => ['archive', 'records', 'list', q] as const,
  count: (status: ArchiveStatus) => ['archive', 'records', 'count', status] as const,
  detail: (id: string) => ['archive', 'detail', id] as const,
  stats: (by: ArchiveStatsBy, year: number | undefined) => ['archive', 'stats', by, year ?? null] as const,
};

export function useArchiveList(q: ArchiveQuery) {
  return useQuery({ queryKey: archiveKeys.list(q), queryFn: () => archiveApi.list(q), placeholderData: keepPreviousData, staleTime: 0 });
}

export function useArchiveCounts(statuses: readonly ArchiveStatus[]) {
  return useQueries({
    queries: statuses.map((s) => ({ queryKey: archiveKeys.count(s), queryFn: () => archiveApi.count(s), staleTime: 0, retry: false })),
    combine: (results) => Object.fromEntries(statuses.map((s, i) => [s, results[i].data])) as Partial<Record<ArchiveStatus, number>>,
  });
}

export function useArchiveRecord(id: string | undefined) {
  return useQuery({ queryKey: archiveKeys.detail(id ?? ''), queryFn: () => archiveApi.get(id ?? ''), enabled: !!id, staleTime: 0 });
}

export function useArchiveStats(by: ArchiveStatsBy, year: number | undefined) {
  return useQuery({ queryKey: archiveKeys.stats(by, year), queryFn: () => archiveApi.stats(by, year), staleTime: 0 });
}

/** A record changed: show the server's answer at once and refresh the lists, counts and stats. */
function useRecordChanged() {
  const qc = useQueryClient();
  return (view: ArchiveRecordView) => {
    qc.setQueryData(archiveKeys.detail(view.id), view);
    return Promise.all([qc.invalidateQueries({ queryKey: archiveKeys.records }), qc.invalidateQueries({ queryKey: ['archive', 'stats'] })]);
  };
}

export function useArchiveCheck() {
  const done = useRecordChanged();
  return useMutation({ mutationFn: (id: string) => archiveApi.check(id), onSuccess: done });
}

export function useArchiveRecordAction() {
  const done = useRecordChanged();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => archiveApi.archive(id),
    onSuccess: done,
    // a refused archive may have moved the record to 检测未通过
    onError: (_e, id) => Promise.all([qc.invalidateQueries({ queryKey: archiveKeys.records }), qc.invalidateQueries({ queryKey: archiveKeys.detail(id) })]),
  });
}

export function useBatchArchive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => archiveApi.batchArchive(ids),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: archiveKeys.all })]),
  });
}

/** 下载信息包: the signed ZIP (the route needs the bearer token, so a plain link cannot download it). */
export async function downloadPackage(id: string, fallbackName: string) {
  const res = await fetchWithToken(`${BASE}/records/${id}/package`, {}, '信息包下载失败');
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const fileName = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
