import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Drawer, Input, Popconfirm, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import {
  archiveOpennessLabels, matterTypeLabels, retentionLabels, securityLevelLabels, type ArchiveMatterRuleSummary, type ArchiveRuleBody, type ArchiveTypeRuleView,
} from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { isApiError } from '../../app/request';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useArchiveMatterRule, useArchiveRuleOverview, useRuleMutations } from './api';
import { RuleEditor, scopeLabels, sourceMeta } from './RuleEditor';

const MANAGE = 'archive:rule:manage';
type Editing = { kind: 'type'; rule: ArchiveTypeRuleView } | { kind: 'matter'; matterCode: string; matterName: string };

function SourceTag({ source }: { source: ArchiveTypeRuleView['source'] }) {
  return <Tag color={sourceMeta[source].color} style={{ marginInlineEnd: 0 }}>{sourceMeta[source].label}</Tag>;
}

const errorText = (e: unknown, fallback: string) => (isApiError(e) ? e.message : fallback);

/** One matter's rule: loaded on open, saved as the matter's own, or reset to its type's default. */
function MatterRuleForm({ matterCode, canEdit, onSaved }: { matterCode: string; canEdit: boolean; onSaved: (text: string) => void }) {
  const rule = useArchiveMatterRule(matterCode);
  const { saveMatter, resetMatter } = useRuleMutations();
  const [error, setError] = useState<string | null>(null);
  const r = rule.data;
  if (!r) return rule.isError ? <Alert type="error" showIcon message="归档配置加载失败" /> : <Spin />;
  const save = async (body: ArchiveRuleBody) => {
    try {
      await saveMatter.mutateAsync({ matterCode, body: { ...body, expectedRevision: r.source === 'matter' ? r.revision : undefined } });
      setError(null);
      onSaved('已保存本事项的归档配置');
    } catch (e) {
      setError(errorText(e, '保存失败'));
    }
  };
  const reset = async () => {
    try {
      await resetMatter.mutateAsync({ matterCode, revision: r.revision });
      onSaved('已恢复为事项类型默认配置');
    } catch (e) {
      setError(errorText(e, '恢复默认失败'));
    }
  };
  return (
    <>
      <Typography.Paragraph>
        <SourceTag source={r.source} />
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {r.source === 'matter' ? `本事项单独配置，${r.updatedAt ? `最后保存于 ${formatDateTime(r.updatedAt)}` : ''}` : '本事项尚未单独配置，按下列默认归档；保存后成为本事项的配置。'}
        </Typography.Text>
      </Typography.Paragraph>
      {/* keyed by revision and source, so a save or reset shows the server's version */}
      <RuleEditor
        key={`${r.source}-${r.revision}`}
        rule={r}
        materials={r.materials}
        canEdit={canEdit}
        saving={saveMatter.isPending}
        error={error}
        onSave={(b) => void save(b)}
        extra={r.source === 'matter' ? (
          <Popconfirm title="恢复默认" description="删除本事项的归档配置，改按事项类型默认归档？" okText="恢复默认" cancelText="取消" onConfirm={() => reset()}>
            <Button loading={resetMatter.isPending}>恢复默认</Button>
          </Popconfirm>
        ) : undefined}
      />
    </>
  );
}

