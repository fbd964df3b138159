import { useState } from 'react';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { dataScopeLabels, type RoleView } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { pageOf, textParam, useServerTable, listTableDefaults } from '../../app/table';
import { PageTitle } from '../../app/ui';
import { identityApi, identityKeys, useDeleteRole } from './api';
import { RoleFormDrawer, type RoleFormTarget } from './components/RoleFormDrawer';

/** 角色权限: roles with their data scope and permissions; create / edit / delete need identity:role:manage. */
export function RoleListPage() {
  const { can } = useAccess();
  const canManage = can('identity:role:manage');
  const [formTarget, setFormTarget] = useState<RoleFormTarget | null>(null);
  const del = useDeleteRole();

  const { actionRef, request, onRequestError } = useServerTable<RoleView>(identityKeys.roles, (params) =>
    identityApi.listRoles({ ...pageOf(params), keyword: textParam(params.keyword) }),
  );

  const doDelete = async (role: RoleView) => {
    await del.mutateAsync(role.id);
    feedback.message.success(`已删除角色「${role.name}」`);
  };

  const columns: ProColumns<RoleView>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '角色名称 / 代码', autoFocus: true } },
    {
      title: '角色名称',
      dataIndex: 'name',
      search: false,
      width: 220,
      render: (_, r) => (
        <Space size={4}>
          <Typography.Link onClick={() => setFormTarget({ mode: canManage && !r.isSystem ? 'edit' : 'view', role: r })}>{r.name}</Typography.Link>
          {r.isSystem && <Tag color="gold">系统内置</Tag>}
        </Space>
      ),
    },
    { title: '角色代码', dataIndex: 'code', search: false, width: 160, copyable: true },
    { title: '描述', dataIndex: 'description', search: false, ellipsis: true },
    { title: '数据范围', dataIndex: 'dataScope', search: false, width: 140, render: (_, r) => (r.dataScope === 'custom' ? `${dataScopeLabels.custom}（${r.customOrgIds.length} 个机构）` : dataScopeLabels[r.dataScope]) },
    { title: '权限数', dataIndex: 'permissions', search: false, width: 80, align: 'right', render: (_, r) => r.permissions.length },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      render: (_, r) =>
        canManage ? (
          <Space size={8}>
            {r.isSystem ? (
              <Tooltip title="系统内置角色不能修改">
                <Typography.Link onClick={() => setFormTarget({ mode: 'view', role: r })}>查看</Typography.Link>
              </Tooltip>
            ) : (
              <Typography.Link onClick={() => setFormTarget({ mode: 'edit', role: r })}>编辑</Typography.Link>
            )}
            {r.isSystem ? (
              <Tooltip title="系统内置角色不可删除">
                <Typography.Link disabled>删除</Typography.Link>
              </Tooltip>
            ) : (
              <Popconfirm
                title={`确认删除角色「${r.name}」？`}
                description="已分配该角色的岗位将失去相应权限。"
                okButtonProps={{ danger: true }}
                onConfirm={() => doDelete(r).catch(notifyError)}
              >
                <Typography.Link type="danger">删除</Typography.Link>
              </Popconfirm>
            )}
          </Space>
        ) : (
          <Typography.Link onClick={() => setFormTarget({ mode: 'view', role: r })}>查看</Typography.Link>
        ),
    },
  ];

  return (
    <PageContainer title={<PageTitle>角色权限</PageTitle>} subTitle="角色决定岗位可用的功能权限和数据范围">
      <ProTable<RoleView>
        rowKey="id"
        {...listTableDefaults((t) => `共 ${t} 个角色`)}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="角色列表"
        toolBarRender={() =>
          canManage
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
                  新增角色
                </Button>,
              ]
            : []
        }
      />
      <RoleFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
    </PageContainer>
  );
}
