import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { ActionType } from '@ant-design/pro-components';
import type { TablePaginationConfig } from 'antd';
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

export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

/**
 * A server-paged table's pagination: current page and size (a new size starts again at page 1), the
 * total and「共 N 件」in the given unit.
 */
export function serverPagination(
  at: { page: number; pageSize: number }, total: number, onChange: (next: { page: number; pageSize: number }) => void, unit = '件',
): TablePaginationConfig {
  return {
    current: at.page, pageSize: at.pageSize, total, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, showTotal: (t) => `共 ${t} ${unit}`,
    onChange: (page, pageSize) => onChange({ page: pageSize !== at.pageSize ? 1 : page, pageSize }),
  };
}

export interface TabbedListState<T extends string, F extends string = never> {
  tab: T; page: number; pageSize: number; keyword: string;
  /** Further filters named by the caller (`?orgId=`…); absent ones are left out. */
  filters: Partial<Record<F, string>>;
}

/**
 * A tabbed, paged list whose tab (`?<param>=`), page, page size, keyword and named filters live in the
 * address, so the back button and a shared link return to the same list. Unknown values fall back to the defaults.
 */
export function useTabbedListState<T extends string, F extends string = never>(
  param: string, tabs: readonly T[], fallback: T, filterNames: readonly F[] = [],
): [TabbedListState<T, F>, (next: Partial<TabbedListState<T, F>>) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(param);
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const filters: Partial<Record<F, string>> = {};
  for (const name of filterNames) {
    const v = params.get(name)?.trim();
    if (v) filters[name] = v;
  }
  const state: TabbedListState<T, F> = {
    tab: tabs.includes(raw as T) ? (raw as T) : fallback,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    keyword: params.get('keyword')?.trim() ?? '',
    filters,
  };
  const update = (next: Partial<TabbedListState<T, F>>) => {
    const s = { ...state, ...next };
    const q = new URLSearchParams({ [param]: s.tab });
    if (s.page > 1) q.set('page', String(s.page));
    if (s.pageSize !== DEFAULT_PAGE_SIZE) q.set('pageSize', String(s.pageSize));
    if (s.keyword) q.set('keyword', s.keyword);
    for (const name of filterNames) {
      const v = s.filters[name];
      if (v) q.set(name, v);
    }
    setParams(q);
  };
  return [state, update];
}
