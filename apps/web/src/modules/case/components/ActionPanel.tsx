import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { CaseAction, CaseView } from '@jsga/contracts';
import { actionSpecs, actionTitleFor, inPreReview, orderedActions, preReviewActions } from './case-actions';
import { CollectionPanel } from './CollectionPanel';
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

function ActionButton({ action, view, onAction }: { action: CaseAction; view: CaseView; onAction: (a: CaseAction) => void }) {
  return (
    <Button type={actionSpecs[action].primary ? 'primary' : 'default'} danger={actionSpecs[action].danger} onClick={() => onAction(action)}>
      {actionTitleFor(action, view)}
    </Button>
  );
}

/**
 * 办理: one button per action the case's status allows (the server's `allowedActions`; nothing else is
 * offered), 退回 for a running approval, and the open workflow tasks the actions complete. Online and
 * mobile applications in pre-review get the 网上预审 actions (预审通过, 补件, 容缺收件, 退件) in an area of their own.
 */
export function ActionPanel({ view, canHandle, onAction, onReturnStep }: { view: CaseView; canHandle: boolean; onAction: (a: CaseAction) => void; onReturnStep: () => void }) {
  const allowed = orderedActions(view.allowedActions);
  const preReview = inPreReview(view) ? preReviewActions.filter((a) => allowed.includes(a)) : [];
  const actions = allowed.filter((a) => !preReview.includes(a));
  const canReturnStep = view.openTasks.length > 0 && returnableStatuses.has(view.status);
  const others = actions.length > 0 || canReturnStep;
  return (
    <div>
      <CollectionPanel view={view} canHandle={canHandle} />
      {!canHandle ? (
        <Alert type="info" showIcon message="当前岗位只有查询权限，不能办理办件" style={{ marginBottom: 12 }} />
      ) : (
        <>
          {preReview.length > 0 && (
            <Card size="small" type="inner" title="网上预审" style={{ marginBottom: 16 }}>
              <div role="toolbar" aria-label="预审操作">
                <Space wrap>
                  {preReview.map((a) => (
                    <ActionButton key={a} action={a} view={view} onAction={onAction} />
                  ))}
                </Space>
              </div>
            </Card>
          )}
          {others ? (
            <div role="toolbar" aria-label="办理操作" style={{ marginBottom: 16 }}>
              <Space wrap>
                {actions.map((a) => (
                  <ActionButton key={a} action={a} view={view} onAction={onAction} />
                ))}
                {canReturnStep && (
                  <Button danger onClick={onReturnStep}>
                    退回
                  </Button>
                )}
              </Space>
            </div>
          ) : (
            preReview.length === 0 && <Alert type="info" showIcon message="办件当前状态下没有可办理的操作" style={{ marginBottom: 12 }} />
          )}
        </>
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
