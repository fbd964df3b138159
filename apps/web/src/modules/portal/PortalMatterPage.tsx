import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Col, Collapse, Descriptions, Grid, List, QRCode, Result, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { CompassOutlined, FormOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  applicantTypeLabels, handlingModeLabels, matterChannelLabels, matterTypeLabels, matterZoneLabels, policeTypeLabels, type PublicMatterGuide,
} from '@jsga/contracts';
import { isApiError } from '../../app/request';
import { MaterialsView } from './components/MaterialsView';
import { usePortalGuide, usePortalMatters } from './api';
import { formatDays, formatFen, formatVisits, guidePath, handlingWays, matterPath } from './labels';

const joined = <K extends string>(labels: Record<K, string>, values: readonly K[]) => (values.length ? values.map((v) => labels[v]).join('、') : '无');
const Para = ({ text, empty = '无' }: { text: string; empty?: string }) =>
  text.trim() ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph> : <Typography.Text type="secondary">{empty}</Typography.Text>;

type Section = { key: string; title: string; body: ReactNode };

function sectionsOf(g: PublicMatterGuide, compact: boolean): Section[] {
  const s: Section[] = [
    { key: 'basic', title: '基本信息', body: (
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label="事项编码">{g.code}</Descriptions.Item>
        <Descriptions.Item label="事项类型">{matterTypeLabels[g.matterType]}</Descriptions.Item>
        <Descriptions.Item label="所属警种">{g.policeType ? policeTypeLabels[g.policeType] : '无'}</Descriptions.Item>
        <Descriptions.Item label="服务对象">{joined(applicantTypeLabels, g.applicantTypes)}</Descriptions.Item>
        <Descriptions.Item label="办件类型">{joined(handlingModeLabels, g.handlingModes)}</Descriptions.Item>
        <Descriptions.Item label="办理渠道">{joined(matterChannelLabels, g.channels)}</Descriptions.Item>
        <Descriptions.Item label="办理方式">{handlingWays(g).join('、') || '无'}</Descriptions.Item>
        <Descriptions.Item label="服务专区">{joined(matterZoneLabels, g.zones)}</Descriptions.Item>
      </Descriptions>
    ) },
    { key: 'conditions', title: '受理条件', body: <Para text={g.conditions} empty="无特别条件" /> },
    { key: 'materials', title: `申请材料（${g.materials.length}）`, body: (
      <>
        {g.materials.some((m) => m.situational) && (
          <Alert type="info" showIcon style={{ marginBottom: 8 }} message="标注“特定情形”的材料仅在相应情形下需要，使用在线导办可生成您的专属材料清单。" />
        )}
        <MaterialsView materials={g.materials} compact={compact} caption="申请材料" />
      </>
    ) },
    { key: 'flow', title: '办理流程', body: g.guide.flow.length === 0 ? <Typography.Text type="secondary">暂无</Typography.Text> : (
      <Steps direction="vertical" size="small" current={-1} items={g.guide.flow.map((f, i) => ({ title: f.title, description: f.description, status: 'wait', icon: <Tag color="blue" style={{ marginInlineEnd: 0 }}>{i + 1}</Tag> }))} />
    ) },
    { key: 'place', title: '办理地点与时间', body: (
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="办理地点">{g.guide.place || '无'}</Descriptions.Item>
        <Descriptions.Item label="办公时间">{g.guide.hours || '无'}</Descriptions.Item>
        <Descriptions.Item label="咨询电话">{g.guide.phone ? <a href={`tel:${g.guide.phone.replace(/[^\d-]/g, '')}`}>{g.guide.phone}</a> : '无'}</Descriptions.Item>
      </Descriptions>
    ) },
    { key: 'fees', title: '收费标准', body: (
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="收费金额">{formatFen(g.feeFen)}</Descriptions.Item>
        {g.feeNote && <Descriptions.Item label="收费说明">{g.feeNote}</Descriptions.Item>}
      </Descriptions>
    ) },
    { key: 'limits', title: '办理时限', body: (
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="法定办结时限">{formatDays(g.statutoryLimitDays)}</Descriptions.Item>
        <Descriptions.Item label="承诺办结时限">{formatDays(g.promisedLimitDays)}</Descriptions.Item>
        <Descriptions.Item label="跑动次数">{formatVisits(g.visits)}</Descriptions.Item>
      </Descriptions>
    ) },
    { key: 'basis', title: '设定依据', body: <Para text={g.legalBasis} /> },
  ];
  if (g.guide.notes.trim()) s.push({ key: 'notes', title: '注意事项', body: <Para text={g.guide.notes} /> });
  s.push({ key: 'faq', title: '常见问题', body: g.guide.faq.length === 0 ? <Typography.Text type="secondary">暂无</Typography.Text> : (
    <List
      dataSource={g.guide.faq}
      renderItem={(f, i) => (
        <List.Item key={i} style={{ display: 'block' }}>
          <Typography.Text strong>问：{f.question}</Typography.Text>
          <Typography.Paragraph style={{ marginBottom: 0 }}>答：{f.answer}</Typography.Paragraph>
        </List.Item>
      )}
    />
  ) });
  return s;
}

