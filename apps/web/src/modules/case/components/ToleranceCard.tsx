import { useState } from 'react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import type { CaseView } from '@jsga/contracts';
import { notifyError } from '../../../app/form-errors';
import { formatDateTime } from '../../../app/ui';
import { fileBlob } from '../api';
import { FilePreviewModal } from '../../../app/FilePreviewModal';
import { daysUntil } from './labels';
import { SuppliedTag } from './ToleranceFields';

const viaLabels = { paper: '书面签字', online: '在线签署' } as const;

/** 容缺受理: the promised date (已逾期 in red), the applicant's promise (how and when signed, the file) and each missing material's state. */
export function ToleranceCard({ view }: { view: CaseView }) {
  const [file, setFile] = useState<Blob | null>(null);
  const [opening, setOpening] = useState(false);
  const t = view.tolerance;
  if (!t) return null;
  const waiting = view.status === 'tolerated';
  const left = waiting && !t.overdue ? daysUntil(t.deadline) : null;

  const open = async (fileId: string) => {
    setOpening(true);
    try {
      setFile(await fileBlob(fileId));
    } catch (e) {
      notifyError(e);
    } finally {
      setOpening(false);
    }
  };

  return (
    <Card size="small" title="容缺受理" style={{ marginBottom: 12 }} aria-label="容缺受理">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'deadline',
            label: '补交期限',
            children: (
              <Space size={4} wrap>
                <Typography.Text type={t.overdue ? 'danger' : undefined}>{t.deadline}</Typography.Text>
                {t.overdue && <Tag color="error" style={{ marginInlineEnd: 0 }}>已逾期</Tag>}
                {left !== null && <Typography.Text type={left <= 2 ? 'warning' : 'secondary'}>{left === 0 ? '今日到期' : `剩余 ${left} 天`}</Typography.Text>}
              </Space>
            ),
          },
          {
            key: 'promise',
            label: '承诺书',
            children: t.promise ? (
              <Space size={6} wrap>
                <Tag style={{ marginInlineEnd: 0 }}>{viaLabels[t.promise.via]}</Tag>
                {formatDateTime(t.promise.signedAt)}
                {t.promise.fileId && (
                  <Typography.Link onClick={() => !opening && void open(t.promise!.fileId!)}>
                    <FileTextOutlined /> 查看承诺书
                  </Typography.Link>
                )}
              </Space>
            ) : (
              <Tag color="warning" style={{ marginInlineEnd: 0 }}>待申请人签署</Tag>
            ),
          },
          {
            key: 'materials',
            label: '容缺材料',
            children: (
              <Space size={[12, 4]} wrap>
                {t.materials.map((m) => (
                  <Space key={m.code} size={4}>
                    {m.name}
                    <SuppliedTag supplied={m.supplied} />
                  </Space>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <FilePreviewModal file={file} title="容缺受理承诺书" fileName={`容缺受理承诺书-${view.caseNo}`} onClose={() => setFile(null)} />
    </Card>
  );
}
