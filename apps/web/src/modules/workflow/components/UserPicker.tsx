import { useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../app/request';
import { useDebouncedValue } from '../../../app/hooks';
import { workflowApi } from '../api';

interface Props {
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  id?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Users that may not be picked (e.g. the current handler). */
  excludeIds?: readonly string[];
}

/** Searches users by name, username or police number (identity users API) and picks one or several. */
export function UserPicker({ value, onChange, multiple, id, placeholder, autoFocus, excludeIds = [] }: Props) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword.trim(), 300);
  const users = useQuery({
    queryKey: ['workflow', 'user-search', debounced],
    queryFn: () => workflowApi.searchUsers(debounced),
    enabled: debounced.length > 0,
    staleTime: 60_000,
  });
  const forbidden = isApiError(users.error) && users.error.status === 403;
  const options = (users.data?.items ?? [])
    .filter((u) => !excludeIds.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）· ${u.orgName}` }));
  return (
    <Select
      id={id}
      showSearch
      allowClear
      autoFocus={autoFocus}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(v) => onChange?.(v)}
      filterOption={false}
      onSearch={setKeyword}
      placeholder={placeholder ?? '输入姓名、用户名或警号搜索'}
      options={options}
      notFoundContent={
        users.isFetching ? <Spin size="small" /> : forbidden ? '当前岗位无权查询用户，请联系管理员' : debounced ? '未找到用户' : '请输入关键字搜索'
      }
      style={{ width: '100%' }}
    />
  );
}
