import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Popconfirm, Result, Row, Skeleton, Space, Spin, Table, Tag, Typography } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { isApiError } from '../../app/request';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useInstance, useInstanceAction, type InstanceDetail, type TaskView } from './api';
import { DialogKeyboard } from '../../app/dialog-keyboard';
import { daysUntil, DueTag, InstanceStatusTag } from './components/labels';
import { MigrateModal } from './components/MigrateModal';
import { OpinionTimeline } from './components/OpinionTimeline';
import { useRoleNames } from './components/RoleSelect';

// bpmn-js loads with this view only.
const BpmnViewer = lazy(async () => ({ default: (await import('./bpmn/BpmnViewer')).BpmnViewer }));

/** Marker classes for the diagram: where the instance is (blue, red when overdue) and where it has been (green). */
export function instanceMarkers(i: Pick<InstanceDetail, 'activeNodeIds' | 'completedNodeIds' | 'tasks'>) {
  const overdueNodes = new Set(i.tasks.filter((t) => t.status === 'open' && t.dueDate && daysUntil(t.dueDate) < 0).map((t) => t.nodeId));
  const active = i.activeNodeIds.filter((id) => !overdueNodes.has(id));
  const overdue = i.activeNodeIds.filter((id) => overdueNodes.has(id));
  const completed = i.completedNodeIds.filter((id) => !i.activeNodeIds.includes(id));
  return { 'wf-active': active, 'wf-overdue': overdue, 'wf-completed': completed };
}

function SuspendModal({ open, onClose, onSubmit, loading }: { open: boolean; onClose: () => void; onSubmit: (reason: string) => Promise<void>; loading: boolean }) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const { reason } = await form.validateFields();
    await onSubmit(reason.trim());
    form.resetFields();
  };
  const trySubmit = () => void submit().catch(() => undefined);
  return (
    <Modal open={open} title="挂起流程实例" okText="确认挂起" okButtonProps={{ danger: true, loading }} onOk={trySubmit} onCancel={onClose} destroyOnHidden>
      <DialogKeyboard onSubmit={trySubmit}>
        <Typography.Paragraph type="secondary">挂起后实例的任务不能办理、定时不再触发，直到恢复。</Typography.Paragraph>
        <Form form={form} layout="vertical" name="suspendInstance">
          <Form.Item name="reason" label="挂起原因" rules={[{ required: true, whitespace: true, message: '请填写挂起原因' }]} extra="Enter 确认，Shift+Enter 换行">
            <Input.TextArea autoFocus rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </DialogKeyboard>
    </Modal>
  );
}

