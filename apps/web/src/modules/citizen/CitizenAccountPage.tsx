import { Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCitizenMe } from './api';
import { ActingForCard } from './account/ActingForCard';
import { AgentsCard } from './account/AgentsCard';
import { CompanyRegisterCard } from './account/CompanyRegisterCard';
import { ConsentCard } from './account/ConsentCard';
import { ProfileCard } from './account/ProfileCard';

/** 个人中心 (/portal/account): the citizen, the consent, the identity they act under, their companies and agents. */
export function CitizenAccountPage() {
  const me = useCitizenMe();
  if (me.isError) {
    return <Result status="error" title="个人信息加载失败" subTitle="请稍后重试。" extra={<Button type="primary" onClick={() => void me.refetch()}>重试</Button>} />;
  }
  if (!me.data) return <Card><Skeleton active /></Card>;
  const m = me.data;
  const represented = m.actingFor?.role === 'legal_representative' ? m.actingFor : null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary"><Link to="/portal">首页</Link> / 个人中心</Typography.Text>
      <Typography.Title level={3} style={{ margin: 0 }}>个人中心</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ProfileCard me={m} />
            <ConsentCard me={m} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ActingForCard me={m} />
            {represented && <AgentsCard key={represented.creditCode} company={represented} />}
            <CompanyRegisterCard />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
