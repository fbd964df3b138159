import { useCallback, useMemo, useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgView } from '@jsga/contracts';
import { orgLevelQuery } from '../api';

export interface OrgLevel {
  items: OrgView[];
  total: number;
}

/**
 * Lazily loaded org tree backed by TanStack Query: the top level of the caller's data scope, plus
 * the direct children of each org expanded so far. Invalidating `identityKeys.orgs` refreshes
 * every loaded level in place.
 */
export function useOrgTree(enabled = true) {
  const queryClient = useQueryClient();
  const [loadedIds, setLoadedIds] = useState<string[]>([]);
  const root = useQuery({ ...orgLevelQuery(undefined), enabled });
  const levels = useQueries({ queries: loadedIds.map((id) => ({ ...orgLevelQuery(id), enabled })) });

  // Recompute only when a loaded level actually changed (useQueries returns a new array every render).
  const signature = levels.map((l, i) => `${loadedIds[i]}:${l.dataUpdatedAt}`).join('|');
  const childrenById = useMemo(() => {
    const map = new Map<string, OrgLevel>();
    loadedIds.forEach((id, i) => {
      const data = levels[i]?.data;
      if (data) map.set(id, data);
    });
    return map;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);

  const byId = useMemo(() => {
    const map = new Map<string, OrgView>();
    root.data?.items.forEach((o) => map.set(o.id, o));
    childrenById.forEach((level) => level.items.forEach((o) => map.set(o.id, o)));
    return map;
  }, [root.data, childrenById]);

  const loadChildren = useCallback(
    async (id: string) => {
      await queryClient.ensureQueryData(orgLevelQuery(id));
      setLoadedIds((prev) => (prev.includes(id) ? prev : [...prev, id]));
    },
    [queryClient],
  );

  return {
    root: root.data,
    rootLoading: root.isPending && enabled,
    rootError: root.error,
    refetchRoot: root.refetch,
    childrenById,
    byId,
    loadChildren,
  };
}

export type OrgTreeState = ReturnType<typeof useOrgTree>;

/** Builds nested nodes from the loaded levels; unloaded orgs with children stay expandable. */
export function buildOrgNodes<N>(
  state: Pick<OrgTreeState, 'root' | 'childrenById'>,
  toNode: (org: OrgView, children: N[] | undefined) => N,
  moreNode?: (parentId: string | undefined, shown: number, total: number) => N,
): N[] {
  const build = (level: OrgLevel | undefined, parentId: string | undefined, depth: number): N[] => {
    if (!level || depth > 32) return [];
    const nodes = level.items.map((org) => {
      const children = state.childrenById.get(org.id);
      return toNode(org, children ? build(children, org.id, depth + 1) : undefined);
    });
    if (moreNode && level.total > level.items.length) nodes.push(moreNode(parentId, level.items.length, level.total));
    return nodes;
  };
  return build(state.root, undefined, 0);
}