/** 实例监控: the diagram with where the instance stands, its history and open tasks; suspend, resume, migrate. */
export function InstanceMonitorPage() {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const { can } = useAccess();
  const instance = useInstance(id);
  const act = useInstanceAction();
  const roleName = useRoleNames();
  const [suspending, setSuspending] = useState(false);
  const [migrating, setMigrating] = useState(false);
  const [node, setNode] = useState<string | null>(null);
  const i = instance.data;
  const markers = useMemo(() => (i ? instanceMarkers(i) : undefined), [i]);

  if (instance.isError) {
    const notFound = isApiError(instance.error) && instance.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '流程实例不存在' : '无法加载流程实例'}
        subTitle={!notFound && isApiError(instance.error) ? instance.error.message : undefined}
        extra={<Button onClick={() => navigate('/handling/monitor')}>返回流程监控</Button>}
      />
    );
  }

  const running = i?.status === 'running';
  const suspend = async (reason: string) => {
    try {
      await act.mutateAsync({ id: i!.id, kind: 'suspend', reason });
      setSuspending(false);
      feedback.message.success('实例已挂起');
    } catch (e) {
      notifyError(e);
      throw e;
    }
  };
  const resume = async () => {
    await act.mutateAsync({ id: i!.id, kind: 'resume' });
    feedback.message.success('实例已恢复运行');
  };

  const openTasks = (i?.tasks ?? []).filter((t) => t.status === 'open' && (!node || t.nodeId === node));
  const history = (i?.history ?? []).filter((o) => !node || o.nodeId === node);

  return (
    <PageContainer
      onBack={() => navigate('/handling/monitor')}
      title={<PageTitle>{i ? `流程实例 ${i.businessKey}` : '流程实例'}</PageTitle>}
      subTitle={
        i && (
          <Space size={6}>
            <InstanceStatusTag status={i.status} suspended={i.suspended} />
            <Typography.Text type="secondary">
              {i.definition.name} · {i.definition.key} v{i.definition.version}
            </Typography.Text>
          </Space>
        )
      }
      extra={
        i &&
        running &&
        // 挂起、恢复、迁移 change a running case: the server allows them with workflow:instance:migrate
        can('workflow:instance:migrate') && (
          <Space wrap>
            {i.suspended ? (
              <Popconfirm title="恢复实例运行？" description="恢复后任务可继续办理，到期的定时将触发。" okText="确认恢复" onConfirm={() => resume().catch(notifyError)}>
                <Button icon={<PlayCircleOutlined />} loading={act.isPending}>
                  恢复
                </Button>
              </Popconfirm>
            ) : (
              <Button icon={<PauseCircleOutlined />} danger onClick={() => setSuspending(true)}>
                挂起
              </Button>
            )}
            <Button icon={<SwapOutlined />} onClick={() => setMigrating(true)}>
              迁移到新版本
            </Button>
          </Space>
        )
      }
    >
      {!i ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {i.suspended && <Alert type="warning" showIcon message={`实例已挂起${i.suspendReason ? `：${i.suspendReason}` : ''}`} />}
          <Card
            size="small"
            title="流程图"
            extra={
              <Space size={12} style={{ fontSize: 12 }}>
                <span>
                  <i className="wf-legend" style={{ borderColor: '#1d4ed8', background: '#e8efff' }} />
                  当前环节
                </span>
                <span>
                  <i className="wf-legend" style={{ borderColor: '#cf1322', background: '#fff1f0' }} />
                  已超期
                </span>
                <span>
                  <i className="wf-legend" style={{ borderColor: '#389e0d', background: '#f6ffed' }} />
                  已完成
                </span>
                {node && (
                  <Tag closable onClose={() => setNode(null)} color="blue">
                    仅看环节 {node}
                  </Tag>
                )}
              </Space>
            }
          >
            <Suspense fallback={<Spin><div style={{ height: 460 }} /></Spin>}>
              <BpmnViewer xml={i.definition.bpmnXml} markers={markers} onElementClick={(elementId) => setNode(elementId === node ? null : elementId)} />
            </Suspense>
          </Card>
          <Row gutter={12}>
            <Col xs={24} xl={10}>
              <Card size="small" title="实例信息" style={{ marginBottom: 12 }}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="业务编号">
                    <Typography.Text copyable>{i.businessKey}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label="实例 ID">
                    <Typography.Text copyable>{i.id}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label="开始时间">{formatDateTime(i.startedAt)}</Descriptions.Item>
                  <Descriptions.Item label="结束时间">{formatDateTime(i.endedAt)}</Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title={`待办任务（${openTasks.length}）`}>
                <Table<TaskView>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={openTasks}
                  locale={{ emptyText: running ? '没有待办任务' : '流程已结束' }}
                  columns={[
                    { title: '环节', dataIndex: 'nodeName' },
                    { title: '办理人', dataIndex: 'assigneeId', render: (_: unknown, t) => (t.assigneeId ? t.assigneeName ?? t.assigneeId.slice(0, 8) : <Tag>待签收 · {roleName(t.candidateRole)}</Tag>) },
                    { title: '期限', dataIndex: 'dueDate', render: (_: unknown, t) => <DueTag dueDate={t.dueDate} /> },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title="办理记录">
                <OpinionTimeline history={history} />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
      {i && (
        <>
          <SuspendModal open={suspending} onClose={() => setSuspending(false)} onSubmit={suspend} loading={act.isPending} />
          <MigrateModal
            instance={i}
            open={migrating}
            onClose={() => setMigrating(false)}
            onDone={() => {
              setMigrating(false);
              feedback.message.success('实例已迁移到所选版本');
            }}
          />
        </>
      )}
    </PageContainer>
  );
}
