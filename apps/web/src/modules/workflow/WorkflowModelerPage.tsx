import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Result, Segmented, Select, Skeleton, Space, Spin, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { WorkflowDefinitionView } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { isApiError } from '../../app/request';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useDefinition, useKeyVersions, usePublish, workflowKeys } from './api';
import { blankProcessXml } from './bpmn/bpmn-xml';
import { defaultChain } from './chain/chain-model';
import { chainFromBpmn } from './chain/chain-to-bpmn';
import { ChainDesigner } from './chain/ChainDesigner';
import { DefinitionStatusTag } from './components/labels';

// bpmn-js (and its CSS) loads only when the 流程图 view is shown.
const ModelerWorkspace = lazy(() => import('./bpmn/ModelerWorkspace'));

type View = 'chain' | 'bpmn';

/**
 * 流程设计: `/config/workflows/new?type=chain` (新建审批链), `/config/workflows/new` (新建 BPMN 流程),
 * `/config/workflows/:id` (the BPMN modeller on that version; `?view=chain` for a process generated
 * from a 审批链). Saving always deploys a new draft version of the key.
 */
export function WorkflowModelerPage() {
  const { id = 'new' } = useParams<{ id: string }>();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const { can } = useAccess();
  const canEdit = can('workflow:definition:manage');
  const isNew = id === 'new';
  const def = useDefinition(isNew ? undefined : id);
  const d = def.data;
  const chain = useMemo(() => (d ? chainFromBpmn(d.bpmnXml) : null), [d]);
  const wantChain = isNew ? search.get('type') === 'chain' : search.get('view') === 'chain';
  const view: View = wantChain && (isNew || chain) ? 'chain' : 'bpmn';
  const [modified, setModified] = useState(false);
  const versions = useKeyVersions(d?.key);
  const publish = usePublish();
  // A save moves to the new version's URL; the editor stays mounted (undo history, zoom) across it.
  const editorKeys = useRef(new Map<string, string>());
  const editorKey = editorKeys.current.get(id) ?? id;

  useEffect(() => {
    if (!modified) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [modified]);

  /** Leaves the current editor, asking first when it has unsaved changes. */
  const leave = (to: string) => {
    if (!modified) return navigate(to);
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '当前修改尚未保存，离开后将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: () => {
        setModified(false);
        navigate(to);
      },
    });
  };

  const onSaved = (v: WorkflowDefinitionView, xml: string, nextView: View) => {
    qc.setQueryData(workflowKeys.definition(v.id), { ...v, bpmnXml: xml });
    feedback.message.success(`已保存为草稿 v${v.version}，发布后新办件使用该版本`);
    setModified(false);
    editorKeys.current.set(v.id, editorKey);
    navigate(`/config/workflows/${v.id}${nextView === 'chain' ? '?view=chain' : ''}`, { replace: true });
  };

  const doPublish = async (target: WorkflowDefinitionView) => {
    await publish.mutateAsync(target.id);
    qc.setQueryData(workflowKeys.definition(target.id), (old: typeof d) => (old ? { ...old, status: 'published' as const, publishedAt: new Date().toISOString() } : old));
    feedback.message.success(`v${target.version} 已发布`);
  };

  if (def.isError) {
    const notFound = isApiError(def.error) && def.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '流程定义不存在' : '无法加载流程定义'}
        extra={<Button onClick={() => navigate('/config/workflows')}>返回流程列表</Button>}
      />
    );
  }

  const title = isNew ? (view === 'chain' ? '新建审批链' : '新建 BPMN 流程') : d ? d.name : '流程设计';
  const here = (v: View) => `/config/workflows/${id}${isNew ? (v === 'chain' ? '?type=chain' : '') : v === 'chain' ? '?view=chain' : ''}`;

  return (
    <PageContainer
      onBack={() => leave('/config/workflows')}
      title={<PageTitle>{title}</PageTitle>}
      subTitle={
        d && (
          <Space size={6}>
            <Typography.Text type="secondary">{d.key}</Typography.Text>
            <Typography.Text>v{d.version}</Typography.Text>
            <DefinitionStatusTag status={d.status} />
            {d.publishedAt && <Typography.Text type="secondary">发布于 {formatDateTime(d.publishedAt)}</Typography.Text>}
          </Space>
        )
      }
      extra={
        d && (
          <Space wrap>
            {chain && (
              <Segmented<View>
                aria-label="编辑方式"
                value={view}
                onChange={(v) => leave(here(v))}
                options={[
                  { value: 'chain', label: '审批链' },
                  { value: 'bpmn', label: '流程图' },
                ]}
              />
            )}
            {(versions.data?.length ?? 0) > 1 && (
              <Select
                aria-label="切换版本"
                style={{ width: 150 }}
                value={d.id}
                onChange={(v: string) => leave(`/config/workflows/${v}${view === 'chain' ? '?view=chain' : ''}`)}
                options={versions.data!.map((v) => ({ value: v.id, label: `v${v.version}（${v.status === 'draft' ? '草稿' : v.status === 'published' ? '已发布' : '已停用'}）` }))}
              />
            )}
            {canEdit && d.status === 'draft' && (
              <Tooltip title={modified ? '请先保存修改' : undefined}>
                <Popconfirm
                  title={`发布 v${d.version}`}
                  description="发布后新办件将使用该版本，在办件仍按原版本办理。确认发布？"
                  okText="确认发布"
                  disabled={modified}
                  onConfirm={() => doPublish(d).catch(notifyError)}
                >
                  <Button type="primary" ghost icon={<CheckCircleOutlined />} disabled={modified} loading={publish.isPending}>
                    发布
                  </Button>
                </Popconfirm>
              </Tooltip>
            )}
          </Space>
        )
      }
    >
      {!isNew && !d ? (
        <Skeleton active />
      ) : view === 'chain' ? (
        <ChainDesigner
          key={editorKey}
          initial={chain ?? defaultChain()}
          fixedKey={d?.key}
          canEdit={canEdit}
          onModifiedChange={setModified}
          onSaved={(v, xml) => onSaved(v, xml, 'chain')}
        />
      ) : (
        <Suspense fallback={<Spin tip="正在加载流程设计器…"><div style={{ height: 400 }} /></Spin>}>
          <ModelerWorkspace
            key={editorKey}
            xml={d?.bpmnXml ?? blankProcessXml()}
            fixedKey={d?.key}
            fileBase={d ? `${d.key}-v${d.version}` : 'process'}
            hasChain={!!chain}
            canEdit={canEdit}
            onModifiedChange={setModified}
            onSaved={(v, xml) => onSaved(v, xml, 'bpmn')}
          />
        </Suspense>
      )}
    </PageContainer>
  );
}
