import { useState } from 'react';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { LockOutlined, PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import { userTypeLabels, type UserType, type UserView } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { pageOf, textParam, useServerTable, listTableDefaults } from '../../app/table';
import { formatDateTime, isFuture, PageTitle } from '../../app/ui';
import { identityApi, identityKeys, useUnlockUser, useUpdateUser } from './api';
import { OrgTreeSelect } from './components/OrgTreeSelect';
import { ResetPasswordModal } from './components/ResetPasswordModal';
import { UserFormDrawer, type UserFormTarget } from './components/UserFormDrawer';

const userTypeEnum = Object.fromEntries((Object.keys(userTypeLabels) as UserType[]).map((k) => [k, { text: userTypeLabels[k] }]));

/** Status tags: 停用 when disabled, 锁定 while lockedUntil is in the future. */
export function UserStatusTags({ user }: { user: Pick<UserView, 'status' | 'lockedUntil'> }) {
  const locked = isFuture(user.lockedUntil);
  return (
    <Space size={2} wrap>
      {user.status === 'disabled' ? <Tag color="default">停用</Tag> : !locked && <Tag color="success">正常</Tag>}
      {locked && (
        <Tooltip title={`锁定至 ${formatDateTime(user.lockedUntil)}`}>
          <Tag color="error" icon={<LockOutlined />}>
            锁定
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** 用户管理: server-paged user list filtered by org / status / keyword, with create, edit, reset password and unlock. */
export function UserListPage() {
  const { can } = useAccess();
  const canCreate = can('identity:user:create');
  const canUpdate = can('identity:user:update');
  const canReset = can('identity:user:reset-password');

  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  const { actionRef, request, onRequestError } = useServerTable<UserView>(identityKeys.users, (params) =>
    identityApi.listUsers({
      ...pageOf(params),
      keyword: textParam(params.keyword),
      orgId: textParam(params.orgId),
      status: params.status === 'active' || params.status === 'disabled' ? params.status : undefined,
    }),
  );

  const toggleStatus = async (user: UserView) => {
    const status = user.status === 'active' ? 'disabled' : 'active';
    await update.mutateAsync({ id: user.id, body: { status } });
    feedback.message.success(`已${status === 'active' ? '启用' : '停用'}用户「${user.displayName}」`);
  };

  const doUnlock = async (user: UserView) => {
    await unlock.mutateAsync(user.id);
    feedback.message.success(`已解锁用户「${user.displayName}」`);
  };

  const columns: ProColumns<UserView>[] = [
    {
      title: '关键词',
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: '用户名 / 姓名 / 警号', autoFocus: true },
    },
    {
      title: '所属机构',
      dataIndex: 'orgId',
      hideInTable: true,
      tooltip: '含下级机构',
      renderFormItem: () => <OrgTreeSelect placeholder="全部机构" />,
    },
    { title: '用户名', dataIndex: 'username', search: false, width: 120, copyable: true },
    { title: '姓名', dataIndex: 'displayName', search: false, width: 90 },
    { title: '类型', dataIndex: 'userType', search: false, width: 70, valueEnum: userTypeEnum },
    { title: '警号', dataIndex: 'policeNo', search: false, width: 90 },
    { title: '手机号', dataIndex: 'phone', search: false, width: 120 },
    { title: '所属机构', dataIndex: 'orgName', search: false, ellipsis: true, width: 180 },
    {
      title: '岗位',
      dataIndex: 'positions',
      search: false,
      render: (_, u) => (
        <Space size={[2, 2]} wrap>
          {u.positions.map((p) => (
            <Tooltip key={p.id} title={`${p.orgName}；角色：${p.roleNames.join('、') || '无'}`}>
              <Tag color={p.isPrimary ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
                {p.title}
                {p.isPrimary ? '（主）' : ''}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      valueType: 'select',
      valueEnum: { active: { text: '正常' }, disabled: { text: '停用' } },
      render: (_, u) => (
        <Space size={2}>
          <UserStatusTags user={u} />
          {u.totpEnabled && (
            <Tooltip title="已启用双因素认证">
              <SafetyOutlined style={{ color: '#52c41a' }} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: '创建时间', dataIndex: 'createdAt', search: false, width: 160, render: (_, u) => formatDateTime(u.createdAt) },
    {
      title: '操作',
      valueType: 'option',
      width: 190,
      fixed: 'right',
      hideInTable: !canUpdate && !canReset,
      render: (_, u) => {
        const locked = isFuture(u.lockedUntil);
        return (
          <Space size={8}>
            {canUpdate && <Typography.Link onClick={() => setFormTarget({ mode: 'edit', user: u })}>编辑</Typography.Link>}
            {canReset && <Typography.Link onClick={() => setResetting(u)}>重置密码</Typography.Link>}
            {canReset && locked && (
              <Popconfirm title={`确认解锁「${u.displayName}」？`} onConfirm={() => doUnlock(u).catch(notifyError)}>
                <Typography.Link>解锁</Typography.Link>
              </Popconfirm>
            )}
            {canUpdate && (
              <Popconfirm
                title={`确认${u.status === 'active' ? '停用' : '启用'}「${u.displayName}」？`}
                description={u.status === 'active' ? '停用后该用户将无法登录。' : undefined}
                onConfirm={() => toggleStatus(u).catch(notifyError)}
              >
                <Typography.Link type={u.status === 'active' ? 'danger' : undefined}>{u.status === 'active' ? '停用' : '启用'}</Typography.Link>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer title={<PageTitle>用户管理</PageTitle>} subTitle="维护民警、辅警及管理员账号和岗位">
      <ProTable<UserView>
        rowKey="id"
        {...listTableDefaults((t) => `共 ${t} 人`)}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="用户列表"
        scroll={{ x: 1300 }}
        toolBarRender={() =>
          canCreate
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
                  新增用户
                </Button>,
              ]
            : []
        }
      />
      <UserFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
