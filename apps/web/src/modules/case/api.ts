import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseActionBody,
  CaseListQuery,
  CaseSummary,
  CaseView,
  ChangeDeliveryBody, CollectBody,
  CreateCaseBody,
  DeclarationPrefill,
  LicenceCandidatesView,
  MatterChecklist,
  MatterVersionView,
  PreReviewQueue,
  PublicMatterGuide,
  PublicMatterSummary,
  SituationAnswers,
  WorkflowDefinitionView,
  WindowPrefillBody,
  WorkflowTaskDetail,
} from '@jsga/contracts';
import { api, fetchWithToken } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/case';
/** Calls made from dialogs and the registration drawer: they show the server's refusal themselves. */
const SILENT = { silent: true } as const;

/** The list filters as the server takes them (`overdue` travels as the string 'true'). */
export type CaseQuery = Partial<Omit<CaseListQuery, 'overdue'>> & { overdue?: 'true' };
export type CaseSensitive = { applicantIdNo: string; contactPhone: string | null };
export type ReturnStepBody = { taskId: string; targetNodeId: string; opinion: string };
export type MigrateProcessBody = { targetDefinitionId: string; nodeMapping?: Record<string, string> };
/** What the contract's PromisePreviewBody takes (the contract exports the schema only). */
export type PromisePreviewBody = { missingMaterials: string[]; toleranceDeadline: string };

export const caseApi = {
  list: (q: CaseQuery) => api.get<Page<CaseSummary>>(`${BASE}/cases`, q),
  /** How many cases a 网上预审 queue holds (for the tab; a failure leaves the count out, it says nothing). */
  queueSize: (queue: PreReviewQueue) => api.get<Page<CaseSummary>>(`${BASE}/cases`, { queue, page: 1, pageSize: 1 }, SILENT).then((p) => p.total),
  get: (id: string) => api.get<CaseView>(`${BASE}/cases/${id}`),
  sensitive: (id: string) => api.get<CaseSensitive>(`${BASE}/cases/${id}/sensitive`, undefined, SILENT),
  create: (body: CreateCaseBody) => api.post<CaseView>(`${BASE}/cases`, body, SILENT),
  act: (id: string, body: CaseActionBody) => api.post<CaseView>(`${BASE}/cases/${id}/actions`, body, SILENT),
  returnStep: (id: string, body: ReturnStepBody) => api.post<CaseView>(`${BASE}/cases/${id}/return-step`, body, SILENT),
  migrateProcess: (id: string, body: MigrateProcessBody) => api.post<CaseView>(`${BASE}/cases/${id}/migrate-process`, body, SILENT),
  changeDelivery: (id: string, body: ChangeDeliveryBody) => api.post<CaseView>(`${BASE}/cases/${id}/delivery`, body, SILENT),
  collect: (id: string, body: CollectBody) => api.post<CaseView>(`${BASE}/cases/${id}/collection`, body, SILENT),
  /**
   * 容缺受理承诺书 to print for the applicant to sign (a PDF). The body is a JSON Blob so that its type
   * becomes the Content-Type (fetchWithToken sets only Accept and Authorization).
   */
  promisePreview: async (id: string, body: PromisePreviewBody): Promise<Blob> => {
    const json = new Blob([JSON.stringify(body)], { type: 'application/json' });
    const res = await fetchWithToken(`${BASE}/cases/${id}/tolerance-promise/preview`, { method: 'POST', body: json }, '承诺书生成失败');
    return res.blob();
  },

  /** 打印申请表: the case's form and materials on the published 申请表 template (a PDF; the print is audited). */
  applicationFormPdf: async (id: string): Promise<Blob> => {
    const res = await fetchWithToken(`${BASE}/cases/${id}/application-form.pdf`, {}, '申请表生成失败');
    return res.blob();
  },
  /** 业务文书 the case's matter binds (published print templates). */
  documents: (id: string) => api.get<{ items: Array<{ key: string; title: string }> }>(`${BASE}/cases/${id}/documents`, undefined, SILENT),
  /** One bound 业务文书 as a PDF (the print is audited). */
  documentPdf: async (id: string, key: string): Promise<Blob> => {
    const res = await fetchWithToken(`${BASE}/cases/${id}/documents/${encodeURIComponent(key)}`, {}, '文书生成失败');
    return res.blob();
  },
  /** 证照服务: per material an e-licence may stand for, the applicant's licences of that type in force (an audited lookup). */
  licenceCandidates: (id: string) => api.get<LicenceCandidatesView>(`${BASE}/cases/${id}/licence-candidates`, undefined, SILENT),
  /** 证照服务: the material rests on the e-licence from now on. */
  replaceWithLicence: (id: string, materialId: string, licenceId: string) =>
    api.post<CaseView>(`${BASE}/cases/${id}/materials/${materialId}/licence`, { licenceId }, SILENT),
  /** 窗口感知回填: the registries' data on the person whose ID card was just read (an audited lookup). */
  windowPrefill: (card: WindowPrefillBody) => api.post<DeclarationPrefill>('/api/admin/declaration/window-prefill', card, SILENT),

  // the matter centre: the exact version a case runs on (needs 'matter:catalogue:view')
  matterVersion: (id: string) => api.get<MatterVersionView>(`/api/admin/matter/versions/${id}`, undefined, SILENT),

  // the public catalogue (the same endpoints the portal uses)
  searchMatters: (keyword: string) => api.get<Page<PublicMatterSummary>>('/api/matters', { keyword, page: 1, pageSize: 30 }, SILENT),
  guide: (code: string) => api.get<PublicMatterGuide>(`/api/matters/${encodeURIComponent(code)}`, undefined, SILENT),
  checklist: (code: string, answers: SituationAnswers) =>
    api.post<MatterChecklist>(`/api/matters/${encodeURIComponent(code)}/checklist`, { answers }, SILENT),

  // the workflow centre, for 退回 (return targets of a task) and 流程迁移 (published versions of the process)
  task: (id: string) => api.get<WorkflowTaskDetail>(`/api/workflow/tasks/${id}`, undefined, SILENT),
  processVersions: (key: string) =>
    api.get<Page<WorkflowDefinitionView>>('/api/admin/workflow/definitions', { keyword: key, status: 'published', page: 1, pageSize: 50 }, SILENT),
};

