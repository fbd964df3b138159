import { useMemo } from 'react';
import { Button, Card, Checkbox, Col, Row, Space, Tag, Typography } from 'antd';
import type { PermissionDef, PermissionType } from '@jsga/contracts';

export const permissionTypeTag: Record<PermissionType, { label: string; color: string }> = {
  menu: { label: '菜单', color: 'blue' },
  button: { label: '按钮', color: 'green' },
  api: { label: '接口', color: 'orange' },
};

export function groupPermissions(defs: readonly PermissionDef[]): { group: string; items: PermissionDef[] }[] {
  const groups = new Map<string, PermissionDef[]>();
  for (const d of defs) {
    const list = groups.get(d.group) ?? [];
    list.push(d);
    groups.set(d.group, list);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

interface Props {
  defs: readonly PermissionDef[];
  value?: string[];
  onChange?: (codes: string[]) => void;
  disabled?: boolean;
}

/**
 * Permission codes grouped by `group`, each with its type tag. Granting a button/API permission also
 * grants its group's menu permission (the page must be reachable). Codes unknown to `defs` are kept.
 */
export function PermissionChecklist({ defs, value = [], onChange, disabled }: Props) {
  const groups = useMemo(() => groupPermissions(defs), [defs]);
  const selected = new Set(value);
  const emit = (next: Set<string>) => onChange?.([...next]);

  const toggle = (def: PermissionDef, items: PermissionDef[], checked: boolean) => {
    const next = new Set(selected);
    if (checked) {
      next.add(def.code);
      if (def.type !== 'menu') items.filter((i) => i.type === 'menu').forEach((m) => next.add(m.code));
    } else {
      next.delete(def.code);
    }
    emit(next);
  };

  const toggleGroup = (items: PermissionDef[], checked: boolean) => {
    const next = new Set(selected);
    items.forEach((i) => (checked ? next.add(i.code) : next.delete(i.code)));
    emit(next);
  };

  const known = defs.filter((d) => selected.has(d.code)).length;

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          已选 {known} / {defs.length} 项
        </Typography.Text>
        <Button size="small" type="link" disabled={disabled} onClick={() => emit(new Set([...selected, ...defs.map((d) => d.code)]))}>
          全选
        </Button>
        <Button size="small" type="link" disabled={disabled} onClick={() => emit(new Set([...selected].filter((c) => !defs.some((d) => d.code === c))))}>
          清空
        </Button>
      </Space>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        {groups.map(({ group, items }) => {
          const count = items.filter((i) => selected.has(i.code)).length;
          return (
            <Card
              key={group}
              size="small"
              data-testid={`permission-group-${group}`}
              title={
                <Checkbox
                  checked={count === items.length}
                  indeterminate={count > 0 && count < items.length}
                  disabled={disabled}
                  onChange={(e) => toggleGroup(items, e.target.checked)}
                >
                  {group}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
                    {count}/{items.length}
                  </Typography.Text>
                </Checkbox>
              }
              styles={{ body: { padding: '8px 12px' } }}
            >
              <Row gutter={[8, 4]}>
                {items.map((def) => (
                  <Col span={12} key={def.code}>
                    <Checkbox checked={selected.has(def.code)} disabled={disabled} onChange={(e) => toggle(def, items, e.target.checked)}>
                      <Tag color={permissionTypeTag[def.type].color} bordered={false} style={{ marginInlineEnd: 4 }}>
                        {permissionTypeTag[def.type].label}
                      </Tag>
                      <span title={def.code}>{def.name}</span>
                    </Checkbox>
                  </Col>
                ))}
              </Row>
            </Card>
          );
        })}
      </Space>
    </div>
  );
}
