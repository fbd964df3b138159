import { Select, Tooltip } from 'antd';
import { useRoleOptions } from '../api';

/** Multi-select of the roles the caller may assign. Values are role ids. */
export function RoleSelect({ value, onChange, id, disabled }: { value?: string[]; onChange?: (v: string[]) => void; id?: string; disabled?: boolean }) {
  const roles = useRoleOptions();
  const options = (roles.data?.items ?? []).map((r) => ({
    value: r.id,
    label: r.name,
    title: r.description || r.code,
    search: `${r.name} ${r.code}`,
  }));
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={roles.isPending}
      options={options}
      optionFilterProp="search"
      optionRender={(o) => (
        <Tooltip title={o.data.title} placement="right">
          <span>{o.label}</span>
        </Tooltip>
      )}
      placeholder="选择角色"
      maxTagCount="responsive"
      style={{ width: '100%' }}
    />
  );
}
