import { useMemo } from 'react';
import { Button, Empty, Form, Input, Popconfirm, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ConfigKey, SituationEffects, type MatterMaterial, type SituationOption, type SituationQuestion } from '@jsga/contracts';
import { zodRule } from '../../../app/form-errors';
import { MAX_SITUATION_DEPTH, newOption, newQuestion, questionKeys, type NamePath } from './configEditing';

const effects = SituationEffects.shape;
const MAX_ROOT_QUESTIONS = 20;
const MAX_CHILD_QUESTIONS = 10;
const MAX_OPTIONS = 30;

type Field = { key: number; name: number };

// plain grid cells instead of Row/Col: a tree of options mounts many of them
const half = { gridColumn: 'span 3' } as const;
const third = { gridColumn: 'span 2' } as const;
type ListOps = { move: (from: number, to: number) => void; remove: (index: number) => void };

interface Ctx {
  form: FormInstance;
  disabled?: boolean;
  materialOptions: { value: string; label: string }[];
  sectionOptions: { value: string; label: string }[];
}

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const keyRules = (what: string) => [{ required: true, whitespace: true, message: `请填写${what}标识` }, zodRule(ConfigKey)];

/** Every entry a valid key: tags typed into the section selects. */
const keysRule = {
  validator: async (_: unknown, list?: string[]) => {
    const bad = (list ?? []).find((k) => !ConfigKey.safeParse(k).success);
    if (bad !== undefined) throw new Error(`“${bad}”不是有效的标识：须为字母开头的字母、数字、下划线、点或短横线`);
  },
};

