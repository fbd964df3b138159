import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tabs, Typography } from 'antd';
import { useAuth } from '../../app/auth-context';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { listTableDefaults, pageOf, useServerTable } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useClaim, workflowApi, workflowKeys, type CcView, type TaskView } from './api';
import { DueTag, TaskHolderTags } from './components/labels';
import { DoneTaskList } from './DoneTaskList';
import { useRoleNames } from './components/RoleSelect';
import { TaskDrawer } from './components/TaskDrawer';

const tableBase = {
  ...listTableDefaults((t: number) => `共 ${t} 项`),
  search: false as const,
};

function MyTasks({ onOpen }: { onOpen: (id: string) => void }) {
  const { me } = useAuth();
  const claim = useClaim();
  const roleName = useRoleNames();
  const { actionRef, request, onRequestError } = useServerTable<TaskView>(workflowKeys.tasks, (params) => workflowApi.myTasks(pageOf(params)));

  const doClaim = async (t: TaskView) => {
    await claim.mutateAsync(t.id);
    feedback.message.success(`已签收“${t.nodeName}”`);
    onOpen(t.id);
  };

  const columns: ProColumns<TaskView>[] = [
    {
      title: '待办事项',
      dataIndex: 'nodeName',
      ellipsis: true,
      render: (_, t) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={(e) => { e.stopPropagation(); onOpen(t.id); }}>
          {`${t.definitionName} · ${t.nodeName}`}
        </Button>
      ),
    },
    { title: '业务编号', dataIndex: 'businessKey', width: 190, ellipsis: true, copyable: true },
    { title: '状态', dataIndex: 'assigneeId', width: 200, render: (_, t) => <TaskHolderTags task={t} meId={me?.user.id} roleName={roleName} /> },
    { title: '到达时间', dataIndex: 'createdAt', width: 170, render: (_, t) => formatDateTime(t.createdAt) },
    { title: '办理期限', dataIndex: 'dueDate', width: 200, render: (_, t) => <DueTag dueDate={t.dueDate} /> },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      render: (_, t) => (
        <Space size={8} onClick={(e) => e.stopPropagation()}>
          {!t.assigneeId && (
            <Typography.Link disabled={claim.isPending} onClick={() => void doClaim(t).catch(notifyError)}>
              签收
            </Typography.Link>
          )}
          <Typography.Link onClick={() => onOpen(t.id)}>办理</Typography.Link>
        </Space>
      ),
    },
  ];

  return (
    <ProTable<TaskView>
      rowKey="id"
      {...tableBase}
      columns={columns}
      actionRef={actionRef}
      request={request}
      onRequestError={onRequestError}
      headerTitle="按办理期限排序，超期的在前"
      onRow={(t) => ({ onClick: () => onOpen(t.id), style: { cursor: 'pointer' } })}
      scroll={{ x: 900 }}
    />
  );
}

function CcToMe() {
  const { actionRef, request, onRequestError } = useServerTable<CcView>(workflowKeys.cc, (params) => workflowApi.ccToMe(pageOf(params)));
  const columns: ProColumns<CcView>[] = [
    { title: '事项', dataIndex: 'definitionName', ellipsis: true, render: (_, c) => [c.definitionName, c.nodeName].filter(Boolean).join(' · ') || '-' },
    { title: '业务编号', dataIndex: 'businessKey', width: 200 },
    { title: '抄送人', dataIndex: 'fromUserName', width: 120, render: (_, c) => c.fromUserName ?? '-' },
    { title: '意见', dataIndex: 'opinion', ellipsis: true, render: (_, c) => c.opinion || '-' },
    { title: '抄送时间', dataIndex: 'createdAt', width: 170, render: (_, c) => formatDateTime(c.createdAt) },
  ];
  return <ProTable<CcView> rowKey="id" {...tableBase} columns={columns} actionRef={actionRef} request={request} onRequestError={onRequestError} headerTitle="抄送给我的办理情况" />;
}

const TABS = ['tasks', 'done', 'cc'];

/** 我的待办: tasks assigned to me or waiting for my position's role (签收), 已办, and 抄送我的. Links may name the tab (`?tab=cc`) and a task (`?taskId=`). */
export function TaskInboxPage() {
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | null>(() => params.get('taskId'));
  const [tab, setTab] = useState(() => (TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'tasks'));
  return (
    <PageContainer title={<PageTitle>我的待办</PageTitle>} subTitle="签收并办理分配给您或本岗位的任务；已办任务在下一环节开始前可以撤回">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'tasks', label: '待办任务', children: <MyTasks onOpen={setOpen} /> },
          { key: 'done', label: '已办任务', children: <DoneTaskList onOpen={setOpen} /> },
          { key: 'cc', label: '抄送我的', children: <CcToMe /> },
        ]}
      />
      <TaskDrawer taskId={open} onClose={() => setOpen(null)} onReopen={setOpen} />
    </PageContainer>
  );
}
