import { useState } from 'react';
import { Button, Card, Empty, List, Popconfirm, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { caseStatusLabels, type CitizenCaseListQuery, type CitizenCaseSummary } from '@jsga/contracts';
import { declarationApi, useDrafts, useMyCases } from './api';
import { statusColor, todoLabels } from './labels';

const filters: Array<{ value: NonNullable<CitizenCaseListQuery['status']> | 'all'; label: string }> = [
  { value: 'all', label: '全部' }, { value: 'todo', label: '待我处理' }, { value: 'open', label: '办理中' }, { value: 'done', label: '已办结' },
];

function CaseItem({ c }: { c: CitizenCaseSummary }) {
  return (
    <List.Item actions={[<Link key="open" to={`/portal/my/cases/${c.id}`}>{c.todo ? todoLabels[c.todo] : '查看'}</Link>]}>
      <List.Item.Meta
        title={<Space wrap><Link to={`/portal/my/cases/${c.id}`}>{c.matterName}</Link><Tag color={statusColor(c)}>{c.status === 'concluded' && c.result === 'disapproved' ? '不予许可' : caseStatusLabels[c.status]}</Tag>{c.todo && <Tag color="orange">{todoLabels[c.todo]}</Tag>}</Space>}
        description={<Typography.Text type="secondary">办件编号 {c.caseNo} · {c.orgName ?? ''} · {new Date(c.submittedAt).toLocaleDateString('zh-CN')} 申报</Typography.Text>}
      />
    </List.Item>
  );
}

/** 我的办件: unfinished drafts to resume, then the applicant's cases by what they need. */
export function MyCasesPage() {
  const [status, setStatus] = useState<(typeof filters)[number]['value']>('all');
  const [page, setPage] = useState(1);
  const cases = useMyCases({ page, pageSize: 10, ...(status === 'all' ? {} : { status }) });
  const drafts = useDrafts();
  const qc = useQueryClient();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>我的办件</Typography.Title>
      {!!drafts.data?.items.length && (
        <Card title="未提交的申报" size="small">
          <List
            dataSource={drafts.data.items}
            renderItem={(d) => (
              <List.Item actions={[
                <Link key="go" to={`/portal/apply/${d.id}`}>继续填写</Link>,
                <Popconfirm key="del" title="删除该草稿？" okText="删除" cancelText="取消" onConfirm={async () => { await declarationApi.remove(d.id); void qc.invalidateQueries({ queryKey: ['declaration', 'drafts'] }); }}>
                  <Button type="link" danger size="small">删除</Button>
                </Popconfirm>,
              ]}>
                <List.Item.Meta title={d.matterName} description={`暂存于 ${new Date(d.updatedAt).toLocaleString('zh-CN')}`} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card>
        <Segmented options={filters} value={status} onChange={(v) => { setStatus(v as typeof status); setPage(1); }} style={{ marginBottom: 12 }} />
        {cases.isLoading ? <Skeleton active /> : (
          <List
            aria-label="办件列表"
            dataSource={cases.data?.items ?? []}
            locale={{ emptyText: <Empty description="暂无办件" /> }}
            pagination={(cases.data?.total ?? 0) > 10 ? { current: page, pageSize: 10, total: cases.data?.total, onChange: setPage, showSizeChanger: false } : false}
            renderItem={(c) => <CaseItem c={c} />}
          />
        )}
      </Card>
    </Space>
  );
}
