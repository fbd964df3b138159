import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DiffOutlined, PlusOutlined } from '@ant-design/icons';
import { ReturnVersionBody, type ConfigChange, type MatterAdminDetail, type MatterVersionHeader } from '@jsga/contracts';
import { useAccess } from '../../../app/access';
import { useAuth } from '../../../app/auth-context';
import { feedback } from '../../../app/feedback';
import { notifyError, showFormError, zodRule } from '../../../app/form-errors';
import { formatDateTime, FormKeyboard } from '../../../app/ui';
import { useCreateDraft, useReturnVersion, useVersionAction, useVersionDiff } from '../api';
import { VersionStatusTag } from './labels';
import { hasOpenVersion, versionActionsFor, type VersionRowAction } from './versionActions';

const actionLabels: Record<VersionRowAction, string> = { edit: '编辑', submit: '提交审核', return: '退回草稿', publish: '发布', retire: '停用' };
const confirmTexts: Partial<Record<VersionRowAction, string>> = {
  submit: '提交后草稿不能再修改，确认提交审核？',
  publish: '发布后该版本对外生效，原发布版本自动停用。确认发布？',
  retire: '停用后事项下架（在办件仍按原版本办理）。确认停用？',
};

const kindTags: Record<ConfigChange['kind'], React.ReactNode> = {
  added: <Tag color="green">新增</Tag>,
  removed: <Tag color="red">删除</Tag>,
  changed: <Tag color="blue">修改</Tag>,
};

/** A changed value, compact: strings as they are, everything else as JSON. */
function DiffValue({ value }: { value: unknown }) {
  if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1);
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, maxHeight: 160, overflow: 'auto', fontSize: 12 }} ellipsis={false}>
      {text === '' ? '（空）' : text}
    </Typography.Paragraph>
  );
}

/** The change list between two versions of one matter, as the server computes it. */
export function VersionDiff({ from, to }: { from: string; to: string }) {
  const diff = useVersionDiff({ from, to });
  if (diff.isError) return <Alert type="error" showIcon message="无法加载版本差异" />;
  return (
    <Table<ConfigChange>
      size="small"
      rowKey={(c) => `${c.kind}:${c.path}`}
      loading={diff.isLoading}
      pagination={false}
      dataSource={diff.data?.changes ?? []}
      locale={{ emptyText: '两个版本内容相同' }}
      title={() => (diff.data ? `v${diff.data.from.versionNo} → v${diff.data.to.versionNo}：${diff.data.changes.length} 处差异` : '正在比较…')}
      columns={[
        { title: '位置', dataIndex: 'path', width: 240, render: (p: string) => <Typography.Text code>{p}</Typography.Text> },
        { title: '变化', dataIndex: 'kind', width: 70, render: (k: ConfigChange['kind']) => kindTags[k] },
        { title: '原值', dataIndex: 'before', render: (_: unknown, c) => <DiffValue value={c.before} /> },
        { title: '新值', dataIndex: 'after', render: (_: unknown, c) => <DiffValue value={c.after} /> },
      ]}
      scroll={{ y: 480 }}
    />
  );
}

function ReturnModal({ version, onClose }: { version: MatterVersionHeader | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const ret = useReturnVersion();
  useEffect(() => {
    if (version) form.resetFields();
  }, [version, form]);
  const submit = async () => {
    if (!version) return;
    const { reason } = await form.validateFields();
    try {
      await ret.mutateAsync({ id: version.id, reason: reason.trim() });
      feedback.message.success(`已退回 v${version.versionNo} 为草稿`);
      onClose();
    } catch (e) {
      showFormError(form, e);
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);
  return (
    <Modal open={!!version} title={version ? `退回草稿 · v${version.versionNo}` : '退回草稿'} okText="退回" okButtonProps={{ danger: true, loading: ret.isPending }} onOk={trySubmit} onCancel={onClose} destroyOnHidden>
      <FormKeyboard onSubmit={trySubmit}>
        <Form form={form} layout="vertical" name="returnVersion">
          <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, message: '请填写退回原因' }, zodRule(ReturnVersionBody.shape.reason)]} extra="Ctrl+Enter 提交">
            <Input.TextArea autoFocus rows={4} maxLength={500} showCount placeholder="说明需要修改的内容，编辑人将在版本列表看到" />
          </Form.Item>
        </Form>
      </FormKeyboard>
    </Modal>
  );
}

