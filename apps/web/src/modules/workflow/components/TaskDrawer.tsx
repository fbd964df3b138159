import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../app/auth-context';
import { feedback } from '../../../app/feedback';
import { notifyError } from '../../../app/form-errors';
import { isApiError } from '../../../app/request';
import { formatDateTime } from '../../../app/ui';
import { useClaim, useTask, workflowKeys } from '../api';
import { DueTag, TaskHolderTags } from './labels';
import { OpinionTimeline } from './OpinionTimeline';
import { useRoleNames } from './RoleSelect';
import { TaskActionDialog } from './TaskActionDialog';
import { finishingActions, uiActionLabels, uiActionsOf, type UiAction } from './task-actions';

const primary: ReadonlySet<UiAction> = new Set(['approve', 'resolve']);
const danger: ReadonlySet<UiAction> = new Set(['reject', 'return']);

/** 办理: the task, the operations the server allows on it, and the opinion history. */
export function TaskDrawer({ taskId, onClose, onReopen }: { taskId: string | null; onClose: () => void; onReopen?: (taskId: string) => void }) {
  const task = useTask(taskId);
  const claim = useClaim();
  const qc = useQueryClient();
  const { me } = useAuth();
  const roleName = useRoleNames();
  const [action, setAction] = useState<UiAction | null>(null);
  const t = task.data;
  const actions = t ? uiActionsOf(t.allowedActions) : [];
  const unclaimed = !!t && t.status === 'open' && !t.assigneeId && t.allowedActions.includes('claim');
  const mine = !!t && !!me && t.assigneeId === me.user.id;

  const doClaim = async () => {
    if (!t) return;
    await claim.mutateAsync(t.id);
    await qc.invalidateQueries({ queryKey: workflowKeys.task(t.id) });
    feedback.message.success(`已签收“${t.nodeName}”，可以开始办理`);
  };

  const done = (a: UiAction) => {
    setAction(null);
    if (!t) return;
    const text = `已${uiActionLabels[a]}：${t.definitionName} · ${t.nodeName}（${t.businessKey}）`;
    if ((a === 'approve' || a === 'reject') && onReopen) {
      // a mis-click at the window can be taken back while the next step has not started
      const key = `wf-done-${t.id}`;
      feedback.notification.success({
        key,
        message: text,
        duration: 8,
        actions: (
          <Button
            size="small"
            onClick={() => {
              feedback.notification.destroy(key);
              onReopen(t.id);
            }}
          >
            查看 / 撤回
          </Button>
        ),
      });
    } else feedback.message.success(text);
    if (finishingActions.has(a)) onClose();
    else void qc.invalidateQueries({ queryKey: workflowKeys.task(t.id) });
  };

  const notFound = isApiError(task.error) && (task.error.status === 404 || task.error.status === 403);

  return (
    <Drawer
      open={!!taskId}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={t ? `${t.definitionName} · ${t.nodeName}` : '任务办理'}
      footer={
        t && (t.status === 'open' || actions.length > 0) ? (
          <Space wrap>
            {unclaimed && (
              <Button type="primary" loading={claim.isPending} onClick={() => void doClaim().catch(notifyError)}>
                签收
              </Button>
            )}
            {actions.map((a) => (
              <Button key={a} type={primary.has(a) && !unclaimed ? 'primary' : 'default'} danger={danger.has(a)} onClick={() => setAction(a)}>
                {uiActionLabels[a]}
              </Button>
            ))}
            {actions.length === 0 && !unclaimed && <Typography.Text type="secondary">您对该任务没有可执行的操作</Typography.Text>}
          </Space>
        ) : null
      }
    >
      {task.isLoading && <Skeleton active />}
      {task.isError && (
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? '任务不存在或已不在您的待办中' : '无法加载任务'}
          subTitle={isApiError(task.error) ? task.error.message : undefined}
        />
      )}
      {t && (
        <>
          {t.status !== 'open' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t.status === 'completed' ? '该任务已办理' : '该任务已撤销'} />}
          {t.suspended && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="该流程已挂起，恢复前不能办理" />}
          {unclaimed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="该任务尚未签收。建议先签收再办理，签收后其他候选人将不再看到该任务。" />}
          {t.blocked && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已前加签：等待加签人办理完毕后，您再继续办理" />}
          {t.pendingAfterSigners.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`已后加签 ${t.pendingAfterSigners.length} 人：您通过后由加签人继续确认`} />
          )}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="业务编号">
              <Typography.Text copyable>{t.businessKey}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="流程">{t.definitionName}</Descriptions.Item>
            <Descriptions.Item label="当前环节">{t.nodeName}</Descriptions.Item>
            <Descriptions.Item label="办理人">
              {!mine && t.assigneeName && <span style={{ marginInlineEnd: 4 }}>{t.assigneeName}</span>}
              <TaskHolderTags task={t} meId={me?.user.id} roleName={roleName} selfLabel="本人" />
            </Descriptions.Item>
            <Descriptions.Item label="到达时间">{formatDateTime(t.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="办理期限">
              <DueTag dueDate={t.dueDate} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            办理记录
          </Typography.Title>
          <OpinionTimeline history={t.history} />
          <TaskActionDialog task={t} action={action} onClose={() => setAction(null)} onDone={done} />
        </>
      )}
    </Drawer>
  );
}
