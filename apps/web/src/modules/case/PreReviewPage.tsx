import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Badge, Button, Card, Grid, Input, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { caseChannelLabels, PreReviewQueue, preReviewQueueLabels, type CaseSummary } from '@jsga/contracts';
import { serverPagination, useTabbedListState } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { chinaToday } from '../form';
import { usePreReviewList, useQueueSizes } from './api';
import { CaseStatusTag, SlaTag } from './components/labels';

const queues = PreReviewQueue.options;
/** The queue waiting for the officer: its count stands out; the others are records or wait for the applicant. */
const toDo: ReadonlySet<PreReviewQueue> = new Set(['pending']);
/** The 容缺 queues show the promised date of the missing materials. */
const toleranceQueues: ReadonlySet<PreReviewQueue> = new Set(['tolerated', 'tolerated_done']);

/** 补交期限: the date, 已逾期 once it has passed while the materials are still awaited (China's today). */
function ToleranceDeadline({ c, today }: { c: CaseSummary; today: string }) {
  if (!c.toleranceDeadline) return <Typography.Text type="secondary">-</Typography.Text>;
  const overdue = c.status === 'tolerated' && c.toleranceDeadline < today;
  return (
    <Space size={4} wrap>
      <Typography.Text type={overdue ? 'danger' : undefined}>{c.toleranceDeadline}</Typography.Text>
      {overdue && <Tag color="error" style={{ marginInlineEnd: 0 }}>已逾期</Tag>}
    </Space>
  );
}

function QueueLabel({ queue, size }: { queue: PreReviewQueue; size: number | undefined }) {
  return (
    <Space size={6}>
      {preReviewQueueLabels[queue]}
      {size !== undefined && (
        <Badge count={size} showZero overflowCount={999} color={toDo.has(queue) && size > 0 ? undefined : '#bfbfbf'} aria-label={`${size} 件`} />
      )}
    </Space>
  );
}

/** 网上预审: online and mobile applications by queue (待预审, 已收, 待补件, …), server-paged; a row opens the case to handle it. */
export function PreReviewPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const wide = Grid.useBreakpoint().md !== false;
  const [{ tab: queue, page, pageSize, keyword }, update] = useTabbedListState('queue', PreReviewQueue.options, 'pending');
  const [text, setText] = useState(keyword);
  // back / forward restores the keyword of that list
  useEffect(() => setText(keyword), [keyword]);

  const list = usePreReviewList({ queue, page, pageSize, keyword: keyword || undefined });
  const sizes = useQueueSizes(queues);
  const open = (c: CaseSummary) => navigate(`/handling/cases/${c.id}`, { state: { from: `${location.pathname}${location.search}` } });

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: '办件编号',
      dataIndex: 'caseNo',
      width: 210,
      render: (_, c) => (
        // the copy icon must not open the row
        <span onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Link onClick={() => open(c)}>{c.caseNo}</Typography.Link>
          <Typography.Text copyable={{ text: c.caseNo, tooltips: ['复制办件编号', '已复制'] }} />
        </span>
      ),
    },
    { title: '事项', dataIndex: 'matterName', ellipsis: true, render: (_, c) => <span title={`${c.matterName}（${c.matterCode}）`}>{c.matterName}</span> },
    {
      title: '申请人',
      dataIndex: 'applicantName',
      width: 190,
      render: (_, c) => (
        <>
          <div>{c.applicantName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.applicantIdNoMasked}</Typography.Text>
        </>
      ),
    },
    { title: '渠道', dataIndex: 'channel', width: 70, responsive: ['md'], render: (_, c) => caseChannelLabels[c.channel] ?? c.channel },
    { title: '申报时间', dataIndex: 'submittedAt', width: 170, render: (_, c) => formatDateTime(c.submittedAt) },
    { title: '状态', dataIndex: 'status', width: 100, render: (_, c) => <CaseStatusTag status={c.status} /> },
    { title: '时限', dataIndex: 'slaStatus', width: 170, render: (_, c) => <SlaTag status={c.slaStatus} deadline={c.slaDeadline} /> },
  ];
  if (toleranceQueues.has(queue)) {
    const today = chinaToday();
    columns.push({ title: '补交期限', dataIndex: 'toleranceDeadline', width: 150, render: (_, c) => <ToleranceDeadline c={c} today={today} /> });
  }

  return (
    <PageContainer title={<PageTitle>网上预审</PageTitle>} subTitle="网上、掌上申报的办件：预审通过、补件、容缺收件或退件；点击一行查看详情并办理">
      <Card size="small">
        <Tabs
          activeKey={queue}
          onChange={(k) => update({ tab: k as PreReviewQueue, page: 1 })}
          items={queues.map((q) => ({ key: q, label: <QueueLabel queue={q} size={sizes[q]} /> }))}
        />
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Input.Search
            aria-label="关键词"
            placeholder="办件编号 / 申请人 / 事项名称 / 证件号码"
            allowClear
            enterButton="查询"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ keyword: v.trim(), page: 1 })}
            style={{ width: wide ? 420 : '100%' }}
          />
          <Button icon={<ReloadOutlined />} loading={list.isFetching} onClick={() => void list.refetch()}>
            刷新
          </Button>
        </Space>
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: wide ? 1050 : 640 }}
          locale={{ emptyText: list.isError ? '加载失败，请点击刷新重试' : `「${preReviewQueueLabels[queue]}」中没有办件` }}
          onRow={(c) => ({ onClick: () => open(c), style: { cursor: 'pointer' } })}
          pagination={serverPagination({ page, pageSize }, list.data?.total ?? 0, update)}
        />
      </Card>
    </PageContainer>
  );
}
