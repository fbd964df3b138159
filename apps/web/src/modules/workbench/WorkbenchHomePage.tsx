import { PageContainer } from '@ant-design/pro-components';
import { Avatar, Card, Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { dataScopeLabels, userTypeLabels } from '@jsga/contracts';
import { useAuth } from '../../app/auth-context';
import { formatDateTime, PageTitle } from '../../app/ui';
import { MyDesk } from './MyDesk';

function greeting(): string {
  const h = new Date().getHours();
  if (h < 6) return '夜深了';
  if (h < 12) return '上午好';
  if (h < 14) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}

/** 工作台 / 我的主页: who is logged in, in which position and data scope, and their work at a glance. */
export function WorkbenchHomePage() {
  const { me } = useAuth();
  if (!me) return null;
  const { user, currentPosition: position } = me;
  return (
    <PageContainer title={<PageTitle>工作台</PageTitle>}>
      <Card data-testid="welcome-card">
        <Space align="start" size={16} style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Space align="start" size={16}>
            <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1d4ed8' }} />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {greeting()}，{user.displayName}
              </Typography.Title>
              <Typography.Text type="secondary">
                {userTypeLabels[user.userType]}
                {user.policeNo ? ` · 警号 ${user.policeNo}` : ''} · {user.username}
              </Typography.Text>
            </div>
          </Space>
          <Space size={32}>
            <Statistic title="权限数" value={me.permissions.length} />
            <Statistic title="岗位数" value={user.positions.length} />
          </Space>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 20 }} bordered>
          <Descriptions.Item label="当前岗位">
            {position.title}
            {position.isPrimary && (
              <Tag color="blue" bordered={false} style={{ marginInlineStart: 6 }}>
                主岗
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="岗位机构">{position.orgName}</Descriptions.Item>
          <Descriptions.Item label="数据范围">{dataScopeLabels[me.dataScope]}</Descriptions.Item>
          <Descriptions.Item label="岗位角色">{position.roleNames.length ? position.roleNames.join('、') : '-'}</Descriptions.Item>
          <Descriptions.Item label="所属单位">{user.orgName}</Descriptions.Item>
          <Descriptions.Item label="会话有效期至">{formatDateTime(me.sessionExpiresAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <MyDesk />
    </PageContainer>
  );
}
