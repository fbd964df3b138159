import { Alert, Space, Tag, Typography } from 'antd';
import type { SupplementRequest } from '@jsga/contracts';
import { formatDateTime } from '../../../app/ui';

/** 补件中: what the applicant was told to hand in again (一次性告知), why and when. */
export function SupplementRequestAlert({ request }: { request: SupplementRequest }) {
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      aria-label="补件告知"
      message={`已于 ${formatDateTime(request.at)} 一次性告知补件，等待申请人补正`}
      description={
        <>
          {request.materials.length > 0 && (
            <div style={{ marginBottom: 4 }}>
              <Typography.Text type="secondary">需补正的材料：</Typography.Text>
              <Space size={[4, 4]} wrap>
                {request.materials.map((m) => (
                  <Tag key={m.code} color="orange" title={m.code} style={{ marginInlineEnd: 0 }}>
                    {m.name}
                  </Tag>
                ))}
              </Space>
            </div>
          )}
          <div>
            <Typography.Text type="secondary">补件原因：</Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{request.reason}</Typography.Text>
          </div>
        </>
      }
    />
  );
}