function RelatedMatters({ g }: { g: PublicMatterGuide }) {
  const related = usePortalMatters({ policeType: g.policeType ?? undefined, page: 1, pageSize: 7 }, !!g.policeType);
  const items = (related.data?.items ?? []).filter((m) => m.code !== g.code).slice(0, 6);
  if (!g.policeType) return null;
  return (
    <Card title="相关事项" size="small" className="no-print" extra={<Link to={`/portal/search?policeType=${g.policeType}`}>更多</Link>}>
      {related.isLoading ? <Skeleton active paragraph={{ rows: 3 }} /> : items.length === 0 ? <Typography.Text type="secondary">暂无</Typography.Text> : (
        <section aria-label="相关事项"><List size="small" dataSource={items} renderItem={(m) => <List.Item key={m.code}><Link to={matterPath(m.code)}>{m.name}</Link></List.Item>} /></section>
      )}
    </Card>
  );
}

function Actions({ g }: { g: PublicMatterGuide }) {
  const navigate = useNavigate();
  return (
    <Space wrap className="portal-actions no-print" style={{ width: '100%' }}>
      <Button type="primary" size="large" icon={<CompassOutlined />} onClick={() => navigate(guidePath(g.code))}>在线导办</Button>
      <Button size="large" icon={<FormOutlined />} title="先按您的情况确认材料，再到窗口或网上办理" onClick={() => navigate(guidePath(g.code))}>开始办理</Button>
      <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>打印指南</Button>
    </Space>
  );
}

/** 办事指南: every section of the published guide; anchors beside it on a wide screen, collapsible sections on a phone. */
export function PortalMatterPage() {
  const { code = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const guide = usePortalGuide(code);

  if (guide.isLoading) return <Card><Skeleton active /></Card>;
  if (guide.isError || !guide.data) {
    const notFound = isApiError(guide.error) && guide.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '事项不存在或未发布' : '办事指南加载失败'}
        subTitle={notFound ? '请返回首页重新搜索。' : '请稍后重试。'}
        extra={notFound ? <Link to="/portal">返回首页</Link> : <Button type="primary" onClick={() => guide.refetch()}>重试</Button>}
      />
    );
  }
  const g = guide.data;
  const sections = sectionsOf(g, !screens.md);
  const pageUrl = `${window.location.origin}${matterPath(g.code)}`;

  const header = (
    <Card>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{g.name}</Typography.Title>
        <Space size={4} wrap>
          {g.policeType && <Tag color="blue">{policeTypeLabels[g.policeType]}</Tag>}
          {g.zones.map((z) => <Tag key={z} color="green">{matterZoneLabels[z]}</Tag>)}
          {handlingWays(g).map((w) => <Tag key={w}>{w}</Tag>)}
        </Space>
        <Row gutter={[8, 8]}>
          {[['承诺时限', formatDays(g.promisedLimitDays)], ['法定时限', formatDays(g.statutoryLimitDays)], ['跑动次数', formatVisits(g.visits)], ['收费', formatFen(g.feeFen)]].map(([k, v]) => (
            <Col key={k} xs={12} md={6}>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{k}</Typography.Text>
              <Typography.Text strong>{v}</Typography.Text>
            </Col>
          ))}
        </Row>
        <Actions g={g} />
      </Space>
    </Card>
  );

  const qr = (
    <Card size="small" title="手机扫码查看" className="no-print" style={{ textAlign: 'center' }}>
      <QRCode value={pageUrl} size={140} style={{ margin: '0 auto' }} aria-label="本页二维码" bordered={false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>用手机扫码，在手机上打开本指南</Typography.Text>
    </Card>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary" className="no-print"><Link to="/portal">首页</Link> / 办事指南</Typography.Text>
      {header}
      {wide ? (
        <Row gutter={16}>
          <Col span={18}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {sections.map((s) => <Card key={s.key} id={`guide-${s.key}`} title={s.title}>{s.body}</Card>)}
            </Space>
          </Col>
          <Col span={6}>
            <Space direction="vertical" size={16} style={{ width: '100%', position: 'sticky', top: 16 }}>
              <Card size="small" className="no-print">
                <nav aria-label="指南目录"><Anchor offsetTop={16} items={sections.map((s) => ({ key: s.key, href: `#guide-${s.key}`, title: s.title }))} /></nav>
              </Card>
              {qr}
              <RelatedMatters g={g} />
            </Space>
          </Col>
        </Row>
      ) : (
        <>
          <Collapse
            defaultActiveKey={['basic', 'conditions', 'materials']}
            items={sections.map((s) => ({ key: s.key, label: <Typography.Text strong>{s.title}</Typography.Text>, children: s.body }))}
          />
          {screens.md && qr}
          <RelatedMatters g={g} />
        </>
      )}
    </Space>
  );
}
