import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ApartmentOutlined, NodeIndexOutlined, UploadOutlined } from '@ant-design/icons';
import type { WorkflowDefinitionView } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { listTableDefaults, textParam, useServerTable } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { usePublish, workflowApi, workflowKeys } from './api';
import { DeployModal } from './components/DeployModal';
import { definitionStatusLabels, DefinitionStatusTag, type DefinitionStatus } from './components/labels';

export interface DefinitionGroup {
  key: string;
  /** Name of the newest version. */
  name: string;
  latest: WorkflowDefinitionView;
  /** Newest published version (the one new cases use), if any. */
  published: WorkflowDefinitionView | null;
  /** Newest first. */
  versions: WorkflowDefinitionView[];
}

/** Version rows → one row per key, in the server's order (by key). */
export function groupByKey(items: readonly WorkflowDefinitionView[]): DefinitionGroup[] {
  const groups = new Map<string, WorkflowDefinitionView[]>();
  for (const d of items) groups.set(d.key, [...(groups.get(d.key) ?? []), d]);
  return [...groups.entries()].map(([key, vs]) => {
    const versions = [...vs].sort((a, b) => b.version - a.version);
    return { key, name: versions[0].name, latest: versions[0], published: versions.find((v) => v.status === 'published') ?? null, versions };
  });
}

/** The most version rows one list request may ask for; more than this are not grouped completely. */
const FETCH_LIMIT = 200;

const statusValueEnum = Object.fromEntries((Object.keys(definitionStatusLabels) as DefinitionStatus[]).map((k) => [k, { text: definitionStatusLabels[k] }]));

/** 流程设计: process definitions by key with their versions; new 审批链 / BPMN, import, publish. */
export function WorkflowListPage() {
  const navigate = useNavigate();
  const { can } = useAccess();
  const canEdit = can('workflow:definition:manage');
  const publish = usePublish();
  const [deploying, setDeploying] = useState(false);
  const [truncated, setTruncated] = useState(false);

  const { actionRef, request, onRequestError } = useServerTable<DefinitionGroup>(workflowKeys.definitions, async (params) => {
    const status = typeof params.status === 'string' && params.status in definitionStatusLabels ? (params.status as DefinitionStatus) : undefined;
    const page = await workflowApi.listDefinitions({ keyword: textParam(params.keyword), status, page: 1, pageSize: FETCH_LIMIT });
    setTruncated(page.total > page.items.length);
    const groups = groupByKey(page.items);
    const current = params.current ?? 1;
    const size = params.pageSize ?? 20;
    return { items: groups.slice((current - 1) * size, current * size), total: groups.length };
  });

  const open = (d: WorkflowDefinitionView) => navigate(`/config/workflows/${d.id}`);
  const doPublish = async (d: WorkflowDefinitionView) => {
    await publish.mutateAsync(d.id);
    feedback.message.success(`${d.name} v${d.version} 已发布`);
  };
  const publishLink = (d: WorkflowDefinitionView) => (
    <Popconfirm
      title={`发布 ${d.name} v${d.version}`}
      description="发布后新办件将使用该版本，在办件仍按原版本办理。确认发布？"
      okText="确认发布"
      onConfirm={() => doPublish(d).catch(notifyError)}
    >
      <Typography.Link>发布</Typography.Link>
    </Popconfirm>
  );

  const columns: ProColumns<DefinitionGroup>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '流程名称 / 标识', autoFocus: true } },
    { title: '状态', dataIndex: 'status', hideInTable: true, valueType: 'select', valueEnum: statusValueEnum },
    {
      title: '流程名称',
      dataIndex: 'name',
      search: false,
      ellipsis: true,
      render: (_, g) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(g.latest)}>
          {g.name}
        </Button>
      ),
    },
    { title: '流程标识', dataIndex: 'key', search: false, width: 180, copyable: true },
    {
      title: '最新版本',
      dataIndex: 'latest',
      search: false,
      width: 130,
      render: (_, g) => (
        <Space size={4}>
          <span>v{g.latest.version}</span>
          <DefinitionStatusTag status={g.latest.status} />
        </Space>
      ),
    },
    { title: '现行版本', dataIndex: 'published', search: false, width: 100, render: (_, g) => (g.published ? `v${g.published.version}` : <Tag>未发布</Tag>) },
    { title: '版本数', dataIndex: 'versions', search: false, width: 80, render: (_, g) => g.versions.length },
    { title: '最后保存', dataIndex: 'createdAt', search: false, width: 170, render: (_, g) => formatDateTime(g.latest.createdAt) },
    {
      title: '操作',
      valueType: 'option',
      width: 150,
      render: (_, g) => (
        <Space size={12}>
          <Typography.Link onClick={() => open(g.latest)}>流程图</Typography.Link>
          {canEdit && g.latest.status === 'draft' && publishLink(g.latest)}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={<PageTitle>流程设计</PageTitle>} subTitle="审批流程的设计、版本与发布；事项通过流程标识引用流程">
      {truncated && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`版本较多，仅按最新的 ${FETCH_LIMIT} 个版本归组，请用关键词缩小范围`} />}
      <ProTable<DefinitionGroup>
        rowKey="key"
        {...listTableDefaults((t) => `共 ${t} 个流程`)}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="流程定义"
        toolBarRender={() =>
          canEdit
            ? [
                <Button key="chain" type="primary" icon={<NodeIndexOutlined />} onClick={() => navigate('/config/workflows/new?type=chain')}>
                  新建审批链
                </Button>,
                <Button key="bpmn" icon={<ApartmentOutlined />} onClick={() => navigate('/config/workflows/new')}>
                  新建 BPMN 流程
                </Button>,
                <Button key="deploy" icon={<UploadOutlined />} onClick={() => setDeploying(true)}>
                  导入部署
                </Button>,
              ]
            : []
        }
        expandable={{
          expandedRowRender: (g) => (
            <Table<WorkflowDefinitionView>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={g.versions}
              columns={[
                { title: '版本', dataIndex: 'version', width: 80, render: (v: number, d) => <>v{v}{g.published?.id === d.id && <Tag color="green" style={{ marginInlineStart: 4 }}>现行</Tag>}</> },
                { title: '名称', dataIndex: 'name' },
                { title: '状态', dataIndex: 'status', width: 90, render: (s: DefinitionStatus) => <DefinitionStatusTag status={s} /> },
                { title: '保存时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
                { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
                {
                  title: '操作',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, d) => (
                    <Space size={12}>
                      <Typography.Link onClick={() => open(d)}>打开</Typography.Link>
                      {canEdit && d.status === 'draft' && publishLink(d)}
                    </Space>
                  ),
                },
              ]}
            />
          ),
        }}
        scroll={{ x: 1000 }}
      />
      <DeployModal
        open={deploying}
        onClose={() => setDeploying(false)}
        onDeployed={(v) => {
          setDeploying(false);
          feedback.message.success(`已部署 ${v.name} v${v.version}（草稿）`);
        }}
      />
    </PageContainer>
  );
}
