import { Button, Card, Form, Input, Popover, Space, Table, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, FunctionOutlined, PlusOutlined } from '@ant-design/icons';
import { checkExpression, expressionFunctions, type FieldDef } from '@jsga/form-engine';

type Option = NonNullable<FieldDef['options']>[number];
type Rule = NonNullable<FieldDef['rules']>[number];

const functionHelp: Record<string, string> = {
  len: 'len(x) 文本长度或子表行数',
  isEmpty: 'isEmpty(x) 是否未填',
  contains: 'contains(列表或文本, 值)',
  startsWith: 'startsWith(文本, 前缀)',
  endsWith: 'endsWith(文本, 后缀)',
  sum: "sum(子表, '列') 合计",
  countWhere: "countWhere(子表, '列', 值) 满足条件的行数",
  pluck: "pluck(子表, '列') 取一列",
  min: 'min(a, b, …) 最小值',
  max: 'max(a, b, …) 最大值',
  round: 'round(数, 小数位)',
  abs: 'abs(数) 绝对值',
  number: 'number(x) 转为数字',
  string: 'string(x) 转为文本',
  trim: 'trim(文本) 去首尾空格',
  today: 'today() 今天（YYYY-MM-DD）',
  addDays: 'addDays(日期, 天数)',
  daysBetween: 'daysBetween(日期1, 日期2) 相差天数',
  yearsBetween: 'yearsBetween(日期1, 日期2) 相差整年',
  age: 'age(出生日期或身份证号) 周岁',
  isIdNo: 'isIdNo(x) 是否有效身份证号',
  idBirthDate: 'idBirthDate(身份证号) 出生日期',
  idSex: "idSex(身份证号) 性别 '男'/'女'",
  isPhone: 'isPhone(x) 是否手机号',
  isCreditCode: 'isCreditCode(x) 是否统一社会信用代码',
};

export function ExpressionHelp({ variables }: { variables: string[] }) {
  return (
    <Popover
      trigger="click"
      title="表达式写法"
      content={
        <div style={{ maxWidth: 420, fontSize: 12 }}>
          <p style={{ marginTop: 0 }}>
            类似 JavaScript 的安全子集：<code>== != &lt; &gt; &amp;&amp; || ! ? : in + - * /</code>，字符串用引号，如 <code>relation == '其他'</code>。
          </p>
          <p>
            可引用：{variables.length ? variables.map((v) => <code key={v} style={{ marginRight: 4 }}>{v}</code>) : '（暂无字段）'}
          </p>
          <Typography.Text strong>函数</Typography.Text>
          <ul style={{ paddingLeft: 16, margin: '4px 0 0', columns: 2 }}>
            {Object.keys(expressionFunctions).map((name) => (
              <li key={name}>
                <code>{functionHelp[name] ?? `${name}()`}</code>
              </li>
            ))}
          </ul>
        </div>
      }
    >
      <Button type="link" size="small" icon={<FunctionOutlined />}>
        写法与函数
      </Button>
    </Popover>
  );
}

/**
 * An expression property (显示条件、计算公式…) checked as it is typed with the engine's own parser
 * (`checkExpression`), showing its Chinese message under the input.
 */
export function ExpressionItem(props: { label: string; id: string; value: string | undefined; onChange: (v: string) => void; placeholder?: string; hint?: string; disabled?: boolean; variables: string[] }) {
  const { label, id, value, onChange, placeholder, hint, disabled, variables } = props;
  const error = value ? checkExpression(value) : null;
  return (
    <Form.Item
      label={
        <Space size={0}>
          {label}
          <ExpressionHelp variables={variables} />
        </Space>
      }
      htmlFor={id}
      validateStatus={error ? 'error' : undefined}
      help={error ? `表达式错误：${error}` : hint}
    >
      <Input.TextArea
        id={id}
        value={value ?? ''}
        disabled={disabled}
        placeholder={placeholder}
        autoSize={{ minRows: 1, maxRows: 4 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace' }}
        onChange={(e) => onChange(e.target.value)}
      />
    </Form.Item>
  );
}

function moveIn<T>(list: T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list;
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j], copy[i]];
  return copy;
}