export const caseKeys = {
  all: ['case'] as const,
  list: ['case', 'list'] as const,
  preReview: (q: CaseQuery) => ['case', 'list', 'pre-review', q] as const,
  queueSize: (queue: PreReviewQueue) => ['case', 'list', 'queue-size', queue] as const,
  detail: (id: string) => ['case', 'detail', id] as const,
  matters: (keyword: string) => ['case', 'matters', keyword] as const,
  guide: (code: string) => ['case', 'guide', code] as const,
  checklist: (code: string, answers: SituationAnswers) => ['case', 'checklist', code, answers] as const,
  task: (id: string) => ['case', 'task', id] as const,
  processVersions: (key: string) => ['case', 'process-versions', key] as const,
  matterVersion: (id: string) => ['case', 'matter-version', id] as const,
  licenceCandidates: (id: string) => ['case', 'licence-candidates', id] as const,
};

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: caseKeys.detail(id ?? ''), queryFn: () => caseApi.get(id ?? ''), enabled: !!id, staleTime: 0 });
}

/** 网上预审: one page of a queue; the previous page stays on screen while the next loads. */
export function usePreReviewList(q: CaseQuery & { queue: PreReviewQueue }) {
  return useQuery({ queryKey: caseKeys.preReview(q), queryFn: () => caseApi.list(q), placeholderData: keepPreviousData, staleTime: 0 });
}

/** The size of each 网上预审 queue, for the tabs (one small request per queue); undefined until known. */
export function useQueueSizes(queues: readonly PreReviewQueue[]) {
  return useQueries({
    queries: queues.map((queue) => ({ queryKey: caseKeys.queueSize(queue), queryFn: () => caseApi.queueSize(queue), staleTime: 0, retry: false })),
    combine: (results) => Object.fromEntries(queues.map((q, i) => [q, results[i].data])) as Partial<Record<PreReviewQueue, number>>,
  });
}

/** A handled case: show the server's answer at once, refresh the list and the task inboxes it may have changed. */
function useCaseChanged() {
  const qc = useQueryClient();
  return (view: CaseView) => {
    qc.setQueryData(caseKeys.detail(view.id), view);
    return Promise.all([
      qc.invalidateQueries({ queryKey: caseKeys.list }),
      qc.invalidateQueries({ queryKey: ['workflow', 'tasks'] }),
    ]);
  };
}

