import { memo } from 'react';
import { Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PrintBlock, PrintTemplateDefinition } from '@jsga/contracts';
import { BlockEditor } from './BlockEditor';
import { blockTypeLabels, blockTypes, bodyFontSize, insertBlock, moveBlock, newBlock, removeBlock, replaceBlock, type BlockType, type UpdateDefinition } from './model';

type Lists = readonly { path: string; label: string }[];

type Props = {
  def: PrintTemplateDefinition;
  update: UpdateDefinition;
  lists: Lists;
  disabled: boolean;
  /** Problem messages by block index. */
  problems: ReadonlyMap<number, string[]>;
  /** The block being edited: new blocks go after it. */
  active: number | null;
  onActivate: (index: number | null) => void;
};

export const blockElementId = (index: number) => `pt-block-${index}`;
const NONE: string[] = [];

/** The ordered blocks of the page, each with its fields; add by type, move up or down, remove. */
export function BlockList({ def, update, lists, disabled, problems, active, onActivate }: Props) {
  const n = def.blocks.length;
  const at = active !== null && active < n ? active + 1 : n;
  const base = bodyFontSize(def);
  const add = (type: BlockType) => {
    update((d) => insertBlock(d, at, newBlock(type, lists)), { structural: true });
    onActivate(at);
  };

  return (
    <>
      {def.blocks.map((block, i) => (
        <BlockCard
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no ids; a block is its position, and every input is controlled
          key={i}
          index={i}
          block={block}
          count={n}
          baseFontSize={base}
          lists={lists}
          disabled={disabled}
          messages={problems.get(i) ?? NONE}
          active={i === active}
          update={update}
          onActivate={onActivate}
        />
      ))}
      {!disabled && (
        <Card size="small" title="添加内容块" extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{at < n ? `添加到第 ${at} 块之后` : '添加到末尾'}</Typography.Text>}>
          <Space wrap>
            {blockTypes.map((type) => {
              const unavailable = type === 'list_table' && lists.length === 0;
              const button = (
                <Button key={type} icon={<PlusOutlined />} disabled={unavailable || n >= 200} onClick={() => add(type)}>
                  {`添加${blockTypeLabels[type]}`}
                </Button>
              );
              return unavailable ? (
                <Tooltip key={type} title="该类别不提供数据列表">
                  <span>{button}</span>
                </Tooltip>
              ) : (
                button
              );
            })}
          </Space>
        </Card>
      )}
    </>
  );
}

type CardProps = {
  index: number;
  block: PrintBlock;
  count: number;
  baseFontSize: number;
  lists: Lists;
  disabled: boolean;
  messages: string[];
  active: boolean;
  update: UpdateDefinition;
  onActivate: (index: number | null) => void;
};

/** One block; re-renders only when its own content, position or problems change. */
const BlockCard = memo(function BlockCard({ index: i, block, count: n, baseFontSize, lists, disabled, messages, active, update, onActivate }: CardProps) {
  const move = (to: number) => {
    update((d) => moveBlock(d, i, to), { structural: true });
    onActivate(to);
  };
  const remove = () => {
    update((d) => removeBlock(d, i), { structural: true });
    onActivate(null);
  };
  return (
    <Card
      id={blockElementId(i)}
      size="small"
      role="region"
      aria-label={`第 ${i + 1} 块 ${blockTypeLabels[block.type]}`}
      style={{ marginBottom: 8, borderColor: messages.length ? '#ff4d4f' : active ? '#1677ff' : undefined }}
      onFocusCapture={() => onActivate(i)}
      title={
        <Space size={6}>
          <Typography.Text strong>第 {i + 1} 块</Typography.Text>
          <Tag>{blockTypeLabels[block.type]}</Tag>
          {messages.length > 0 && <Tag color="error">{messages.length} 个问题</Tag>}
        </Space>
      }
      extra={
        !disabled && (
          <Space size={0}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`第 ${i + 1} 块上移`} disabled={i === 0} onClick={() => move(i - 1)} />
            <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`第 ${i + 1} 块下移`} disabled={i === n - 1} onClick={() => move(i + 1)} />
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 块`} disabled={n <= 1} onClick={remove} />
          </Space>
        )
      }
    >
      {messages.length > 0 && (
        <ul style={{ margin: '0 0 8px', paddingLeft: 18, color: '#ff4d4f' }}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <BlockEditor baseFontSize={baseFontSize} index={i} block={block} lists={lists} disabled={disabled} onChange={(b) => update((d) => replaceBlock(d, i, b))} />
    </Card>
  );
});
