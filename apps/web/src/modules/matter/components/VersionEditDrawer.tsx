import { memo, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { Alert, Badge, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Spin, Tabs, Tooltip, Typography, type FormInstance } from 'antd';
import {
  handlingModeLabels,
  MatterConfig,
  matterChannelLabels,
  matterTypeLabels,
  matterZoneLabels,
  type HandlingMode,
  type MatterChannel,
  type MatterMaterial,
  type MatterType,
  type MatterVersionView,
  type MatterZone,
  type SituationQuestion,
} from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { showFormError, zodRule } from '../../../app/form-errors';
import { isApiError, toNamePath } from '../../../app/request';
import { FormKeyboard } from '../../../app/ui';
import { useMatterVersion, useSaveVersion } from '../api';
import { formPathsOf, tabOfField, type NamePath } from './configEditing';
import { optionsOf } from './labels';
import { BindingsFields } from './BindingsFields';
import { MaterialsEditor } from './MaterialsEditor';
import { sectionKeysOf, SituationsEditor } from './SituationsEditor';

export interface DraftFormValues {
  name: string;
  matterType: MatterType;
  handlingModes: HandlingMode[];
  channels: MatterChannel[];
  zones: MatterZone[];
  statutoryLimitDays: number | null;
  promisedLimitDays: number | null;
  feeYuan: number | null;
  feeNote: string;
  visits: number | null;
  /** 容缺受理: the longest deadline (calendar days) an officer may give for the missing materials. */
  toleranceLimitDays: number | null;
  conditions: string;
  legalBasis: string;
  materials: MatterMaterial[];
  situations: SituationQuestion[];
  /** 业务绑定 edited here; appointment and fee settings are kept as they are. */
  bindings: Pick<MatterConfig['bindings'], 'formKeys' | 'sections' | 'processKey' | 'printTemplateKeys' | 'registryEffect'>;
}

export type EditorTab = 'basic' | 'materials' | 'situations' | 'bindings' | 'json';

const BASIC_FIELDS = new Set<string>(['name', 'matterType', 'handlingModes', 'channels', 'zones', 'statutoryLimitDays', 'promisedLimitDays', 'feeNote', 'visits', 'toleranceLimitDays', 'conditions', 'legalBasis']);
const shape = MatterConfig.shape;

type Issue = { path: PropertyKey[]; message: string };
const issuePath = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

type Parsed<T> = { ok: true; data: T } | { ok: false; message: string };

/** Parses a JSON text and validates it with a contract schema; the first problem in Chinese. */
export function parseJsonWith<T>(text: string | undefined, schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: Issue[] } } }): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(text?.trim() ? text : '[]');
  } catch (e) {
    return { ok: false, message: `JSON 格式错误：${e instanceof Error ? e.message : String(e)}` };
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error?.issues[0];
    return { ok: false, message: issue ? `${issuePath(issue.path) || '根'}：${issue.message}` : '内容不符合要求' };
  }
  return { ok: true, data: r.data as T };
}

/**
 * Where one server error goes: basic fields by name (feeFen under 费用 in 元), materials and situations
 * by index or by key (`materials[M01].elicenseType`, `situations[reason].options[a]`) against the
 * values being edited. Empty when it belongs to no input.
 */
export function fieldsOfError(path: string, values: Partial<DraftFormValues>): NamePath[] {
  const parts = toNamePath(path);
  if (parts[0] === 'config') parts.shift();
  const head = String(parts[0] ?? '');
  if (head === 'materials' || head === 'situations') return formPathsOf(path, values);
  if (head === 'feeFen') return [['feeYuan']];
  if (BASIC_FIELDS.has(head)) return [[head]];
  // a binding's own input (bindings.formKeys.0 → the 申请表 select)
  if (head === 'bindings' && ['formKeys', 'sections', 'processKey', 'printTemplateKeys', 'registryEffect'].includes(String(parts[1]))) return [['bindings', String(parts[1])]];
  return [];
}

/**
 * Puts a failed save on the form. Zod errors (`details.fields`, paths like `body.config.materials.0.code`)
 * and the server's configuration rules (`details.problems`, paths like `materials[M01].elicenseType`)
 * go under the matching input in the materials or situations editor; returns the tab of the first one.
 */