export function useCaseAction() {
  const done = useCaseChanged();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: CaseActionBody }) => caseApi.act(id, body), onSuccess: done });
}

export function useReturnStep() {
  const done = useCaseChanged();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ReturnStepBody }) => caseApi.returnStep(id, body), onSuccess: done });
}

export function useMigrateProcess() {
  const done = useCaseChanged();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: MigrateProcessBody }) => caseApi.migrateProcess(id, body), onSuccess: done });
}

export function useCollect() {
  const done = useCaseChanged();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: CollectBody }) => caseApi.collect(id, body), onSuccess: done });
}

export function useChangeDelivery() {
  const done = useCaseChanged();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ChangeDeliveryBody }) => caseApi.changeDelivery(id, body), onSuccess: done });
}

export function useCreateCase() {
  const done = useCaseChanged();
  return useMutation({ mutationFn: (body: CreateCaseBody) => caseApi.create(body), onSuccess: done });
}

/** 证照服务 candidates, looked up afresh each time the dialog opens (the lookup is audited, so only then). */
export function useLicenceCandidates(id: string, enabled: boolean) {
  return useQuery({ queryKey: caseKeys.licenceCandidates(id), queryFn: () => caseApi.licenceCandidates(id), enabled, staleTime: 0, gcTime: 0, retry: false });
}

/** 证照服务: put a licence in place of a material; the case shows the server's answer and the candidates are looked up again. */
export function useReplaceWithLicence() {
  const done = useCaseChanged();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, materialId, licenceId }: { id: string; materialId: string; licenceId: string }) => caseApi.replaceWithLicence(id, materialId, licenceId),
    onSuccess: (view) => Promise.all([done(view), qc.invalidateQueries({ queryKey: caseKeys.licenceCandidates(view.id) })]),
  });
}

export function useMatterSearch(keyword: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.matters(keyword),
    queryFn: () => caseApi.searchMatters(keyword),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useMatterGuide(code: string | undefined) {
  return useQuery({ queryKey: caseKeys.guide(code ?? ''), queryFn: () => caseApi.guide(code ?? ''), enabled: !!code, staleTime: 5 * 60_000 });
}

/** 一单告知 for the chosen situations, computed by the server; a 400 says which answers are missing. */
export function useMatterChecklist(code: string | undefined, answers: SituationAnswers, enabled = true) {
  return useQuery({
    queryKey: caseKeys.checklist(code ?? '', answers),
    queryFn: () => caseApi.checklist(code ?? '', answers),
    enabled: enabled && !!code,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** A published matter version never changes: cache it for the session. */
export function useMatterVersion(id: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: caseKeys.matterVersion(id ?? ''), queryFn: () => caseApi.matterVersion(id ?? ''), enabled: enabled && !!id, staleTime: Infinity, retry: false });
}

export function useTaskReturnTargets(taskId: string | undefined) {
  return useQuery({ queryKey: caseKeys.task(taskId ?? ''), queryFn: () => caseApi.task(taskId ?? ''), enabled: !!taskId, staleTime: 0, retry: false });
}

export function useProcessVersions(key: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.processVersions(key ?? ''),
    queryFn: () => caseApi.processVersions(key ?? ''),
    enabled: enabled && !!key,
    retry: false,
  });
}

// ------------------------------------------------------------------ files (材料)

/** What `POST /api/files/` answers. */
export interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  sm3: string;
}


/** Uploads one application material (or another scan, by `purpose`) to the files centre; its id goes into the case. */
export async function uploadMaterial(file: File, purpose = 'material'): Promise<UploadedFile> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file, file.name);
  const res = await fetchWithToken('/api/files/', { method: 'POST', body: form });
  return (await res.json()) as UploadedFile;
}

export const fileContentUrl = (id: string) => `/api/files/${id}/content`;

/** A stored file's content, to show it in the page (the content route needs the bearer token). */
export async function fileBlob(id: string): Promise<Blob> {
  const res = await fetchWithToken(fileContentUrl(id), {}, '文件读取失败');
  return res.blob();
}

/** Saves a stored file (the content route needs the bearer token, so a plain link cannot download it). */
export async function downloadFile(id: string, fileName: string) {
  const res = await fetchWithToken(fileContentUrl(id));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