/** 选项: value and label per row; numbers typed as values stay text (the engine compares them as given). */
export function OptionsEditor({ value, onChange, disabled, idPrefix }: { value: Option[]; onChange: (v: Option[]) => void; disabled?: boolean; idPrefix: string }) {
  const set = (i: number, patch: Partial<Option>) => onChange(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <div>
      <Table<Option & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        dataSource={value.map((o, i) => ({ ...o, i }))}
        locale={{ emptyText: '暂无选项' }}
        columns={[
          {
            title: '值',
            key: 'value',
            render: (_, o) => <Input id={`${idPrefix}-v${o.i}`} size="small" aria-label={`选项${o.i + 1}的值`} disabled={disabled} value={String(o.value)} onChange={(e) => set(o.i, { value: e.target.value })} />,
          },
          {
            title: '显示文字',
            key: 'label',
            render: (_, o) => <Input size="small" aria-label={`选项${o.i + 1}的显示文字`} disabled={disabled} value={o.label} onChange={(e) => set(o.i, { label: e.target.value })} />,
          },
          {
            title: '',
            key: 'op',
            width: 96,
            render: (_, o) => (
              <Space size={0}>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移选项${o.i + 1}`} disabled={disabled || o.i === 0} onClick={() => onChange(moveIn(value, o.i, -1))} />
                <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移选项${o.i + 1}`} disabled={disabled || o.i === value.length - 1} onClick={() => onChange(moveIn(value, o.i, 1))} />
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除选项${o.i + 1}`} disabled={disabled} onClick={() => onChange(value.filter((_, j) => j !== o.i))} />
              </Space>
            ),
          },
        ]}
      />
      <Button
        type="dashed"
        size="small"
        block
        icon={<PlusOutlined />}
        disabled={disabled}
        style={{ marginTop: 4 }}
        onClick={() => onChange([...value, { value: `选项${value.length + 1}`, label: `选项${value.length + 1}` }])}
      >
        添加选项
      </Button>
    </div>
  );
}

/** 校验规则: each rule an assertion (with optional precondition) and the message shown when it fails. */
export function RulesEditor({ value, onChange, disabled, idPrefix, variables }: { value: Rule[]; onChange: (v: Rule[]) => void; disabled?: boolean; idPrefix: string; variables: string[] }) {
  const set = (i: number, patch: Partial<Rule>) =>
    onChange(value.map((r, j) => {
      if (j !== i) return r;
      const next = { ...r, ...patch };
      if (!next.when) delete next.when;
      return next;
    }));
  return (
    <div>
      {value.map((r, i) => (
        <Card
          key={i}
          size="small"
          style={{ marginBottom: 8 }}
          title={`规则 ${i + 1}`}
          extra={
            <Tooltip title="删除规则">
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除规则${i + 1}`} disabled={disabled} onClick={() => onChange(value.filter((_, j) => j !== i))} />
            </Tooltip>
          }
        >
          <ExpressionItem label="须满足" id={`${idPrefix}-assert${i}`} value={r.assert} disabled={disabled} variables={[...variables, 'value']} placeholder="如 value >= today()" hint="value 为本字段的值" onChange={(v) => set(i, { assert: v })} />
          <ExpressionItem label="适用条件（可选）" id={`${idPrefix}-when${i}`} value={r.when} disabled={disabled} variables={variables} onChange={(v) => set(i, { when: v })} />
          <Form.Item label="不满足时提示" htmlFor={`${idPrefix}-msg${i}`} style={{ marginBottom: 0 }} validateStatus={r.message ? undefined : 'error'} help={r.message ? undefined : '请填写提示信息'}>
            <Input id={`${idPrefix}-msg${i}`} disabled={disabled} value={r.message} maxLength={200} onChange={(e) => set(i, { message: e.target.value })} />
          </Form.Item>
        </Card>
      ))}
      <Button type="dashed" size="small" block icon={<PlusOutlined />} disabled={disabled} onClick={() => onChange([...value, { assert: 'value != null', message: '' }])}>
        添加校验规则
      </Button>
    </div>
  );
}
