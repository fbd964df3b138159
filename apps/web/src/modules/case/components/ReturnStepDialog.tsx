import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import type { CaseView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { isApiError } from '../../../app/request';
import { useReturnStep, useTaskReturnTargets } from '../api';
import { DialogKeyboard } from '../../../app/dialog-keyboard';

interface Values {
  taskId: string;
  targetNodeId: string;
  opinion: string;
}

/** 退回: sends an open approval task back to a node it has passed; the case keeps its status. */
export function ReturnStepDialog({ view, open, onClose, onReload }: { view: CaseView; open: boolean; onClose: () => void; onReload: (notice?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const run = useReturnStep();
  const [error, setError] = useState<string | null>(null);
  const taskId = Form.useWatch('taskId', form) ?? view.openTasks[0]?.id;
  const task = useTaskReturnTargets(open ? taskId : undefined);
  const targets = task.data?.returnTargets ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    form.setFieldsValue({ taskId: view.openTasks[0]?.id });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);
  useEffect(() => {
    if (open && targets.length > 0 && !form.getFieldValue('targetNodeId')) form.setFieldsValue({ targetNodeId: targets[targets.length - 1].nodeId });
  }, [open, targets, form]);

  if (!open) return null;

  const submit = async () => {
    if (run.isPending) return;
    const v = await form.validateFields();
    setError(null);
    try {
      await run.mutateAsync({ id: view.id, body: { taskId: v.taskId, targetNodeId: v.targetNodeId, opinion: v.opinion.trim() } });
      feedback.message.success('已退回');
      onClose();
    } catch (e) {
      if (isApiError(e) && e.code === 'CASE_STALE') {
        onClose();
        onReload('办件已被他人办理或修改，已重新加载最新内容，请核对后再操作');
        return;
      }
      if (isApiError(e) && e.handled) return;
      setError(isApiError(e) ? [e.message, ...e.fieldErrors.map((f) => f.message)].join('；') : '退回失败，请稍后重试');
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  const loadProblem = task.isError ? (isApiError(task.error) ? task.error.message : '无法加载可退回的环节') : null;
  return (
    <Modal
      open
      title={`退回 · ${view.caseNo}`}
      okText="确认退回"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: run.isPending, disabled: !!loadProblem || (task.isSuccess && targets.length === 0) }}
      onOk={trySubmit}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <DialogKeyboard onSubmit={trySubmit}>
        <Typography.Paragraph type="secondary">把在办的审批任务退回到已经过的环节重新办理，办件状态不变。</Typography.Paragraph>
        <Form form={form} layout="vertical" name="case-return-step" requiredMark>
          <Form.Item name="taskId" label="在办任务" rules={[{ required: true, message: '请选择在办任务' }]} hidden={view.openTasks.length < 2}>
            <Select aria-label="在办任务" options={view.openTasks.map((t) => ({ value: t.id, label: t.nodeName }))} />
          </Form.Item>
          <Form.Item name="targetNodeId" label="退回到" rules={[{ required: true, message: '请选择退回到哪个环节' }]}>
            <Select
              aria-label="退回到"
              loading={task.isLoading}
              placeholder="选择环节"
              options={targets.map((t) => ({ value: t.nodeId, label: t.name }))}
              notFoundContent="没有可退回的环节"
            />
          </Form.Item>
          <Form.Item name="opinion" label="退回理由" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]} extra="Enter 确认，Shift+Enter 换行">
            <Input.TextArea autoFocus rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
        {loadProblem && <Alert type="warning" showIcon message={loadProblem} style={{ marginBottom: 8 }} />}
        {task.isSuccess && targets.length === 0 && <Alert type="info" showIcon message="该任务没有可退回的环节" style={{ marginBottom: 8 }} />}
        {error && <Alert type="error" showIcon message={error} />}
      </DialogKeyboard>
    </Modal>
  );
}
