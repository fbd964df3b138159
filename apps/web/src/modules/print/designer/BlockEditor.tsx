import { Button, Checkbox, Col, Input, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PrintBlock } from '@jsga/contracts';
import { Field, NumberField } from './fields';
import { blockTypeLabels, withOptional } from './model';
import { TextInput } from './TextInput';

type TableBlock = Extract<PrintBlock, { type: 'table' }>;
type SizedBlock = Extract<PrintBlock, { type: 'title' | 'paragraph' | 'table' | 'list_table' }>;
type Props = {
  /** The page's body size in points (what an unset block size falls back to). */
  baseFontSize: number;
  index: number;
  block: PrintBlock;
  onChange: (block: PrintBlock) => void;
  /** The kind's lists, the only sources a data list may show. */
  lists: readonly { path: string; label: string }[];
  disabled: boolean;
};

const alignOptions = [
  { value: 'left', label: '左对齐' },
  { value: 'center', label: '居中' },
  { value: 'right', label: '右对齐' },
];

/** The fields of one block, with units: font sizes in 磅 (points), widths and spaces in 毫米. */
export function BlockEditor({ baseFontSize, index, block, onChange, lists, disabled }: Props) {
  const id = (field: string) => `pt-b${index}-${field}`;
  const where = `第 ${index + 1} 块（${blockTypeLabels[block.type]}）`;
  const base = baseFontSize;
  const fontSize = (b: SizedBlock, placeholder: string) => (
    <NumberField id={id('fontSize')} label="字号" unit="磅" min={8} max={36} placeholder={placeholder} disabled={disabled} value={b.fontSize} onChange={(v) => onChange(withOptional(b, 'fontSize', v))} />
  );

  switch (block.type) {
    case 'title':
      return (
        <>
          <Field id={id('text')} label="标题文字">
            <TextInput id={id('text')} path={['blocks', index, 'text']} targetLabel={`${where}标题文字`} value={block.text} disabled={disabled} onChange={(text) => onChange({ ...block, text })} />
          </Field>
          <Row gutter={8}>
            <Col span={12}>{fontSize(block, `默认 ${base + 8}`)}</Col>
          </Row>
        </>
      );
    case 'paragraph':
      return (
        <>
          <Field id={id('text')} label="正文" extra="换行另起一行，首行缩进相同">
            <TextInput id={id('text')} multiline path={['blocks', index, 'text']} targetLabel={`${where}正文`} value={block.text} disabled={disabled} onChange={(text) => onChange({ ...block, text })} />
          </Field>
          <Row gutter={8}>
            <Col span={6}>{fontSize(block, `默认 ${base}`)}</Col>
            <Col span={6}>
              <NumberField id={id('indent')} label="首行缩进" unit="字" min={0} max={8} precision={0} placeholder="默认 2" disabled={disabled} value={block.indent} onChange={(v) => onChange(withOptional(block, 'indent', v))} />
            </Col>
            <Col span={6}>
              <Field id={id('align')} label="对齐">
                <Select id={id('align')} options={alignOptions} placeholder="左对齐" allowClear disabled={disabled} value={block.align} onChange={(v) => onChange(withOptional(block, 'align', v))} />
              </Field>
            </Col>
            <Col span={6}>
              <Field id={id('bold')} label="字形">
                <Checkbox id={id('bold')} disabled={disabled} checked={!!block.bold} onChange={(e) => onChange(withOptional(block, 'bold', e.target.checked || undefined))}>
                  加粗
                </Checkbox>
              </Field>
            </Col>
          </Row>
        </>
      );
    case 'table':
      return (
        <>
          <TableRows block={block} index={index} where={where} disabled={disabled} onChange={onChange} />
          <Row gutter={8}>
            <Col span={12}>
              <NumberField id={id('labelWidth')} label="项目列宽" unit="毫米" min={0} max={120} placeholder="默认 36" disabled={disabled} value={block.labelWidth} onChange={(v) => onChange(withOptional(block, 'labelWidth', v))} />
            </Col>
            <Col span={12}>{fontSize(block, `默认 ${base}`)}</Col>
          </Row>
        </>
      );
    case 'list_table': {
      const known = lists.some((l) => l.path === block.source);
      return (
        <>
          <Field
            id={id('source')}
            label="数据列表"
            extra={lists.length === 0 ? <Typography.Text type="danger">该类别不提供数据列表</Typography.Text> : '逐行打印所选列表的项目与内容，其中的占位符不替换'}
          >
            <Select
              id={id('source')}
              disabled={disabled}
              status={known ? undefined : 'error'}
              value={block.source || undefined}
              placeholder="选择数据列表"
              options={lists.map((l) => ({ value: l.path, label: `${l.label}（${l.path}）` }))}
              onChange={(source: string) => onChange({ ...block, source })}
            />
          </Field>
          <Row gutter={8}>
            <Col span={8}>
              <NumberField id={id('labelWidth')} label="项目列宽" unit="毫米" min={0} max={120} placeholder="默认 36" disabled={disabled} value={block.labelWidth} onChange={(v) => onChange(withOptional(block, 'labelWidth', v))} />
            </Col>
            <Col span={8}>{fontSize(block, `默认 ${base}`)}</Col>
            <Col span={8}>
              <Field id={id('emptyText')} label="无数据时显示">
                <Input id={id('emptyText')} maxLength={100} placeholder="无" disabled={disabled} value={block.emptyText ?? ''} onChange={(e) => onChange(withOptional(block, 'emptyText', e.target.value))} />
              </Field>
            </Col>
          </Row>
        </>
      );
    }
    case 'signature':
      return (
        <>
          <Row gutter={8}>
            <Col span={12}>
              <Field id={id('orgName')} label="落款机关（右对齐）">
                <TextInput id={id('orgName')} path={['blocks', index, 'orgName']} targetLabel={`${where}落款机关`} value={block.orgName} disabled={disabled} onChange={(orgName) => onChange({ ...block, orgName })} />
              </Field>
            </Col>
            <Col span={12}>
              <Field id={id('date')} label="成文日期">
                <TextInput id={id('date')} path={['blocks', index, 'date']} targetLabel={`${where}成文日期`} value={block.date} disabled={disabled} onChange={(date) => onChange({ ...block, date })} />
              </Field>
            </Col>
          </Row>
          <Row gutter={8}>
            <Col span={12}>
              <NumberField id={id('spaceBefore')} label="上方留白（用印位置）" unit="毫米" min={0} max={150} placeholder="默认 20" disabled={disabled} value={block.spaceBefore} onChange={(v) => onChange(withOptional(block, 'spaceBefore', v))} />
            </Col>
          </Row>
        </>
      );
    case 'spacer':
      return (
        <Row gutter={8}>
          <Col span={12}>
            <NumberField id={id('height')} label="高度" unit="毫米" min={0} max={200} disabled={disabled} value={block.height} onChange={(v) => onChange({ ...block, height: v ?? 0 })} />
          </Col>
        </Row>
      );
  }
}

