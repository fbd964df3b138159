import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Radio, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ArchiveFolder, ArchiveOpenness, archiveFolderLabels, archiveItemKindLabels, archiveOpennessLabels, RetentionPeriod, retentionLabels, SecurityLevel,
  securityLevelLabels, type ArchiveCatalogueItem, type ArchiveRuleBody, type ArchiveRuleView,
} from '@jsga/contracts';

export const scopeLabels: Record<ArchiveRuleView['scope'], string> = { all: '全部办结办件', approved_only: '仅准予的办件' };
export const sourceMeta: Record<ArchiveRuleView['source'], { label: string; color: string }> = {
  matter: { label: '本事项配置', color: 'blue' },
  type_default: { label: '事项类型默认', color: 'purple' },
  national_default: { label: '国家默认', color: 'default' },
};
const optionsOf = <K extends string>(labels: Record<K, string>, keys: readonly K[]) => keys.map((k) => ({ value: k, label: labels[k] }));

/** The generic items every catalogue may hold, besides the matter's own materials. */
const genericItems: ArchiveCatalogueItem[] = [
  { kind: 'application_form', materialCode: null, name: '申请表', folder: 'application', required: true },
  { kind: 'tolerance_promise', materialCode: null, name: '容缺受理承诺书', folder: 'process', required: false },
  { kind: 'process_record', materialCode: null, name: '办理过程记录', folder: 'process', required: true },
  { kind: 'result_document', materialCode: null, name: '结果文书', folder: 'result', required: true },
];
const keyOf = (c: Pick<ArchiveCatalogueItem, 'kind' | 'materialCode'>) => (c.kind === 'material' ? `material:${c.materialCode}` : c.kind);

/** Items that could still be added: generic ones not listed, and (for a matter) its materials not listed. */
export function addableItems(catalogue: readonly ArchiveCatalogueItem[], materials: ReadonlyArray<{ code: string; name: string; required: boolean }>): ArchiveCatalogueItem[] {
  const listed = new Set(catalogue.map(keyOf));
  const fromMaterials = materials.map((m): ArchiveCatalogueItem => ({ kind: 'material', materialCode: m.code, name: m.name, folder: 'application', required: m.required }));
  return [...genericItems, ...fromMaterials].filter((c) => !listed.has(keyOf(c)));
}

