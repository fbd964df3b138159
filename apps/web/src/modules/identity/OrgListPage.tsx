import { useEffect, useMemo, useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Badge, Button, Card, Col, Descriptions, Empty, Input, List, Popconfirm, Result, Row, Space, Spin, Table, Tag, Tooltip, Tree, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApartmentOutlined, EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { orgLevelLabels, policeTypeLabels, type OrgView } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { useDebouncedValue } from '../../app/hooks';
import { PageTitle } from '../../app/ui';
import { identityKeys, useOrg, useOrgs, useUpdateOrg } from './api';
import { OrgFormModal, type OrgFormTarget } from './components/OrgFormModal';
import { buildOrgNodes, useOrgTree } from './components/useOrgTree';

interface TreeNode {
  key: string;
  title: React.ReactNode;
  isLeaf: boolean;
  selectable?: boolean;
  disabled?: boolean;
  children?: TreeNode[];
}

const statusTag = (status: OrgView['status']) => (status === 'active' ? <Badge status="success" text="启用" /> : <Badge status="default" text="停用" />);

function OrgTitle({ org }: { org: OrgView }) {
  return (
    <span style={{ color: org.status === 'disabled' ? '#999' : undefined }}>
      {org.name}
      {org.status === 'disabled' && <Tag style={{ marginInlineStart: 6 }}>停用</Tag>}
    </span>
  );
}

/** 机构管理: lazy org tree (or search results) on the left; the selected org and its direct children on the right. */
export function OrgListPage() {
  const { can } = useAccess();
  const canCreate = can('identity:org:create');
  const canUpdate = can('identity:org:update');
  const queryClient = useQueryClient();

  const tree = useOrgTree();
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<string>();
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword.trim(), 300);
  const search = useOrgs({ keyword: debounced, page: 1, pageSize: 100 }, { enabled: !!debounced });

  const [childPage, setChildPage] = useState({ page: 1, pageSize: 20 });
  const selected = useOrg(selectedId);
  const children = useOrgs({ parentId: selectedId, ...childPage }, { enabled: !!selectedId });
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const update = useUpdateOrg();

  // Start with the top of the data scope selected and expanded.
  useEffect(() => {
    const roots = tree.root?.items;
    if (!roots || roots.length === 0 || selectedId) return;
    setSelectedId(roots[0].id);
    const expandable = roots.filter((r) => r.childCount > 0).slice(0, 3);
    expandable.forEach((r) => void tree.loadChildren(r.id));
    setExpandedKeys(expandable.map((r) => r.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tree.root]);

  useEffect(() => setChildPage((p) => ({ ...p, page: 1 })), [selectedId]);

  const treeData = useMemo(
    () =>
      buildOrgNodes<TreeNode>(
        tree,
        (org, kids) => ({ key: org.id, title: <OrgTitle org={org} />, isLeaf: org.childCount === 0, children: kids }),
        (parentId, shown, total) => ({
          key: `${parentId ?? 'root'}__more`,
          title: <Typography.Text type="secondary">仅显示前 {shown} 个（共 {total} 个），请使用搜索</Typography.Text>,
          isLeaf: true,
          selectable: false,
        }),
      ),
    [tree],
  );

  const toggleStatus = async (org: OrgView) => {
    const status = org.status === 'active' ? 'disabled' : 'active';
    await update.mutateAsync({ id: org.id, body: { status } });
    feedback.message.success(`已${status === 'active' ? '启用' : '停用'}「${org.name}」`);
  };

  const refresh = () => void queryClient.invalidateQueries({ queryKey: identityKeys.orgs });

  const columns: TableColumnsType<OrgView> = [
    {
      title: '机构名称',
      dataIndex: 'name',
      render: (_, org) => (
        <Typography.Link onClick={() => setSelectedId(org.id)}>
          <OrgTitle org={org} />
        </Typography.Link>
      ),
    },
    { title: '机构代码', dataIndex: 'code', width: 140 },
    { title: '层级', dataIndex: 'level', width: 150, render: (v: OrgView['level']) => orgLevelLabels[v] },
    { title: '警种', dataIndex: 'policeType', width: 80, render: (v: OrgView['policeType']) => (v ? policeTypeLabels[v] : '-') },
    { title: '行政区划', dataIndex: 'regionCode', width: 100, render: (v: string | null) => v ?? '-' },
    { title: '下级', dataIndex: 'childCount', width: 64, align: 'right' },
    { title: '排序', dataIndex: 'sort', width: 64, align: 'right' },
    { title: '状态', dataIndex: 'status', width: 80, render: statusTag },
    ...(canUpdate
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, org: OrgView) => (
              <Space size={4}>
                <Typography.Link onClick={() => setFormTarget({ mode: 'edit', org })}>编辑</Typography.Link>
                <Popconfirm
                  title={`确认${org.status === 'active' ? '停用' : '启用'}「${org.name}」？`}
                  onConfirm={() => toggleStatus(org).catch(notifyError)}
                >
                  <Typography.Link type={org.status === 'active' ? 'danger' : undefined}>{org.status === 'active' ? '停用' : '启用'}</Typography.Link>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const org = selected.data;

  const leftPanel = debounced ? (
    <List<OrgView>
      size="small"
      loading={search.isFetching}
      dataSource={search.data?.items ?? []}
      locale={{ emptyText: '无匹配机构' }}
      style={{ maxHeight: 560, overflowY: 'auto' }}
      renderItem={(o) => (
        <List.Item
          style={{ cursor: 'pointer', background: o.id === selectedId ? '#e6f4ff' : undefined, padding: '4px 8px' }}
          onClick={() => setSelectedId(o.id)}
        >
          <Typography.Text ellipsis style={{ maxWidth: '60%' }}>
            <OrgTitle org={o} />
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {orgLevelLabels[o.level]} · {o.code}
          </Typography.Text>
        </List.Item>
      )}
      footer={search.data && search.data.total > search.data.items.length ? `共 ${search.data.total} 条，仅显示前 ${search.data.items.length} 条` : undefined}
    />
  ) : tree.rootLoading ? (
    <div style={{ padding: 24, textAlign: 'center' }}>
      <Spin />
    </div>
  ) : tree.rootError ? (
    <Result status="error" subTitle="机构加载失败" extra={<Button onClick={() => void tree.refetchRoot()}>重试</Button>} />
  ) : treeData.length === 0 ? (
    <Empty description="数据范围内暂无机构" />
  ) : (
    <Tree<TreeNode>
      blockNode
      showLine
      treeData={treeData}
      height={560}
      expandedKeys={expandedKeys}
      onExpand={(keys) => setExpandedKeys(keys.map(String))}
      loadData={(node) => tree.loadChildren(String(node.key))}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
    />
  );

  return (
    <PageContainer title={<PageTitle>机构管理</PageTitle>} subTitle="维护全省公安机关及政务服务窗口的组织机构">
      <Row gutter={12} wrap={false}>
        <Col flex="320px">
          <Card
            size="small"
            title={
              <Space>
                <ApartmentOutlined />
                机构树
              </Space>
            }
            extra={
              <Tooltip title="刷新">
                <Button type="text" size="small" icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新机构" />
              </Tooltip>
            }
            styles={{ body: { padding: 8 } }}
          >
            <Input.Search
              placeholder="搜索机构名称或代码"
              allowClear
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              style={{ marginBottom: 8 }}
              aria-label="搜索机构"
            />
            {leftPanel}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Card
            size="small"
            title="机构信息"
            loading={!!selectedId && selected.isPending}
            extra={
              org && (
                <Space size={4}>
                  {canCreate && (
                    <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: org })}>
                      新增下级机构
                    </Button>
                  )}
                  {canUpdate && (
                    <>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', org })}>
                        编辑
                      </Button>
                      <Popconfirm title={`确认${org.status === 'active' ? '停用' : '启用'}「${org.name}」？`} onConfirm={() => toggleStatus(org).catch(notifyError)}>
                        <Button size="small" danger={org.status === 'active'} icon={org.status === 'active' ? <StopOutlined /> : <CheckCircleOutlined />}>
                          {org.status === 'active' ? '停用' : '启用'}
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              )
            }
          >
            {org ? (
              <Descriptions size="small" column={3} bordered>
                <Descriptions.Item label="机构名称">{org.name}</Descriptions.Item>
                <Descriptions.Item label="机构代码">{org.code}</Descriptions.Item>
                <Descriptions.Item label="层级">{orgLevelLabels[org.level]}</Descriptions.Item>
                <Descriptions.Item label="警种">{org.policeType ? policeTypeLabels[org.policeType] : '-'}</Descriptions.Item>
                <Descriptions.Item label="行政区划">{org.regionCode ?? '-'}</Descriptions.Item>
                <Descriptions.Item label="状态">{statusTag(org.status)}</Descriptions.Item>
                <Descriptions.Item label="排序号">{org.sort}</Descriptions.Item>
                <Descriptions.Item label="直属下级">{org.childCount}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description="请在左侧选择机构" />
            )}
          </Card>
          {org && (
            <Card size="small" title={`下级机构（${children.data?.total ?? 0}）`} style={{ marginTop: 12 }} styles={{ body: { padding: 0 } }}>
              <Table<OrgView>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={children.data?.items}
                loading={children.isFetching}
                scroll={{ x: 900 }}
                locale={{ emptyText: '无下级机构' }}
                pagination={{
                  current: childPage.page,
                  pageSize: childPage.pageSize,
                  total: children.data?.total ?? 0,
                  size: 'small',
                  showSizeChanger: true,
                  showTotal: (t) => `共 ${t} 个`,
                  onChange: (page, pageSize) => setChildPage({ page, pageSize }),
                }}
              />
            </Card>
          )}
        </Col>
      </Row>
      <OrgFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          // reveal a newly created child in the tree
          if (saved.parentId) {
            void tree.loadChildren(saved.parentId);
            setExpandedKeys((keys) => (keys.includes(saved.parentId!) ? keys : [...keys, saved.parentId!]));
          }
        }}
      />
    </PageContainer>
  );
}
