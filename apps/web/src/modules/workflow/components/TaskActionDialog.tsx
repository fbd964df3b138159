import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useAuth } from '../../../app/auth-context';
import { isApiError } from '../../../app/request';
import { useTaskAction, type TaskDetail } from '../api';
import { DialogKeyboard } from '../../../app/dialog-keyboard';
import { requestOf, uiActionHints, uiActionLabels, type ActionForm, type UiAction } from './task-actions';
import { UserPicker } from './UserPicker';

const REQUIRED_OPINION: ReadonlySet<UiAction> = new Set(['reject', 'return', 'resolve']);
const opinionLabels: Partial<Record<UiAction, string>> = {
  reject: '不通过理由',
  return: '退回原因',
  resolve: '办理意见',
  remind: '催办附言（可选）',
};

interface Props {
  task: TaskDetail;
  action: UiAction | null;
  onClose: () => void;
  onDone: (action: UiAction) => void;
}

/**
 * One dialog per task operation: the fields it needs, a sentence saying what will happen, Enter to
 * confirm. Server refusals (in Chinese) stay in the dialog so the typed opinion is not lost.
 */
export function TaskActionDialog({ task, action, onClose, onDone }: Props) {
  const [form] = Form.useForm<ActionForm>();
  const run = useTaskAction();
  const { me } = useAuth();
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setError(null);
    if (action === 'return' && task.returnTargets.length > 0) form.setFieldsValue({ targetNodeId: task.returnTargets[task.returnTargets.length - 1].nodeId });
    if (action === 'add-sign') form.setFieldsValue({ position: 'after' });
  }, [action, task, form]);

  if (!action) return null;
  const label = uiActionLabels[action];

  const submit = async () => {
    if (run.isPending) return;
    const values = await form.validateFields();
    const { action: endpoint, body } = requestOf(action, values);
    setError(null);
    try {
      await run.mutateAsync({ id: task.id, action: endpoint, body });
      onDone(action);
    } catch (e) {
      if (isApiError(e)) {
        if (e.handled) return;
        setError({ message: e.message, lines: e.fieldErrors.map((f) => f.message) });
      } else setError({ message: e instanceof Error ? e.message : '操作失败，请稍后重试', lines: [] });
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  const opinionRequired = REQUIRED_OPINION.has(action);
  const showOpinion = action !== 'withdraw' && action !== 'remove-sign';
  const signTasks = (task.signTasks ?? []).filter((t) => t.status === undefined || t.status === 'open');
  const okDanger = action === 'reject' || action === 'return' || action === 'withdraw' || action === 'remove-sign';

  return (
    <Modal
      open
      title={`${label} · ${task.nodeName}`}
      okText={`确认${label}`}
      okButtonProps={{ danger: okDanger, loading: run.isPending }}
      onOk={trySubmit}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <DialogKeyboard onSubmit={trySubmit}>
        <Typography.Paragraph type="secondary">{uiActionHints[action]}</Typography.Paragraph>
        <Form form={form} layout="vertical" name={`task-${action}`} requiredMark>
          {action === 'return' && (
            <Form.Item name="targetNodeId" label="退回到" rules={[{ required: true, message: '请选择退回到哪个环节' }]}>
              <Select
                autoFocus
                placeholder="选择环节"
                options={task.returnTargets.map((t) => ({ value: t.nodeId, label: t.name }))}
                notFoundContent="没有可退回的环节"
              />
            </Form.Item>
          )}
          {(action === 'transfer' || action === 'delegate') && (
            <Form.Item name="userId" label={action === 'transfer' ? '转办给' : '委派给'} rules={[{ required: true, message: '请选择人员' }]}>
              <UserPicker autoFocus excludeIds={me ? [me.user.id] : []} />
            </Form.Item>
          )}
          {(action === 'add-sign' || action === 'cc') && (
            <Form.Item name="userIds" label={action === 'cc' ? '抄送给' : '加签人员'} rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一人' }]}>
              <UserPicker multiple autoFocus excludeIds={me ? [me.user.id] : []} />
            </Form.Item>
          )}
          {action === 'add-sign' && (
            <Form.Item name="position" label="加签方式" rules={[{ required: true }]}>
              <Radio.Group>
                <Radio value="before">前加签（对方先办理）</Radio>
                <Radio value="after">后加签（我办理后对方办理）</Radio>
              </Radio.Group>
            </Form.Item>
          )}
          {action === 'remove-sign' &&
            (signTasks.length > 0 ? (
              <Form.Item name="taskIds" label="撤销的加签任务" rules={[{ required: true, type: 'array', min: 1, message: '请选择要撤销的加签' }]}>
                <Checkbox.Group options={signTasks.map((t) => ({ value: t.id, label: t.assigneeName ?? t.assigneeId ?? t.id }))} />
              </Form.Item>
            ) : (
              <Alert type="info" showIcon message="没有可撤销的加签任务" />
            ))}
          {action === 'withdraw' && <Alert type="warning" showIcon message="确认撤回？撤回后该任务回到您的待办。" />}
          {showOpinion && (
            <Form.Item
              name={action === 'remind' ? 'message' : 'opinion'}
              label={opinionLabels[action] ?? '意见（可选）'}
              rules={opinionRequired ? [{ required: true, whitespace: true, message: `请填写${opinionLabels[action]}` }] : []}
              extra="Enter 确认，Shift+Enter 换行"
            >
              <Input.TextArea
                autoFocus={action === 'approve' || action === 'reject' || action === 'resolve' || action === 'remind'}
                rows={3}
                maxLength={action === 'remind' ? 200 : 2000}
                showCount
                placeholder={action === 'approve' ? '同意' : undefined}
              />
            </Form.Item>
          )}
        </Form>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.message}
            description={error.lines.length > 0 ? error.lines.join('；') : undefined}
          />
        )}
      </DialogKeyboard>
    </Modal>
  );
}
