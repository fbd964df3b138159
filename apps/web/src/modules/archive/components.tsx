import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, FileDoneOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { archiveStatusLabels, retentionLabels, type ArchiveCheckResult, type ArchiveRecordSummary, type ArchiveStatus } from '@jsga/contracts';
import { formatDateTime } from '../../app/ui';
import { useArchiveRecord } from './api';
import { RecordLog } from './ArchiveLogPage';

export const archiveStatusColors: Record<ArchiveStatus, string> = { pending: 'blue', check_failed: 'red', archived: 'green' };
export const resultLabels: Record<ArchiveRecordSummary['result'], string> = { approved: '准予', disapproved: '不予' };

/** The four properties of DA/T 70-2018, in report order. */
export const checkProperties = ['authenticity', 'integrity', 'usability', 'security'] as const;
export const checkPropertyLabels: Record<ArchiveCheckResult['property'], string> = {
  authenticity: '真实性', integrity: '完整性', usability: '可用性', security: '安全性',
};
export const checkStatusMeta: Record<ArchiveCheckResult['status'], { label: string; color: string }> = {
  pass: { label: '通过', color: 'green' },
  fail: { label: '未通过', color: 'red' },
  warn: { label: '警告', color: 'orange' },
  manual: { label: '需人工', color: 'blue' },
};

export function ArchiveStatusTag({ status }: { status: ArchiveStatus }) {
  return <Tag color={archiveStatusColors[status]} style={{ marginInlineEnd: 0 }}>{archiveStatusLabels[status] ?? status}</Tag>;
}

export function CheckStatusTag({ status }: { status: ArchiveCheckResult['status'] }) {
  const meta = checkStatusMeta[status];
  return <Tag color={meta?.color} style={{ marginInlineEnd: 0 }}>{meta?.label ?? status}</Tag>;
}

/** 清点: the catalogue items not found, or that nothing is missing. */
export function MissingTags({ missing, emptyText = '无' }: { missing: ArchiveRecordSummary['missing']; emptyText?: string }) {
  if (!missing.length) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {missing.map((m, i) => <Tag key={`${m.kind}-${m.name}-${i}`} color="orange" style={{ marginInlineEnd: 0 }}>{m.name}</Tag>)}
    </Space>
  );
}