export function placeSaveError(form: FormInstance, error: unknown): EditorTab | undefined {
  if (!isApiError(error)) {
    showFormError(form, error);
    return undefined;
  }
  const problems = (error.details as { problems?: unknown } | null)?.problems;
  const raw = [
    ...error.fieldErrors,
    ...(Array.isArray(problems) ? problems.filter((p): p is { path: string; message: string } => !!p && typeof p.path === 'string') : []),
  ];
  if (raw.length === 0) {
    showFormError(form, error);
    return undefined;
  }
  const values = form.getFieldsValue(true) as Partial<DraftFormValues>;
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const { path, message } of raw) {
    const names = fieldsOfError(path, values);
    if (!names.length) unplaced.push(`${path}：${message}`);
    for (const name of names) {
      const k = JSON.stringify(name);
      const entry = byField.get(k) ?? { name, errors: [] };
      entry.errors.push(message);
      byField.set(k, entry);
    }
  }
  form.setFields([...byField.values()]);
  feedback.message.error(unplaced.length ? `${error.message}：${unplaced.join('；')}` : `${error.message}，请按提示修改`);
  const first = [...byField.values()][0];
  return first ? tabOfField(first.name) : undefined;
}

const toValues = (v: MatterVersionView): DraftFormValues => {
  const c = v.config;
  return {
    name: c.name,
    matterType: c.matterType,
    handlingModes: c.handlingModes,
    channels: c.channels,
    zones: c.zones,
    statutoryLimitDays: c.statutoryLimitDays,
    promisedLimitDays: c.promisedLimitDays,
    feeYuan: c.feeFen / 100,
    feeNote: c.feeNote,
    visits: c.visits,
    toleranceLimitDays: c.toleranceLimitDays ?? 30,
    conditions: c.conditions,
    legalBasis: c.legalBasis,
    materials: c.materials,
    situations: c.situations,
    bindings: {
      formKeys: c.bindings.formKeys, sections: c.bindings.sections, processKey: c.bindings.processKey,
      printTemplateKeys: c.bindings.printTemplateKeys, registryEffect: c.bindings.registryEffect ?? null,
    },
  };
};

const monoStyle = { fontFamily: 'ui-monospace, SFMono-Regular, Consolas, monospace', fontSize: 12 };

type JsonDraft = { materials: string; situations: string; dirty: boolean; error: string | null };
const jsonOf = (form: FormInstance) => ({
  materials: JSON.stringify(form.getFieldValue('materials') ?? [], null, 2),
  situations: JSON.stringify(form.getFieldValue('situations') ?? [], null, 2),
});

