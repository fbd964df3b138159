import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePrintTemplateBody, PrintTemplateDefinition, PrintTemplateKind, PrintTemplateListQuery, PrintTemplateSummary, PrintTemplateView, PrintVariable,
} from '@jsga/contracts';
import { api, fetchWithToken } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/print';

/** GET /kinds: a kind with the variables its texts may use and the lists its `list_table` blocks may show. */
export type PrintKindView = { kind: PrintTemplateKind; name: string; variables: PrintVariable[]; lists: Array<{ path: string; label: string }> };

export const printKeys = {
  all: ['print'] as const,
  kinds: ['print', 'kinds'] as const,
  list: ['print', 'list'] as const,
  template: (id: string) => ['print', 'template', id] as const,
  versions: (key: string) => ['print', 'versions', key] as const,
};

/** Save and publish problems are shown by the designer itself (its problem list), so their 4xx stay silent. */
const SILENT = { silent: true } as const;
/** Enough for every version of one key. */
const VERSION_LIMIT = 200;

export const printApi = {
  kinds: () => api.get<PrintKindView[]>(`${BASE}/kinds`),
  list: (q: Partial<PrintTemplateListQuery>) => api.get<Page<PrintTemplateSummary>>(`${BASE}/templates`, q),
  get: (id: string) => api.get<PrintTemplateView>(`${BASE}/templates/${id}`),
  /** 新建模板: version 1 (a draft) of an unused key (PRINT_KEY_TAKEN otherwise). */
  create: (body: CreatePrintTemplateBody) => api.post<PrintTemplateView>(`${BASE}/templates`, body, SILENT),
  /** Saves into the key's open draft, or opens the next version when the key has none. */
  saveDraft: (input: { key: string; title: string; definition: PrintTemplateDefinition }) =>
    api.put<PrintTemplateView>(`${BASE}/drafts/${encodeURIComponent(input.key)}`, { title: input.title, definition: input.definition }, SILENT),
  /** 422 PRINT_TEMPLATE_INVALID with `details.problems` when the publishing checks fail. */
  publish: (id: string) => api.post<PrintTemplateView>(`${BASE}/templates/${id}/publish`, {}, SILENT),
  /** Every version of a key, newest first: the list hides retired versions unless asked for them. */
  versions: async (key: string): Promise<PrintTemplateSummary[]> => {
    const [current, retired] = await Promise.all([
      printApi.list({ keyword: key, page: 1, pageSize: VERSION_LIMIT }),
      printApi.list({ keyword: key, status: 'retired', page: 1, pageSize: VERSION_LIMIT }),
    ]);
    return [...current.items, ...retired.items].filter((t) => t.key === key).sort((a, b) => b.version - a.version);
  },
  /**
   * 预览: the stored version as a PDF filled with the kind's sample values. The body is a JSON Blob
   * so that its type becomes the Content-Type (fetchWithToken sets only Accept and Authorization).
   */
  preview: async (id: string): Promise<Blob> => {
    const body = new Blob([JSON.stringify({})], { type: 'application/json' });
    const res = await fetchWithToken(`${BASE}/templates/${id}/preview`, { method: 'POST', body }, '预览失败');
    return res.blob();
  },
};

export function usePrintKinds() {
  return useQuery({ queryKey: printKeys.kinds, queryFn: printApi.kinds, staleTime: 10 * 60_000 });
}

export function usePrintTemplate(id: string | undefined) {
  return useQuery({ queryKey: printKeys.template(id ?? ''), queryFn: () => printApi.get(id ?? ''), enabled: !!id });
}

export function usePrintTemplateVersions(key: string | undefined) {
  return useQuery({ queryKey: printKeys.versions(key ?? ''), queryFn: () => printApi.versions(key ?? ''), enabled: !!key });
}

/** Every change of a template: cache the new version, reload lists and version switchers. */
function useTemplateChanged() {
  const qc = useQueryClient();
  return (v: PrintTemplateView) => {
    qc.setQueryData(printKeys.template(v.id), v);
    return Promise.all([qc.invalidateQueries({ queryKey: printKeys.list }), qc.invalidateQueries({ queryKey: printKeys.versions(v.key) })]);
  };
}

export function useCreatePrintTemplate() {
  const done = useTemplateChanged();
  return useMutation({ mutationFn: printApi.create, onSuccess: done });
}

export function useSavePrintDraft() {
  const done = useTemplateChanged();
  return useMutation({ mutationFn: printApi.saveDraft, onSuccess: done });
}

export function usePublishPrintTemplate() {
  const done = useTemplateChanged();
  return useMutation({ mutationFn: printApi.publish, onSuccess: done });
}
