import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Modal, Select, Table, Typography } from 'antd';
import { isApiError } from '../../../app/request';
import { useDefinition, useInstanceAction, useKeyVersions, type InstanceDetail } from '../api';
import { listFlowNodes, type FlowNodeInfo } from '../bpmn/bpmn-xml';
import { DialogKeyboard } from '../../../app/dialog-keyboard';

const WAIT_TYPES = new Set(['userTask', 'intermediateCatchEvent', 'serviceTask', 'subProcess']);

/**
 * Where each active node goes in the target version: the node with the same id by default; a node
 * missing there must be mapped. Only entries that differ from the default are sent.
 */
export function defaultMapping(activeIds: readonly string[], target: readonly FlowNodeInfo[]): Record<string, string | undefined> {
  const ids = new Set(target.map((n) => n.id));
  return Object.fromEntries(activeIds.map((id) => [id, ids.has(id) ? id : undefined]));
}

export function mappingBody(mapping: Record<string, string | undefined>): Record<string, string> | undefined {
  const changed = Object.entries(mapping).filter((e): e is [string, string] => !!e[1] && e[1] !== e[0]);
  return changed.length ? Object.fromEntries(changed) : undefined;
}

/** 迁移到新版本 (or back to another published one): pick a version of the same key and, where needed, where each active node goes. */
export function MigrateModal({ instance, open, onClose, onDone }: { instance: InstanceDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const versions = useKeyVersions(open ? instance.definition.key : undefined);
  const [targetId, setTargetId] = useState<string | undefined>();
  const target = useDefinition(targetId);
  const targetNodes = useMemo(() => (target.data ? listFlowNodes(target.data.bpmnXml) : []), [target.data]);
  const currentNodes = useMemo(() => new Map(listFlowNodes(instance.definition.bpmnXml).map((n) => [n.id, n])), [instance.definition.bpmnXml]);
  const [mapping, setMapping] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<string | null>(null);
  const act = useInstanceAction();

  const candidates = (versions.data ?? []).filter((v) => v.id !== instance.definition.id);
  useEffect(() => {
    if (!open) return;
    setError(null);
    const newest = candidates.find((v) => v.status === 'published' && v.version > instance.definition.version);
    setTargetId((t) => t ?? newest?.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, versions.data]);
  useEffect(() => setMapping(defaultMapping(instance.activeNodeIds, targetNodes)), [targetNodes, instance.activeNodeIds]);

  const unmapped = instance.activeNodeIds.filter((id) => !mapping[id]);
  const submit = async () => {
    if (!targetId || act.isPending) return;
    if (unmapped.length) {
      setError(`请为环节 ${unmapped.map((id) => currentNodes.get(id)?.name ?? id).join('、')} 选择新版本中的对应环节`);
      return;
    }
    setError(null);
    try {
      await act.mutateAsync({ id: instance.id, kind: 'migrate', body: { targetDefinitionId: targetId, nodeMapping: mappingBody(mapping) } });
      onDone();
    } catch (e) {
      setError(isApiError(e) ? [e.message, ...e.fieldErrors.map((f) => f.message)].join('；') : '迁移失败，请稍后重试');
    }
  };

  const targetOptions = targetNodes.filter((n) => WAIT_TYPES.has(n.type)).map((n) => ({ value: n.id, label: `${n.name}（${n.id}）` }));

  return (
    <Modal
      open={open}
      title={`迁移版本 · ${instance.definition.name}（当前 v${instance.definition.version}）`}
      okText="确认迁移"
      okButtonProps={{ disabled: !targetId, loading: act.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      maskClosable={false}
    >
      <DialogKeyboard onSubmit={() => void submit()}>
        <Typography.Paragraph type="secondary">迁移后实例按目标版本继续运行，已有的办理记录保留；当前待办任务按下表对应到新版本的环节。</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="目标版本" required>
            <Select
              aria-label="目标版本"
              autoFocus
              value={targetId}
              onChange={setTargetId}
              loading={versions.isLoading}
              placeholder="选择同一流程的已发布版本"
              notFoundContent="没有其他版本"
              options={candidates.map((v) => ({
                value: v.id,
                disabled: v.status !== 'published',
                label: `v${v.version} ${v.name}${v.status === 'published' ? '' : v.status === 'draft' ? '（草稿，须先发布）' : '（已停用）'}`,
              }))}
            />
          </Form.Item>
        </Form>
        {targetId && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={target.isLoading}
            dataSource={instance.activeNodeIds.map((id) => ({ id }))}
            columns={[
              { title: '当前环节', dataIndex: 'id', render: (id: string) => `${currentNodes.get(id)?.name ?? id}（${id}）` },
              {
                title: '新版本中的环节',
                key: 'to',
                width: 300,
                render: (_: unknown, r: { id: string }) => (
                  <Select
                    aria-label={`${currentNodes.get(r.id)?.name ?? r.id} 迁移到`}
                    style={{ width: '100%' }}
                    status={mapping[r.id] ? undefined : 'error'}
                    value={mapping[r.id]}
                    onChange={(v: string) => setMapping((m) => ({ ...m, [r.id]: v }))}
                    options={targetOptions}
                    placeholder="选择对应环节"
                  />
                ),
              },
            ]}
          />
        )}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      </DialogKeyboard>
    </Modal>
  );
}
