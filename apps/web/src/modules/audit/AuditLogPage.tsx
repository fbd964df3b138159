import { useState } from 'react';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Drawer, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { AuditLogView, AuditVerifyResult } from '@jsga/contracts';
import { Access } from '../../app/access';
import { pageOf, textParam, useServerTable, listTableDefaults } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { auditApi, auditKeys, useVerifyAuditChain } from './api';

const resultEnum = {
  success: { text: '成功', status: 'Success' },
  failure: { text: '失败', status: 'Error' },
} as const;

/** Range-picker value (local time strings or dayjs) → ISO 8601 with offset, as the API expects. */
export function toIsoWithOffset(value: unknown): string | undefined {
  if (!value) return undefined;
  const d = dayjs(value as string);
  return d.isValid() ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined;
}

const rangePresets = [
  { label: '今天', value: [dayjs().startOf('day'), dayjs().endOf('day')] },
  { label: '最近 24 小时', value: [dayjs().subtract(24, 'hour'), dayjs()] },
  { label: '最近 7 天', value: [dayjs().subtract(7, 'day').startOf('day'), dayjs().endOf('day')] },
  { label: '最近 30 天', value: [dayjs().subtract(30, 'day').startOf('day'), dayjs().endOf('day')] },
];

function AuditDetailDrawer({ log, onClose }: { log: AuditLogView | null; onClose: () => void }) {
  return (
    <Drawer open={!!log} title={log ? `审计记录 #${log.seq}` : ''} width={640} onClose={onClose}>
      {log && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="序号">{log.seq}</Descriptions.Item>
            <Descriptions.Item label="时间">{formatDateTime(log.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label="用户">{log.username ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="结果">{log.result === 'success' ? <Tag color="success">成功</Tag> : <Tag color="error">失败</Tag>}</Descriptions.Item>
            <Descriptions.Item label="操作" span={2}>
              <Typography.Text code>{log.action}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="对象类型">{log.targetType ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="客户端 IP">{log.clientIp ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="对象标识" span={2}>
              {log.targetIds.length ? log.targetIds.map((id) => <Typography.Text key={id} code copyable>{id}</Typography.Text>) : '-'}
            </Descriptions.Item>
            <Descriptions.Item label="用户 ID" span={2}>{log.userId ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="岗位 ID" span={2}>{log.positionId ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="机构 ID" span={2}>{log.orgId ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="追踪号" span={2}>
              {log.traceId ? <Typography.Text copyable>{log.traceId}</Typography.Text> : '-'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            详细信息
          </Typography.Title>
          <pre
            data-testid="audit-detail-json"
            style={{ background: '#f6f8fa', border: '1px solid #eee', borderRadius: 4, padding: 12, maxHeight: 420, overflow: 'auto', fontSize: 12, margin: 0 }}
          >
            {JSON.stringify(log.detail, null, 2)}
          </pre>
        </>
      )}
    </Drawer>
  );
}

function VerifyResultAlert({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  return result.ok ? (
    <Alert type="success" showIcon closable onClose={onClose} style={{ marginBottom: 12 }} message={`审计链校验通过：共校验 ${result.checked} 条记录，未发现篡改。`} />
  ) : (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      message={`审计链校验未通过：第 ${result.firstBrokenSeq ?? '?'} 号记录处链条断裂`}
      description={`${result.reason ?? '原因未知'}（已校验 ${result.checked} 条）。请立即报告安全管理员。`}
    />
  );
}

/** 审计日志: filterable, server-paged audit trail with a JSON detail drawer and a hash-chain check. */
export function AuditLogPage() {
  const [detail, setDetail] = useState<AuditLogView | null>(null);
  const [verifyResult, setVerifyResult] = useState<AuditVerifyResult | null>(null);
  const verify = useVerifyAuditChain();

  const { actionRef, request, onRequestError } = useServerTable<AuditLogView>(auditKeys.logs, (params) =>
    auditApi.listLogs({
      ...pageOf(params),
      keyword: textParam(params.keyword),
      action: textParam(params.action),
      username: textParam(params.username),
      result: params.result === 'success' || params.result === 'failure' ? params.result : undefined,
      from: textParam(params.from),
      to: textParam(params.to),
    }),
  );

  const runVerify = async () => {
    try {
      setVerifyResult(await verify.mutateAsync());
    } catch {
      // shown by the request layer
    }
  };

  const columns: ProColumns<AuditLogView>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '对象标识 / 详情', autoFocus: true } },
    {
      title: '时间范围',
      dataIndex: 'timeRange',
      valueType: 'dateTimeRange',
      hideInTable: true,
      colSize: 2,
      fieldProps: { presets: rangePresets },
      search: { transform: (value: unknown) => (Array.isArray(value) ? { from: toIsoWithOffset(value[0]), to: toIsoWithOffset(value[1]) } : {}) },
    },
    { title: '序号', dataIndex: 'seq', search: false, width: 80 },
    { title: '时间', dataIndex: 'occurredAt', search: false, width: 160, render: (_, r) => formatDateTime(r.occurredAt) },
    { title: '用户', dataIndex: 'username', width: 110, render: (_, r) => r.username ?? '-' },
    { title: '操作', dataIndex: 'action', width: 200, render: (_, r) => <Typography.Text code>{r.action}</Typography.Text> },
    {
      title: '对象',
      dataIndex: 'targetType',
      search: false,
      ellipsis: true,
      render: (_, r) => (r.targetType ? `${r.targetType}${r.targetIds.length ? `：${r.targetIds.join('，')}` : ''}` : '-'),
    },
    { title: '结果', dataIndex: 'result', width: 80, valueType: 'select', valueEnum: resultEnum },
    { title: '客户端 IP', dataIndex: 'clientIp', search: false, width: 130, render: (_, r) => r.clientIp ?? '-' },
    { title: '追踪号', dataIndex: 'traceId', search: false, width: 150, ellipsis: true, copyable: true },
    {
      title: '详情',
      key: 'detail',
      valueType: 'option',
      width: 60,
      fixed: 'right',
      render: (_, r) => <Typography.Link onClick={() => setDetail(r)}>详情</Typography.Link>,
    },
  ];

  const broken = verifyResult && !verifyResult.ok ? verifyResult.firstBrokenSeq : null;

  return (
    <PageContainer title={<PageTitle>审计日志</PageTitle>} subTitle="记录登录、授权和业务操作，链式哈希防篡改">
      {verifyResult && <VerifyResultAlert result={verifyResult} onClose={() => setVerifyResult(null)} />}
      <ProTable<AuditLogView>
        rowKey="seq"
        {...listTableDefaults((t) => `共 ${t} 条`)}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="审计记录"
        scroll={{ x: 1200 }}
        onRow={(r) => ({ onDoubleClick: () => setDetail(r), style: r.seq === broken ? { background: '#fff1f0' } : undefined })}
        toolBarRender={() => [
          <Access key="verify" permission="audit:log:verify">
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => void runVerify()}>
              校验审计链
            </Button>
          </Access>,
        ]}
      />
      <AuditDetailDrawer log={detail} onClose={() => setDetail(null)} />
    </PageContainer>
  );
}