/** `catalogue` with the item at `from` moved by `by` places (kept inside the list). */
export function moveItem<T>(items: readonly T[], from: number, by: number): T[] {
  const to = Math.min(Math.max(from + by, 0), items.length - 1);
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

export interface RuleEditorProps {
  rule: Pick<ArchiveRuleView, 'retention' | 'openness' | 'securityLevel' | 'scope' | 'catalogue'>;
  /** The matter's materials; empty for a 事项类型 default, whose catalogue names no materials. */
  materials: ReadonlyArray<{ code: string; name: string; required: boolean }>;
  canEdit: boolean;
  saving: boolean;
  /** The server's refusal of the last save. */
  error: string | null;
  onSave: (body: ArchiveRuleBody) => void;
  extra?: ReactNode;
}

/** 归档配置 form: 保管期限, 开放程度, 密级, 归档范围 and the ordered 归档材料目录. */
export function RuleEditor({ rule, materials, canEdit, saving, error, onSave, extra }: RuleEditorProps) {
  const [form] = Form.useForm<Omit<ArchiveRuleBody, 'catalogue'>>();
  const [catalogue, setCatalogue] = useState<ArchiveCatalogueItem[]>(rule.catalogue);
  const [adding, setAdding] = useState<string>();
  const [problem, setProblem] = useState<string | null>(null);
  const addable = addableItems(catalogue, materials);
  const change = (i: number, patch: Partial<ArchiveCatalogueItem>) => setCatalogue((c) => c.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const columns: TableColumnsType<ArchiveCatalogueItem> = [
    { title: '序', key: 'no', width: 44, render: (_, __, i) => i + 1 },
    {
      title: '名称', dataIndex: 'name',
      render: (_, c, i) => (
        <Input
          size="small" aria-label={`第 ${i + 1} 项名称`} value={c.name} disabled={!canEdit} maxLength={100}
          status={c.name.trim() ? undefined : 'error'} onChange={(e) => change(i, { name: e.target.value })}
        />
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 120, render: (_, c) => <Tag style={{ marginInlineEnd: 0 }}>{archiveItemKindLabels[c.kind]}</Tag> },
    {
      title: '归入', dataIndex: 'folder', width: 120,
      render: (_, c, i) => <Select size="small" aria-label={`第 ${i + 1} 项归入`} value={c.folder} disabled={!canEdit} style={{ width: 108 }} options={optionsOf(archiveFolderLabels, ArchiveFolder.options)} onChange={(v) => change(i, { folder: v })} />,
    },
    {
      title: '必须', dataIndex: 'required', width: 64,
      render: (_, c, i) => <Switch size="small" aria-label={`第 ${i + 1} 项必须`} checked={c.required} disabled={!canEdit} onChange={(v) => change(i, { required: v })} />,
    },
  ];
  if (canEdit) {
    columns.push({
      title: '操作', key: 'ops', width: 108,
      render: (_, c, i) => (
        <Space size={0}>
          <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移 ${c.name}`} disabled={i === 0} onClick={() => setCatalogue((x) => moveItem(x, i, -1))} />
          <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移 ${c.name}`} disabled={i === catalogue.length - 1} onClick={() => setCatalogue((x) => moveItem(x, i, 1))} />
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`移除 ${c.name}`} onClick={() => setCatalogue((x) => x.filter((_, j) => j !== i))} />
        </Space>
      ),
    });
  }

  const submit = (values: Omit<ArchiveRuleBody, 'catalogue'>) => {
    const blank = catalogue.findIndex((c) => !c.name.trim());
    if (!catalogue.length) return setProblem('归档材料目录至少一项');
    if (blank >= 0) return setProblem(`第 ${blank + 1} 项未填写名称`);
    setProblem(null);
    onSave({ ...values, catalogue: catalogue.map((c) => ({ ...c, name: c.name.trim() })) });
  };

  return (
    <Form form={form} layout="vertical" initialValues={rule} disabled={!canEdit} onFinish={submit}>
      {(error || problem) && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={problem ?? error} />}
      <Form.Item name="retention" label="保管期限" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={optionsOf(retentionLabels, RetentionPeriod.options)} />
      </Form.Item>
      <Space wrap size={16} style={{ display: 'flex' }}>
        <Form.Item name="openness" label="开放程度" style={{ minWidth: 160 }}>
          <Select options={optionsOf(archiveOpennessLabels, ArchiveOpenness.options)} />
        </Form.Item>
        <Form.Item name="securityLevel" label="密级" style={{ minWidth: 140 }}>
          <Select options={optionsOf(securityLevelLabels, SecurityLevel.options)} />
        </Form.Item>
        <Form.Item name="scope" label="归档范围">
          <Radio.Group options={optionsOf(scopeLabels, ['all', 'approved_only'] as const)} />
        </Form.Item>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 0 }}>归档材料目录</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {materials.length ? '按目录顺序装入信息包；“必须”的项缺失时清点列为缺失，四性检测完整性不通过。' : '事项类型默认只列通用项，各事项的申请材料在申请表之后自动加入。'}
      </Typography.Paragraph>
      <Table<ArchiveCatalogueItem> rowKey={keyOf} size="small" pagination={false} columns={columns} dataSource={catalogue} style={{ marginBottom: 8 }} />
      {canEdit && (
        <Space style={{ marginBottom: 16 }}>
          <Select
            aria-label="添加目录项" placeholder={addable.length ? '选择要添加的项' : '没有可添加的项'} disabled={!addable.length} style={{ width: 260 }}
            value={adding} onChange={setAdding}
            options={addable.map((c) => ({ value: keyOf(c), label: `${c.name}（${archiveItemKindLabels[c.kind]}）` }))}
          />
          <Button icon={<PlusOutlined />} disabled={!adding} onClick={() => {
            const item = addable.find((c) => keyOf(c) === adding);
            if (item) setCatalogue((c) => [...c, item]);
            setAdding(undefined);
          }}>添加</Button>
        </Space>
      )}
      {canEdit && (
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>保存</Button>
          {extra}
        </Space>
      )}
    </Form>
  );
}
