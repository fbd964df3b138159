import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDraftBody,
  MatterChecklist,
  MatterAdminDetail,
  MatterAdminSummary,
  MatterListQuery,
  MatterVersionView,
  SaveVersionBody,
  SituationAnswers,
  VersionDiffView,
} from '@jsga/contracts';
import { api, fetchWithToken } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/matter';

export type MatterQuery = Partial<MatterListQuery>;

export const matterKeys = {
  all: ['matter'] as const,
  list: ['matter', 'list'] as const,
  detail: (id: string) => ['matter', 'detail', id] as const,
  version: (id: string) => ['matter', 'version', id] as const,
  diff: (from: string, to: string) => ['matter', 'diff', from, to] as const,
  checklist: (code: string, answers: SituationAnswers) => ['matter', 'checklist', code, answers] as const,
  file: (id: string) => ['files', id] as const,
};

/** Saves come from the edit drawer, which shows their errors itself (under the inputs). */
const FORM = { silent: true } as const;

export const matterApi = {
  list: (q: MatterQuery) => api.get<Page<MatterAdminSummary>>(`${BASE}/matters`, q),
  get: (id: string) => api.get<MatterAdminDetail>(`${BASE}/matters/${id}`),
  createDraft: (matterId: string, body: CreateDraftBody) => api.post<MatterVersionView>(`${BASE}/matters/${matterId}/versions`, body),
  getVersion: (id: string) => api.get<MatterVersionView>(`${BASE}/versions/${id}`),
  saveVersion: (id: string, body: SaveVersionBody) => api.put<MatterVersionView>(`${BASE}/versions/${id}`, body, FORM),
  submit: (id: string) => api.post<MatterVersionView>(`${BASE}/versions/${id}/submit`),
  returnToDraft: (id: string, reason: string) => api.post<MatterVersionView>(`${BASE}/versions/${id}/return`, { reason }, FORM),
  publish: (id: string) => api.post<MatterVersionView>(`${BASE}/versions/${id}/publish`),
  retire: (id: string) => api.post<MatterVersionView>(`${BASE}/versions/${id}/retire`),
  diff: (from: string, to: string) => api.get<VersionDiffView>(`${BASE}/versions/diff`, { from, to }),
};

export function useMatter(id: string | undefined) {
  return useQuery({ queryKey: matterKeys.detail(id ?? ''), queryFn: () => matterApi.get(id ?? ''), enabled: !!id });
}

export function useMatterVersion(id: string | null | undefined) {
  return useQuery({ queryKey: matterKeys.version(id ?? ''), queryFn: () => matterApi.getVersion(id ?? ''), enabled: !!id });
}

export function useVersionDiff(pair: { from: string; to: string } | null) {
  return useQuery({
    queryKey: matterKeys.diff(pair?.from ?? '', pair?.to ?? ''),
    queryFn: () => matterApi.diff(pair!.from, pair!.to),
    enabled: !!pair,
  });
}

export type VersionAction = 'submit' | 'publish' | 'retire';

/** Every version change reloads the matter (its version list and pointers) and the list page. */
function useInvalidateMatter() {
  const qc = useQueryClient();
  return (v: MatterVersionView) => {
    qc.setQueryData(matterKeys.version(v.id), v);
    return Promise.all([
      qc.invalidateQueries({ queryKey: matterKeys.detail(v.matterId) }),
      qc.invalidateQueries({ queryKey: matterKeys.list }),
      qc.invalidateQueries({ queryKey: ['matter', 'diff'] }),
    ]);
  };
}

export function useCreateDraft() {
  const done = useInvalidateMatter();
  return useMutation({ mutationFn: ({ matterId, body }: { matterId: string; body: CreateDraftBody }) => matterApi.createDraft(matterId, body), onSuccess: done });
}

export function useSaveVersion() {
  const done = useInvalidateMatter();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: SaveVersionBody }) => matterApi.saveVersion(id, body), onSuccess: done });
}