/** 四性检测报告: every check, grouped by property, with its result, detail and files. */
export function CheckReport({ checks }: { checks: ArchiveCheckResult[] }) {
  if (!checks.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未进行四性检测" />;
  return (
    <div data-testid="check-report">
      {checkProperties.map((p) => {
        const items = checks.filter((c) => c.property === p);
        const failed = items.filter((c) => c.status === 'fail').length;
        return (
          <section key={p} aria-label={checkPropertyLabels[p]} style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ marginBottom: 8 }}>
              {checkPropertyLabels[p]}
              <Typography.Text type={failed ? 'danger' : 'secondary'} style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
                {items.length ? `共 ${items.length} 项${failed ? `，${failed} 项未通过` : ''}` : '无检测项'}
              </Typography.Text>
            </Typography.Title>
            {items.map((c) => (
              <div key={c.id} data-check={c.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Space size={8} align="start">
                  <CheckStatusTag status={c.status} />
                  <div>
                    <Typography.Text strong>{c.name}</Typography.Text>
                    <div><Typography.Text type={c.status === 'fail' ? 'danger' : 'secondary'}>{c.detail}</Typography.Text></div>
                    {c.files?.length ? (
                      <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                        {c.files.map((f) => <Tag key={f} style={{ marginInlineEnd: 0 }}>{f}</Tag>)}
                      </Space>
                    ) : null}
                  </div>
                </Space>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);

export interface Refusal { message: string; checks: ArchiveCheckResult[] }

export interface RecordDrawerProps {
  id: string | undefined;
  onClose: () => void;
  canAct: boolean;
  busy: 'check' | 'archive' | 'download' | null;
  /** The server's refusal of the last 归档 of this record (422 ARCHIVE_CHECK_FAILED), with the failing checks. */
  refusal: Refusal | null;
  onCheck: (id: string) => void;
  onArchive: (id: string) => void;
  onDownload: (r: ArchiveRecordSummary & { packageName?: string | null }) => void;
}

/** One record: basic info, 清点, the 四性检测 report, and after 归档 the 档号 and the signed package. */
export function RecordDrawer({ id, onClose, canAct, busy, refusal, onCheck, onArchive, onDownload }: RecordDrawerProps) {
  const record = useArchiveRecord(id);
  const r = record.data;
  const failing = refusal?.checks.filter((c) => c.status === 'fail') ?? [];
  // the refusal carries the checks of that attempt; the record may not be refreshed yet
  const checks = refusal?.checks.length ? refusal.checks : (r?.checks ?? []);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={r ? `归档记录 ${r.caseNo}` : '归档记录'}
      extra={r && canAct ? (
        <Space>
          {r.status !== 'archived' && (
            <>
              <Button icon={<SafetyCertificateOutlined />} loading={busy === 'check'} disabled={!!busy} onClick={() => onCheck(r.id)}>四性检测</Button>
              <Button type="primary" icon={<FileDoneOutlined />} loading={busy === 'archive'} disabled={!!busy} onClick={() => onArchive(r.id)}>归档</Button>
            </>
          )}
          {r.status === 'archived' && (
            <Button type="primary" icon={<DownloadOutlined />} loading={busy === 'download'} disabled={!!busy} onClick={() => onDownload(r)}>下载信息包</Button>
          )}
        </Space>
      ) : null}
    >
      {!r ? (
        record.isError ? <Alert type="error" showIcon message="归档记录加载失败" /> : <Spin />
      ) : (
        <>
          {refusal && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message={refusal.message}
              description={failing.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }} aria-label="未通过的检测项">
                  {failing.map((c) => <li key={c.id}>{`${checkPropertyLabels[c.property]}：${c.name}（${c.detail}）`}</li>)}
                </ul>
              ) : undefined}
            />
          )}
          <Descriptions size="small" column={2} bordered title="基本信息" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="办件编号">{r.caseNo}</Descriptions.Item>
            <Descriptions.Item label="状态"><ArchiveStatusTag status={r.status} /></Descriptions.Item>
            <Descriptions.Item label="事项" span={2}>{`${r.matterName}（${r.matterCode}）`}</Descriptions.Item>
            <Descriptions.Item label="申请人">{r.applicantName}</Descriptions.Item>
            <Descriptions.Item label="受理单位">{r.orgName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="办结时间">{formatDateTime(r.concludedAt)}</Descriptions.Item>
            <Descriptions.Item label="办理结果">{resultLabels[r.result] ?? r.result}</Descriptions.Item>
            <Descriptions.Item label="保管期限">{retentionLabels[r.retention] ?? r.retention}</Descriptions.Item>
            <Descriptions.Item label="检测时间">{r.checkedAt ? formatDateTime(r.checkedAt) : '未检测'}</Descriptions.Item>
          </Descriptions>
          {r.status === 'archived' && (
            <Descriptions size="small" column={1} bordered title="归档信息" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="档号"><Typography.Text copyable>{r.archivalCode ?? '-'}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label="归档时间">{formatDateTime(r.archivedAt)}</Descriptions.Item>
              {r.archivedBy && <Descriptions.Item label="归档人">{r.archivedBy}</Descriptions.Item>}
              <Descriptions.Item label="信息包">{r.packageName ?? '-'}</Descriptions.Item>
              <Descriptions.Item label="SM3 摘要"><Typography.Text code style={{ wordBreak: 'break-all' }}>{r.packageSm3 ?? '-'}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label="大小">{r.packageSize !== null ? formatSize(r.packageSize) : '-'}</Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Title level={5}>清点</Typography.Title>
          <div style={{ marginBottom: 16 }}>
            {r.missing.length ? (
              <Space direction="vertical" size={4}>
                <Typography.Text type="warning">{`归档材料目录中缺少 ${r.missing.length} 项：`}</Typography.Text>
                <MissingTags missing={r.missing} />
              </Space>
            ) : (
              <Typography.Text type="secondary">{r.checkedAt ? '归档材料齐全' : '尚未清点'}</Typography.Text>
            )}
          </div>
          <Typography.Title level={5}>四性检测</Typography.Title>
          <CheckReport checks={checks} />
          <Typography.Title level={5}>操作记录</Typography.Title>
          <RecordLog recordId={r.id} />
        </>
      )}
    </Drawer>
  );
}
