import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Tabs, Tag, Typography } from 'antd';
import { listTableDefaults, pageOf, textParam, useServerTable } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { workflowApi, workflowKeys, type InstanceStatus, type InstanceSummary, type OverdueTask } from './api';
import { instanceStatusLabels, InstanceStatusTag } from './components/labels';
import { useRoleNames } from './components/RoleSelect';

const statusEnum = Object.fromEntries((Object.keys(instanceStatusLabels) as InstanceStatus[]).map((k) => [k, { text: instanceStatusLabels[k] }]));
const isStatus = (v: unknown): v is InstanceStatus => typeof v === 'string' && v in instanceStatusLabels;

function Instances() {
  const navigate = useNavigate();
  const open = (id: string) => navigate(`/handling/monitor/${id}`);
  const { actionRef, request, onRequestError } = useServerTable<InstanceSummary>(workflowKeys.instances, (params) =>
    workflowApi.listInstances({ ...pageOf(params), keyword: textParam(params.keyword), key: textParam(params.key), status: isStatus(params.status) ? params.status : undefined }),
  );
  const columns: ProColumns<InstanceSummary>[] = [
    { title: '业务编号', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '业务编号', autoFocus: true } },
    { title: '流程标识', dataIndex: 'key', hideInTable: true, fieldProps: { placeholder: '如 hukou-move' } },
    {
      title: '业务编号',
      dataIndex: 'businessKey',
      search: false,
      ellipsis: true,
      render: (_, i) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={(e) => { e.stopPropagation(); open(i.id); }}>
          {i.businessKey}
        </Button>
      ),
    },
    {
      title: '流程',
      dataIndex: 'definition',
      search: false,
      render: (_, i) => (
        <>
          {i.definition.name} <Typography.Text type="secondary">{i.definition.key} v{i.definition.version}</Typography.Text>
        </>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 110, valueType: 'select', valueEnum: statusEnum, render: (_, i) => <InstanceStatusTag status={i.status} suspended={i.suspended} /> },
    { title: '开始时间', dataIndex: 'startedAt', search: false, width: 170, render: (_, i) => formatDateTime(i.startedAt) },
    { title: '结束时间', dataIndex: 'endedAt', search: false, width: 170, render: (_, i) => formatDateTime(i.endedAt) },
    { title: '操作', valueType: 'option', width: 80, render: (_, i) => <Typography.Link onClick={() => open(i.id)}>监控</Typography.Link> },
  ];
  return (
    <ProTable<InstanceSummary>
      rowKey="id"
      {...listTableDefaults((t) => `共 ${t} 个实例`)}
      columns={columns}
      actionRef={actionRef}
      request={request}
      onRequestError={onRequestError}
      headerTitle="流程实例"
      onRow={(i) => ({ onClick: () => open(i.id), style: { cursor: 'pointer' } })}
      scroll={{ x: 900 }}
    />
  );
}

function Overdue() {
  const navigate = useNavigate();
  const roleName = useRoleNames();
  const { actionRef, request, onRequestError } = useServerTable<OverdueTask>(workflowKeys.overdue, (params) => workflowApi.overdueTasks(pageOf(params)));
  const columns: ProColumns<OverdueTask>[] = [
    { title: '任务', dataIndex: 'nodeName', ellipsis: true, render: (_, t) => `${t.definitionName} · ${t.nodeName}` },
    { title: '业务编号', dataIndex: 'businessKey', width: 190, copyable: true },
    { title: '办理人', dataIndex: 'assigneeId', width: 170, render: (_, t) => (t.assigneeId ? t.assigneeName ?? t.assigneeId.slice(0, 8) : <Tag>待签收 · {roleName(t.candidateRole)}</Tag>) },
    { title: '到达时间', dataIndex: 'createdAt', width: 170, render: (_, t) => formatDateTime(t.createdAt) },
    { title: '办理期限', dataIndex: 'dueDate', width: 130 },
    {
      title: '时限状态',
      dataIndex: 'slaStatus',
      width: 120,
      render: (_, t) => (t.slaStatus === 'overdue' ? <Tag color="error">已超期 {t.overdueDays} 天</Tag> : <Tag color="warning">临近到期</Tag>),
    },
    { title: '操作', valueType: 'option', width: 90, render: (_, t) => <Typography.Link onClick={() => navigate(`/handling/monitor/${t.instanceId}`)}>查看实例</Typography.Link> },
  ];
  return (
    <ProTable<OverdueTask>
      rowKey="id"
      {...listTableDefaults((t) => `共 ${t} 个超期任务`)}
      search={false}
      columns={columns}
      actionRef={actionRef}
      request={request}
      onRequestError={onRequestError}
      headerTitle="已超期或临近到期、尚未办理的任务"
      scroll={{ x: 900 }}
    />
  );
}

/** 流程监控: instances (filter by key and status) and overdue tasks. */
export function MonitorPage() {
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState(params.get('tab') === 'overdue' ? 'overdue' : 'instances');
  return (
    <PageContainer title={<PageTitle>流程监控</PageTitle>} subTitle="查看流程实例的进度与超期任务，挂起、恢复或迁移实例">
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setParams(k === 'overdue' ? { tab: k } : {}, { replace: true });
        }}
        items={[
          { key: 'instances', label: '流程实例', children: <Instances /> },
          { key: 'overdue', label: '超期任务', children: <Overdue /> },
        ]}
      />
    </PageContainer>
  );
}
