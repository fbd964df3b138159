import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { CaseAction, CaseView } from '@jsga/contracts';
import { actionSpecs, actionTitle, orderedActions } from './case-actions';
import { daysUntil } from './labels';

type OpenTask = CaseView['openTasks'][number];

/** The statuses in which an approval task may be sent back (退回) to an earlier node. */
const returnableStatuses: ReadonlySet<CaseView['status']> = new Set(['accepted', 'tolerated', 'approving']);

function TaskDue({ dueDate }: { dueDate: string | null }) {
  if (!dueDate) return <Typography.Text type="secondary">不限</Typography.Text>;
  const d = daysUntil(dueDate);
  return (
    <Space size={4} wrap>
      {dueDate}
      {d < 0 && <Tag color="error">已超期 {-d} 天</Tag>}
      {d === 0 && <Tag color="warning">今日到期</Tag>}
    </Space>
  );
}

/**
 * 办理: one button per action the case's status allows (the server's `allowedActions`; nothing else is
 * offered), 退回 for a running approval, and the open workflow tasks the actions complete.
 */
export function ActionPanel({ view, canHandle, onAction, onReturnStep }: { view: CaseView; canHandle: boolean; onAction: (a: CaseAction) => void; onReturnStep: () => void }) {
  const actions = orderedActions(view.allowedActions);
  const canReturnStep = view.openTasks.length > 0 && returnableStatuses.has(view.status);
  return (
    <div>
      {!canHandle ? (
        <Alert type="info" showIcon message="当前岗位只有查询权限，不能办理办件" style={{ marginBottom: 12 }} />
      ) : actions.length === 0 && !canReturnStep ? (
        <Alert type="info" showIcon message="办件当前状态下没有可办理的操作" style={{ marginBottom: 12 }} />
      ) : (
        <div role="toolbar" aria-label="办理操作" style={{ marginBottom: 16 }}>
          <Space wrap>
            {actions.map((a) => (
              <Button key={a} type={actionSpecs[a].primary ? 'primary' : 'default'} danger={actionSpecs[a].danger} onClick={() => onAction(a)}>
                {actionTitle(a)}
              </Button>
            ))}
            {canReturnStep && (
              <Button danger onClick={onReturnStep}>
                退回
              </Button>
            )}
          </Space>
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        在办流程任务
      </Typography.Title>
      {view.openTasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={view.workflowInstanceId ? '流程当前没有在办任务' : '本办件没有审批流程'} />
      ) : (
        <Table<OpenTask>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={view.openTasks}
          scroll={{ x: 420 }}
          columns={[
            { title: '环节', dataIndex: 'nodeName' },
            { title: '办理人', dataIndex: 'assigneeId', width: 110, render: (_: unknown, t) => (t.assigneeId ? <Tag color="blue">已签收</Tag> : <Tag color="orange">待签收</Tag>) },
            { title: '到期日', dataIndex: 'dueDate', width: 190, render: (_: unknown, t) => <TaskDue dueDate={t.dueDate} /> },
          ]}
        />
      )}
    </div>
  );
}
