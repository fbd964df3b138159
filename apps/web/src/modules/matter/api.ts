import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDraftBody,
  MatterAdminDetail,
  MatterAdminSummary,
  MatterListQuery,
  MatterVersionView,
  SaveVersionBody,
  VersionDiffView,
} from '@jsga/contracts';
import { api } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/matter';

export type MatterQuery = Partial<MatterListQuery>;

export const matterKeys = {
  all: ['matter'] as const,
  list: ['matter', 'list'] as const,
  detail: (id: string) => ['matter', 'detail', id] as const,
  version: (id: string) => ['matter', 'version', id] as const,
  diff: (from: string, to: string) => ['matter', 'diff', from, to] as const,
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
