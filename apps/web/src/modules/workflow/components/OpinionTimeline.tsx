import { Empty, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../app/ui';
import type { OpinionView } from '../api';
import { opinionActionColors, opinionActionLabels } from './labels';

/** 审批意见: who did what at which node, oldest first. */
export function OpinionTimeline({ history }: { history: readonly OpinionView[] | undefined }) {
  if (!history || history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      items={sorted.map((o) => ({
        key: o.id,
        color: opinionActionColors[o.action] ?? 'blue',
        children: (
          <div>
            <div>
              <Typography.Text strong>{o.nodeName}</Typography.Text>{' '}
              <Tag color={opinionActionColors[o.action]}>{opinionActionLabels[o.action] ?? o.action}</Tag>
              <Typography.Text type="secondary">
                {o.userName ?? '系统'} · {formatDateTime(o.at)}
              </Typography.Text>
            </div>
            {o.opinion && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{o.opinion}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
