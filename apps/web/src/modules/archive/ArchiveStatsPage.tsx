import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Progress, Segmented, Select, Space, Table, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { PageTitle } from '../../app/ui';
import { recentYears, useArchiveStats, type ArchiveStatsBy, type ArchiveStatsRow } from './api';

const byLabels: Record<ArchiveStatsBy, string> = { org: '按单位', matter: '按事项' };

/** Highest 归档率 first (more cases first on a tie), as the server ranks them. */
export const rankByRate = (rows: ArchiveStatsRow[]) => [...rows].sort((a, b) => b.rate - a.rate || b.total - a.total);

/** 归档统计: per 单位 or 事项, how many concluded cases are due, archived, failed or waiting, ranked by 归档率. */
export function ArchiveStatsPage() {
  const [by, setBy] = useState<ArchiveStatsBy>('org');
  const [year, setYear] = useState<number | undefined>(() => recentYears()[0]);
  const stats = useArchiveStats(by, year);
  const rows = rankByRate(stats.data?.items ?? []);

  const columns: TableColumnsType<ArchiveStatsRow> = [
    { title: '排名', key: 'rank', width: 64, render: (_, __, i) => i + 1 },
    { title: by === 'org' ? '单位' : '事项', dataIndex: 'name', ellipsis: true },
    { title: '应归档', dataIndex: 'total', width: 90, align: 'right' },
    { title: '已归档', dataIndex: 'archived', width: 90, align: 'right' },
    { title: '未通过', dataIndex: 'failed', width: 90, align: 'right' },
    { title: '待归档', dataIndex: 'pending', width: 90, align: 'right' },
    {
      title: '归档率',
      dataIndex: 'rate',
      width: 200,
      render: (_, r) => (
        <Space size={8}>
          <Progress percent={r.rate} size="small" showInfo={false} style={{ width: 100, margin: 0 }} status={r.rate >= 100 ? 'success' : 'normal'} />
          <span>{`${r.rate}%`}</span>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={<PageTitle>归档统计</PageTitle>} subTitle="办结办件的应归档、已归档、检测未通过与待归档数量，按归档率排名">
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Segmented<ArchiveStatsBy>
              value={by}
              onChange={setBy}
              options={(['org', 'matter'] as const).map((k) => ({ value: k, label: byLabels[k] }))}
            />
            <Select<number | 'all'>
              aria-label="年度"
              value={year ?? 'all'}
              onChange={(v) => setYear(v === 'all' ? undefined : v)}
              style={{ width: 130 }}
              options={[...recentYears().map((y) => ({ value: y, label: `${y} 年` })), { value: 'all' as const, label: '全部年度' }]}
            />
          </Space>
          <Button icon={<ReloadOutlined />} loading={stats.isFetching} onClick={() => void stats.refetch()}>刷新</Button>
        </Space>
        <Table<ArchiveStatsRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={stats.isFetching}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: stats.isError ? '加载失败，请点击刷新重试' : '没有办结的办件' }}
          summary={(data) => {
            if (!data.length) return null;
            const sum = (k: 'total' | 'archived' | 'failed' | 'pending') => data.reduce((n, r) => n + r[k], 0);
            const total = sum('total');
            const archived = sum('archived');
            return (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{total}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{archived}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{sum('failed')}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{sum('pending')}</Table.Summary.Cell>
                <Table.Summary.Cell index={6}>{`${total ? Math.round((archived / total) * 1000) / 10 : 0}%`}</Table.Summary.Cell>
              </Table.Summary.Row>
            );
          }}
        />
      </Card>
    </PageContainer>
  );
}
