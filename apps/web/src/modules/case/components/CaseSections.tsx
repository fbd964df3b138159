import { Descriptions, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { CaseView } from '@jsga/contracts';
import { notifyError } from '../../../app/form-errors';
import { formatDateTime } from '../../../app/ui';
import { downloadFile, fileContentUrl } from '../api';
import { CaseStatusTag, actionLabel, linkKindLabels, materialStatusColors, materialStatusLabels, pauseKindLabels, shortDigest } from './labels';

type History = CaseView['history'][number];
type Material = CaseView['materials'][number];
type Pause = CaseView['pauses'][number];
type Link = CaseView['links'][number];

const historyColor = (h: History) =>
  h.toStatus === 'concluded' ? 'green' : ['returned', 'not_accepted', 'withdrawn'].includes(h.toStatus) ? 'red' : h.toStatus === 'supplement' ? 'orange' : 'blue';

/** 办理过程: every step of the case, oldest first — action, status change, who, where, opinion, when. */
export function CaseHistory({ history }: { history: CaseView['history'] }) {
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  const sorted = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      aria-label="办理过程"
      items={sorted.map((h) => ({
        key: h.seq,
        color: historyColor(h),
        children: (
          <div>
            <Space size={6} wrap>
              <Typography.Text strong>{actionLabel(h.action)}</Typography.Text>
              {h.fromStatus && h.fromStatus !== h.toStatus ? (
                <span>
                  <CaseStatusTag status={h.fromStatus} /> → <CaseStatusTag status={h.toStatus} />
                </span>
              ) : (
                <CaseStatusTag status={h.toStatus} />
              )}
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.userName ?? '申请人 / 系统'}
                {h.orgName ? ` · ${h.orgName}` : ''} · {formatDateTime(h.at)}
              </Typography.Text>
            </div>
            {h.opinion && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{h.opinion}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}

function Digest({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label} </Typography.Text>
      <Typography.Text code copyable={{ text: value, tooltips: [`复制 ${label}`, '已复制'] }} title={value} style={{ fontSize: 12 }}>
        {shortDigest(value)}
      </Typography.Text>
    </div>
  );
}

/** 材料: what was handed in (files with their digests, or e-licences in their place) and what is still owed under 容缺. */
export function CaseMaterials({ materials }: { materials: CaseView['materials'] }) {
  return (
    <Table<Material>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={materials}
      locale={{ emptyText: '未登记材料' }}
      scroll={{ x: 760 }}
      columns={[
        { title: '材料', dataIndex: 'name', render: (_: unknown, m) => <>{m.name}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{m.materialCode}</Typography.Text></> },
        { title: '状态', dataIndex: 'status', width: 100, render: (_: unknown, m) => <Tag color={materialStatusColors[m.status]}>{materialStatusLabels[m.status] ?? m.status}</Tag> },
        { title: '摘要', key: 'digest', width: 280, render: (_: unknown, m) => (m.sha256 || m.sm3 ? <><Digest label="SHA-256" value={m.sha256} /><Digest label="SM3" value={m.sm3} /></> : '-') },
        { title: '时间', dataIndex: 'at', width: 160, render: (_: unknown, m) => formatDateTime(m.at) },
        {
          title: '文件',
          key: 'file',
          width: 150,
          render: (_: unknown, m) =>
            m.source === 'elicense' ? (
              // 免证办: an e-licence in place of a file
              <Space size={4} wrap>
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>电子证照</Tag>
                {m.licenceId && (
                  <Typography.Text type="secondary" copyable={{ text: m.licenceId, tooltips: ['复制证照标识', '已复制'] }} title={m.licenceId} style={{ fontSize: 12 }}>
                    {m.licenceId.slice(0, 8)}…
                  </Typography.Text>
                )}
              </Space>
            ) : m.fileId ? (
              <Typography.Link
                href={fileContentUrl(m.fileId)}
                onClick={(e) => {
                  e.preventDefault();
                  void downloadFile(m.fileId!, m.name).catch(notifyError);
                }}
              >
                <DownloadOutlined /> 下载
              </Typography.Link>
            ) : (
              '-'
            ),
        },
      ]}
    />
  );
}

/** 计时暂停: 补件 and 特别程序 periods that stop the clock. */
export function CasePauses({ pauses, pausedDays }: { pauses: CaseView['pauses']; pausedDays: number }) {
  return (
    <Table<Pause>
      size="small"
      rowKey={(p) => `${p.kind}:${p.fromDate}`}
      pagination={false}
      dataSource={pauses}
      locale={{ emptyText: '没有暂停计时' }}
      title={() => `累计暂停 ${pausedDays} 个工作日`}
      scroll={{ x: 560 }}
      columns={[
        { title: '类型', dataIndex: 'kind', width: 100, render: (_: unknown, p) => <Tag>{pauseKindLabels[p.kind] ?? p.kind}</Tag> },
        { title: '事由', dataIndex: 'reason', render: (r: string) => r || '-' },
        { title: '开始日期', dataIndex: 'fromDate', width: 120 },
        { title: '结束日期', dataIndex: 'toDate', width: 120, render: (_: unknown, p) => p.toDate ?? <Tag color="processing">暂停中</Tag> },
      ]}
    />
  );
}

/** 关联: notices, payments, deliveries, evaluations, archives other modules linked to the case. */
export function CaseLinks({ links }: { links: CaseView['links'] }) {
  return (
    <Table<Link>
      size="small"
      rowKey={(l) => `${l.kind}:${l.refId}`}
      pagination={false}
      dataSource={links}
      locale={{ emptyText: '暂无关联记录' }}
      scroll={{ x: 560 }}
      columns={[
        { title: '类型', dataIndex: 'kind', width: 100, render: (k: string) => <Tag>{linkKindLabels[k] ?? k}</Tag> },
        { title: '名称', dataIndex: 'label' },
        { title: '编号', dataIndex: 'refId', width: 220, render: (r: string) => <Typography.Text copyable style={{ fontSize: 12 }}>{r}</Typography.Text> },
        { title: '时间', dataIndex: 'at', width: 160, render: (_: unknown, l) => formatDateTime(l.at) },
      ]}
    />
  );
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '-';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
};

/** 表单数据: the application form as submitted, one entry per field. */
export function CaseFormData({ formKey, formData }: { formKey: string | null; formData: CaseView['formData'] }) {
  const entries = Object.entries(formData);
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未填写表单数据" />;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      title={formKey ? <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>申请表 {formKey}</Typography.Text> : undefined}
      items={entries.map(([k, v]) => ({ key: k, label: k, children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{show(v)}</span> }))}
    />
  );
}
