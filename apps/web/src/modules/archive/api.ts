import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArchiveCheckResult, ArchiveFacets, ArchiveMatterRuleView, ArchiveRecordSummary, ArchiveRecordView, ArchiveRuleBody, ArchiveRuleOverview, ArchiveStatus,
  ArchiveTypeRuleView, AuditLogView, MatterType,
} from '@jsga/contracts';
import { api, fetchWithToken } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/archive';
/** Check and archive show the server's refusal themselves (a failed 四性检测 goes into the drawer). */
const SILENT = { silent: true } as const;

export interface ArchiveFilters {
  orgId?: string;
  matterCode?: string;
  year?: number;
}
export interface ArchiveQuery extends ArchiveFilters {
  status: ArchiveStatus;
  keyword?: string;
  page: number;
  pageSize: number;
}
export interface ArchiveLogQuery { recordId?: string; keyword?: string; result?: 'success' | 'failure'; page: number; pageSize: number }
export type RuleSave = ArchiveRuleBody & { expectedRevision?: number };
export type ArchiveStatsBy = 'org' | 'matter';
export interface ArchiveStatsRow { key: string; name: string; total: number; archived: number; failed: number; pending: number; rate: number }
export interface ArchiveBatchItem { id: string; caseNo: string; ok: boolean; archivalCode: string | null; message: string }
/** `details` of a 422 ARCHIVE_CHECK_FAILED. */
export interface ArchiveCheckFailedDetails { checks?: ArchiveCheckResult[] }

export const archiveApi = {
  list: (q: ArchiveQuery) => api.get<Page<ArchiveRecordSummary>>(`${BASE}/records`, { ...q }),
  /** How many records a tab holds (a failure leaves the count out). */
  count: (status: ArchiveStatus, filters: ArchiveFilters) => api.get<Page<ArchiveRecordSummary>>(`${BASE}/records`, { status, ...filters, page: 1, pageSize: 1 }, SILENT).then((p) => p.total),
  facets: (year: number | undefined) => api.get<ArchiveFacets>(`${BASE}/records/facets`, { year }, SILENT),
  get: (id: string) => api.get<ArchiveRecordView>(`${BASE}/records/${id}`),
  check: (id: string) => api.post<ArchiveRecordView>(`${BASE}/records/${id}/check`, {}, SILENT),
  archive: (id: string) => api.post<ArchiveRecordView>(`${BASE}/records/${id}/archive`, {}, SILENT),
  batchArchive: (ids: string[]) => api.post<{ items: ArchiveBatchItem[] }>(`${BASE}/records/batch-archive`, { ids }, SILENT),
  stats: (by: ArchiveStatsBy, year: number | undefined) => api.get<{ items: ArchiveStatsRow[] }>(`${BASE}/stats`, { by, year }),
  logs: (q: ArchiveLogQuery) => api.get<Page<AuditLogView>>(`${BASE}/logs`, { ...q }),
  rules: (q: { keyword?: string; page: number; pageSize: number }) => api.get<ArchiveRuleOverview>(`${BASE}/rules`, { ...q }),
  rule: (matterCode: string) => api.get<ArchiveMatterRuleView>(`${BASE}/rules/${encodeURIComponent(matterCode)}`),
  saveRule: (matterCode: string, body: RuleSave) => api.put<ArchiveMatterRuleView>(`${BASE}/rules/${encodeURIComponent(matterCode)}`, body, SILENT),
  resetRule: (matterCode: string, expectedRevision: number) => api.delete<ArchiveMatterRuleView>(`${BASE}/rules/${encodeURIComponent(matterCode)}`, { query: { expectedRevision } }),
  saveTypeRule: (matterType: MatterType, body: RuleSave) => api.put<ArchiveTypeRuleView>(`${BASE}/rules/types/${matterType}`, body, SILENT),
};