/** The key/value rows of a table: add, remove, reorder, edit (both texts may carry placeholders). */
function TableRows({ block, index, where, disabled, onChange }: { block: TableBlock; index: number; where: string; disabled: boolean; onChange: (b: PrintBlock) => void }) {
  const setRows = (rows: TableBlock['rows']) => onChange({ ...block, rows });
  const move = (from: number, to: number) => {
    const rows = [...block.rows];
    const [r] = rows.splice(from, 1);
    rows.splice(to, 0, r);
    setRows(rows);
  };
  return (
    <fieldset aria-label={`第 ${index + 1} 块表格行`} style={{ border: 0, padding: 0, margin: '0 0 8px', minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>表格行（项目 / 内容）</Typography.Text>
      {block.rows.map((row, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no ids; a row is its position, and both inputs are controlled
        <Row key={j} gutter={6} wrap={false} style={{ marginTop: 4 }}>
          <Col flex="30%">
            <TextInput
              id={`pt-b${index}-r${j}-label`}
              aria-label={`第 ${j + 1} 行项目`}
              path={['blocks', index, 'rows', j, 'label']}
              targetLabel={`${where}第 ${j + 1} 行项目`}
              value={row.label}
              disabled={disabled}
              onChange={(label) => setRows(block.rows.map((r, k) => (k === j ? { ...r, label } : r)))}
            />
          </Col>
          <Col flex="auto">
            <TextInput
              id={`pt-b${index}-r${j}-value`}
              aria-label={`第 ${j + 1} 行内容`}
              path={['blocks', index, 'rows', j, 'value']}
              targetLabel={`${where}第 ${j + 1} 行内容`}
              value={row.value}
              disabled={disabled}
              onChange={(value) => setRows(block.rows.map((r, k) => (k === j ? { ...r, value } : r)))}
            />
          </Col>
          {!disabled && (
            <Col flex="none">
              <Space size={0}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`第 ${j + 1} 行上移`} disabled={j === 0} onClick={() => move(j, j - 1)} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`第 ${j + 1} 行下移`} disabled={j === block.rows.length - 1} onClick={() => move(j, j + 1)} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${j + 1} 行`} disabled={block.rows.length <= 1} onClick={() => setRows(block.rows.filter((_, k) => k !== j))} />
              </Space>
            </Col>
          )}
        </Row>
      ))}
      {!disabled && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} style={{ marginTop: 6 }} disabled={block.rows.length >= 50} onClick={() => setRows([...block.rows, { label: '', value: '' }])}>
          添加一行
        </Button>
      )}
    </fieldset>
  );
}
