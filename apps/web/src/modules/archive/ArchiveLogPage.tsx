import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { archiveActionLabels, type AuditLogView } from '@jsga/contracts';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useArchiveLogs, type ArchiveLogQuery } from './api';

/** Check ids start with their property's letter (A1 真实性 … S3 安全性). */
const propertyOfCheck: Record<string, string> = { A: '真实性', I: '完整性', U: '可用性', S: '安全性' };

/** What an entry was about, from its detail: the case, the 档号, the matter or type, and what failed. */
export function describeLog(l: AuditLogView): string {
  const d = l.detail as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.caseNo === 'string') parts.push(`办件 ${d.caseNo}`);
  if (typeof d.archivalCode === 'string') parts.push(`档号 ${d.archivalCode}`);
  if (l.action.startsWith('archive.rule.')) parts.push(`${l.targetType === 'matter_type' ? '事项类型' : '事项'} ${l.targetIds[0] ?? ''}`);
  if (typeof d.retention === 'string') parts.push(`保管期限 ${d.retention}`);
  if (Array.isArray(d.failed) && d.failed.length) {
    parts.push(`未通过：${d.failed.map((id) => { const p = propertyOfCheck[String(id)[0]]; return p ? `${p} ${String(id)}` : String(id); }).join('、')}`);
  }
  return parts.join('；') || '-';
}

export const logColumns: TableColumnsType<AuditLogView> = [
  { title: '时间', dataIndex: 'occurredAt', width: 170, render: (_, l) => formatDateTime(l.occurredAt) },
  { title: '操作人', dataIndex: 'username', width: 110, render: (_, l) => l.username ?? '-' },
  { title: '操作', dataIndex: 'action', width: 140, render: (_, l) => archiveActionLabels[l.action] ?? l.action },
  { title: '结果', dataIndex: 'result', width: 70, render: (_, l) => <Tag color={l.result === 'success' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>{l.result === 'success' ? '成功' : '失败'}</Tag> },
  { title: '内容', key: 'detail', render: (_, l) => <Typography.Text>{describeLog(l)}</Typography.Text> },
];

/** One record's 操作记录, newest first (in the record drawer). */
export function RecordLog({ recordId }: { recordId: string }) {
  const logs = useArchiveLogs({ recordId, page: 1, pageSize: 50 });
  return (
    <Table<AuditLogView>
      rowKey="seq"
      size="small"
      columns={logColumns.filter((c) => c.key !== 'detail')}
      dataSource={logs.data?.items ?? []}
      loading={logs.isFetching}
      pagination={false}
      locale={{ emptyText: logs.isError ? '操作记录加载失败' : '暂无操作记录' }}
    />
  );
}

/** 归档日志: who checked, archived, downloaded or reconfigured what, inside the user's data scope. */
export function ArchiveLogPage() {
  const [query, setQuery] = useState<ArchiveLogQuery>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [text, setText] = useState('');
  const logs = useArchiveLogs(query);
  return (
    <PageContainer title={<PageTitle>归档日志</PageTitle>} subTitle="四性检测、归档、信息包下载与归档配置变更的操作记录，取自不可篡改的审计日志">
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              aria-label="关键词"
              placeholder="操作人 / 操作"
              allowClear
              enterButton="查询"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => setQuery((q) => ({ ...q, keyword: v.trim() || undefined, page: 1 }))}
              style={{ width: 300 }}
            />
            <Select
              aria-label="结果"
              placeholder="全部结果"
              allowClear
              style={{ width: 120 }}
              value={query.result}
              onChange={(v?: 'success' | 'failure') => setQuery((q) => ({ ...q, result: v, page: 1 }))}
              options={[{ value: 'success', label: '成功' }, { value: 'failure', label: '失败' }]}
            />
          </Space>
          <Button icon={<ReloadOutlined />} loading={logs.isFetching} onClick={() => void logs.refetch()}>刷新</Button>
        </Space>
        <Table<AuditLogView>
          rowKey="seq"
          size="small"
          columns={logColumns}
          dataSource={logs.data?.items ?? []}
          loading={logs.isFetching}
          locale={{ emptyText: logs.isError ? '加载失败，请点击刷新重试' : '没有符合条件的操作记录' }}
          pagination={serverPagination(query, logs.data?.total ?? 0, (next) => setQuery((q) => ({ ...q, ...next })), '条')}
        />
      </Card>
    </PageContainer>
  );
}