/** 归档配置: 事项类型 defaults and each matter's own rule (保管期限, 开放, 密级, 范围, 材料目录). */
export function ArchiveRulesPage() {
  const { message } = App.useApp();
  const { can } = useAccess();
  const canEdit = can(MANAGE);
  const [query, setQuery] = useState({ keyword: undefined as string | undefined, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [typeError, setTypeError] = useState<string | null>(null);
  const overview = useArchiveRuleOverview(query);
  const { saveType } = useRuleMutations();

  const saved = (text: string) => {
    message.success(text);
    setEditing(null);
  };
  const saveTypeRule = async (rule: ArchiveTypeRuleView, body: ArchiveRuleBody) => {
    try {
      await saveType.mutateAsync({ matterType: rule.matterType, body: { ...body, expectedRevision: rule.source === 'type_default' ? rule.revision : undefined } });
      setTypeError(null);
      saved(`已保存「${rule.typeName}」的默认归档配置`);
    } catch (e) {
      setTypeError(errorText(e, '保存失败'));
    }
  };

  const common = <T extends { retention: ArchiveTypeRuleView['retention']; openness: ArchiveTypeRuleView['openness']; securityLevel: ArchiveTypeRuleView['securityLevel']; scope: ArchiveTypeRuleView['scope']; source: ArchiveTypeRuleView['source'] }>(): TableColumnsType<T> => [
    { title: '保管期限', dataIndex: 'retention', width: 90, render: (_, r) => retentionLabels[r.retention] },
    { title: '开放程度', dataIndex: 'openness', width: 110, render: (_, r) => archiveOpennessLabels[r.openness] },
    { title: '密级', dataIndex: 'securityLevel', width: 80, render: (_, r) => securityLevelLabels[r.securityLevel] },
    { title: '归档范围', dataIndex: 'scope', width: 130, render: (_, r) => scopeLabels[r.scope] },
    { title: '来源', dataIndex: 'source', width: 120, render: (_, r) => <SourceTag source={r.source} /> },
  ];
  const typeColumns: TableColumnsType<ArchiveTypeRuleView> = [
    { title: '事项类型', dataIndex: 'typeName', render: (_, t) => <>{t.typeName}<Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>{t.nationalCode}</Typography.Text></> },
    ...common<ArchiveTypeRuleView>(),
    { title: '操作', key: 'ops', width: 80, render: (_, t) => <Button type="link" size="small" onClick={() => { setTypeError(null); setEditing({ kind: 'type', rule: t }); }}>{canEdit ? '编辑' : '查看'}</Button> },
  ];
  const matterColumns: TableColumnsType<ArchiveMatterRuleSummary> = [
    { title: '事项', dataIndex: 'matterName', ellipsis: true, render: (_, m) => <span title={`${m.matterName}（${m.matterCode}）`}>{m.matterName}</span> },
    { title: '事项编码', dataIndex: 'matterCode', width: 150 },
    { title: '事项类型', dataIndex: 'matterType', width: 110, render: (_, m) => matterTypeLabels[m.matterType] },
    ...common<ArchiveMatterRuleSummary>(),
    { title: '操作', key: 'ops', width: 80, render: (_, m) => <Button type="link" size="small" onClick={() => setEditing({ kind: 'matter', matterCode: m.matterCode, matterName: m.matterName })}>{canEdit ? '配置' : '查看'}</Button> },
  ];

  return (
    <PageContainer title={<PageTitle>归档配置</PageTitle>} subTitle="各事项归档的保管期限、开放程度、密级、归档范围和归档材料目录；未单独配置的事项按事项类型默认归档">
      <Card size="small" title="事项类型默认" style={{ marginBottom: 16 }}>
        <Table<ArchiveTypeRuleView>
          rowKey="matterType" size="small" pagination={false} columns={typeColumns} dataSource={overview.data?.types ?? []}
          loading={overview.isFetching && !overview.data} locale={{ emptyText: overview.isError ? '加载失败，请刷新重试' : '暂无数据' }}
        />
      </Card>
      <Card size="small" title="事项归档配置">
        <Input.Search
          aria-label="事项关键词" placeholder="事项名称 / 事项编码" allowClear enterButton="查询" style={{ width: 360, marginBottom: 12 }}
          value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => setQuery((q) => ({ ...q, keyword: v.trim() || undefined, page: 1 }))}
        />
        <Table<ArchiveMatterRuleSummary>
          rowKey="matterCode" size="small" columns={matterColumns} dataSource={overview.data?.items ?? []} loading={overview.isFetching}
          locale={{ emptyText: overview.isError ? '加载失败，请刷新重试' : '没有符合条件的已发布事项' }}
          pagination={serverPagination(query, overview.data?.total ?? 0, (next) => setQuery((q) => ({ ...q, ...next })), '个事项')}
        />
      </Card>
      <Drawer
        open={!!editing}
        onClose={() => setEditing(null)}
        width={760}
        destroyOnHidden
        title={editing?.kind === 'type' ? `事项类型默认：${editing.rule.typeName}` : editing ? `事项归档配置：${editing.matterName}` : ''}
      >
        {editing?.kind === 'type' && (
          <>
            <Typography.Paragraph><SourceTag source={editing.rule.source} /></Typography.Paragraph>
            <RuleEditor rule={editing.rule} materials={[]} canEdit={canEdit} saving={saveType.isPending} error={typeError} onSave={(b) => void saveTypeRule(editing.rule, b)} />
          </>
        )}
        {editing?.kind === 'matter' && <MatterRuleForm matterCode={editing.matterCode} canEdit={canEdit} onSaved={saved} />}
      </Drawer>
    </PageContainer>
  );
}
