import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, Drawer, Popconfirm, Result, Row, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import type { FormDefinitionSummary, FormDefinitionView } from '@jsga/contracts';
import { checkDefinition, type DefinitionProblem, type FormDefinition } from '@jsga/form-engine';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { isApiError } from '../../app/request';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useCreateForm, useFormDefinition, useFormVersions, usePublishForm, useSaveDraft } from './api';
import { FormStatusTag } from './components/FormStatusTag';
import { LinkButton } from './components/LinkButton';
import { blankDefinition, canonical, describeProblem, type Selection } from './designer/model';
import { Outline, Palette, selectionKey } from './designer/Outline';
import { PreviewPanel } from './designer/PreviewPanel';
import { PropertyPanel } from './designer/PropertyPanel';

const problemsOf = (error: unknown): DefinitionProblem[] | null => {
  if (!isApiError(error) || error.code !== 'FORM_DEFINITION_INVALID') return null;
  const problems = (error.details as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as DefinitionProblem[]) : [];
};

/**
 * 表单设计: `/config/forms/new` (新建表单) and `/config/forms/:id` (a version). Palette, outline and
 * property panel on the left, the real renderer as live preview on the right. Drafts are edited in
 * place; a published version opens read-only and can seed the key's next draft.
 */
export function FormDesignerPage() {
  const { id = 'new' } = useParams<{ id: string }>();
  const isNew = id === 'new';
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { can } = useAccess();
  const mayManage = can('form:definition:manage');
  const query = useFormDefinition(isNew ? undefined : id);
  const loaded = query.data;
  const versions = useFormVersions(isNew ? undefined : id);
  const create = useCreateForm();
  const saveDraft = useSaveDraft();
  const publish = usePublishForm();

  const [draft, setDraft] = useState<FormDefinition | null>(() => (isNew ? blankDefinition() : null));
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [sel, setSel] = useState<Selection>({ kind: 'form' });
  const [serverProblems, setServerProblems] = useState<DefinitionProblem[] | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const loadedFor = useRef<string | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // (re)load when another version is opened; after a save the same content arrives under a new id
  useEffect(() => {
    if (isNew) {
      if (loadedFor.current !== 'new') {
        loadedFor.current = 'new';
        setDraft(blankDefinition());
        setSavedKey(null);
        setSel({ kind: 'form' });
      }
      return;
    }
    if (!loaded || loadedFor.current === loaded.id) return;
    loadedFor.current = loaded.id;
    const incoming = canonical(loaded.definition);
    setSavedKey(incoming);
    if (!draftRef.current || canonical(draftRef.current) !== incoming) {
      setDraft(loaded.definition);
      setSel({ kind: 'form' });
    }
    setServerProblems(null);
  }, [isNew, loaded]);

  const editable = mayManage && (isNew || loaded?.status === 'draft');
  const dirty = !!draft && canonical(draft) !== savedKey;
  const problems = useMemo(() => (draft ? checkDefinition(draft) : []), [draft]);
  const shownProblems = problems.length ? problems : (serverProblems ?? []);
  const described = useMemo(() => (draft ? shownProblems.map((p) => describeProblem(draft, p)) : []), [draft, shownProblems]);
  const problemKeys = useMemo(() => new Set(described.flatMap((d) => (d.sel ? [selectionKey(d.sel)] : []))), [described]);
  const openDraft = versions.data?.find((v) => v.status === 'draft' && v.id !== id);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Leaves the designer, asking first when there are unsaved changes. */
  const leave = (to: string) => {
    if (!dirty || !editable) return navigate(to);
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '当前设计尚未保存，离开后修改将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: () => {
        setSavedKey(draft ? canonical(draft) : null);
        navigate(to);
      },
    });
  };

  const change = (def: FormDefinition, next?: Selection) => {
    setDraft(def);
    setServerProblems(null);
    if (next) setSel(next);
  };

  /** Saves (新建 creates v1; otherwise the key's draft); returns the stored version or null when refused. */
  const save = async (definition = draft): Promise<FormDefinitionView | null> => {
    if (!definition) return null;
    const local = checkDefinition(definition);
    if (local.length) {
      feedback.message.error(`表单定义还有 ${local.length} 个问题，请先处理`);
      return null;
    }
    try {
      const saved = isNew ? await create.mutateAsync(definition) : await saveDraft.mutateAsync(definition);
      setSavedKey(canonical(saved.definition));
      setServerProblems(null);
      feedback.message.success(`已保存草稿 v${saved.version}`);
      if (saved.id !== id) {
        loadedFor.current = saved.id;
        navigate(`/config/forms/${saved.id}`, { replace: true });
      }
      return saved;
    } catch (e) {
      const found = problemsOf(e);
      if (found) {
        setServerProblems(found);
        feedback.message.error('服务端检查发现表单定义有误，请按问题列表修改');
      } else if (isApiError(e) && e.code === 'FORM_KEY_TAKEN') {
        feedback.message.error(e.message);
        setSel({ kind: 'form' });
      } else notifyError(e);
      return null;
    }
  };

  /** 基于此版本编辑: the shown (published) content becomes the key's draft. */
  const editFromHere = () => {
    const go = () => void save(loaded!.definition);
    if (!openDraft) return go();
    modal.confirm({
      title: `覆盖草稿 v${openDraft.version}？`,
      content: `该表单已有草稿 v${openDraft.version}，继续将以 v${loaded!.version} 的内容覆盖它。`,
      okText: '覆盖草稿',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: go,
    });
  };

  const doPublish = async () => {
    if (!loaded) return;
    try {
      const v = await publish.mutateAsync(loaded.id);
      feedback.message.success(`v${v.version} 已发布`);
    } catch (e) {
      notifyError(e);
    }
  };

  // Ctrl/⌘+S saves
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (editable) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable]);

  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '表单不存在' : '无法加载表单'}
        extra={<Button onClick={() => navigate('/config/forms')}>返回表单列表</Button>}
      />
    );
  }
  if (!draft || (!isNew && !loaded)) return <PageContainer title={<PageTitle>表单设计</PageTitle>}><Skeleton active /></PageContainer>;

  const saving = create.isPending || saveDraft.isPending;
  const versionLabel = loaded ? `v${loaded.version}${loaded.status === 'draft' ? ' 草稿' : ''}` : '';

  return (
    <PageContainer
      onBack={() => leave('/config/forms')}
      title={<PageTitle>{isNew ? '新建表单' : `表单设计 · ${draft.title}`}</PageTitle>}
      subTitle={
        loaded && (
          <Space size={6}>
            <Typography.Text type="secondary">{loaded.key}</Typography.Text>
            <Typography.Text>v{loaded.version}</Typography.Text>
            <FormStatusTag status={loaded.status} />
            {dirty && editable && <Tag color="orange">未保存</Tag>}
          </Space>
        )
      }
      extra={
        <Space wrap>
          {!isNew && (
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
              版本历史
            </Button>
          )}
          {editable && (
            <Tooltip title="Ctrl+S">
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty && !isNew} onClick={() => void save()}>
                保存草稿
              </Button>
            </Tooltip>
          )}
          {mayManage && loaded?.status === 'draft' && (
            <Tooltip title={dirty ? '请先保存草稿' : problems.length ? '请先处理表单定义的问题' : undefined}>
              <Popconfirm
                title={`发布 v${loaded.version}`}
                description="发布后门户与窗口将使用该版本，已发布的旧版本仍供其办件使用。确认发布？"
                okText="确认发布"
                cancelText="取消"
                disabled={dirty || problems.length > 0}
                onConfirm={doPublish}
              >
                <Button icon={<CheckCircleOutlined />} disabled={dirty || problems.length > 0} loading={publish.isPending}>
                  发布
                </Button>
              </Popconfirm>
            </Tooltip>
          )}
        </Space>
      }
    >
      {loaded && loaded.status !== 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`v${loaded.version} ${loaded.status === 'published' ? `已于 ${formatDateTime(loaded.publishedAt)} 发布` : '已停用'}，不能修改`}
          description={openDraft ? `该表单有草稿 v${openDraft.version}。` : '修改请基于此版本新建草稿，发布后生效。'}
          action={
            mayManage && (
              <Space direction="vertical">
                {openDraft && <Button size="small" type="primary" onClick={() => navigate(`/config/forms/${openDraft.id}`)}>打开草稿 v{openDraft.version}</Button>}
                <Button size="small" onClick={editFromHere} loading={saving}>基于此版本编辑</Button>
              </Space>
            )
          }
        />
      )}
      {loaded?.status === 'draft' && openDraft === undefined && versions.data?.some((v) => v.status === 'published') && (
        <Typography.Paragraph type="secondary">当前为草稿，发布前门户与窗口仍使用已发布的版本。</Typography.Paragraph>
      )}
      {described.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`表单定义有 ${described.length} 个问题，处理后才能保存和发布`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} aria-label="表单定义问题">
              {described.slice(0, 20).map((d, i) => (
                <li key={i}>
                  {d.sel ? <LinkButton onClick={() => setSel(d.sel!)}>{d.where}</LinkButton> : d.where}：{d.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Typography.Paragraph type="success" style={{ marginBottom: 8 }}>
          <CheckCircleOutlined /> 定义检查通过
        </Typography.Paragraph>
      )}

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          {editable && (
            <Card size="small" title="字段类型" style={{ marginBottom: 12 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>点击添加到选中位置之后</Typography.Text>}>
              <Palette def={draft} sel={sel} onChange={change} disabled={!editable} />
            </Card>
          )}
          <Row gutter={[12, 12]}>
            <Col xs={24} md={10}>
              <Card size="small" title="表单结构" styles={{ body: { padding: 8 } }}>
                <Outline def={draft} sel={sel} onSelect={setSel} onChange={change} disabled={!editable} problemKeys={problemKeys} />
              </Card>
            </Col>
            <Col xs={24} md={14}>
              <Card size="small" title="属性">
                <section aria-label="属性面板">
                  <PropertyPanel def={draft} sel={sel} onChange={change} onSelect={setSel} disabled={!editable} keyEditable={isNew} />
                </section>
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" style={{ position: 'sticky', top: 64 }} styles={{ body: { maxHeight: 'calc(100vh - 96px)', overflow: 'auto' } }}>
            <Tabs
              size="small"
              items={[
                {
                  key: 'preview',
                  label: '实时预览',
                  children: (
                    <PreviewPanel
                      def={draft}
                      versionId={loaded?.id ?? null}
                      versionLabel={versionLabel}
                      dirty={dirty && editable}
                      canSave={editable && problems.length === 0}
                      onSave={() => save()}
                    />
                  ),
                },
                {
                  key: 'json',
                  label: 'JSON',
                  children: <pre style={{ fontSize: 12, margin: 0 }}>{JSON.stringify(draft, null, 2)}</pre>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Drawer title={`版本历史 · ${loaded?.key ?? ''}`} open={historyOpen} onClose={() => setHistoryOpen(false)} width={560}>
        <Table<FormDefinitionSummary>
          size="small"
          rowKey="id"
          loading={versions.isLoading}
          dataSource={versions.data ?? []}
          pagination={false}
          columns={[
            { title: '版本', dataIndex: 'version', width: 64, render: (v: number, r) => (r.id === id ? <Typography.Text strong>v{v}（当前）</Typography.Text> : `v${v}`) },
            { title: '状态', dataIndex: 'status', width: 80, render: (_, r) => <FormStatusTag status={r.status} /> },
            { title: '名称', dataIndex: 'title', ellipsis: true },
            { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: (_, r) => formatDateTime(r.updatedAt) },
            {
              title: '操作',
              key: 'op',
              width: 64,
              render: (_, r) =>
                r.id === id ? null : (
                  <LinkButton
                    onClick={() => {
                      setHistoryOpen(false);
                      leave(`/config/forms/${r.id}`);
                    }}
                  >
                    打开
                  </LinkButton>
                ),
            },
          ]}
        />
      </Drawer>
    </PageContainer>
  );
}
