import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ExclamationCircleFilled, PlusOutlined } from '@ant-design/icons';
import type { FieldDef, FieldType, FormDefinition } from '@jsga/form-engine';
import { addField, addSection, fieldTypeLabels, fieldTypes, moveField, moveSection, removeField, removeSection, type Selection } from './model';

export const selectionKey = (sel: Selection) => (sel.kind === 'form' ? 'form' : sel.kind === 'section' ? `s${sel.s}` : `s${sel.s}:${sel.path.join('.')}`);

interface Props {
  def: FormDefinition;
  sel: Selection;
  onSelect: (sel: Selection) => void;
  onChange: (def: FormDefinition, sel?: Selection) => void;
  disabled: boolean;
  /** Selection keys with a checkDefinition problem. */
  problemKeys: ReadonlySet<string>;
}

/** 字段类型: clicking one adds such a field after the selected one (or into the selected sub-table). */
export function Palette({ def, sel, onChange, disabled }: Pick<Props, 'def' | 'sel' | 'onChange' | 'disabled'>) {
  const add = (type: FieldType) => {
    const r = addField(def, sel, type);
    onChange(r.def, r.sel);
  };
  return (
    <div role="toolbar" aria-label="字段类型" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(92px, 1fr))', gap: 6 }}>
      {fieldTypes.map((t) => (
        <Button key={t} size="small" disabled={disabled} onClick={() => add(t)} aria-label={`添加${fieldTypeLabels[t]}`}>
          {fieldTypeLabels[t]}
        </Button>
      ))}
    </div>
  );
}

const rowStyle = (selected: boolean, depth: number) => ({
  display: 'flex',
  alignItems: 'center',
  gap: 2,
  padding: '2px 4px 2px',
  paddingLeft: 4 + depth * 16,
  borderRadius: 4,
  background: selected ? '#e6f4ff' : undefined,
  borderLeft: selected ? '3px solid #1677ff' : '3px solid transparent',
});

/** 表单结构: sections and their fields (sub-table columns nested), each selectable, movable and removable by keyboard too. */
export function Outline({ def, sel, onSelect, onChange, disabled, problemKeys }: Props) {
  const current = selectionKey(sel);
  const nav = useRef<HTMLElement>(null);
  /** Keeps keyboard focus on the moved item. */
  const refocus = () => setTimeout(() => nav.current?.querySelector<HTMLElement>('[aria-current="true"]')?.focus(), 0);

  const item = (opts: {
    target: Selection;
    depth: number;
    label: ReactNode;
    name: string;
    canUp: boolean;
    canDown: boolean;
    move: (delta: -1 | 1) => void;
    remove: () => void;
    removeTitle: string;
  }) => {
    const k = selectionKey(opts.target);
    const selected = k === current;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || disabled) return;
      if (e.key === 'ArrowUp' && opts.canUp) { e.preventDefault(); opts.move(-1); refocus(); }
      if (e.key === 'ArrowDown' && opts.canDown) { e.preventDefault(); opts.move(1); refocus(); }
    };
    return (
      <div style={rowStyle(selected, opts.depth)} key={k}>
        <Button
          type="text"
          size="small"
          aria-current={selected ? 'true' : undefined}
          title={disabled ? undefined : 'Alt+↑/↓ 移动'}
          style={{ flex: 1, minWidth: 0, height: 'auto', minHeight: 24, textAlign: 'left', justifyContent: 'flex-start', overflow: 'hidden', whiteSpace: 'normal' }}
          onClick={() => onSelect(opts.target)}
          onKeyDown={onKeyDown}
        >
          {problemKeys.has(k) && <ExclamationCircleFilled style={{ color: '#ff4d4f' }} aria-label="有问题" />}
          {opts.label}
        </Button>
        <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移 ${opts.name}`} disabled={disabled || !opts.canUp} onClick={() => opts.move(-1)} />
        <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移 ${opts.name}`} disabled={disabled || !opts.canDown} onClick={() => opts.move(1)} />
        <Popconfirm title={opts.removeTitle} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={opts.remove} disabled={disabled}>
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${opts.name}`} disabled={disabled} />
        </Popconfirm>
      </div>
    );
  };

  const fieldItems = (fields: FieldDef[], s: number, parent: number[]): ReactNode[] =>
    fields.flatMap((f, i) => {
      const path = [...parent, i];
      const name = f.label || f.key || '（未命名）';
      const row = item({
        target: { kind: 'field', s, path },
        depth: path.length,
        name,
        label: (
          <span style={{ display: 'block', lineHeight: 1.35, padding: '2px 0' }}>
            <span>{name}</span>
            {f.required === true && <span style={{ color: '#ff4d4f' }} aria-label="必填"> *</span>}
            {(f.visibleWhen || f.compute) && (
              <Tooltip title={[f.visibleWhen && `显示条件：${f.visibleWhen}`, f.compute && `计算：${f.compute}`].filter(Boolean).join('；')}>
                <Tag color="blue" bordered={false} style={{ marginInlineStart: 4, marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>{f.compute ? '计算' : '联动'}</Tag>
              </Tooltip>
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11 }}>
              {f.key} · {fieldTypeLabels[f.type] ?? f.type}
            </Typography.Text>
          </span>
        ),
        canUp: i > 0,
        canDown: i < fields.length - 1,
        move: (delta) => {
          const r = moveField(def, s, path, delta);
          onChange(r.def, { kind: 'field', s, path: r.path });
        },
        remove: () => onChange(removeField(def, s, path), parent.length ? { kind: 'field', s, path: parent } : { kind: 'section', s }),
        removeTitle: f.type === 'group' ? `删除子表“${name}”及其全部列？` : `删除字段“${name}”？`,
      });
      return f.type === 'group' ? [row, ...fieldItems(f.fields ?? [], s, path)] : [row];
    });

  return (
    <nav aria-label="表单结构" ref={nav}>
      {item({
        target: { kind: 'form' },
        depth: 0,
        name: '表单',
        label: <Typography.Text strong>{def.title || '（未命名表单）'}</Typography.Text>,
        canUp: false,
        canDown: false,
        move: () => undefined,
        remove: () => undefined,
        removeTitle: '',
      })}
      {def.sections.map((sec, s) => (
        <div key={s} style={{ marginTop: 6 }}>
          {item({
            target: { kind: 'section', s },
            depth: 0,
            name: `分组 ${sec.title}`,
            label: (
              <Space size={4}>
                <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>分组</Tag>
                <span>{sec.title || '（未命名分组）'}</span>
              </Space>
            ),
            canUp: s > 0,
            canDown: s < def.sections.length - 1,
            move: (delta) => {
              const r = moveSection(def, s, delta);
              onChange(r.def, { kind: 'section', s: r.s });
            },
            remove: () => onChange(removeSection(def, s), { kind: 'form' }),
            removeTitle: `删除分组“${sec.title}”及其中全部字段？`,
          })}
          {sec.fields.length ? fieldItems(sec.fields, s, []) : (
            <Typography.Text type="secondary" style={{ display: 'block', paddingLeft: 24, fontSize: 12 }}>
              选中此分组后点击上方字段类型添加字段
            </Typography.Text>
          )}
        </div>
      ))}
      <Button
        type="dashed"
        size="small"
        block
        icon={<PlusOutlined />}
        disabled={disabled}
        style={{ marginTop: 8 }}
        onClick={() => {
          const r = addSection(def);
          onChange(r.def, r.sel);
        }}
      >
        添加分组
      </Button>
    </nav>
  );
}
