import { useCallback, useEffect, useRef } from 'react';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { ActionType } from '@ant-design/pro-components';
import { notifyError } from './form-errors';

export interface Page<T> {
  items: T[];
  total: number;
}

/** What ProTable hands to `request`: its paging plus the (transformed) search-form values. */
export type TableParams = { current?: number; pageSize?: number; keyword?: string } & Record<string, unknown>;

/** ProTable paging → the server's `page`/`pageSize`. */
export function pageOf(params: TableParams): { page: number; pageSize: number } {
  return { page: params.current ?? 1, pageSize: params.pageSize ?? 20 };
}

export function textParam(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/**
 * Connects a server-paged ProTable to TanStack Query invalidation: ProTable keeps its own paging and
 * search form, and reloads whenever a query under `keyPrefix` is invalidated (after a mutation, or
 * after switching position, which invalidates everything). This works through a tiny local
 * "version" query observed by the page, so no network call is involved in the signal itself.
 */
export function useServerTable<TRow>(keyPrefix: QueryKey, fetchPage: (params: TableParams) => Promise<Page<TRow>>) {
  const actionRef = useRef<ActionType>(undefined);
  const version = useQuery({
    queryKey: [...keyPrefix, '__table-version'],
    queryFn: () => Date.now(),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  const firstVersion = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (version.data === undefined) return;
    if (firstVersion.current === undefined) {
      firstVersion.current = version.data;
      return;
    }
    if (version.data !== firstVersion.current) void actionRef.current?.reload();
  }, [version.data]);

  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const request = useCallback(async (params: TableParams) => {
    const page = await fetchRef.current(params);
    return { data: page.items, total: page.total, success: true };
  }, []);

  // Without this ProTable rethrows (unhandled rejection); most errors were shown by the request layer.
  const onRequestError = useCallback((e: Error) => notifyError(e), []);

  return { actionRef, request, onRequestError };
}

/** The look every server-paged list shares: dense rows, an open search form, paging with a total in the list's own unit. */
export const listTableDefaults = (totalLabel: (total: number) => string) => ({
  size: 'small' as const,
  search: { labelWidth: 'auto' as const, defaultCollapsed: false, span: 6 },
  pagination: { defaultPageSize: 20, showSizeChanger: true, showTotal: totalLabel },
  options: { density: true, reload: true, setting: true },
});