export function useVersionAction() {
  const done = useInvalidateMatter();
  return useMutation({ mutationFn: ({ id, action }: { id: string; action: VersionAction }) => matterApi[action](id), onSuccess: done });
}

export function useReturnVersion() {
  const done = useInvalidateMatter();
  return useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => matterApi.returnToDraft(id, reason), onSuccess: done });
}

/** 一单告知 of the published version, computed by the server (the public endpoint the portal uses). */
export function useChecklist(code: string | undefined, answers: SituationAnswers, enabled = true) {
  return useQuery({
    queryKey: matterKeys.checklist(code ?? '', answers),
    queryFn: () => api.post<MatterChecklist>(`/api/matters/${encodeURIComponent(code ?? '')}/checklist`, { answers }, { silent: true }),
    enabled: enabled && !!code,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

// ------------------------------------------------------------------ files (空白表格、示例样表)

/** What `POST /api/files/` and `GET /api/files/:id` answer. */
export interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
  mime: string;
  type: string;
  sha256: string;
  sm3: string;
  createdAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isFileId = (id: string | null | undefined): id is string => !!id && UUID.test(id);


/** Uploads one file to the files centre; the returned id is what a material's templateFileId / sampleFileId stores. */
export async function uploadFile(file: File, purpose: string): Promise<UploadedFile> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file, file.name);
  const res = await fetchWithToken('/api/files/', { method: 'POST', body: form });
  return (await res.json()) as UploadedFile;
}

/** Saves a stored file under its name (the content route needs the bearer token, so no plain link). */
export async function downloadFile(id: string, fileName: string) {
  const res = await fetchWithToken(`/api/files/${id}/content`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Name and size of an uploaded file; ids that are not file ids (e.g. seeded placeholders) are not looked up. */
export function useFileMeta(id: string | null | undefined, known?: UploadedFile) {
  return useQuery({
    queryKey: matterKeys.file(id ?? ''),
    queryFn: () => api.get<UploadedFile>(`/api/files/${id}`, undefined, { silent: true }),
    enabled: isFileId(id) && !known,
    initialData: known,
    retry: false,
    staleTime: Infinity,
  });
}

export type BindingOption = { value: string; label: string };

/** One page of a list as select options, one per key (a list holds every version of a key). */
const optionsFrom = <T,>(url: string, toOption: (x: T) => BindingOption) => async () => {
  const page = await api.get<Page<T>>(url, { page: 1, pageSize: 200 }, { silent: true });
  return [...new Map(page.items.map(toOption).map((o) => [o.value, o] as const)).values()];
};
const bindingLists = {
  forms: optionsFrom<{ key: string; title: string }>('/api/admin/form/definitions', (f) => ({ value: f.key, label: `${f.title}（${f.key}）` })),
  processes: optionsFrom<{ key: string; name: string }>('/api/admin/workflow/definitions', (d) => ({ value: d.key, label: `${d.name}（${d.key}）` })),
  templates: optionsFrom<{ key: string; title: string }>('/api/admin/print/templates', (t) => ({ value: t.key, label: `${t.title}（${t.key}）` })),
};

/**
 * What a matter may bind: the forms, the process definitions and the print templates, each asked on its
 * own (a position without the right to list one still binds it by key).
 */
export function useBindingOptions(enabled: boolean) {
  const opts = { enabled, staleTime: 60_000, retry: false } as const;
  const forms = useQuery({ queryKey: ['matter', 'binding-options', 'forms'], queryFn: bindingLists.forms, ...opts });
  const processes = useQuery({ queryKey: ['matter', 'binding-options', 'processes'], queryFn: bindingLists.processes, ...opts });
  const templates = useQuery({ queryKey: ['matter', 'binding-options', 'templates'], queryFn: bindingLists.templates, ...opts });
  return { forms: forms.data ?? [], processes: processes.data ?? [], templates: templates.data ?? [] };
}