/** 版本: all versions of a matter with their life-cycle actions, 新建草稿 and 对比. */
export function VersionPanel({ matter, onEdit }: { matter: MatterAdminDetail; onEdit: (versionId: string) => void }) {
  const { can } = useAccess();
  const { me } = useAuth();
  const grants = {
    edit: can('matter:catalogue:edit'),
    publish: can('matter:catalogue:publish'),
    publishOwn: can('matter:catalogue:publish-own'),
    userId: me?.user.id,
  };
  const versions = matter.versions;
  const action = useVersionAction();
  const createDraft = useCreateDraft();
  const [returning, setReturning] = useState<MatterVersionHeader | null>(null);

  // 对比: defaults to the published version against the newest one.
  const defaultPair = useMemo(() => {
    const to = versions[0]?.id;
    const from = (matter.publishedVersionId !== to ? matter.publishedVersionId : undefined) ?? versions[1]?.id;
    return { from, to };
  }, [versions, matter.publishedVersionId]);
  const [pick, setPick] = useState<{ from?: string; to?: string }>({});
  const from = pick.from ?? defaultPair.from;
  const to = pick.to ?? defaultPair.to;
  const [comparing, setComparing] = useState<{ from: string; to: string } | null>(null);
  const versionOptions = versions.map((v) => ({ value: v.id, label: `v${v.versionNo}（${v.name}）` }));

  const run = async (v: MatterVersionHeader, a: Exclude<VersionRowAction, 'edit' | 'return'>) => {
    await action.mutateAsync({ id: v.id, action: a });
    feedback.message.success(`v${v.versionNo} 已${actionLabels[a]}`);
  };

  const newDraft = async () => {
    const draft = await createDraft.mutateAsync({ matterId: matter.id, body: {} });
    feedback.message.success(`已新建草稿 v${draft.versionNo}`);
    onEdit(draft.id);
  };

  const open = hasOpenVersion(versions);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {grants.edit && (
          <Tooltip title={open ? '已有草稿或待审核版本，请先处理该版本' : '复制最新版本为新草稿'}>
            <Button type="primary" icon={<PlusOutlined />} disabled={open} loading={createDraft.isPending} onClick={() => void newDraft().catch(notifyError)}>
              新建草稿
            </Button>
          </Tooltip>
        )}
        <Typography.Text type="secondary">对比</Typography.Text>
        <Select aria-label="对比原版本" style={{ width: 200 }} size="middle" options={versionOptions} value={from} onChange={(v: string) => setPick((p) => ({ ...p, from: v }))} placeholder="原版本" />
        <span>→</span>
        <Select aria-label="对比新版本" style={{ width: 200 }} options={versionOptions} value={to} onChange={(v: string) => setPick((p) => ({ ...p, to: v }))} placeholder="新版本" />
        <Button icon={<DiffOutlined />} disabled={!from || !to || from === to} onClick={() => from && to && setComparing({ from, to })}>
          对比
        </Button>
      </Space>

      <Table<MatterVersionHeader>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: '版本', dataIndex: 'versionNo', width: 70, render: (n: number, v) => <>v{n}{v.id === matter.publishedVersionId && <Tag color="green" style={{ marginInlineStart: 4 }}>现行</Tag>}</> },
          { title: '状态', dataIndex: 'status', width: 90, render: (_: unknown, v) => <VersionStatusTag status={v.status} /> },
          {
            title: '名称 / 退回原因',
            dataIndex: 'name',
            render: (_: unknown, v) => (
              <>
                {v.name}
                {v.reviewNote && v.status === 'draft' && (
                  <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
                    退回原因：{v.reviewNote}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: '最后编辑', dataIndex: 'updatedAt', width: 170, render: (_: unknown, v) => <>{formatDateTime(v.updatedAt)}{v.updatedBy && v.updatedBy === grants.userId && <Tag style={{ marginInlineStart: 4 }}>本人</Tag>}</> },
          { title: '提交时间', dataIndex: 'submittedAt', width: 160, render: (_: unknown, v) => formatDateTime(v.submittedAt) },
          { title: '发布时间', dataIndex: 'publishedAt', width: 160, render: (_: unknown, v) => formatDateTime(v.publishedAt) },
          { title: '停用时间', dataIndex: 'retiredAt', width: 160, render: (_: unknown, v) => formatDateTime(v.retiredAt) },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, v) => (
              <Space size={8}>
                {versionActionsFor(v, grants).map(({ action: a, disabledReason }) => {
                  const label = actionLabels[a];
                  if (disabledReason)
                    return (
                      <Tooltip key={a} title={disabledReason}>
                        <Typography.Link disabled>{label}</Typography.Link>
                      </Tooltip>
                    );
                  if (a === 'edit') return <Typography.Link key={a} onClick={() => onEdit(v.id)}>{label}</Typography.Link>;
                  if (a === 'return') return <Typography.Link key={a} type="danger" onClick={() => setReturning(v)}>{label}</Typography.Link>;
                  return (
                    <Popconfirm key={a} title={`${label} v${v.versionNo}`} description={confirmTexts[a]} onConfirm={() => run(v, a).catch(notifyError)}>
                      <Typography.Link type={a === 'retire' ? 'danger' : undefined}>{label}</Typography.Link>
                    </Popconfirm>
                  );
                })}
              </Space>
            ),
          },
        ]}
        scroll={{ x: 1100 }}
      />

      <ReturnModal version={returning} onClose={() => setReturning(null)} />
      <Modal open={!!comparing} title="版本对比" width={1000} footer={null} onCancel={() => setComparing(null)} destroyOnHidden>
        {comparing && <VersionDiff from={comparing.from} to={comparing.to} />}
      </Modal>
    </>
  );
}
