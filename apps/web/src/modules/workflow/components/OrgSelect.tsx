import { useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../app/hooks';
import { workflowApi } from '../api';

/** Searches orgs (within the caller's data scope) by name or code and picks one by id. */
export function OrgSelect({ value, onChange, id, ariaLabel }: { value?: string | null; onChange: (orgId: string) => void; id?: string; ariaLabel?: string }) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword.trim(), 300);
  const orgs = useQuery({
    queryKey: ['workflow', 'org-search', debounced],
    queryFn: () => workflowApi.searchOrgs(debounced),
    enabled: debounced.length > 0,
    staleTime: 60_000,
  });
  const options = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: `已选单位 ${value.slice(0, 8)}…` });
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setKeyword}
      value={value || undefined}
      onChange={(v: string | undefined) => onChange(v ?? '')}
      options={options}
      placeholder="输入单位名称或代码搜索"
      notFoundContent={orgs.isFetching ? <Spin size="small" /> : debounced ? '未找到单位' : '请输入关键字搜索'}
      style={{ width: '100%' }}
    />
  );
}
