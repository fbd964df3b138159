import { useState } from 'react';
import { Button, Card, Col, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import {
  AlertOutlined, ApartmentOutlined, BankOutlined, CarOutlined, ClusterOutlined, DesktopOutlined, GlobalOutlined, IdcardOutlined, LockOutlined,
  QuestionCircleOutlined, SafetyOutlined, TeamOutlined, ThunderboltOutlined, EnvironmentOutlined, NodeIndexOutlined, SwapOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { matterZoneLabels, policeTypeLabels, type MatterZone, type PoliceType } from '@jsga/contracts';
import { HelpDrawer } from './components/HelpDrawer';
import { SearchBox } from './components/SearchBox';
import { useFeaturedMatters } from './api';
import { formatDays, formatVisits, handlingWays, matterPath } from './labels';

const policeIcons: Record<PoliceType, React.ReactNode> = {
  zhian: <SafetyOutlined />, jiaoguan: <CarOutlined />, churujing: <GlobalOutlined />, neibao: <BankOutlined />, jindu: <AlertOutlined />,
  wangan: <DesktopOutlined />, jianguan: <LockOutlined />, renkou: <TeamOutlined />, kexin: <ClusterOutlined />,
};
const zoneIcons: Record<MatterZone, React.ReactNode> = {
  one_thing: <ThunderboltOutlined />, province_wide: <EnvironmentOutlined />, cross_province: <SwapOutlined />, yangtze_delta: <NodeIndexOutlined />,
};
const zoneNotes: Record<MatterZone, string> = {
  one_thing: '多个事项一次办', province_wide: '省内就近办理', cross_province: '异地办理不用跑', yangtze_delta: '沪苏浙皖一体办',
};

/** 公众门户首页: search, 警种服务, 专区, 热门事项, 在线帮助. */
export function PortalHomePage() {
  const featured = useFeaturedMatters();
  const [helpOpen, setHelpOpen] = useState(false);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>公安政务服务 · 网上办事大厅</Typography.Title>
        <Typography.Paragraph type="secondary">查询办事指南、在线导办，一次告知所需材料。无需登录。</Typography.Paragraph>
        <SearchBox />
      </Card>

      <Card title="警种服务" id="police-types">
        <Row gutter={[12, 12]}>
          {(Object.keys(policeTypeLabels) as PoliceType[]).map((p) => (
            <Col key={p} xs={8} sm={6} md={4} lg={3}>
              <Link className="portal-tile" to={`/portal/search?policeType=${p}`} aria-label={`${policeTypeLabels[p]}服务事项`}>
                {policeIcons[p]}
                <span>{policeTypeLabels[p]}</span>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>

      <Card title="服务专区" id="zones">
        <Row gutter={[12, 12]}>
          {(Object.keys(matterZoneLabels) as MatterZone[]).map((z) => (
            <Col key={z} xs={12} md={6}>
              <Link className="portal-tile" to={`/portal/search?zone=${z}`} aria-label={`${matterZoneLabels[z]}专区`}>
                {zoneIcons[z]}
                <span>{matterZoneLabels[z]}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{zoneNotes[z]}</Typography.Text>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title="热门事项" extra={<Link to="/portal/search">全部事项</Link>}>
            {featured.isLoading ? (
              <Skeleton active />
            ) : featured.items.length === 0 ? (
              <Empty description="暂无热门事项" />
            ) : (
              <section aria-label="热门事项"><List
                dataSource={featured.items}
                renderItem={(m) => (
                  <List.Item key={m.code} actions={[<Link key="go" to={matterPath(m.code)} aria-label={`查看${m.name}办事指南`}>办事指南</Link>]}>
                    <List.Item.Meta
                      avatar={<IdcardOutlined style={{ fontSize: 22, color: '#1d4ed8' }} />}
                      title={<Link to={matterPath(m.code)}>{m.name}</Link>}
                      description={
                        <Space size={4} wrap>
                          {m.policeType && <Tag color="blue">{policeTypeLabels[m.policeType]}</Tag>}
                          {handlingWays(m).map((w) => <Tag key={w}>{w}</Tag>)}
                          <span>承诺时限：{formatDays(m.promisedLimitDays)}</span>
                          <span>{formatVisits(m.visits)}</span>
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              /></section>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="在线帮助">
            <Typography.Paragraph>不知道怎么办？先看常见问题，或使用在线导办，按您的情况生成材料清单。</Typography.Paragraph>
            <Space direction="vertical" style={{ width: '100%' }} className="portal-actions">
              <Button block size="large" icon={<QuestionCircleOutlined />} onClick={() => setHelpOpen(true)}>常见问题</Button>
              <Typography.Text type="secondary"><ApartmentOutlined /> 咨询电话：12345 政务服务便民热线</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
      <HelpDrawer open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Space>
  );
}
