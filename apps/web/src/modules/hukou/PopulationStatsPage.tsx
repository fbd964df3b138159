import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Empty, Grid, Progress, Row, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ethnicityLabels, hukouChangeKindLabels, sexLabels, type PopulationStats } from '@jsga/contracts';
import { PageTitle } from '../../app/ui';
import { labelOf, usePopulationStats } from './api';

/** Age bands in the order the server names them. */
export const ageBands = ['0-17', '18-34', '35-59', '60+'] as const;
const ageBandLabels: Record<string, string> = { '0-17': '0–17 岁', '18-34': '18–34 岁', '35-59': '35–59 岁', '60+': '60 岁及以上' };
/** How many ethnic groups are shown one by one; the rest are added up. */
export const TOP_ETHNICITIES = 8;

export interface ShareRow { key: string; label: string; count: number }
type Counts = PopulationStats['bySex'];

/** Share in per cent with one decimal. */
export const percentOf = (count: number, total: number) => (total ? Math.round((count / total) * 1000) / 10 : 0);

export function sexRows(rows: Counts): ShareRow[] {
  return [...rows].sort((a, b) => a.key.localeCompare(b.key)).map((r) => ({ key: r.key, label: labelOf(sexLabels, r.key), count: r.count }));
}

/** The four bands in order (an empty band shows 0), then any band the page does not know. */
export function ageRows(rows: Counts): ShareRow[] {
  const known = ageBands.map((b) => ({ key: b, label: ageBandLabels[b], count: rows.find((r) => r.key === b)?.count ?? 0 }));
  const other = rows.filter((r) => !(ageBands as readonly string[]).includes(r.key)).map((r) => ({ key: r.key, label: r.key, count: r.count }));
  return [...known, ...other];
}

/** The largest groups, then the others added up. */
export function ethnicityRows(rows: Counts, top = TOP_ETHNICITIES): ShareRow[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const shown = sorted.slice(0, top).map((r) => ({ key: r.key, label: labelOf(ethnicityLabels, r.key), count: r.count }));
  const rest = sorted.slice(top);
  if (!rest.length) return shown;
  return [...shown, { key: 'rest', label: `其余 ${rest.length} 个民族`, count: rest.reduce((n, r) => n + r.count, 0) }];
}

export interface MonthRow { month: string; counts: Record<string, number>; total: number }

