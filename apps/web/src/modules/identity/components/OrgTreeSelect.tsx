import { useMemo, useRef, useState, type CSSProperties } from 'react';
import { Spin, TreeSelect } from 'antd';
import { useQueries } from '@tanstack/react-query';
import type { OrgView } from '@jsga/contracts';
import { useDebouncedValue } from '../../../app/hooks';
import { orgDetailQuery, useOrgs } from '../api';
import { buildOrgNodes, useOrgTree } from './useOrgTree';

interface OrgTreeNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable?: boolean;
  disabled?: boolean;
  children?: OrgTreeNode[];
}

type Labeled = { value: string; label?: React.ReactNode };

interface BaseProps {
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  /** Names already known for some ids (e.g. `orgName` on a UserView), saving a lookup. */
  labelHints?: Record<string, string>;
}

type Props =
  | (BaseProps & { multiple?: false; value?: string | null; onChange?: (value: string | undefined) => void })
  | (BaseProps & { multiple: true; value?: string[] | null; onChange?: (value: string[]) => void });

const orgTitle = (o: OrgView) => (o.status === 'disabled' ? `${o.name}（已停用）` : o.name);

/**
 * Org picker over the caller's data scope. The tree loads level by level; typing searches the
 * server (name / code) and shows the matches flat. Values are org ids.
 */
export function OrgTreeSelect(props: Props) {
  const { placeholder = '请选择机构', disabled, allowClear = true, style, id, labelHints } = props;
  const tree = useOrgTree(!disabled);
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword.trim(), 300);
  const search = useOrgs({ keyword: debounced, page: 1, pageSize: 50 }, { enabled: !!debounced });

  // Remember every name seen, so a value picked from search results keeps its label afterwards.
  const seen = useRef(new Map<string, string>());
  tree.byId.forEach((o) => seen.current.set(o.id, o.name));
  search.data?.items.forEach((o) => seen.current.set(o.id, o.name));

  const ids = props.value == null ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const unknownIds = ids.filter((v) => !seen.current.has(v) && !labelHints?.[v]);
  const resolved = useQueries({ queries: unknownIds.map((v) => ({ ...orgDetailQuery(v), staleTime: 5 * 60_000 })) });
  resolved.forEach((r) => r.data && seen.current.set(r.data.id, r.data.name));
  const labelOf = (v: string) => seen.current.get(v) ?? labelHints?.[v] ?? '加载中…';

  const treeData = useMemo<OrgTreeNode[]>(() => {
    if (debounced) {
      return (search.data?.items ?? []).map((o) => ({ key: o.id, value: o.id, title: orgTitle(o), isLeaf: true }));
    }
    return buildOrgNodes<OrgTreeNode>(
      tree,
      (o, children) => ({ key: o.id, value: o.id, title: orgTitle(o), isLeaf: o.childCount === 0, children }),
      (parentId, shown, total) => ({
        key: `${parentId ?? 'root'}__more`,
        value: `${parentId ?? 'root'}__more`,
        title: `仅显示前 ${shown} 个（共 ${total} 个），请输入名称搜索`,
        isLeaf: true,
        selectable: false,
        disabled: true,
      }),
    );
  }, [debounced, search.data, tree]);

  const loading = (debounced && search.isFetching) || tree.rootLoading;
  const common = {
    id,
    style: { width: '100%', ...style },
    placeholder,
    disabled,
    allowClear,
    labelInValue: true as const,
    treeData,
    loadData: debounced ? undefined : (node: { value?: string | number }) => tree.loadChildren(String(node.value)),
    showSearch: true,
    searchValue: keyword,
    onSearch: setKeyword,
    filterTreeNode: false,
    treeNodeFilterProp: 'title',
    notFoundContent: loading ? <Spin size="small" /> : debounced ? '无匹配机构' : '暂无机构',
    popupMatchSelectWidth: false,
    styles: { popup: { root: { minWidth: 280, maxHeight: 420 } } },
  };

  if (props.multiple) {
    const { onChange } = props;
    return (
      <TreeSelect<Labeled[]>
        {...common}
        multiple
        treeCheckable
        treeCheckStrictly
        showCheckedStrategy={TreeSelect.SHOW_ALL}
        maxTagCount="responsive"
        value={ids.map((v) => ({ value: v, label: labelOf(v) }))}
        onChange={(vals) => {
          setKeyword('');
          onChange?.((vals ?? []).map((x) => String(x.value)));
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <TreeSelect<Labeled | undefined>
      {...common}
      value={ids[0] ? { value: ids[0], label: labelOf(ids[0]) } : undefined}
      onChange={(val) => {
        setKeyword('');
        onChange?.(val ? String(val.value) : undefined);
      }}
    />
  );
}
