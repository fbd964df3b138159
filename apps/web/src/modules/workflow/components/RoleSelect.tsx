import { Input, Select } from 'antd';
import { useRoles } from '../api';

/** Picks a role by code (identity roles); falls back to typing the code when roles cannot be listed. */
export function RoleSelect({ value, onChange, id, ariaLabel }: { value?: string | null; onChange: (code: string) => void; id?: string; ariaLabel?: string }) {
  const roles = useRoles();
  if (!roles.allowed || roles.isError) {
    return <Input id={id} aria-label={ariaLabel} value={value ?? ''} placeholder="角色代码，如 approver" onChange={(e) => onChange(e.target.value.trim())} />;
  }
  const options = (roles.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch
      allowClear
      loading={roles.isLoading}
      optionFilterProp="label"
      placeholder="选择办理角色"
      value={value || undefined}
      onChange={(v: string | undefined) => onChange(v ?? '')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

/** Role code → name, for read-only display. */
export function useRoleNames(): (code: string | null | undefined) => string {
  const roles = useRoles();
  const map = new Map((roles.data?.items ?? []).map((r) => [r.code, r.name]));
  return (code) => (code ? map.get(code) ?? code : '-');
}
