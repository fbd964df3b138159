import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../app/ui';
import { useInbox, useMarkRead, useUnreadCount, type InboxItem } from './api';

/** Header bell: unread count, the latest unread messages, one click to the business page. */
export function MessageBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const latest = useInbox({ page: 1, pageSize: 8, unreadOnly: true }, open);
  const markRead = useMarkRead();
  const count = unread.data?.count ?? 0;

  const openItem = (m: InboxItem) => {
    markRead.mutate(m.id);
    setOpen(false);
    if (m.link) navigate(m.link);
  };

  const content = (
    <div style={{ width: 340 }}>
      {latest.data?.items.length ? (
        <List
          size="small"
          dataSource={latest.data.items}
          renderItem={(m) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => openItem(m)} data-testid="bell-item">
              <List.Item.Meta title={m.title} description={<Space direction="vertical" size={0}><span>{m.body}</span><Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text></Space>} />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未读消息" />
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Button type="link" size="small" disabled={!count} onClick={() => markRead.mutate('all')}>全部已读</Button>
        <Button type="link" size="small" onClick={() => { setOpen(false); navigate('/messages'); }}>查看全部消息</Button>
      </Space>
    </div>
  );

  return (
    <Popover content={content} title="消息" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={count} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} aria-label={count ? `消息，${count} 条未读` : '消息'} data-testid="message-bell" />
      </Badge>
    </Popover>
  );
}
