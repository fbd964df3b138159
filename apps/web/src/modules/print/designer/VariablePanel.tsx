import { memo } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { PrintKindView } from '../api';
import { canonical, type UsedPlaceholder } from './model';

type Props = {
  kind: PrintKindView | undefined;
  used: readonly UsedPlaceholder[];
  /** The text field a click inserts into (“第 2 块（段落）正文”); null when none is chosen. */
  target: string | null;
  editable: boolean;
  onInsert: (token: string) => void;
};

const isDate = (label: string) => label.includes('YYYY-MM-DD');

/** One placeholder: inserted into the chosen text field on click (when editing), always copyable. */
function Token({ token, editable, target, onInsert }: { token: string; editable: boolean; target: string | null; onInsert: (t: string) => void }) {
  return editable && target ? (
    <Space size={2}>
      <Button type="link" size="small" style={{ padding: 0 }} aria-label={`插入 ${token}`} onClick={() => onInsert(token)}>
        <code>{token}</code>
      </Button>
      <Typography.Text copyable={{ text: token, tooltips: ['复制', '已复制'] }} />
    </Space>
  ) : (
    <Typography.Text code copyable={{ text: token, tooltips: ['复制', '已复制'] }}>
      {token}
    </Typography.Text>
  );
}

/** The kind's variables (click to insert or copy) and the placeholders the template uses, unknown ones in red. */
function VariablePanelView({ kind, used, target, editable, onInsert }: Props) {
  const unknown = used.filter((u) => u.unknown);
  return (
    <>
      <Card size="small" title={`可用变量${kind ? ` · ${kind.name}` : ''}`} style={{ marginBottom: 12 }}>
        <section aria-label="可用变量">
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {!editable ? '点击图标复制占位符。' : target ? `点击变量插入到：${target}` : '先点选左侧的文字输入框，再点击变量插入；也可复制后粘贴。'}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={kind?.variables ?? []}
            locale={{ emptyText: '加载中…' }}
            renderItem={(v) => (
              <List.Item style={{ display: 'block', padding: '4px 0' }}>
                <Space size={4} wrap>
                  <Token token={`{{${v.path}}}`} editable={editable} target={target} onInsert={onInsert} />
                  {isDate(v.label) && <Token token={`{{${v.path}|date}}`} editable={editable} target={target} onInsert={onInsert} />}
                </Space>
                <div>
                  <Typography.Text>{v.label}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`　例：${v.sample}`}</Typography.Text>
                </div>
              </List.Item>
            )}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 4px' }}>
            仅页脚：
          </Typography.Paragraph>
          <Space size={8} wrap>
            <Token token="{{page}}" editable={editable} target={target} onInsert={onInsert} />
            <Token token="{{pages}}" editable={editable} target={target} onInsert={onInsert} />
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {'|date 将 2026-03-05 格式化为 2026年3月5日。'}
            {kind && (kind.lists.length ? `数据列表（用于“数据列表”块）：${kind.lists.map((l) => `${l.label}（${l.path}）`).join('、')}` : '该类别不提供数据列表。')}
          </Typography.Paragraph>
        </section>
      </Card>
      <Card size="small" title="模板中的占位符" extra={unknown.length > 0 && <Tag color="error">{unknown.length} 个未知</Tag>}>
        <section aria-label="模板中的占位符">
          {used.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="模板中还没有占位符" />
          ) : (
            <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
              {used.map((u) => (
                <li key={u.path} style={{ marginBottom: 4 }}>
                  <Typography.Text code type={u.unknown ? 'danger' : undefined}>{`{{${u.path}}}`}</Typography.Text>{' '}
                  {u.unknown ? (
                    <Typography.Text type="danger">{u.label ? `${u.label}，不能用在正文中` : '未知变量，打印时为空'}</Typography.Text>
                  ) : (
                    <Typography.Text>{u.label}</Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`　${u.where.join('、')}`}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </section>
      </Card>
    </>
  );
}

/** Typing re-renders the page; the panel only when the placeholders in use (or the insertion target) change. */
export const VariablePanel = memo(
  VariablePanelView,
  (a, b) => a.kind === b.kind && a.target === b.target && a.editable === b.editable && a.onInsert === b.onInsert && canonical(a.used) === canonical(b.used),
);
