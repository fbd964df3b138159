import { PageContainer } from '@ant-design/pro-components';
import { Badge, Button, Card, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useInbox, useMarkRead, type InboxItem } from './api';

/** 我的消息: 待办提醒、超期预警、催办、抄送 …, newest first; reading one opens the case or task it is about. */
export function InboxPage() {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInbox({ page, pageSize: 20, unreadOnly });
  const markRead = useMarkRead();
  const navigate = useNavigate();

  const open = (m: InboxItem) => {
    if (!m.readAt) markRead.mutate(m.id);
    if (m.link) navigate(m.link);
  };

  return (
    <PageContainer title={<PageTitle>我的消息</PageTitle>}>
      <Card
        title={<Segmented value={unreadOnly ? 'unread' : 'all'} onChange={(v) => { setUnreadOnly(v === 'unread'); setPage(1); }} options={[{ label: '全部', value: 'all' }, { label: `未读（${inbox.data?.unread ?? 0}）`, value: 'unread' }]} />}
        extra={<Button onClick={() => markRead.mutate('all')} disabled={!inbox.data?.unread}>全部标为已读</Button>}
      >
        <List
          loading={inbox.isLoading}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: unreadOnly ? '没有未读消息' : '暂无消息' }}
          pagination={{ current: page, pageSize: 20, total: inbox.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
          renderItem={(m) => (
            <List.Item
              actions={[m.link ? <Button key="open" type="link" onClick={() => open(m)}>去办理</Button> : !m.readAt ? <Button key="read" type="link" onClick={() => markRead.mutate(m.id)}>标为已读</Button> : null]}
            >
              <List.Item.Meta
                title={<Space>{!m.readAt && <Badge status="processing" />}<Typography.Text strong={!m.readAt}>{m.title}</Typography.Text></Space>}
                description={<Space direction="vertical" size={0}><span>{m.body}</span><Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text></Space>}
              />
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}
