import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { App, Badge, Button, Card, Grid, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { FileDoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { ArchiveStatus, archiveStatusLabels, retentionLabels, type ArchiveRecordSummary } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { isApiError } from '../../app/request';
import { serverPagination, useTabbedListState } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import {
  downloadPackage, recentYears, useArchiveCheck, useArchiveCounts, useArchiveFacets, useArchiveList, useArchiveRecordAction, useBatchArchive,
  type ArchiveBatchItem, type ArchiveCheckFailedDetails, type ArchiveFilters,
} from './api';
import { MissingTags, RecordDrawer, resultLabels, type Refusal } from './components';

const statuses = ArchiveStatus.options;
const ACT = 'archive:record:archive';
const FILTERS = ['orgId', 'matterCode', 'year'] as const;

function TabLabel({ status, size }: { status: ArchiveStatus; size: number | undefined }) {
  const urgent = status !== 'archived' && (size ?? 0) > 0;
  return (
    <Space size={6}>
      {archiveStatusLabels[status]}
      {size !== undefined && <Badge count={size} showZero overflowCount={999} color={urgent ? (status === 'check_failed' ? undefined : '#1677ff') : '#bfbfbf'} aria-label={`${size} 件`} />}
    </Space>
  );
}

/** 预归档与归档: concluded cases by archive status; 四性检测, 归档 (one or many) and the signed package. */
export function ArchiveWorkbenchPage() {
  const { message } = App.useApp();
  const { can } = useAccess();
  const canAct = can(ACT);
  const wide = Grid.useBreakpoint().md !== false;
  const [{ tab: status, page, pageSize, keyword, filters: raw }, update] = useTabbedListState('status', ArchiveStatus.options, 'pending', FILTERS);
  const filters: ArchiveFilters = { orgId: raw.orgId, matterCode: raw.matterCode, year: raw.year ? Number(raw.year) : undefined };
  const setFilter = (name: (typeof FILTERS)[number], value: string | number | undefined) => {
    setSelected([]);
    update({ filters: { ...raw, [name]: value === undefined ? undefined : String(value) }, page: 1 });
  };
  const [text, setText] = useState(keyword);
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string>();
  const [busy, setBusy] = useState<{ id: string; what: 'check' | 'archive' | 'download' } | null>(null);
  const [refusals, setRefusals] = useState<Record<string, Refusal>>({});
  const [batchResult, setBatchResult] = useState<ArchiveBatchItem[] | null>(null);

  const list = useArchiveList({ status, page, pageSize, keyword: keyword || undefined, ...filters });
  const counts = useArchiveCounts(statuses, filters);
  const facets = useArchiveFacets(filters.year);
  const check = useArchiveCheck();
  const archive = useArchiveRecordAction();
  const batch = useBatchArchive();

  const clearRefusal = (id: string) => setRefusals(({ [id]: _, ...rest }) => rest);

  const runCheck = async (id: string) => {
    setBusy({ id, what: 'check' });
    try {
      const view = await check.mutateAsync(id);
      clearRefusal(id);
      const failed = view.checks.filter((c) => c.status === 'fail').length;
      if (failed) message.warning(`四性检测完成：${failed} 项未通过`);
      else message.success('四性检测通过');
      setOpenId(id);
    } catch (e) {
      message.error(isApiError(e) ? e.message : '四性检测失败');
    } finally {
      setBusy(null);
    }
  };

  const runArchive = async (id: string) => {
    setBusy({ id, what: 'archive' });
    try {
      const view = await archive.mutateAsync(id);
      clearRefusal(id);
      message.success(`已归档，档号 ${view.archivalCode ?? ''}`);
      setSelected((s) => s.filter((k) => k !== id));
      setOpenId(id);
    } catch (e) {
      if (isApiError(e) && e.code === 'ARCHIVE_CHECK_FAILED') {
        const checks = (e.details as ArchiveCheckFailedDetails | undefined)?.checks ?? [];
        setRefusals((r) => ({ ...r, [id]: { message: e.message, checks } }));
        setOpenId(id);
      } else {
        message.error(isApiError(e) ? e.message : '归档失败');
      }
    } finally {
      setBusy(null);
    }
  };

  const runDownload = async (r: ArchiveRecordSummary & { packageName?: string | null }) => {
    setBusy({ id: r.id, what: 'download' });
    try {
      await downloadPackage(r.id, `${r.packageName ?? r.archivalCode ?? r.caseNo}.zip`);
    } catch (e) {
      message.error(isApiError(e) ? e.message : '信息包下载失败');
    } finally {
      setBusy(null);
    }
  };

  const runBatch = async () => {
    try {
      const res = await batch.mutateAsync(selected);
      setBatchResult(res.items);
      setSelected([]);
    } catch (e) {
      message.error(isApiError(e) ? e.message : '批量归档失败');
    }
  };

  const columns: TableColumnsType<ArchiveRecordSummary> = [
    { title: '办件编号', dataIndex: 'caseNo', width: 200, render: (_, r) => <Typography.Link>{r.caseNo}</Typography.Link> },
    { title: '事项', dataIndex: 'matterName', ellipsis: true, render: (_, r) => <span title={`${r.matterName}（${r.matterCode}）`}>{r.matterName}</span> },
    { title: '申请人', dataIndex: 'applicantName', width: 110 },
    { title: '受理单位', dataIndex: 'orgName', width: 160, ellipsis: true, render: (_, r) => r.orgName ?? '-' },
    { title: '办结时间', dataIndex: 'concludedAt', width: 160, render: (_, r) => formatDateTime(r.concludedAt) },
    { title: '保管期限', dataIndex: 'retention', width: 90, render: (_, r) => retentionLabels[r.retention] ?? r.retention },
    { title: '结果', dataIndex: 'result', width: 70, render: (_, r) => <Tag color={r.result === 'approved' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>{resultLabels[r.result] ?? r.result}</Tag> },
  ];
  if (status === 'archived') {
    columns.push(
      { title: '档号', dataIndex: 'archivalCode', width: 220, render: (_, r) => r.archivalCode ?? '-' },
      { title: '归档时间', dataIndex: 'archivedAt', width: 160, render: (_, r) => formatDateTime(r.archivedAt) },
    );
  } else {
    columns.push({ title: '清点缺失', dataIndex: 'missing', width: 200, render: (_, r) => <MissingTags missing={r.missing} emptyText={r.checkedAt ? '无' : '未清点'} /> });
  }
  if (canAct) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: status === 'archived' ? 110 : 150,
      fixed: wide ? 'right' : undefined,
      render: (_, r) => (
        // the buttons must not open the row
        <Space size={4} onClick={(e) => e.stopPropagation()}>
          {r.status === 'archived' ? (
            <Button type="link" size="small" loading={busy?.id === r.id && busy.what === 'download'} disabled={!!busy} onClick={() => void runDownload(r)}>下载信息包</Button>
          ) : (
            <>
              <Button type="link" size="small" loading={busy?.id === r.id && busy.what === 'check'} disabled={!!busy} onClick={() => void runCheck(r.id)}>四性检测</Button>
              <Button type="link" size="small" loading={busy?.id === r.id && busy.what === 'archive'} disabled={!!busy} onClick={() => void runArchive(r.id)}>归档</Button>
            </>
          )}
        </Space>
      ),
    });
  }

  const selectable = canAct && status !== 'archived';
  return (
    <PageContainer title={<PageTitle>预归档与归档</PageTitle>} subTitle="办结的办件：清点归档材料、四性检测、赋予档号并生成归档信息包；点击一行查看检测报告">
      <Card size="small">
        <Tabs
          activeKey={status}
          onChange={(k) => { setSelected([]); update({ tab: k as ArchiveStatus, page: 1 }); }}
          items={statuses.map((s) => ({ key: s, label: <TabLabel status={s} size={counts[s]} /> }))}
        />
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              aria-label="关键词"
              placeholder="办件编号 / 申请人 / 事项名称 / 档号"
              allowClear
              enterButton="查询"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => update({ keyword: v.trim(), page: 1 })}
              style={{ width: wide ? 360 : '100%' }}
            />
            <Select
              aria-label="年度"
              placeholder="全部年度"
              allowClear
              style={{ width: 120 }}
              value={filters.year}
              onChange={(v?: number) => setFilter('year', v)}
              options={[...new Set([...(facets.data?.years ?? []), ...recentYears()])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年` }))}
            />
            <Select
              aria-label="受理单位"
              placeholder="全部单位"
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              value={filters.orgId}
              onChange={(v?: string) => setFilter('orgId', v)}
              options={(facets.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))}
              notFoundContent="没有办件的单位"
            />
            <Select
              aria-label="事项"
              placeholder="全部事项"
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 240 }}
              value={filters.matterCode}
              onChange={(v?: string) => setFilter('matterCode', v)}
              options={(facets.data?.matters ?? []).map((m) => ({ value: m.code, label: m.name, title: `${m.name}（${m.code}）` }))}
              notFoundContent="没有办件的事项"
            />
          </Space>
          <Space>
            {selectable && (
              <Button type="primary" icon={<FileDoneOutlined />} disabled={!selected.length} loading={batch.isPending} onClick={() => void runBatch()}>
                {selected.length ? `批量归档（${selected.length}）` : '批量归档'}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} loading={list.isFetching} onClick={() => void list.refetch()}>刷新</Button>
          </Space>
        </Space>
        <Table<ArchiveRecordSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: wide ? 1300 : 800 }}
          rowSelection={selectable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true } : undefined}
          locale={{ emptyText: list.isError ? '加载失败，请点击刷新重试' : `「${archiveStatusLabels[status]}」中没有${filters.orgId || filters.matterCode || filters.year || keyword ? '符合条件的' : ''}办件` }}
          onRow={(r) => ({
            // ticking a row for 批量归档 does not open it
            onClick: (e) => { if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) setOpenId(r.id); },
            style: { cursor: 'pointer' },
          })}
          pagination={serverPagination({ page, pageSize }, list.data?.total ?? 0, update)}
        />
      </Card>
      <RecordDrawer
        id={openId}
        onClose={() => setOpenId(undefined)}
        canAct={canAct}
        busy={busy && busy.id === openId ? busy.what : null}
        refusal={openId ? (refusals[openId] ?? null) : null}
        onCheck={(id) => void runCheck(id)}
        onArchive={(id) => void runArchive(id)}
        onDownload={(r) => void runDownload(r)}
      />
      <Modal
        open={!!batchResult}
        title="批量归档结果"
        onCancel={() => setBatchResult(null)}
        footer={<Button type="primary" onClick={() => setBatchResult(null)}>知道了</Button>}
        width={640}
      >
        {batchResult && (
          <>
            <Typography.Paragraph>
              {`共 ${batchResult.length} 件：已归档 ${batchResult.filter((i) => i.ok).length} 件，未归档 ${batchResult.filter((i) => !i.ok).length} 件`}
            </Typography.Paragraph>
            <Table<ArchiveBatchItem>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={batchResult}
              columns={[
                { title: '办件编号', dataIndex: 'caseNo', width: 200 },
                { title: '结果', dataIndex: 'ok', width: 90, render: (_, i) => <Tag color={i.ok ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>{i.ok ? '已归档' : '未归档'}</Tag> },
                { title: '档号 / 原因', dataIndex: 'message', render: (_, i) => (i.ok ? i.archivalCode ?? '-' : <Typography.Text type="danger">{i.message}</Typography.Text>) },
              ]}
            />
          </>
        )}
      </Modal>
    </PageContainer>
  );
}
