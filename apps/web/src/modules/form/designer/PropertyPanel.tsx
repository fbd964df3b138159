import { Button, Col, Divider, Empty, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { FieldDef, FieldType, FormDefinition } from '@jsga/form-engine';
import { ExpressionItem, OptionsEditor, RulesEditor } from './editors';
import { LinkButton } from '../components/LinkButton';
import {
  changeType,
  CHOICE_TYPES,
  fieldAt,
  fieldListAt,
  fieldTypeLabels,
  fieldTypes,
  insertColumn,
  KEY_PATTERN,
  moveField,
  patchField,
  patchSection,
  removeField,
  TEXT_TYPES,
  topLevelKeys,
  variablesFor,
  type Selection,
} from './model';

interface PanelProps {
  def: FormDefinition;
  sel: Selection;
  onChange: (def: FormDefinition, sel?: Selection) => void;
  onSelect: (sel: Selection) => void;
  disabled: boolean;
  /** The key can be chosen only before the form's first save. */
  keyEditable: boolean;
}

const typeOptions = fieldTypes.map((t) => ({ value: t, label: fieldTypeLabels[t] }));
const prefillOptions = [
  { value: 'applicant', label: '申请人信息' },
  { value: 'population', label: '人口库' },
  { value: 'elicense', label: '电子证照' },
];
const acceptSuggestions = ['pdf', 'ofd', 'jpg', 'png', 'docx', 'xlsx'].map((v) => ({ value: v, label: v }));

const keyProblem = (key: string, clash: boolean) =>
  !key ? '请填写标识' : !KEY_PATTERN.test(key) ? '字段标识须为字母开头的字母、数字或下划线' : clash ? '标识与其他字段重复' : undefined;

function FormProps({ def, onChange, disabled, keyEditable }: PanelProps) {
  const keyError = keyEditable ? (!def.key ? '请填写表单标识' : !KEY_PATTERN.test(def.key) ? '表单标识须为字母开头的字母、数字或下划线' : undefined) : undefined;
  return (
    <>
      <Form.Item label="表单标识" htmlFor="fd-form-key" required validateStatus={keyError ? 'error' : undefined} help={keyError ?? (keyEditable ? '保存后不可修改；事项通过标识绑定表单' : '标识在新建时确定，不可修改')}>
        <Input id="fd-form-key" value={def.key} disabled={disabled || !keyEditable} maxLength={64} onChange={(e) => onChange({ ...def, key: e.target.value.trim() })} />
      </Form.Item>
      <Form.Item label="表单名称" htmlFor="fd-form-title" required validateStatus={def.title ? undefined : 'error'} help={def.title ? undefined : '请填写表单名称'}>
        <Input id="fd-form-title" value={def.title} disabled={disabled} maxLength={100} onChange={(e) => onChange({ ...def, title: e.target.value })} />
      </Form.Item>
      <Typography.Text type="secondary">在左侧选择分组或字段以编辑其属性；点击字段类型添加字段。</Typography.Text>
    </>
  );
}

function SectionProps({ def, sel, onChange, disabled }: PanelProps & { sel: { kind: 'section'; s: number } }) {
  const sec = def.sections[sel.s];
  if (!sec) return <Empty description="分组不存在" />;
  const keyError = keyProblem(sec.key, def.sections.some((x, j) => j !== sel.s && x.key === sec.key));
  return (
    <>
      <Form.Item label="分组标识" htmlFor="fd-sec-key" required validateStatus={keyError ? 'error' : undefined} help={keyError}>
        <Input id="fd-sec-key" value={sec.key} disabled={disabled} maxLength={64} onChange={(e) => onChange(patchSection(def, sel.s, { key: e.target.value.trim() }))} />
      </Form.Item>
      <Form.Item label="分组标题" htmlFor="fd-sec-title" required validateStatus={sec.title ? undefined : 'error'} help={sec.title ? undefined : '请填写分组标题'}>
        <Input id="fd-sec-title" value={sec.title} disabled={disabled} maxLength={100} onChange={(e) => onChange(patchSection(def, sel.s, { title: e.target.value }))} />
      </Form.Item>
      <ExpressionItem
        label="显示条件"
        id="fd-sec-visible"
        value={sec.visibleWhen}
        disabled={disabled}
        variables={topLevelKeys(def)}
        placeholder="为空则始终显示，如 applicantType == 'company'"
        onChange={(v) => onChange(patchSection(def, sel.s, { visibleWhen: v }))}
      />
    </>
  );
}

/** 子表列: the columns of a sub-table, each opened in this panel for its own properties. */
function ColumnsEditor({ def, s, path, onChange, onSelect, disabled }: { def: FormDefinition; s: number; path: number[]; onChange: PanelProps['onChange']; onSelect: PanelProps['onSelect']; disabled: boolean }) {
  const cols = fieldListAt(def, s, path);
  const [type, setType] = useState<FieldType>('text');
  return (
    <div>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="子表列">
        {cols.map((c, i) => (
          <li key={i} style={{ display: 'flex', alignItems: 'center', gap: 4, padding: '2px 0' }}>
            <span style={{ flex: 1, minWidth: 0 }}>
              {c.label} <Typography.Text type="secondary">{c.key} · {fieldTypeLabels[c.type]}</Typography.Text>
            </span>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={`编辑列 ${c.label}`} onClick={() => onSelect({ kind: 'field', s, path: [...path, i] })} />
            <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移列 ${c.label}`} disabled={disabled || i === 0} onClick={() => onChange(moveField(def, s, [...path, i], -1).def)} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移列 ${c.label}`} disabled={disabled || i === cols.length - 1} onClick={() => onChange(moveField(def, s, [...path, i], 1).def)} />
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除列 ${c.label}`} disabled={disabled} onClick={() => onChange(removeField(def, s, [...path, i]))} />
          </li>
        ))}
      </ul>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Select aria-label="新列类型" style={{ flex: 1 }} value={type} options={typeOptions.filter((o) => o.value !== 'group')} disabled={disabled} onChange={setType} />
        <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => { const r = insertColumn(def, s, path, type); onChange(r.def, r.sel); }}>
          添加列
        </Button>
      </Space.Compact>
    </div>
  );
}

type RequiredMode = 'no' | 'yes' | 'when';

function FieldProps({ def, sel, onChange, onSelect, disabled }: PanelProps & { sel: { kind: 'field'; s: number; path: number[] } }) {
  const f = fieldAt(def, sel.s, sel.path);
  const [requiredMode, setRequiredMode] = useState<RequiredMode>(() => (typeof f?.required === 'string' ? 'when' : f?.required ? 'yes' : 'no'));
  if (!f) return <Empty description="字段不存在" />;
  const { s, path } = sel;
  const inRow = path.length > 1;
  const set = (patch: Partial<FieldDef>) => onChange(patchField(def, s, path, patch));
  const siblings = inRow ? fieldListAt(def, s, path.slice(0, -1)) : null;
  const clash = siblings
    ? siblings.some((x, j) => j !== path[path.length - 1] && x.key === f.key)
    : def.sections.some((sec, si) => sec.fields.some((x, j) => !(si === s && j === path[0]) && x.key === f.key));
  const keyError = keyProblem(f.key, clash);
  const vars = variablesFor(def, s, path);
  const num = (v: number | null) => (v === null ? undefined : v);
  const id = (name: string) => `fd-field-${name}`;
  const parent = inRow ? fieldAt(def, s, path.slice(0, -1)) : undefined;

  return (
    <>
      {parent && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          子表“<LinkButton onClick={() => onSelect({ kind: 'field', s, path: path.slice(0, -1) })}>{parent.label}</LinkButton>”的列
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="字段标识" htmlFor={id('key')} required validateStatus={keyError ? 'error' : undefined} help={keyError} tooltip="提交数据与表达式中使用的名字，修改后须同步修改引用它的表达式">
            <Input id={id('key')} value={f.key} disabled={disabled} maxLength={64} onChange={(e) => set({ key: e.target.value.trim() })} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="名称" htmlFor={id('label')} required validateStatus={f.label ? undefined : 'error'} help={f.label ? undefined : '请填写名称'}>
            <Input id={id('label')} value={f.label} disabled={disabled} maxLength={100} onChange={(e) => set({ label: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="类型" htmlFor={id('type')}>
            <Select
              id={id('type')}
              value={f.type}
              disabled={disabled}
              options={inRow ? typeOptions.filter((o) => o.value !== 'group') : typeOptions}
              onChange={(t: FieldType) => onChange(patchField(def, s, path, changeType(f, t)))}
            />
          </Form.Item>
        </Col>
        {f.type !== 'group' && !inRow && (
          <Col span={12}>
            <Form.Item label="宽度" htmlFor={id('span')}>
              <Radio.Group
                id={id('span')}
                disabled={disabled}
                optionType="button"
                value={f.span ?? 0}
                onChange={(e) => set({ span: e.target.value === 0 ? undefined : (e.target.value as 1 | 2) })}
                options={[
                  { value: 0, label: '自动' },
                  { value: 1, label: '半行' },
                  { value: 2, label: '整行' },
                ]}
              />
            </Form.Item>
          </Col>
        )}
      </Row>

      {!f.compute && (
        <>
          <Form.Item label="必填" htmlFor={id('required')}>
            <Radio.Group
              id={id('required')}
              disabled={disabled}
              optionType="button"
              value={requiredMode}
              onChange={(e) => {
                const mode = e.target.value as RequiredMode;
                setRequiredMode(mode);
                set({ required: mode === 'yes' ? true : mode === 'no' ? undefined : typeof f.required === 'string' ? f.required : undefined });
              }}
              options={[
                { value: 'no', label: '否' },
                { value: 'yes', label: '是' },
                { value: 'when', label: '按条件' },
              ]}
            />
          </Form.Item>
          {requiredMode === 'when' && (
            <ExpressionItem label="必填条件" id={id('requiredWhen')} value={typeof f.required === 'string' ? f.required : ''} disabled={disabled} variables={vars} placeholder="如 reason == 'study'" onChange={(v) => set({ required: v || undefined })} />
          )}
        </>
      )}

      {f.type !== 'group' && !['radio', 'checkbox', 'attachments'].includes(f.type) && (
        <Form.Item label="占位提示" htmlFor={id('placeholder')}>
          <Input id={id('placeholder')} value={f.placeholder ?? ''} disabled={disabled} maxLength={100} onChange={(e) => set({ placeholder: e.target.value })} />
        </Form.Item>
      )}
      <Form.Item label="填写说明" htmlFor={id('help')}>
        <Input id={id('help')} value={f.help ?? ''} disabled={disabled} maxLength={500} onChange={(e) => set({ help: e.target.value })} />
      </Form.Item>

      {TEXT_TYPES.has(f.type) && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="最少字数" htmlFor={id('minLength')}>
              <InputNumber id={id('minLength')} style={{ width: '100%' }} min={0} precision={0} disabled={disabled} value={f.minLength ?? null} onChange={(v) => set({ minLength: num(v) })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="最多字数" htmlFor={id('maxLength')}>
              <InputNumber id={id('maxLength')} style={{ width: '100%' }} min={1} max={10000} precision={0} disabled={disabled} value={f.maxLength ?? null} onChange={(v) => set({ maxLength: num(v) })} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {f.type === 'number' && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="最小值" htmlFor={id('min')}>
              <InputNumber id={id('min')} style={{ width: '100%' }} disabled={disabled} value={f.min ?? null} onChange={(v) => set({ min: num(v) })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="最大值" htmlFor={id('max')}>
              <InputNumber id={id('max')} style={{ width: '100%' }} disabled={disabled} value={f.max ?? null} onChange={(v) => set({ max: num(v) })} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {CHOICE_TYPES.has(f.type) && (
        <Form.Item label="选项" required validateStatus={f.options?.length ? undefined : 'error'} help={f.options?.length ? undefined : '选择类字段须配置选项'}>
          <OptionsEditor idPrefix={id('opt')} value={f.options ?? []} disabled={disabled} onChange={(options) => set({ options })} />
        </Form.Item>
      )}
      {f.type === 'attachments' && (
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label="允许的格式" htmlFor={id('accept')}>
              <Select id={id('accept')} mode="tags" disabled={disabled} value={f.accept ?? []} options={acceptSuggestions} placeholder="不限" onChange={(accept: string[]) => set({ accept })} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="最多文件数" htmlFor={id('maxFiles')}>
              <InputNumber id={id('maxFiles')} style={{ width: '100%' }} min={1} max={50} precision={0} disabled={disabled} value={f.maxFiles ?? null} onChange={(v) => set({ maxFiles: num(v) })} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {f.type === 'group' && (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="最少行数" htmlFor={id('minItems')}>
                <InputNumber id={id('minItems')} style={{ width: '100%' }} min={0} precision={0} disabled={disabled} value={f.minItems ?? null} onChange={(v) => set({ minItems: num(v) })} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="最多行数" htmlFor={id('maxItems')}>
                <InputNumber id={id('maxItems')} style={{ width: '100%' }} min={1} max={200} precision={0} disabled={disabled} value={f.maxItems ?? null} onChange={(v) => set({ maxItems: num(v) })} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="子表列" required validateStatus={f.fields?.length ? undefined : 'error'} help={f.fields?.length ? '列内的表达式用 row.列标识 引用同一行的值' : '子表须包含字段'}>
            <ColumnsEditor def={def} s={s} path={path} onChange={onChange} onSelect={onSelect} disabled={disabled} />
          </Form.Item>
        </>
      )}

      <Divider orientation="left" plain style={{ margin: '8px 0' }}>
        联动与计算
      </Divider>
      <ExpressionItem label="显示条件" id={id('visibleWhen')} value={f.visibleWhen} disabled={disabled} variables={vars} placeholder={inRow ? "如 row.relation == '其他'" : "如 married == 'married'"} hint="为空则始终显示；不显示的字段不校验、不提交" onChange={(v) => set({ visibleWhen: v })} />
      <ExpressionItem label="可编辑条件" id={id('enabledWhen')} value={f.enabledWhen} disabled={disabled} variables={vars} hint="为空则始终可编辑" onChange={(v) => set({ enabledWhen: v })} />
      {f.type !== 'group' && f.type !== 'attachments' && (
        <ExpressionItem label="计算公式" id={id('compute')} value={f.compute} disabled={disabled || !!f.prefill} variables={vars} placeholder="如 len(members) 或 sum(items, 'amount')" hint="设置后该字段只读，由系统计算（服务端同样重新计算）" onChange={(v) => set({ compute: v })} />
      )}
      {!inRow && f.type !== 'group' && (
        <Form.Item label="预填来源" htmlFor={id('prefill')} help={f.compute ? '计算字段不能同时配置预填' : undefined}>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              id={id('prefill')}
              style={{ width: 140 }}
              allowClear
              placeholder="不预填"
              disabled={disabled || !!f.compute}
              value={f.prefill?.source}
              options={prefillOptions}
              onChange={(source?: 'applicant' | 'population' | 'elicense') => set({ prefill: source ? { ...f.prefill, source, path: f.prefill?.path ?? f.key } : undefined })}
            />
            {f.prefill && (
              <Input aria-label="预填路径" placeholder="路径，如 address.county" disabled={disabled} value={f.prefill.path} onChange={(e) => set({ prefill: { ...f.prefill!, path: e.target.value } })} />
            )}
          </Space.Compact>
          {f.prefill?.source === 'elicense' && (
            <Input
              aria-label="证照类型"
              style={{ marginTop: 4 }}
              placeholder="证照类型代码，如 HKB"
              disabled={disabled}
              value={f.prefill.elicenseType ?? ''}
              onChange={(e) => set({ prefill: { ...f.prefill!, elicenseType: e.target.value || undefined } })}
            />
          )}
        </Form.Item>
      )}
      <Form.Item label="校验规则" tooltip="引擎没有正则表达式；格式要求用规则表达，如 len(value) == 6、startsWith(value, '32')">
        <RulesEditor idPrefix={id('rule')} value={f.rules ?? []} disabled={disabled} variables={vars} onChange={(rules) => set({ rules })} />
      </Form.Item>
    </>
  );
}

/** The property panel of what is selected in the outline: the form, a section, or a field / sub-table column. */
export function PropertyPanel(props: PanelProps) {
  const { sel, disabled } = props;
  return (
    <Form layout="vertical" component="div" size="small" disabled={disabled}>
      {sel.kind === 'form' && <FormProps {...props} />}
      {sel.kind === 'section' && <SectionProps {...props} sel={sel} />}
      {sel.kind === 'field' && <FieldProps key={`${sel.s}-${sel.path.join('.')}`} {...props} sel={sel} />}
    </Form>
  );
}