export const archiveKeys = {
  all: ['archive'] as const,
  records: ['archive', 'records'] as const,
  list: (q: ArchiveQuery) => ['archive', 'records', 'list', q] as const,
  count: (status: ArchiveStatus, filters: ArchiveFilters) => ['archive', 'records', 'count', status, filters] as const,
  facets: (year: number | undefined) => ['archive', 'records', 'facets', year ?? null] as const,
  logs: (q: ArchiveLogQuery) => ['archive', 'logs', q] as const,
  rules: ['archive', 'rules'] as const,
  ruleOverview: (q: { keyword?: string; page: number; pageSize: number }) => ['archive', 'rules', 'overview', q] as const,
  rule: (matterCode: string) => ['archive', 'rules', 'matter', matterCode] as const,
  detail: (id: string) => ['archive', 'detail', id] as const,
  stats: (by: ArchiveStatsBy, year: number | undefined) => ['archive', 'stats', by, year ?? null] as const,
};

export function useArchiveList(q: ArchiveQuery) {
  return useQuery({ queryKey: archiveKeys.list(q), queryFn: () => archiveApi.list(q), placeholderData: keepPreviousData, staleTime: 0 });
}

export function useArchiveCounts(statuses: readonly ArchiveStatus[], filters: ArchiveFilters) {
  return useQueries({
    queries: statuses.map((s) => ({ queryKey: archiveKeys.count(s, filters), queryFn: () => archiveApi.count(s, filters), staleTime: 0, retry: false })),
    combine: (results) => Object.fromEntries(statuses.map((s, i) => [s, results[i].data])) as Partial<Record<ArchiveStatus, number>>,
  });
}

export function useArchiveFacets(year: number | undefined) {
  return useQuery({ queryKey: archiveKeys.facets(year), queryFn: () => archiveApi.facets(year), staleTime: 60_000, retry: false });
}

export function useArchiveLogs(q: ArchiveLogQuery, enabled = true) {
  return useQuery({ queryKey: archiveKeys.logs(q), queryFn: () => archiveApi.logs(q), placeholderData: keepPreviousData, staleTime: 0, enabled });
}

export function useArchiveRuleOverview(q: { keyword?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: archiveKeys.ruleOverview(q), queryFn: () => archiveApi.rules(q), placeholderData: keepPreviousData, staleTime: 0 });
}

export function useArchiveMatterRule(matterCode: string | undefined) {
  return useQuery({ queryKey: archiveKeys.rule(matterCode ?? ''), queryFn: () => archiveApi.rule(matterCode ?? ''), enabled: !!matterCode, staleTime: 0 });
}

/** Saving or resetting a rule refreshes the overview and the matter's rule. */
export function useRuleMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: archiveKeys.rules });
  return {
    saveMatter: useMutation({ mutationFn: (v: { matterCode: string; body: RuleSave }) => archiveApi.saveRule(v.matterCode, v.body), onSuccess: done }),
    resetMatter: useMutation({ mutationFn: (v: { matterCode: string; revision: number }) => archiveApi.resetRule(v.matterCode, v.revision), onSuccess: done }),
    saveType: useMutation({ mutationFn: (v: { matterType: MatterType; body: RuleSave }) => archiveApi.saveTypeRule(v.matterType, v.body), onSuccess: done }),
  };
}

/** The current year and the four before it (China's calendar year). */
export const recentYears = () => {
  const now = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  return Array.from({ length: 5 }, (_, i) => now - i);
};

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
    return Promise.all([
      qc.invalidateQueries({ queryKey: archiveKeys.records }), qc.invalidateQueries({ queryKey: ['archive', 'stats'] }), qc.invalidateQueries({ queryKey: ['archive', 'logs'] }),
    ]);
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
    onError: (_e, id) => Promise.all([
      qc.invalidateQueries({ queryKey: archiveKeys.records }), qc.invalidateQueries({ queryKey: archiveKeys.detail(id) }), qc.invalidateQueries({ queryKey: ['archive', 'logs'] }),
    ]),
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
