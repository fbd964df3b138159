import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormDefinitionSummary, FormDefinitionView, FormListQuery, FormValidationResult } from '@jsga/contracts';
import type { FormDefinition } from '@jsga/form-engine';
import { api } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/form';

export const formKeys = {
  all: ['form'] as const,
  list: ['form', 'list'] as const,
  definition: (id: string) => ['form', 'definition', id] as const,
  versions: (id: string) => ['form', 'versions', id] as const,
  published: (key: string) => ['form', 'published', key] as const,
};

/** Saves are shown by the designer itself (its problem list), so their 400s stay silent. */
const SILENT = { silent: true } as const;

export const formApi = {
  list: (q: Partial<FormListQuery>) => api.get<Page<FormDefinitionSummary>>(`${BASE}/definitions`, q),
  get: (id: string) => api.get<FormDefinitionView>(`${BASE}/definitions/${id}`),
  versions: (id: string) => api.get<FormDefinitionSummary[]>(`${BASE}/definitions/${id}/versions`),
  /** 新建表单: v1 draft of an unused key (FORM_KEY_TAKEN otherwise). */
  create: (definition: FormDefinition) => api.post<FormDefinitionView>(`${BASE}/definitions`, { definition }, SILENT),
  /** Saves into the key's open draft, opening one from this content when there is none. */
  saveDraft: (definition: FormDefinition) => api.put<FormDefinitionView>(`${BASE}/drafts/${encodeURIComponent(definition.key)}`, { definition }, SILENT),
  publish: (id: string) => api.post<FormDefinitionView>(`${BASE}/definitions/${id}/publish`),
  /** The designer's 校验 on the server: sample data against a stored version (drafts included). */
  validateVersion: (id: string, data: Record<string, unknown>, context?: Record<string, unknown>) =>
    api.post<FormValidationResult>(`${BASE}/definitions/${id}/validate`, { data, context }, SILENT),
  /** Public: one released (published or retired) version, e.g. the one a case keeps for its whole life. */
  getReleasedVersion: (id: string) => api.get<FormDefinitionView>(`/api/forms/versions/${id}`),
  /** Public: the published definition a renderer shows, and validation against it. */
  getPublished: (key: string) => api.get<FormDefinitionView>(`/api/forms/${encodeURIComponent(key)}`),
  validatePublished: (key: string, data: Record<string, unknown>, context?: Record<string, unknown>) =>
    api.post<FormValidationResult>(`/api/forms/${encodeURIComponent(key)}/validate`, { data, context }, SILENT),
};

export function useFormDefinition(id: string | undefined) {
  return useQuery({ queryKey: formKeys.definition(id ?? ''), queryFn: () => formApi.get(id ?? ''), enabled: !!id });
}

export function useFormVersions(id: string | undefined) {
  return useQuery({ queryKey: formKeys.versions(id ?? ''), queryFn: () => formApi.versions(id ?? ''), enabled: !!id });
}

/** The published form of a key, for pages that render it (portal application, window acceptance). */
export function usePublishedForm(key: string | undefined) {
  return useQuery({ queryKey: formKeys.published(key ?? ''), queryFn: () => formApi.getPublished(key ?? ''), enabled: !!key, staleTime: 60_000 });
}

/** A released version by id (a case's form); versions never change, so it is cached for good. */
export function useReleasedForm(id: string | null | undefined) {
  return useQuery({ queryKey: ['form', 'released', id ?? ''], queryFn: () => formApi.getReleasedVersion(id ?? ''), enabled: !!id, staleTime: Infinity });
}

/** Every change of a definition: cache the new version, reload lists and histories. */
function useDefinitionChanged() {
  const qc = useQueryClient();
  return (v: FormDefinitionView) => {
    qc.setQueryData(formKeys.definition(v.id), v);
    return Promise.all([
      qc.invalidateQueries({ queryKey: formKeys.list }),
      qc.invalidateQueries({ queryKey: ['form', 'versions'] }),
      qc.invalidateQueries({ queryKey: formKeys.published(v.key) }),
    ]);
  };
}

export function useCreateForm() {
  const done = useDefinitionChanged();
  return useMutation({ mutationFn: formApi.create, onSuccess: done });
}

export function useSaveDraft() {
  const done = useDefinitionChanged();
  return useMutation({ mutationFn: formApi.saveDraft, onSuccess: done });
}

export function usePublishForm() {
  const done = useDefinitionChanged();
  return useMutation({ mutationFn: formApi.publish, onSuccess: done });
}
