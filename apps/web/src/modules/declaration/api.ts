import { useQuery } from '@tanstack/react-query';
import type {
  ApplicantLicence, CitizenCaseListQuery, CitizenCaseSummary, CitizenCaseView, CreateDeclarationBody, DeclarationPrefill, DeclarationReceipt, DeclarationSummary,
  DeclarationView, EvaluateBody, EvaluationView, SaveDeclarationBody, ServicePoint, SupplyMaterialsBody,
} from '@jsga/contracts';
import { api, fetchWithToken } from '../../app/request';
import type { Page } from '../../app/table';

/** The applicant's pages show refusals themselves (next to what caused them), never as a toast. */
const SILENT = { silent: true } as const;
const enc = encodeURIComponent;

export type UploadedFile = { id: string; fileName: string; size: number };

export const declarationApi = {
  create: (body: CreateDeclarationBody) => api.post<DeclarationView>('/api/citizen/declarations', body, SILENT),
  get: (id: string) => api.get<DeclarationView>(`/api/citizen/declarations/${enc(id)}`, undefined, SILENT),
  drafts: () => api.get<Page<DeclarationSummary>>('/api/citizen/declarations', { pageSize: 50 }, SILENT),
  save: (id: string, body: SaveDeclarationBody) => api.put<DeclarationView>(`/api/citizen/declarations/${enc(id)}`, body, SILENT),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/citizen/declarations/${enc(id)}`, SILENT),
  submit: (id: string, expectedRevision: number) => api.post<DeclarationReceipt>(`/api/citizen/declarations/${enc(id)}/submit`, { expectedRevision }, SILENT),
  prefill: () => api.get<DeclarationPrefill>('/api/citizen/prefill', undefined, SILENT),
  licences: () => api.get<{ items: ApplicantLicence[] }>('/api/citizen/licences', undefined, SILENT),
  servicePoints: (keyword?: string) => api.get<{ items: ServicePoint[] }>('/api/citizen/service-points', { keyword }, SILENT),
  cases: (q: Partial<CitizenCaseListQuery>) => api.get<Page<CitizenCaseSummary>>('/api/citizen/cases', q, SILENT),
  caseDetail: (id: string) => api.get<CitizenCaseView>(`/api/citizen/cases/${enc(id)}`, undefined, SILENT),
  supply: (id: string, body: SupplyMaterialsBody) => api.post<CitizenCaseView>(`/api/citizen/cases/${enc(id)}/supplement`, body, SILENT),
  /** 容缺受理承诺书 signed online: the real-name sign-in stands as the signature. */
  signPromise: (id: string) => api.post<CitizenCaseView>(`/api/citizen/cases/${enc(id)}/tolerance-promise`, { agree: true }, SILENT),
  evaluation: (id: string) => api.get<{ evaluation: EvaluationView | null }>(`/api/citizen/cases/${enc(id)}/evaluation`, undefined, SILENT),
  evaluate: (id: string, body: EvaluateBody) => api.post<EvaluationView>(`/api/citizen/cases/${enc(id)}/evaluation`, body, SILENT),
  /** Multipart upload of one material file (checked on the server: type sniffed, size limited). */
  async upload(file: File): Promise<UploadedFile> {
    const form = new FormData();
    form.append('purpose', 'material');
    form.append('file', file);
    const res = await fetchWithToken('/api/citizen/files/', { method: 'POST', body: form }, '上传失败');
    const body = (await res.json()) as { id: string; fileName: string; size: number };
    return { id: body.id, fileName: body.fileName, size: body.size };
  },
  fileUrl: (caseId: string, fileId: string) => `/api/citizen/cases/${enc(caseId)}/files/${enc(fileId)}`,
};

export const declarationKeys = {
  draft: (id: string) => ['declaration', 'draft', id] as const,
  drafts: ['declaration', 'drafts'] as const,
  prefill: ['declaration', 'prefill'] as const,
  licences: ['declaration', 'licences'] as const,
  servicePoints: ['declaration', 'service-points'] as const,
  cases: (q: Partial<CitizenCaseListQuery>) => ['declaration', 'cases', q] as const,
  caseDetail: (id: string) => ['declaration', 'case', id] as const,
  evaluation: (id: string) => ['declaration', 'evaluation', id] as const,
};

export const useDraft = (id: string) => useQuery({ queryKey: declarationKeys.draft(id), queryFn: () => declarationApi.get(id), retry: false });
export const usePrefill = () => useQuery({ queryKey: declarationKeys.prefill, queryFn: declarationApi.prefill, retry: false, staleTime: 5 * 60_000 });
export const useLicences = () => useQuery({ queryKey: declarationKeys.licences, queryFn: declarationApi.licences, retry: false, staleTime: 5 * 60_000 });
export const useServicePoints = () => useQuery({ queryKey: declarationKeys.servicePoints, queryFn: () => declarationApi.servicePoints(), staleTime: 10 * 60_000 });
export const useDrafts = () => useQuery({ queryKey: declarationKeys.drafts, queryFn: declarationApi.drafts });
export const useMyCases = (q: Partial<CitizenCaseListQuery>) => useQuery({ queryKey: declarationKeys.cases(q), queryFn: () => declarationApi.cases(q) });
export const useMyCase = (id: string) => useQuery({ queryKey: declarationKeys.caseDetail(id), queryFn: () => declarationApi.caseDetail(id), retry: false });
export const useEvaluation = (id: string, enabled: boolean) => useQuery({ queryKey: declarationKeys.evaluation(id), queryFn: () => declarationApi.evaluation(id), enabled });
