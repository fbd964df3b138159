import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Space, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, ExpandOutlined, RedoOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { DeployWorkflowBody, type WorkflowDefinitionView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { useDeploy } from '../api';
import { saveProblemsOf, type SaveProblems } from '../components/save-problems';
import { BpmnEditor, type BpmnEditorHandle } from './BpmnEditor';
import { downloadText, readFileText } from './bpmn-xml';
import { elementIdsIn } from './services';

interface Props {
  xml: string;
  /** Key of the definition being edited; a new process asks for one. */
  fixedKey?: string;
  fileBase: string;
  /** The XML was generated from a 审批链 (which an edit here makes stale). */
  hasChain: boolean;
  canEdit: boolean;
  onSaved: (view: WorkflowDefinitionView, xml: string) => void;
  onModifiedChange?: (modified: boolean) => void;
}

/** BPMN 流程图 editing: the modeller, its toolbar (save as new draft, undo, import/export) and the server's problems. */
export default function ModelerWorkspace({ xml, fixedKey, fileBase, hasChain, canEdit, onSaved, onModifiedChange }: Props) {
  const editor = useRef<BpmnEditorHandle>(null);
  const [key, setKey] = useState(fixedKey ?? '');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [problems, setProblems] = useState<SaveProblems | null>(null);
  const [modified, setModified] = useState(false);
  const deploy = useDeploy();

  const onModified = (m: boolean) => {
    setModified(m);
    onModifiedChange?.(m);
  };

  const save = async () => {
    const h = editor.current;
    if (!h) return;
    if (!fixedKey) {
      const k = DeployWorkflowBody.shape.key.safeParse(key);
      if (!k.success) {
        setKeyError(k.error.issues[0]?.message ?? '流程标识不正确');
        return;
      }
    }
    setKeyError(null);
    setProblems(null);
    h.mark('wf-problem', []);
    try {
      // A chain edited here no longer matches the diagram: drop it so the chain designer is not offered.
      const out = await h.getXml({ dropChain: hasChain && h.isModified() });
      const view = await deploy.mutateAsync({ key: fixedKey ?? key, xml: out });
      h.markSaved(out);
      onSaved(view, out);
    } catch (e) {
      const p = saveProblemsOf(e);
      setProblems(p);
      h.mark('wf-problem', p.problems.flatMap(elementIdsIn));
    }
  };

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (canEdit) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit]);

  const exportXml = async () => downloadText(`${fileBase}.bpmn`, await editor.current!.getXml());
  const exportSvg = async () => downloadText(`${fileBase}.svg`, await editor.current!.getSvg(), 'image/svg+xml');
  const importFile = async (file: File) => {
    try {
      await editor.current!.importXml(await readFileText(file));
      feedback.message.success(`已导入 ${file.name}，保存后生效`);
    } catch (e) {
      feedback.message.error(`无法导入：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        {canEdit && !fixedKey && (
          <Tooltip title="事项通过流程标识引用流程；保存后不可修改">
            <Input
              aria-label="流程标识"
              style={{ width: 220 }}
              value={key}
              status={keyError ? 'error' : undefined}
              onChange={(e) => setKey(e.target.value.trim())}
              placeholder="流程标识，如 hukou-move"
            />
          </Tooltip>
        )}
        {canEdit && (
          <Button type="primary" icon={<SaveOutlined />} loading={deploy.isPending} onClick={() => void save()}>
            {fixedKey ? '保存为新版本' : '保存'}
          </Button>
        )}
        <Tooltip title="撤销 (Ctrl+Z)">
          <Button aria-label="撤销" icon={<UndoOutlined />} onClick={() => editor.current?.undo()} />
        </Tooltip>
        <Tooltip title="重做 (Ctrl+Y)">
          <Button aria-label="重做" icon={<RedoOutlined />} onClick={() => editor.current?.redo()} />
        </Tooltip>
        <Tooltip title="适应画布">
          <Button aria-label="适应画布" icon={<ExpandOutlined />} onClick={() => editor.current?.fit()} />
        </Tooltip>
        {canEdit && (
          <Upload accept=".bpmn,.xml,application/xml,text/xml" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
            <Button icon={<UploadOutlined />}>导入 XML</Button>
          </Upload>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => void exportXml()}>
          导出 XML
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportSvg()}>
          导出图片
        </Button>
        {modified && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </Space>
      {keyError && <Alert type="error" showIcon message={keyError} />}
      {problems && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems(null)}
          message={problems.message}
          description={
            problems.problems.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.problems.map((p) => {
                  const ids = elementIdsIn(p);
                  return (
                    <li key={p}>
                      {ids.length ? (
                        <Typography.Link onClick={() => ids.some((id) => editor.current?.select(id))} title="在图中定位">
                          {p}
                        </Typography.Link>
                      ) : (
                        p
                      )}
                    </li>
                  );
                })}
              </ul>
            )
          }
        />
      )}
      {hasChain && (
        <Alert
          type="info"
          showIcon
          message="此流程由审批链生成。在流程图中修改并保存后，将只能在流程图中编辑。"
        />
      )}
      <BpmnEditor ref={editor} xml={xml} onModifiedChange={onModified} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        快捷键：Ctrl+S 保存 · Ctrl+Z 撤销 · Delete 删除所选 · 在节点上点击扳手图标可更改类型（如设为人工任务、并行网关）
      </Typography.Text>
    </Space>
  );
}
