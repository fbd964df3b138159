import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Col, Form, Popconfirm, Result, Row, Select, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import type { PrintTemplateDefinition, PrintTemplateView } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { isApiError } from '../../app/request';
import { PageTitle } from '../../app/ui';
import { printApi, usePrintKinds, usePrintTemplate, usePrintTemplateVersions, usePublishPrintTemplate, useSavePrintDraft } from './api';
import { PrintStatusTag, printStatusLabels } from './components/PrintStatusTag';
import { ReadOnlyNotice } from './components/ReadOnlyNotice';
import { blockElementId, BlockList } from './designer/BlockList';
import { canonical, definitionProblems, locateProblem, setTextAt, textAt, uniqueProblems, usedPlaceholders, type TemplateProblem, type UpdateDefinition } from './designer/model';
import { PageSetup } from './designer/PageSetup';
import { FilePreviewModal } from '../../app/FilePreviewModal';
import { ProblemAlert } from './designer/ProblemAlert';
import { TextTargetContext, type TextTarget } from './designer/TextInput';
import { VariablePanel } from './designer/VariablePanel';

type Content = { title: string; definition: PrintTemplateDefinition };
type ServerProblems = { from: 'save' | 'publish'; items: TemplateProblem[] };
const NO_LISTS: readonly { path: string; label: string }[] = [];

/** `details.problems` of a refused save (400) or publish (422). */
function problemsOf(e: unknown): TemplateProblem[] | null {
  if (!isApiError(e)) return null;
  const found = (e.details as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(found)) return null;
  return found.filter((p): p is TemplateProblem => !!p && typeof p.path === 'string' && typeof p.message === 'string');
}

/**
 * 打印模板设计: `/config/print-templates/:id` (one version). Page setup and the ordered blocks on the
 * left, the kind's variables and the template's placeholders on the right. A draft is edited in
 * place; a published or retired version is read-only and can become the key's next draft.
 */
