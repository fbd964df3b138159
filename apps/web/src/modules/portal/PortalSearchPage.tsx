import { Alert, Button, Card, Col, Empty, Grid, List, Row, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import {
  matterZoneLabels, MatterZone, PoliceType, policeTypeLabels, type PublicMatterSummary,
} from '@jsga/contracts';
import { usePortalMatters, useSuggestions } from './api';
import { formatDays, formatFen, formatVisits, handlingWays, matterPath } from './labels';

const PAGE_SIZE = 10;
const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

function MatterItem({ m }: { m: PublicMatterSummary }) {
  return (
    <List.Item key={m.code}>
      <List.Item.Meta
        title={<Link to={matterPath(m.code)} style={{ fontSize: 16 }}>{m.name}</Link>}
        description={
          <Space direction="vertical" size={4}>
            <Space size={4} wrap>
              {m.policeType && <Tag color="blue">{policeTypeLabels[m.policeType]}</Tag>}
              {m.zones.map((z) => <Tag key={z} color="green">{matterZoneLabels[z]}</Tag>)}
              {handlingWays(m).map((w) => <Tag key={w}>{w}</Tag>)}
            </Space>
            <Typography.Text type="secondary">
              承诺时限：{formatDays(m.promisedLimitDays)}　{formatVisits(m.visits)}　收费：{formatFen(m.feeFen)}
            </Typography.Text>
          </Space>
        }
      />
    </List.Item>
  );
}

/** "您是不是要找": the typo-tolerant suggestions for a keyword the catalogue search found nothing for. */
function DidYouMean({ q }: { q: string }) {
  const s = useSuggestions(q);
  const items = s.data?.items ?? [];
  if (s.isPlaceholderData || items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={
        <span>
          您是不是要找：
          {items.slice(0, 5).map((m, i) => (
            <span key={m.code}>
              {i > 0 && '、'}
              <Link to={matterPath(m.code)}>{m.name}</Link>
            </span>
          ))}
        </span>
      }
    />
  );
}

/** 事项搜索结果: keyword, police type and zone filters from the address, paged. */
export function PortalSearchPage() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = params.get('q')?.trim() ?? '';
  const policeType = PoliceType.safeParse(params.get('policeType')).data;
  const zone = MatterZone.safeParse(params.get('zone')).data;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = usePortalMatters({ keyword: q || undefined, policeType, zone, page, pageSize: PAGE_SIZE });
  const total = list.data?.total ?? 0;

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const title = [q && `“${q}”`, policeType && `${policeTypeLabels[policeType]}`, zone && matterZoneLabels[zone]].filter(Boolean).join(' · ') || '全部事项';
  const noResult = !list.isLoading && !list.isPlaceholderData && total === 0;

  return (
    <Card title={<span style={{ whiteSpace: 'normal' }}>搜索结果：{title}</span>}>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} md={8}>
          <Select
            aria-label="按警种筛选"
            allowClear
            placeholder="全部警种"
            value={policeType}
            onChange={(v?: string) => update({ policeType: v })}
            options={optionsOf(policeTypeLabels)}
            style={{ width: '100%' }}
            size={screens.md ? 'middle' : 'large'}
          />
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Select
            aria-label="按专区筛选"
            allowClear
            placeholder="全部专区"
            value={zone}
            onChange={(v?: string) => update({ zone: v })}
            options={optionsOf(matterZoneLabels)}
            style={{ width: '100%' }}
            size={screens.md ? 'middle' : 'large'}
          />
        </Col>
        {(q || policeType || zone) && (
          <Col xs={24} md={8}>
            <Button onClick={() => setParams(new URLSearchParams())} size={screens.md ? 'middle' : 'large'} block={!screens.md}>清除条件</Button>
          </Col>
        )}
      </Row>

      {list.isError && <Alert type="error" showIcon message="查询失败，请稍后重试" style={{ marginBottom: 12 }} />}
      {noResult && q && <DidYouMean q={q} />}
      {noResult && !list.isError ? (
        <Empty description={q ? `没有找到与“${q}”相关的事项，请换个关键字或减少筛选条件` : '该条件下暂无可办理的事项'} />
      ) : (
        <section aria-label="搜索结果"><List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          renderItem={(m) => <MatterItem m={m} />}
          pagination={total > PAGE_SIZE ? {
            current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, simple: !screens.md,
            showTotal: (t) => `共 ${t} 项`, onChange: (p) => update({ page: String(p) }),
          } : false}
          footer={total > 0 && total <= PAGE_SIZE ? <Typography.Text type="secondary">共 {total} 项</Typography.Text> : undefined}
        /></section>
      )}
    </Card>
  );
}
