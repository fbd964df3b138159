import { useState } from 'react';
import { Button, Dropdown, Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, CheckOutlined, DownOutlined, SwapOutlined } from '@ant-design/icons';
import type { MeView } from '@jsga/contracts';

export const positionLabel = (p: { title: string; orgName: string }) => `${p.title} · ${p.orgName}`;

/**
 * Current position "岗位名称 · 机构名称". With more than one position it is a dropdown that
 * switches the session's position (permissions and data scope follow the position).
 */
export function PositionSwitcher({ me, onSwitch }: { me: MeView; onSwitch: (positionId: string) => Promise<unknown> }) {
  const [switching, setSwitching] = useState(false);
  const current = me.currentPosition;
  const positions = me.user.positions;

  if (positions.length <= 1) {
    return (
      <Typography.Text data-testid="current-position" style={{ whiteSpace: 'nowrap' }}>
        <ApartmentOutlined style={{ marginRight: 6 }} />
        {positionLabel(current)}
      </Typography.Text>
    );
  }

  const handleSelect = async (positionId: string) => {
    if (positionId === current.id || switching) return;
    setSwitching(true);
    try {
      await onSwitch(positionId);
    } catch {
      // the request layer already told the user
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current.id],
        onClick: ({ key }) => void handleSelect(key),
        items: [
          { key: 'title', type: 'group', label: '切换岗位' },
          ...positions.map((p) => ({
            key: p.id,
            label: (
              <Space size={6} data-testid={`position-option-${p.id}`}>
                {p.id === current.id ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />}
                <span>{positionLabel(p)}</span>
                {p.isPrimary && <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>主岗</Tag>}
              </Space>
            ),
          })),
        ],
      }}
    >
      <Button type="text" size="small" loading={switching} data-testid="position-switcher" title="切换岗位">
        <SwapOutlined />
        <span data-testid="current-position">{positionLabel(current)}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