function MoveButtons({ what, index, count, ops, disabled, onRemove, removeText }: {
  what: string; index: number; count: number; ops: ListOps; disabled?: boolean; onRemove: () => void; removeText: string;
}) {
  return (
    <Space size={0}>
      <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`上移${what}`} disabled={disabled || index === 0} onClick={() => ops.move(index, index - 1)} />
      <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`下移${what}`} disabled={disabled || index === count - 1} onClick={() => ops.move(index, index + 1)} />
      <Popconfirm title={`删除${what}`} description={removeText} onConfirm={onRemove} disabled={disabled}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除${what}`} disabled={disabled} />
      </Popconfirm>
    </Space>
  );
}

function OptionEditor({ field, index, count, ops, abs, label, depth, ctx }: {
  field: Field; index: number; count: number; ops: ListOps; abs: NamePath; label: string; depth: number; ctx: Ctx;
}) {
  const { form, disabled } = ctx;
  const knownMaterials = new Set(ctx.materialOptions.map((o) => o.value));
  const materialsRule = {
    validator: async (_: unknown, list?: string[]) => {
      const unknown = (list ?? []).filter((c) => !knownMaterials.has(c));
      if (unknown.length) throw new Error(`引用了不存在的材料：${unknown.join('、')}`);
    },
  };
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8, background: '#fcfcfc' }} aria-label={label} role="group">
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 180px auto', columnGap: 8, alignItems: 'start' }}>
        <div>
          <Form.Item name={[field.name, 'label']} label={`选项 ${index + 1}`} rules={[{ required: true, whitespace: true, message: '请填写选项' }, { max: 200, message: '选项不能超过200字' }]}>
            <Input aria-label={`${label}文本`} maxLength={200} placeholder="如 大中专院校学生" />
          </Form.Item>
        </div>
        <div>
          <Form.Item
            name={[field.name, 'key']}
            label="选项标识"
            validateFirst
            rules={[
              ...keyRules('选项'),
              {
                validator: async (_r, v?: string) => {
                  const siblings = (form.getFieldValue(abs.slice(0, -1)) ?? []) as Partial<SituationOption>[];
                  if (v && siblings.filter((o) => o?.key === v.trim()).length > 1) throw new Error(`选项标识“${v}”重复`);
                },
              },
            ]}
          >
            <Input aria-label={`${label}标识`} maxLength={64} />
          </Form.Item>
        </div>
        <div style={{ paddingTop: 26 }}>
          <MoveButtons what={label} index={index} count={count} ops={ops} disabled={disabled} onRemove={() => ops.remove(field.name)} removeText="删除该选项及其下的子问题？" />
        </div>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', columnGap: 8 }}>
        <div style={half}>
          <Form.Item name={[field.name, 'effects', 'addMaterials']} label={<Typography.Text type="success">选中后增加材料</Typography.Text>} rules={[materialsRule]}>
            <Select mode="multiple" aria-label={`${label}增加材料`} options={ctx.materialOptions} placeholder="从申请材料中选择" optionFilterProp="label" allowClear />
          </Form.Item>
        </div>
        <div style={half}>
          <Form.Item name={[field.name, 'effects', 'removeMaterials']} label={<Typography.Text type="danger">选中后免交材料</Typography.Text>} rules={[materialsRule]}>
            <Select mode="multiple" aria-label={`${label}减少材料`} options={ctx.materialOptions} placeholder="从申请材料中选择" optionFilterProp="label" allowClear />
          </Form.Item>
        </div>
        <div style={third}>
          <Form.Item name={[field.name, 'effects', 'addSections']} label="增加表单分区" rules={[keysRule]} tooltip="输入分区标识后回车">
            <Select mode="tags" aria-label={`${label}增加表单分区`} options={ctx.sectionOptions} tokenSeparators={[',', ' ']} />
          </Form.Item>
        </div>
        <div style={third}>
          <Form.Item name={[field.name, 'effects', 'removeSections']} label="减少表单分区" rules={[keysRule]}>
            <Select mode="tags" aria-label={`${label}减少表单分区`} options={ctx.sectionOptions} tokenSeparators={[',', ' ']} />
          </Form.Item>
        </div>
        <div style={third}>
          <Form.Item name={[field.name, 'effects', 'processKey']} label="改走流程" normalize={emptyToNull} rules={[zodRule(ConfigKey)]} tooltip="选中后按该流程办理；留空沿用事项绑定的流程">
            <Input aria-label={`${label}改走流程`} maxLength={64} placeholder="流程标识" />
          </Form.Item>
        </div>
        <div style={half}>
          <Form.Item name={[field.name, 'effects', 'eligibilityRule']} label="资格规则" normalize={emptyToNull} rules={[zodRule(effects.eligibilityRule)]} tooltip="表单表达式，如 startsWith(form.schoolRegionCode, &quot;32&quot;)；原样保存，受理时校验">
            <Input.TextArea aria-label={`${label}资格规则`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} style={{ fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 12 }} />
          </Form.Item>
        </div>
        <div style={half}>
          <Form.Item
            name={[field.name, 'effects', 'eligibilityMessage']}
            label="不符合资格时的提示"
            normalize={emptyToNull}
            dependencies={[[...abs, 'effects', 'eligibilityRule']]}
            rules={[
              zodRule(effects.eligibilityMessage),
              {
                validator: async (_r, v?: string | null) => {
                  if (v && !form.getFieldValue([...abs, 'effects', 'eligibilityRule'])) throw new Error('填写了资格提示，须同时填写资格规则');
                },
              },
            ]}
          >
            <Input aria-label={`${label}资格提示`} maxLength={200} placeholder="如 录取院校须在江苏省内" />
          </Form.Item>
        </div>
        <div style={{ width: '100%' }}>
          <Form.List name={[field.name, 'effects', 'moreEligibility']}>
            {(rules, { add, remove }) => (
              <>
                {rules.map((r, i) => (
                  <Space key={r.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[r.name, 'rule']} rules={[{ required: true, message: '请填写资格规则' }]} style={{ width: 360 }}>
                      <Input aria-label={`${label}更多资格规则${i + 1}`} maxLength={2000} placeholder='如 facts.hukou.householdType != "student_collective"' style={{ fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 12 }} />
                    </Form.Item>
                    <Form.Item name={[r.name, 'message']} rules={[{ required: true, message: '请填写提示' }]} style={{ width: 280 }}>
                      <Input aria-label={`${label}更多资格提示${i + 1}`} maxLength={200} placeholder="不符合时的提示" />
                    </Form.Item>
                    <Button type="text" danger aria-label={`删除${label}更多资格规则${i + 1}`} onClick={() => remove(r.name)}>删除</Button>
                  </Space>
                ))}
                {rules.length < 10 && <Button type="dashed" size="small" style={{ marginBottom: 12 }} onClick={() => add({ rule: '', message: '' })}>添加资格规则</Button>}
              </>
            )}
          </Form.List>
        </div>
      </div>
      <div style={{ marginInlineStart: 12, paddingInlineStart: 12, borderInlineStart: '2px solid #e6f4ff', marginBottom: 8 }}>
        <QuestionList name={[field.name, 'children']} abs={[...abs, 'children']} depth={depth + 1} parentLabel={label} ctx={ctx} />
      </div>
    </div>
  );
}

function QuestionEditor({ field, index, count, ops, abs, label, depth, ctx }: {
  field: Field; index: number; count: number; ops: ListOps; abs: NamePath; label: string; depth: number; ctx: Ctx;
}) {
  const { form, disabled } = ctx;
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 10px 0', marginBottom: 10 }} role="group" aria-label={label}>
      <div style={{ display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) 110px 170px auto', columnGap: 8, alignItems: 'start' }}>
        <div style={{ paddingTop: 30 }}>
          <Tag color="blue">{label}</Tag>
        </div>
        <div>
          <Form.Item name={[field.name, 'text']} label="问题" rules={[{ required: true, whitespace: true, message: '请填写问题' }, { max: 200, message: '问题不能超过200字' }]}>
            <Input aria-label={`${label}文本`} maxLength={200} placeholder="如 您办理户口迁移的原因是？" />
          </Form.Item>
        </div>
        <div>
          <Form.Item name={[field.name, 'type']} label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select aria-label={`${label}类型`} options={[{ value: 'single', label: '单选' }, { value: 'multiple', label: '多选' }]} />
          </Form.Item>
        </div>
        <div>
          <Form.Item
            name={[field.name, 'key']}
            label="问题标识"
            validateFirst
            rules={[
              ...keyRules('问题'),
              {
                validator: async (_r, v?: string) => {
                  if (v && questionKeys(form.getFieldValue('situations')).filter((k) => k === v.trim()).length > 1) throw new Error(`问题标识“${v}”重复（整棵情形树内须唯一）`);
                },
              },
            ]}
          >
            <Input aria-label={`${label}标识`} maxLength={64} />
          </Form.Item>
        </div>
        <div style={{ paddingTop: 26 }}>
          <MoveButtons what={label} index={index} count={count} ops={ops} disabled={disabled} onRemove={() => ops.remove(field.name)} removeText="删除该问题及其全部选项、子问题？" />
        </div>
      </div>
      <Form.Item name={[field.name, 'help']} label="填写说明" rules={[{ max: 500, message: '说明不能超过500字' }]}>
        <Input aria-label={`${label}说明`} maxLength={500} placeholder="可选，显示在问题下方" />
      </Form.Item>
      <Form.List
        name={[field.name, 'options']}
        rules={[{ validator: async (_, list?: unknown[]) => { if (!list?.length) throw new Error('问题至少要有一个选项'); } }]}
      >
        {(options, { add, remove, move }, { errors }) => (
          <>
            {options.map((o, j) => (
              <OptionEditor
                key={o.key}
                field={o}
                index={j}
                count={options.length}
                ops={{ move, remove }}
                abs={[...abs, 'options', o.name]}
                label={`${label}选项${j + 1}`}
                depth={depth}
                ctx={ctx}
              />
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginBottom: 10 }}
              disabled={disabled || options.length >= MAX_OPTIONS}
              onClick={() => add(newOption(form.getFieldValue([...abs, 'options'])))}
            >
              {`给${label}添加选项`}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}

function QuestionList({ name, abs, depth, parentLabel, ctx }: { name: string | NamePath; abs: NamePath; depth: number; parentLabel?: string; ctx: Ctx }) {
  const { form, disabled } = ctx;
  const max = depth === 1 ? MAX_ROOT_QUESTIONS : MAX_CHILD_QUESTIONS;
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((f, i) => (
            <QuestionEditor
              key={f.key}
              field={f}
              index={i}
              count={fields.length}
              ops={{ move, remove }}
              abs={[...abs, f.name]}
              label={parentLabel ? `${parentLabel}的子问题${i + 1}` : `问题${i + 1}`}
              depth={depth}
              ctx={ctx}
            />
          ))}
          {depth === 1 && fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未配置情形：所有申请人提交相同的材料" />}
          {depth <= MAX_SITUATION_DEPTH ? (
            <Button
              size="small"
              type={depth === 1 ? 'primary' : 'link'}
              ghost={depth === 1}
              icon={<PlusOutlined />}
              style={{ marginBottom: 8 }}
              disabled={disabled || fields.length >= max}
              onClick={() => add(newQuestion(form.getFieldValue('situations')))}
            >
              {parentLabel ? `在${parentLabel}下添加子问题` : '添加问题'}
            </Button>
          ) : null}
        </>
      )}
    </Form.List>
  );
}

/**
 * 情形: the situation tree inside the draft form (`situations[]`): questions (single or multiple
 * choice) with their options; each option says which materials it adds or waives (chosen from the
 * materials tab by code), which form sections it adds or removes, its eligibility rule and message and
 * the process it routes to, and may open child questions. Questions and options can be added, moved
 * and deleted; keys are generated unique and can be edited.
 */
export function SituationsEditor({ form, disabled, sectionHints }: { form: FormInstance; disabled?: boolean; sectionHints: string[] }) {
  // Only codes and names, so typing elsewhere in the materials table does not re-render the tree; from the
  // whole store (preserve), as the materials tab may not be mounted yet.
  const materialList = Form.useWatch(
    (values: { materials?: Partial<MatterMaterial>[] }) => JSON.stringify((values.materials ?? []).filter((m) => m?.code).map((m) => [m.code, m.name?.trim() ?? ''])),
    { form, preserve: true },
  );
  const materialOptions = useMemo(
    () => (JSON.parse(materialList || '[]') as [string, string][]).map(([code, name]) => ({ value: code, label: `${name || '（未命名）'}（${code}）` })),
    [materialList],
  );
  const sectionOptions = useMemo(() => sectionHints.map((k) => ({ value: k, label: k })), [sectionHints]);
  return (
    <div aria-label="情形编辑">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        申请人按问题逐级选择情形；选中的选项增减材料与表单分区，可附带资格规则、改走其他流程，也可展开子问题（最多 {MAX_SITUATION_DEPTH} 层）。
      </Typography.Paragraph>
      <QuestionList name="situations" abs={['situations']} depth={1} ctx={{ form, disabled, materialOptions, sectionOptions }} />
    </div>
  );
}

/** Section keys to suggest: the matter's default sections and every section the tree already adds or removes. */
export function sectionKeysOf(defaults: readonly string[], questions: readonly SituationQuestion[]): string[] {
  const keys = new Set(defaults);
  const collect = (qs: readonly SituationQuestion[]) => qs.forEach((q) => q.options.forEach((o) => {
    o.effects.addSections.forEach((s) => keys.add(s));
    o.effects.removeSections.forEach((s) => keys.add(s));
    collect(o.children);
  }));
  collect(questions);
  return [...keys];
}
