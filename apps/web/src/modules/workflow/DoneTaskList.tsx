import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { listTableDefaults, pageOf, textParam, useServerTable } from '../../app/table';
import { formatDateTime } from '../../app/ui';
import { useTaskAction, workflowApi, workflowKeys, type DoneOutcome, type DoneTask } from './api';
import { InstanceStatusTag } from './components/labels';

const outcomeLabels: Record<DoneOutcome, string> = { approve: '通过', reject: '不通过', return: '退回', resolve: '办理交回' };
const outcomeColors: Record<DoneOutcome, string> = { approve: 'green', reject: 'red', return: 'orange', resolve: 'purple' };
const dateParam = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** 已办: the tasks I settled, newest first, where each process stands now, and 撤回 while it is still possible. */
export function DoneTaskList({ onOpen }: { onOpen: (taskId: string) => void }) {
  const withdraw = useTaskAction();
  const { actionRef, request, onRequestError } = useServerTable<DoneTask>(workflowKeys.done, (params) =>
    workflowApi.doneTasks({ ...pageOf(params), keyword: textParam(params.keyword), from: dateParam(params.from), to: dateParam(params.to) }),
  );

  // the task operations refresh everything under workflowKeys.tasks: 待办 and this list
  const doWithdraw = async (d: DoneTask) => {
    await withdraw.mutateAsync({ id: d.taskId, action: 'withdraw', body: {} });
    feedback.message.success(`已撤回：${d.definitionName} · ${d.nodeName}（${d.caseNo}），任务已回到您的待办`);
  };

  const columns: ProColumns<DoneTask>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '办件编号 / 事项 / 流程名称' } },
    {
      title: '办理日期',
      dataIndex: 'completedRange',
      hideInTable: true,
      valueType: 'dateRange',
      search: { transform: (v: [string, string]) => ({ from: v?.[0], to: v?.[1] }) },
    },
    {
      title: '环节',
      dataIndex: 'nodeName',
      search: false,
      width: 140,
      ellipsis: true,
      render: (_, d) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={(e) => { e.stopPropagation(); onOpen(d.taskId); }}>
          {d.nodeName}
        </Button>
      ),
    },
    { title: '流程', dataIndex: 'definitionName', search: false, width: 160, ellipsis: true },
    {
      title: '业务',
      dataIndex: 'caseNo',
      search: false,
      width: 210,
      render: (_, d) => (
        <>
          <Typography.Text copyable={{ text: d.caseNo, tooltips: ['复制办件编号', '已复制'] }} onClick={(e) => e.stopPropagation()}>
            {d.caseNo}
          </Typography.Text>
          {d.title && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.title}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: '办理结果',
      dataIndex: 'outcome',
      search: false,
      width: 100,
      render: (_, d) => <Tag color={outcomeColors[d.outcome]}>{outcomeLabels[d.outcome] ?? d.outcome}</Tag>,
    },
    {
      title: '意见',
      dataIndex: 'opinion',
      search: false,
      ellipsis: { showTitle: false },
      render: (_, d) =>
        d.opinion ? (
          <Tooltip title={d.opinion} placement="topLeft">
            <span>{d.opinion}</span>
          </Tooltip>
        ) : (
          '-'
        ),
    },
    { title: '办理时间', dataIndex: 'completedAt', search: false, width: 170, render: (_, d) => formatDateTime(d.completedAt) },
    {
      title: '流程状态',
      dataIndex: 'instanceStatus',
      search: false,
      width: 180,
      render: (_, d) => (
        <>
          <InstanceStatusTag status={d.instanceStatus} suspended={d.suspended} />
          {d.currentNodeNames.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>当前：{d.currentNodeNames.join('、')}</Typography.Text>}
        </>
      ),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 110,
      render: (_, d) => (
        <Space size={8} onClick={(e) => e.stopPropagation()}>
          <Typography.Link onClick={() => onOpen(d.taskId)}>查看</Typography.Link>
          {d.withdrawable && (
            <Popconfirm
              title="确认撤回？"
              description="撤回后该任务回到您的待办，下一环节的任务将被取消。"
              okText="撤回"
              okButtonProps={{ danger: true }}
              onConfirm={() => doWithdraw(d).catch(notifyError)}
            >
              <Typography.Link type="danger" disabled={withdraw.isPending}>撤回</Typography.Link>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ProTable<DoneTask>
      rowKey="id"
      {...listTableDefaults((t: number) => `共 ${t} 项`)}
      columns={columns}
      actionRef={actionRef}
      request={request}
      onRequestError={onRequestError}
      headerTitle="本人办理过的任务，按办理时间倒序"
      onRow={(d) => ({ onClick: () => onOpen(d.taskId), style: { cursor: 'pointer' } })}
      scroll={{ x: 1150 }}
    />
  );
}