/** Month × kind: every month from the first to the last one reported (a month without changes shows 0), and the kinds reported. */
export function monthlyTable(changes: PopulationStats['monthlyChanges']): { kinds: string[]; rows: MonthRow[] } {
  const order = Object.keys(hukouChangeKindLabels);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const kinds = [...new Set(changes.map((c) => c.kind))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const months = [...new Set(changes.map((c) => c.month))].sort();
  if (!months.length) return { kinds, rows: [] };
  const all: string[] = [];
  let [y, m] = months[0].split('-').map(Number);
  const last = months.at(-1) as string;
  // months come as YYYY-MM; anything else is listed as it came
  if (!Number.isFinite(y) || !Number.isFinite(m)) all.push(...months);
  else {
    for (let guard = 0; guard < 240; guard++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      all.push(key);
      if (key >= last) break;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
  }
  const rows = all.map((month) => {
    const counts: Record<string, number> = {};
    for (const c of changes) if (c.month === month) counts[c.kind] = (counts[c.kind] ?? 0) + c.count;
    return { month, counts, total: Object.values(counts).reduce((n, v) => n + v, 0) };
  });
  return { kinds, rows };
}

const monthLabel = (month: string) => {
  const [y, m] = month.split('-');
  return y && m ? `${y}年${Number(m)}月` : month;
};

/** A group's rows as bars: label, share bar, count and per cent. */
function ShareBars({ title, rows, unit = '人' }: { title: string; rows: ShareRow[]; unit?: string }) {
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {!total ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> : (
        <div role="list" aria-label={title}>
          {rows.map((r) => {
            const pct = percentOf(r.count, total);
            return (
              <div key={r.key} role="listitem" data-share={r.key} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '3px 0' }}>
                <span style={{ width: 96, flex: 'none' }}>{r.label}</span>
                <Progress percent={pct} showInfo={false} size="small" style={{ flex: 1, margin: 0, minWidth: 60 }} />
                <span style={{ width: 120, flex: 'none', textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {`${r.count.toLocaleString('zh-CN')} ${unit}`}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>{`${pct}%`}</Typography.Text>
                </span>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}

/** 人口统计: registered persons and households, by sex, age band and ethnicity, and the registry's changes per month. */
export function PopulationStatsPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const stats = usePopulationStats();
  const s = stats.data;
  const monthly = monthlyTable(s?.monthlyChanges ?? []);
  const changesTotal = monthly.rows.reduce((n, r) => n + r.total, 0);

  const columns: TableColumnsType<MonthRow> = [
    { title: '月份', dataIndex: 'month', width: 110, fixed: wide ? 'left' : undefined, render: (_, r) => monthLabel(r.month) },
    ...monthly.kinds.map((k) => ({
      title: labelOf(hukouChangeKindLabels, k), key: k, width: 90, align: 'right' as const,
      render: (_: unknown, r: MonthRow) => r.counts[k] ?? 0,
    })),
    { title: '合计', dataIndex: 'total', width: 80, align: 'right', render: (_, r) => <Typography.Text strong>{r.total}</Typography.Text> },
  ];

  return (
    <PageContainer title={<PageTitle>人口统计</PageTitle>} subTitle="本人数据范围内的在册人口：性别、年龄段、民族构成与近一年每月业务变动">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button icon={<ReloadOutlined />} loading={stats.isFetching} onClick={() => void stats.refetch()}>刷新</Button>
        </Space>
        {stats.isError && !s && <Alert type="error" showIcon message="人口统计加载失败，请点击刷新重试" />}
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}><Card size="small"><Statistic title="在册人口" value={s?.total ?? 0} suffix="人" loading={stats.isLoading} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title="户数" value={s?.households ?? 0} suffix="户" loading={stats.isLoading} /></Card></Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="平均每户人口" value={s?.households ? Math.round((s.total / s.households) * 10) / 10 : '-'} suffix={s?.households ? '人' : undefined} loading={stats.isLoading} />
            </Card>
          </Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title="近一年业务变动" value={changesTotal} suffix="件" loading={stats.isLoading} /></Card></Col>
        </Row>
        {s && (
          <>
            <Row gutter={[12, 12]}>
              <Col xs={24} md={8}><ShareBars title="性别构成" rows={sexRows(s.bySex)} /></Col>
              <Col xs={24} md={8}><ShareBars title="年龄构成" rows={ageRows(s.byAgeBand)} /></Col>
              <Col xs={24} md={8}><ShareBars title="民族构成" rows={ethnicityRows(s.byEthnicity)} /></Col>
            </Row>
            <Card size="small" title="每月业务变动">
              <Table<MonthRow>
                aria-label="每月业务变动"
                rowKey="month"
                size="small"
                columns={columns}
                dataSource={monthly.rows}
                pagination={false}
                scroll={{ x: 190 + monthly.kinds.length * 90 }}
                locale={{ emptyText: '近一年没有业务变动' }}
                summary={(data) => {
                  if (!data.length) return null;
                  return (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                      {monthly.kinds.map((k, i) => (
                        <Table.Summary.Cell key={k} index={i + 1} align="right">{data.reduce((n, r) => n + (r.counts[k] ?? 0), 0)}</Table.Summary.Cell>
                      ))}
                      <Table.Summary.Cell index={monthly.kinds.length + 1} align="right">{changesTotal}</Table.Summary.Cell>
                    </Table.Summary.Row>
                  );
                }}
              />
            </Card>
          </>
        )}
      </Space>
    </PageContainer>
  );
}
