import { Alert, Checkbox, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import type { MatterMaterialChoice } from './useMatterMaterials';

interface Props {
  materials: MatterMaterialChoice[];
  loading: boolean;
  /** The matter's list could not be loaded: only the case's own materials are offered. */
  failed: boolean;
  value?: string[];
  onChange?: (codes: string[]) => void;
}

/** 补件: one tick-box per material of the matter (none ticked at first), for the ones to hand in again or correct. */
export function SupplementMaterialsField({ materials, loading, failed, value, onChange }: Props) {
  if (loading) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  return (
    <>
      {failed && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message="无法加载本事项的材料清单，下面只列出办件已有的材料" />}
      {materials.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可勾选的材料，请在补件原因中写明需补正的内容" />
      ) : (
        <div role="group" aria-label="需补正的材料" style={{ maxHeight: 260, overflowY: 'auto' }}>
          <Checkbox.Group value={value ?? []} onChange={(v) => onChange?.(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {materials.map((m) => (
              <Checkbox key={m.code} value={m.code}>
                <Space size={4} wrap>
                  {m.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.code}</Typography.Text>
                  {m.required && <Tag style={{ marginInlineEnd: 0 }}>必要</Tag>}
                  {m.provided && <Tag color="success" style={{ marginInlineEnd: 0 }}>已提交</Tag>}
                </Space>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </div>
      )}
    </>
  );
}
