import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import type { CaseView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { isApiError } from '../../../app/request';
import { useMigrateProcess, useProcessVersions } from '../api';
import { DialogKeyboard } from '../../../app/dialog-keyboard';

interface Values {
  targetDefinitionId: string;
  mapping?: Record<string, string | undefined>;
}

/** Only the nodes mapped to a different id are sent; an empty entry keeps the node id. */
export function nodeMappingOf(mapping: Record<string, string | undefined> | undefined): Record<string, string> | undefined {
  const changed = Object.entries(mapping ?? {})
    .map(([from, to]) => [from, to?.trim()] as const)
    .filter((e): e is readonly [string, string] => !!e[1] && e[1] !== e[0]);
  return changed.length ? Object.fromEntries(changed) : undefined;
}

/** 流程迁移: moves the case's running process to another published version of the same process. */
export function MigrateProcessDialog({ view, open, onClose, onReload }: { view: CaseView; open: boolean; onClose: () => void; onReload: (notice?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const run = useMigrateProcess();
  const versions = useProcessVersions(view.processKey, open);
  const [error, setError] = useState<string | null>(null);
  const nodes = [...new Map(view.openTasks.map((t) => [t.nodeId, t.nodeName])).entries()];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
  }, [open, form]);

  if (!open) return null;
  const candidates = (versions.data?.items ?? []).filter((d) => d.key === view.processKey);

  const submit = async () => {
    if (run.isPending) return;
    const v = await form.validateFields();
    setError(null);
    try {
      await run.mutateAsync({ id: view.id, body: { targetDefinitionId: v.targetDefinitionId.trim(), nodeMapping: nodeMappingOf(v.mapping) } });
      feedback.message.success('流程已迁移');
      onClose();
    } catch (e) {
      if (isApiError(e) && e.code === 'CASE_STALE') {
        onClose();
        onReload('办件已被他人办理或修改，已重新加载最新内容，请核对后再操作');
        return;
      }
      if (isApiError(e) && e.handled) return;
      setError(isApiError(e) ? [e.message, ...e.fieldErrors.map((f) => f.message)].join('；') : '迁移失败，请稍后重试');
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  return (
    <Modal
      open
      title={`流程迁移 · ${view.caseNo}`}
      okText="确认迁移"
      cancelText="取消"
      okButtonProps={{ loading: run.isPending }}
      onOk={trySubmit}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      width={600}
    >
      <DialogKeyboard onSubmit={trySubmit}>
        <Typography.Paragraph type="secondary">
          把办件正在运行的流程（{view.processKey ?? '-'}）迁移到同一流程的另一个已发布版本，已有办理记录保留，在办任务按环节标识对应到新版本。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" name="case-migrate" requiredMark>
          {versions.isError ? (
            <Form.Item
              name="targetDefinitionId"
              label="目标版本 ID"
              extra="无法列出流程版本，请填写目标流程版本的 ID"
              rules={[{ required: true, whitespace: true, message: '请填写目标版本' }]}
            >
              <Input autoFocus />
            </Form.Item>
          ) : (
            <Form.Item name="targetDefinitionId" label="目标版本" rules={[{ required: true, message: '请选择目标版本' }]}>
              <Select
                aria-label="目标版本"
                autoFocus
                loading={versions.isLoading}
                placeholder="选择已发布的版本"
                notFoundContent="没有其他已发布版本"
                options={candidates.map((d) => ({ value: d.id, label: `v${d.version} ${d.name}` }))}
              />
            </Form.Item>
          )}
          {nodes.map(([id, name]) => (
            <Form.Item key={id} name={['mapping', id]} label={`“${name}”（${id}）在新版本中的环节标识`} extra="留空表示新版本中环节标识不变">
              <Input placeholder={id} />
            </Form.Item>
          ))}
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
      </DialogKeyboard>
    </Modal>
  );
}