export function PrintTemplateDesignerPage() {
  const { id = '' } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { can } = useAccess();
  const mayManage = can('print:template:manage');
  const query = usePrintTemplate(id);
  const loaded = query.data;
  const kinds = usePrintKinds();
  const kind = kinds.data?.find((k) => k.kind === loaded?.kind);
  const versions = usePrintTemplateVersions(loaded?.key);
  const saveDraft = useSavePrintDraft();
  const publish = usePublishPrintTemplate();

  const [draft, setDraft] = useState<Content | null>(null);
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<ServerProblems | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [pdf, setPdf] = useState<Blob | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const targetRef = useRef<TextTarget | null>(null);
  const [targetLabel, setTargetLabel] = useState<string | null>(null);
  const loadedFor = useRef<string | null>(null);

  const track = useCallback((t: TextTarget) => {
    targetRef.current = t;
    setTargetLabel(t.label);
  }, []);
  const forgetTarget = useCallback(() => {
    targetRef.current = null;
    setTargetLabel(null);
  }, []);
  const update = useCallback<UpdateDefinition>((fn, opts) => {
    setDraft((d) => (d ? { ...d, definition: fn(d.definition) } : d));
    // block numbers changed: the server's list and the remembered text field no longer match
    if (opts?.structural) {
      setServerProblems(null);
      forgetTarget();
    }
  }, [forgetTarget]);
  const setTitle = useCallback((title: string) => setDraft((d) => (d ? { ...d, title } : d)), []);

  // (re)load when another version is opened; a save that opens a new version sets loadedFor itself
  useEffect(() => {
    if (!loaded || loadedFor.current === loaded.id) return;
    loadedFor.current = loaded.id;
    const incoming = { title: loaded.title, definition: loaded.definition };
    setDraft(incoming);
    setSavedKey(canonical(incoming));
    setServerProblems(null);
    setActive(null);
    forgetTarget();
  }, [loaded, forgetTarget]);

  const editable = mayManage && loaded?.status === 'draft';
  const dirty = editable && !!draft && canonical(draft) !== savedKey;
  const openDraft = versions.data?.find((v) => v.status === 'draft' && v.id !== id);

  const live = useMemo(() => {
    if (!draft) return [];
    const found = definitionProblems(draft.definition);
    return draft.title.trim() ? found : [{ path: 'title', message: '请填写模板名称' }, ...found];
  }, [draft]);
  const listed = useMemo(() => uniqueProblems(live.length ? live : (serverProblems?.items ?? [])), [live, serverProblems]);
  const located = useMemo(() => (draft ? listed.map((p) => ({ ...p, ...locateProblem(draft.definition, p.path) })) : []), [draft, listed]);
  const byBlock = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const p of located) if (p.block !== null) m.set(p.block, [...(m.get(p.block) ?? []), p.field ? `${p.field}：${p.message}` : p.message]);
    return m;
  }, [located]);
  const used = useMemo(() => (draft ? usedPlaceholders(draft.definition, kind?.variables ?? []) : []), [draft, kind]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Leaves this version, asking first when there are unsaved changes. */
  const leave = (to: string) => {
    if (!dirty) return navigate(to);
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '当前模板尚未保存，离开后修改将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: () => {
        setSavedKey(draft ? canonical(draft) : null);
        navigate(to);
      },
    });
  };

  /** Inserts a placeholder at the caret of the text field last focused. */
  const insert = (token: string) => {
    const t = targetRef.current;
    if (!t || !draft || !editable) return;
    const old = textAt(draft.definition, t.path);
    const start = Math.min(t.start, old.length);
    const end = Math.min(Math.max(t.end, start), old.length);
    update((def) => setTextAt(def, t.path, old.slice(0, start) + token + old.slice(end)));
    const caret = start + token.length;
    targetRef.current = { ...t, start: caret, end: caret };
    setTimeout(() => {
      t.el.focus();
      t.el.setSelectionRange(caret, caret);
    });
  };

  const insertRef = useRef(insert);
  insertRef.current = insert;
  const onInsert = useCallback((token: string) => insertRef.current(token), []);

  const focusBlock = (index: number) => {
    setActive(index);
    document.getElementById(blockElementId(index))?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  };

  /** 保存草稿 (PUT /drafts/:key): into the key's draft, or a new version when there is none. */
  const save = async (content: Content | null = draft): Promise<PrintTemplateView | null> => {
    if (!loaded || !content) return null;
    const local = definitionProblems(content.definition);
    if (!content.title.trim() || local.length) {
      feedback.message.error(`模板还有 ${local.length + (content.title.trim() ? 0 : 1)} 个问题，请先处理`);
      return null;
    }
    try {
      const saved = await saveDraft.mutateAsync({ key: loaded.key, title: content.title.trim(), definition: content.definition });
      const stored = { title: saved.title, definition: saved.definition };
      loadedFor.current = saved.id;
      setDraft(stored);
      setSavedKey(canonical(stored));
      setServerProblems((p) => (p?.from === 'save' ? null : p));
      feedback.message.success(`已保存草稿 v${saved.version}`);
      if (saved.id !== id) navigate(`/config/print-templates/${saved.id}`);
      return saved;
    } catch (e) {
      const found = problemsOf(e);
      if (found) {
        setServerProblems({ from: 'save', items: found });
        feedback.message.error('服务端检查发现模板有误，请按问题列表修改');
      } else notifyError(e);
      return null;
    }
  };

  /** 编辑新版本: the shown (published or retired) content becomes the key's draft. */
  const editNewVersion = () => {
    if (!loaded) return;
    const go = () => void save({ title: loaded.title, definition: loaded.definition });
    if (!openDraft) return go();
    modal.confirm({
      title: `覆盖草稿 v${openDraft.version}？`,
      content: `该模板已有草稿 v${openDraft.version}，继续将以 v${loaded.version} 的内容覆盖它。`,
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
      setServerProblems(null);
      feedback.message.success(`v${v.version} 已发布`);
    } catch (e) {
      const found = problemsOf(e);
      if (found) {
        setServerProblems({ from: 'publish', items: found });
        feedback.message.error(`发布检查未通过：${found.length} 个问题`);
      } else notifyError(e);
    }
  };

  /** 预览: the stored version as a PDF; unsaved changes are saved first. */
  const doPreview = async () => {
    if (!loaded) return;
    let version: PrintTemplateView | null = loaded;
    if (dirty) version = await save();
    if (!version) return;
    setPreviewing(true);
    try {
      setPdf(await printApi.preview(version.id));
    } catch (e) {
      notifyError(e);
    } finally {
      setPreviewing(false);
    }
  };

  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '打印模板不存在' : '无法加载打印模板'}
        extra={<Button onClick={() => navigate('/config/print-templates')}>返回模板列表</Button>}
      />
    );
  }
  if (!loaded || !draft) return <PageContainer title={<PageTitle>打印模板设计</PageTitle>}><Skeleton active /></PageContainer>;

  const pageProblems = located.filter((p) => p.block === null);
  const versionOptions = (versions.data ?? [loaded]).map((v) => ({ value: v.id, label: `v${v.version} ${printStatusLabels[v.status]}` }));

  return (
    <PageContainer
      onBack={() => leave('/config/print-templates')}
      title={<PageTitle>{`打印模板 · ${draft.title || loaded.key}`}</PageTitle>}
      subTitle={
        <Space size={6} wrap>
          <Typography.Text type="secondary">{loaded.key}</Typography.Text>
          <Tag>{kind?.name ?? loaded.kind}</Tag>
          <Select size="small" aria-label="版本" style={{ minWidth: 120 }} value={loaded.id} options={versionOptions} onChange={(v: string) => v !== id && leave(`/config/print-templates/${v}`)} />
          <PrintStatusTag status={loaded.status} />
          {dirty && <Tag color="orange">未保存</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          <Tooltip title={dirty ? '将先保存草稿，再按样例数据生成 PDF' : '按样例数据生成 PDF'}>
            <Button icon={<EyeOutlined />} loading={previewing} onClick={() => void doPreview()}>
              预览
            </Button>
          </Tooltip>
          {editable && (
            <Button type="primary" icon={<SaveOutlined />} loading={saveDraft.isPending} disabled={!dirty} onClick={() => void save()}>
              保存草稿
            </Button>
          )}
          {mayManage && loaded.status === 'draft' && (
            <Tooltip title={dirty ? '请先保存草稿' : live.length ? '请先处理模板的问题' : undefined}>
              <Popconfirm
                title={`发布 v${loaded.version}`}
                description="发布前将检查变量、页边距与字体；发布后新打印的文书使用该版本，原发布版本停用。确认发布？"
                okText="确认发布"
                cancelText="取消"
                disabled={dirty || live.length > 0}
                onConfirm={doPublish}
              >
                <Button icon={<CheckCircleOutlined />} disabled={dirty || live.length > 0} loading={publish.isPending}>
                  发布
                </Button>
              </Popconfirm>
            </Tooltip>
          )}
        </Space>
      }
    >
      {loaded.status !== 'draft' && (
        <ReadOnlyNotice
          version={loaded}
          openDraft={openDraft}
          mayManage={mayManage}
          saving={saveDraft.isPending}
          onOpenDraft={(draftId) => navigate(`/config/print-templates/${draftId}`)}
          onEditNewVersion={editNewVersion}
        />
      )}
      <ProblemAlert
        problems={located}
        onOpenBlock={focusBlock}
        title={
          live.length
            ? `模板有 ${located.length} 个问题，处理后才能保存和发布`
            : serverProblems?.from === 'publish'
              ? `发布检查未通过：${located.length} 个问题（修改并保存后请重新发布）`
              : `服务端检查发现 ${located.length} 个问题`
        }
      />

      <TextTargetContext.Provider value={track}>
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={15}>
            <Form layout="vertical" component="div" size="small">
              <Card size="small" title="页面设置" style={{ marginBottom: 12, borderColor: pageProblems.length ? '#ff4d4f' : undefined }}>
                <section aria-label="页面设置">
                  <PageSetup
                    title={draft.title}
                    onTitle={setTitle}
                    margins={draft.definition.page.margins}
                    fontSize={draft.definition.fontSize}
                    lineHeight={draft.definition.lineHeight}
                    footer={draft.definition.footer}
                    update={update}
                    disabled={!editable}
                  />
                </section>
              </Card>
              <BlockList def={draft.definition} update={update} lists={kind?.lists ?? NO_LISTS} disabled={!editable} problems={byBlock} active={active} onActivate={setActive} />
            </Form>
          </Col>
          <Col xs={24} xl={9}>
            <div style={{ position: 'sticky', top: 64 }}>
              <VariablePanel kind={kind} used={used} target={targetLabel} editable={editable} onInsert={onInsert} />
            </div>
          </Col>
        </Row>
      </TextTargetContext.Provider>

      <FilePreviewModal file={pdf} title={`预览 · ${loaded.title} v${loaded.version}`} fileName={`${loaded.key}-v${loaded.version}-preview.pdf`} note="按类别的样例数据生成" onClose={() => setPdf(null)} />
    </PageContainer>
  );
}
