import { useEffect } from 'react';
import { Alert, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Spin, Tooltip, Typography, type FormInstance } from 'antd';
import {
  handlingModeLabels,
  MatterConfig,
  matterChannelLabels,
  matterTypeLabels,
  matterZoneLabels,
  type HandlingMode,
  type MatterChannel,
  type MatterType,
  type MatterVersionView,
  type MatterZone,
} from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { showFormError, zodRule } from '../../../app/form-errors';
import { isApiError, toNamePath } from '../../../app/request';
import { FormKeyboard } from '../../../app/ui';
import { useMatterVersion, useSaveVersion } from '../api';
import { optionsOf } from './labels';

interface DraftFormValues {
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
  conditions: string;
  legalBasis: string;
  materialsJson: string;
  situationsJson: string;
}

const BASIC_FIELDS = new Set<string>(['name', 'matterType', 'handlingModes', 'channels', 'zones', 'statutoryLimitDays', 'promisedLimitDays', 'feeNote', 'visits', 'conditions', 'legalBasis']);
const shape = MatterConfig.shape;

type Issue = { path: PropertyKey[]; message: string };
const issuePath = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

/** Parses a JSON textarea and validates it with a contract schema; throws the first problem in Chinese. */
function parseJsonWith<T>(text: string | undefined, schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: Issue[] } } }): T {
  let value: unknown;
  try {
    value = JSON.parse(text?.trim() ? text : '[]');
  } catch (e) {
    throw new Error(`JSON 格式错误：${e instanceof Error ? e.message : String(e)}`);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error?.issues[0];
    throw new Error(issue ? `${issuePath(issue.path) || '根'}：${issue.message}` : '内容不符合要求');
  }
  return r.data as T;
}

const jsonRule = (schema: Parameters<typeof parseJsonWith>[1]) => ({
  validator: async (_: unknown, v: string | undefined) => {
    parseJsonWith(v, schema);
  },
});

/**
 * Puts a failed save on the form. Zod errors (`details.fields`, paths like `body.config.materials.0.code`)
 * and the server's configuration rules (`details.problems`, paths like `materials[M01].elicenseType`)
 * go under the matching input; material and situation errors under their JSON editor.
 */
export function placeSaveError(form: FormInstance, error: unknown): void {
  if (!isApiError(error)) return showFormError(form, error);
  const problems = (error.details as { problems?: unknown } | null)?.problems;
  const raw = [
    ...error.fieldErrors,
    ...(Array.isArray(problems) ? problems.filter((p): p is { path: string; message: string } => !!p && typeof p.path === 'string') : []),
  ];
  if (raw.length === 0) return showFormError(form, error);
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const { path, message } of raw) {
    const parts = toNamePath(path);
    if (parts[0] === 'config') parts.shift();
    const head = String(parts[0] ?? '');
    let field: string | undefined;
    let text = message;
    if (head === 'materials' || head === 'situations') {
      field = `${head}Json`;
      text = `${path.replace(/^(body\.)?config\./, '')}：${message}`;
    } else if (head === 'feeFen') field = 'feeYuan';
    else if (BASIC_FIELDS.has(head)) field = head;
    if (field) byField.set(field, [...(byField.get(field) ?? []), text]);
    else unplaced.push(`${path}：${message}`);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  feedback.message.error(unplaced.length ? `${error.message}：${unplaced.join('；')}` : `${error.message}，请按提示修改`);
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
    conditions: c.conditions,
    legalBasis: c.legalBasis,
    materialsJson: JSON.stringify(c.materials, null, 2),
    situationsJson: JSON.stringify(c.situations, null, 2),
  };
};

const monoStyle = { fontFamily: 'ui-monospace, SFMono-Regular, Consolas, monospace', fontSize: 12 };

/**
 * Edits a draft version: the basic fields as inputs, materials and situations as JSON (validated with
 * the contract schemas before saving). Ctrl+Enter saves.
 */
export function VersionEditDrawer({ versionId, onClose }: { versionId: string | null; onClose: () => void }) {
  const [form] = Form.useForm<DraftFormValues>();
  const version = useMatterVersion(versionId);
  const save = useSaveVersion();
  const v = version.data && version.data.id === versionId ? version.data : undefined;
  const editable = v?.status === 'draft';

  useEffect(() => {
    if (!v) return;
    form.resetFields();
    form.setFieldsValue(toValues(v));
  }, [v, form]);

  const submit = async () => {
    if (!v || !editable) return;
    const f = await form.validateFields();
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
      conditions: f.conditions ?? '',
      legalBasis: f.legalBasis ?? '',
      materials: parseJsonWith(f.materialsJson, shape.materials),
      situations: parseJsonWith(f.situationsJson, shape.situations),
    };
    try {
      const saved = await save.mutateAsync({ id: v.id, body: { config } });
      feedback.message.success(`已保存草稿 v${saved.versionNo}`);
      onClose();
    } catch (e) {
      placeSaveError(form, e);
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  return (
    <Drawer
      open={!!versionId}
      title={v ? `编辑草稿 · ${v.matterCode} v${v.versionNo}` : '编辑草稿'}
      width={900}
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
          <Form form={form} name="matterDraft" layout="vertical" disabled={!editable} size="small">
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
                <Form.Item name="feeYuan" label="收费金额（元）" tooltip="0 表示不收费">
                  <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={24}>
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
            <Divider orientation="left" orientationMargin={0} style={{ margin: '4px 0 8px' }}>
              材料与情形（JSON）
            </Divider>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              暂以 JSON 编辑：材料为数组（code、name、source、required、allowTolerance、form、count…），情形为问题树（key、text、type、options[].effects/children）。保存前按事项配置规则校验。
            </Typography.Paragraph>
            <Form.Item name="materialsJson" label="申请材料" rules={[jsonRule(shape.materials)]}>
              <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} spellCheck={false} style={monoStyle} />
            </Form.Item>
            <Form.Item name="situationsJson" label="情形" rules={[jsonRule(shape.situations)]}>
              <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} spellCheck={false} style={monoStyle} />
            </Form.Item>
          </Form>
        </FormKeyboard>
      )}
    </Drawer>
  );
}