function BasicFields() {
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="name" label="事项名称" rules={[{ required: true, whitespace: true, message: '请输入事项名称' }, zodRule(shape.name)]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="matterType" label="事项类型" rules={[{ required: true, message: '请选择事项类型' }]}>
          <Select options={optionsOf(matterTypeLabels)} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="handlingModes" label="办件类型">
          <Select mode="multiple" options={optionsOf(handlingModeLabels)} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="channels" label="办理渠道">
          <Select mode="multiple" options={optionsOf(matterChannelLabels)} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="zones" label="专区">
          <Select mode="multiple" options={optionsOf(matterZoneLabels)} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="statutoryLimitDays" label="法定时限（工作日）">
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} placeholder="无" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name="promisedLimitDays"
          label="承诺时限（工作日）"
          dependencies={['statutoryLimitDays']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, val: number | null) => {
                const statutory = getFieldValue('statutoryLimitDays') as number | null;
                if (val != null && statutory != null && val > statutory) throw new Error('承诺时限不能超过法定时限');
              },
            }),
          ]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} placeholder="无" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="visits" label="跑动次数">
          <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name="toleranceLimitDays"
          label="容缺补交期限（天）"
          tooltip="容缺受理时，窗口可给申请人的补交期限最长多少天（自然日，1–90）"
          rules={[{ required: true, message: '请填写容缺补交期限' }, zodRule(shape.toleranceLimitDays)]}
        >
          <InputNumber aria-label="容缺补交期限（天）" min={1} max={90} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="feeYuan" label="收费金额（元）" tooltip="0 表示不收费">
          <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={18}>
        <Form.Item
          name="feeNote"
          label="收费依据及标准"
          dependencies={['feeYuan']}
          rules={[
            zodRule(shape.feeNote),
            ({ getFieldValue }) => ({
              validator: async (_, val?: string) => {
                if ((getFieldValue('feeYuan') ?? 0) > 0 && !val?.trim()) throw new Error('收费事项须填写收费依据及标准说明');
              },
            }),
          ]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="conditions" label="受理条件" rules={[zodRule(shape.conditions)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="legalBasis" label="设定依据" rules={[zodRule(shape.legalBasis)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * Edits a draft version: basic fields, the materials table and the situation tree as proper editors,
 * and a JSON tab for power users (applied back into the editors, validated with the contract schemas).
 * A tab mounts on first visit; saving mounts all of them so one validation covers every field, and a
 * failed save opens the tab of the first error.
 * Ctrl+Enter saves.
 */
export const VersionEditDrawer = memo(function VersionEditDrawer({ versionId, onClose }: { versionId: string | null; onClose: () => void }) {
  const [form] = Form.useForm<DraftFormValues>();
  const version = useMatterVersion(versionId);
  const save = useSaveVersion();
  const v = version.data && version.data.id === versionId ? version.data : undefined;
  const editable = v?.status === 'draft';
  const [tab, setTab] = useState<EditorTab>('basic');
  const [json, setJson] = useState<JsonDraft>({ materials: '[]', situations: '[]', dirty: false, error: null });
  const [errorTabs, setErrorTabs] = useState<Partial<Record<EditorTab, number>>>({});
  // Tabs mount on first visit (the editors are large); saving mounts them all so one validation covers every field.
  const [mountAll, setMountAll] = useState(false);
  const sectionHints = useMemo(() => (v ? sectionKeysOf(v.config.bindings.sections, v.config.situations) : []), [v]);

  // Filled once per opened version: a refetch (or the saved version landing in the cache) must not
  // throw away edits, nor remount the whole editor.
  const loadedId = v?.id;
  useEffect(() => {
    if (!v) return;
    form.resetFields();
    form.setFieldsValue(toValues(v));
    setTab('basic');
    setErrorTabs({});
    setMountAll(false);
    setJson({ ...jsonOf(form), dirty: false, error: null });
  }, [loadedId, form]);

  /** Puts edited JSON into the editors; false (and the problem shown) when it does not validate. */
  const applyJson = (): boolean => {
    if (!json.dirty) return true;
    const materials = parseJsonWith<MatterMaterial[]>(json.materials, shape.materials);
    const situations = parseJsonWith<SituationQuestion[]>(json.situations, shape.situations);
    if (!materials.ok || !situations.ok) {
      setJson((j) => ({ ...j, error: [!materials.ok && `申请材料 ${materials.message}`, !situations.ok && `情形 ${situations.message}`].filter(Boolean).join('\n') }));
      return false;
    }
    form.setFieldsValue({ materials: materials.data, situations: situations.data });
    setJson({ ...jsonOf(form), dirty: false, error: null });
    return true;
  };

  const changeTab = (next: string) => {
    if (tab === 'json' && next !== 'json' && !applyJson()) return;
    if (next === 'json') setJson({ ...jsonOf(form), dirty: false, error: null });
    setTab(next as EditorTab);
  };

  /** Error counts on the tab labels, so an error on a tab out of sight is not missed. */
  const countErrors = () => {
    const counts: Partial<Record<EditorTab, number>> = {};
    for (const f of form.getFieldsError()) if (f.errors.length) counts[tabOfField(f.name)] = (counts[tabOfField(f.name)] ?? 0) + 1;
    setErrorTabs((old) => (JSON.stringify(old) === JSON.stringify(counts) ? old : counts));
  };

  const submit = async () => {
    if (!v || !editable) return;
    if (tab === 'json' && !applyJson()) return;
    if (!mountAll) flushSync(() => setMountAll(true));
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: NamePath }[] }).errorFields?.[0];
      countErrors();
      if (first) setTab(tabOfField(first.name));
      throw e;
    }
    setErrorTabs({});
    const f = form.getFieldsValue(true) as DraftFormValues;
    // the contract schemas trim and fill defaults; what they still refuse goes under the inputs
    const materials = shape.materials.safeParse(f.materials ?? []);
    const situations = shape.situations.safeParse(f.situations ?? []);
    if (!materials.success || !situations.success) {
      const issues = [
        ...(materials.error?.issues ?? []).map((i) => ({ name: ['materials', ...i.path] as NamePath, message: i.message })),
        ...(situations.error?.issues ?? []).map((i) => ({ name: ['situations', ...i.path] as NamePath, message: i.message })),
      ];
      (form as FormInstance).setFields(issues.map((i) => ({ name: i.name, errors: [i.message] })));
      setTab(tabOfField(issues[0].name));
      countErrors();
      return;
    }
    const config: MatterConfig = {
      ...v.config,
      name: f.name.trim(),
      matterType: f.matterType,
      handlingModes: f.handlingModes ?? [],
      channels: f.channels ?? [],
      zones: f.zones ?? [],
      statutoryLimitDays: f.statutoryLimitDays ?? null,
      promisedLimitDays: f.promisedLimitDays ?? null,
      feeFen: Math.round((f.feeYuan ?? 0) * 100),
      feeNote: (f.feeNote ?? '').trim(),
      visits: f.visits ?? 0,
      toleranceLimitDays: f.toleranceLimitDays ?? 30,
      conditions: f.conditions ?? '',
      legalBasis: f.legalBasis ?? '',
      materials: materials.data,
      situations: situations.data,
      bindings: {
        ...v.config.bindings,
        formKeys: f.bindings?.formKeys ?? [], sections: f.bindings?.sections ?? [], processKey: f.bindings?.processKey || null,
        printTemplateKeys: f.bindings?.printTemplateKeys ?? [], registryEffect: f.bindings?.registryEffect || null,
      },
    };
    try {
      const saved = await save.mutateAsync({ id: v.id, body: { config } });
      feedback.message.success(`已保存草稿 v${saved.versionNo}`);
      onClose();
    } catch (e) {
      const at = placeSaveError(form, e);
      countErrors();
      if (at) setTab(at);
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  const tabLabel = (key: EditorTab, text: string) => (
    <Badge count={errorTabs[key] ?? 0} size="small" offset={[8, -2]}>
      {text}
    </Badge>
  );

  return (
    <Drawer
      open={!!versionId}
      title={v ? `编辑草稿 · ${v.matterCode} v${v.versionNo}` : '编辑草稿'}
      width={1200}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Tooltip title="Ctrl+Enter">
            <Button type="primary" loading={save.isPending} disabled={!editable} onClick={trySubmit}>
              保存
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {!v ? (
        <Spin />
      ) : (
        <FormKeyboard onSubmit={trySubmit}>
          {!editable && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="只有草稿版本可以修改；已提交或已发布的版本请新建草稿" />}
          {v.reviewNote && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`退回原因：${v.reviewNote}`} />}
          <Form form={form} name="matterDraft" layout="vertical" disabled={!editable} size="small" onFieldsChange={() => { if (Object.keys(errorTabs).length) countErrors(); }}>
            <Tabs
              activeKey={tab}
              onChange={changeTab}
              items={[
                { key: 'basic', label: tabLabel('basic', '基本信息'), forceRender: mountAll, children: <BasicFields /> },
                {
                  key: 'materials',
                  label: tabLabel('materials', '申请材料'),
                  forceRender: mountAll,
                  children: <MaterialsEditor form={form} disabled={!editable} />,
                },
                {
                  key: 'situations',
                  label: tabLabel('situations', '情形'),
                  forceRender: mountAll,
                  children: (
                    <>
                      <Alert
                        type="info"
                        showIcon
                        style={{ marginBottom: 12 }}
                        message="一单告知的材料清单由服务端按情形规则生成，只对已发布版本开放：本草稿发布后，可在事项详情「情形」页选择情形预览清单。"
                      />
                      <SituationsEditor form={form} disabled={!editable} sectionHints={sectionHints} />
                    </>
                  ),
                },
                { key: 'bindings', label: tabLabel('bindings', '业务绑定'), forceRender: mountAll, children: <BindingsFields disabled={!editable} sectionHints={sectionHints} /> },
                {
                  key: 'json',
                  label: 'JSON',
                  children: (
                    <>
                      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                        直接编辑申请材料与情形的 JSON（与上两个标签页同一份数据）。离开本页或保存时按事项配置规则校验并应用。
                      </Typography.Paragraph>
                      {json.error && <Alert type="error" showIcon style={{ marginBottom: 8, whiteSpace: 'pre-wrap' }} message="JSON 未应用" description={json.error} />}
                      <Typography.Text strong>申请材料</Typography.Text>
                      <Input.TextArea
                        aria-label="申请材料 JSON"
                        value={json.materials}
                        onChange={(e) => setJson((j) => ({ ...j, materials: e.target.value, dirty: true }))}
                        autoSize={{ minRows: 6, maxRows: 20 }}
                        spellCheck={false}
                        style={{ ...monoStyle, marginBottom: 12 }}
                      />
                      <Typography.Text strong>情形</Typography.Text>
                      <Input.TextArea
                        aria-label="情形 JSON"
                        value={json.situations}
                        onChange={(e) => setJson((j) => ({ ...j, situations: e.target.value, dirty: true }))}
                        autoSize={{ minRows: 6, maxRows: 20 }}
                        spellCheck={false}
                        style={monoStyle}
                      />
                      <Space style={{ marginTop: 8 }}>
                        <Button disabled={!json.dirty} onClick={() => { if (applyJson()) feedback.message.success('已应用到编辑器'); }}>
                          应用到编辑器
                        </Button>
                        <Button disabled={!json.dirty} onClick={() => setJson({ ...jsonOf(form), dirty: false, error: null })}>
                          放弃修改
                        </Button>
                      </Space>
                    </>
                  ),
                },
              ]}
            />
          </Form>
        </FormKeyboard>
      )}
    </Drawer>
  );
});
