import { useRef } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tooltip, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ConfigKey, materialFormLabels, MatterMaterial, type MaterialSource, type SituationQuestion } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { zodRule } from '../../../app/form-errors';
import { countMaterialRefs, dropMaterialRefs, newMaterial, renameMaterialRefs } from './configEditing';
import { FileField } from './FileField';
import { optionsOf } from './labels';

const shape = MatterMaterial.shape;
const MAX_MATERIALS = 100;

/** The editor says what an electronic licence is for: it can replace the paper material. */
const sourceLabels: Record<MaterialSource, string> = { applicant: '申请人提交', elicense: '电子证照可替代', shared_data: '共享数据' };

const cell = { style: { marginBottom: 0 } };

type Field = { key: number; name: number };

/**
 * 申请材料: the version's materials as an editable table inside the draft form (`materials[]`), one row
 * per material: code, name, source (with the licence type when an electronic licence can replace it),
 * required, 容缺, original/copy, count, situational, note, blank form and sample. Rows can be added,
 * moved and deleted; renaming or deleting a material keeps the situation options that refer to it in step.
 */
export function MaterialsEditor({ form, disabled }: { form: FormInstance; disabled?: boolean }) {
  const codeOnFocus = useRef<string | null>(null);
  const situations = () => (form.getFieldValue('situations') ?? []) as SituationQuestion[];
  const materialAt = (index: number) => (form.getFieldValue(['materials', index]) ?? {}) as Partial<MatterMaterial>;

  /** After a code edit: options that referred to the old code now refer to the new one. */
  const syncRename = (index: number) => {
    const from = codeOnFocus.current;
    codeOnFocus.current = null;
    const to = materialAt(index).code?.trim();
    if (!from || !to || from === to || !ConfigKey.safeParse(to).success) return;
    const others = ((form.getFieldValue('materials') ?? []) as Partial<MatterMaterial>[]).filter((_, i) => i !== index);
    if (others.some((m) => m?.code === from || m?.code === to)) return;
    const refs = countMaterialRefs(situations(), from);
    if (!refs) return;
    form.setFieldValue('situations', renameMaterialRefs(situations(), from, to));
    feedback.message.info(`已将 ${refs} 个情形选项中的材料编码 ${from} 改为 ${to}`);
  };

  return (
    <Form.List
      name="materials"
      rules={[{ validator: async (_, list?: unknown[]) => { if ((list?.length ?? 0) > MAX_MATERIALS) throw new Error(`申请材料不能超过 ${MAX_MATERIALS} 项`); } }]}
    >
      {(fields, { add, remove, move }, { errors }) => {
        const removeRow = (field: Field) => {
          const code = materialAt(field.name).code;
          remove(field.name);
          if (code && countMaterialRefs(situations(), code)) form.setFieldValue('situations', dropMaterialRefs(situations(), code));
        };
        return (
          <>
            <Table<Field>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 1590 }}
              locale={{ emptyText: '尚未添加申请材料' }}
              aria-label="申请材料"
              columns={[
                { title: '序号', key: 'no', width: 50, fixed: 'left', render: (_, _f, i) => i + 1 },
                {
                  title: '编码', key: 'code', width: 150, fixed: 'left',
                  render: (_, f, i) => (
                    <Form.Item
                      {...cell}
                      name={[f.name, 'code']}
                      validateFirst
                      rules={[
                        { required: true, whitespace: true, message: '请填写材料编码' },
                        zodRule(ConfigKey),
                        {
                          validator: async (_r, v?: string) => {
                            const all = (form.getFieldValue('materials') ?? []) as Partial<MatterMaterial>[];
                            if (v && all.filter((m) => m?.code === v.trim()).length > 1) throw new Error(`材料编码“${v}”重复`);
                          },
                        },
                      ]}
                    >
                      <Input aria-label={`材料${i + 1}编码`} maxLength={64} onFocus={() => { codeOnFocus.current = materialAt(f.name).code ?? null; }} onBlur={() => syncRename(f.name)} />
                    </Form.Item>
                  ),
                },
                {
                  title: '材料名称', key: 'name', width: 200,
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写材料名称' }, zodRule(shape.name)]}>
                      <Input aria-label={`材料${i + 1}名称`} maxLength={200} placeholder="如 居民户口簿" />
                    </Form.Item>
                  ),
                },
                {
                  title: '来源', key: 'source', width: 170,
                  render: (_, f, i) => (
                    <>
                      <Form.Item {...cell} name={[f.name, 'source']} rules={[{ required: true, message: '请选择材料来源' }]}>
                        <Select
                          aria-label={`材料${i + 1}来源`}
                          options={optionsOf(sourceLabels)}
                          onChange={(s: MaterialSource) => { if (s !== 'elicense') form.setFieldValue(['materials', f.name, 'elicenseType'], null); }}
                        />
                      </Form.Item>
                      <Form.Item noStyle dependencies={[['materials', f.name, 'source']]}>
                        {({ getFieldValue }) =>
                          getFieldValue(['materials', f.name, 'source']) === 'elicense' && (
                            <Form.Item
                              style={{ marginBottom: 0, marginTop: 4 }}
                              name={[f.name, 'elicenseType']}
                              rules={[{ required: true, whitespace: true, message: '来源为电子证照，须填写证照类型' }, zodRule(shape.elicenseType)]}
                            >
                              <Input aria-label={`材料${i + 1}证照类型`} placeholder="证照类型代码" maxLength={64} />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                    </>
                  ),
                },
                {
                  title: '必要', key: 'required', width: 70, align: 'center',
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'required']} valuePropName="checked">
                      <Switch size="small" aria-label={`材料${i + 1}必要`} />
                    </Form.Item>
                  ),
                },
                {
                  title: <Tooltip title="缺少本材料时可先受理、限期补交">容缺</Tooltip>, key: 'allowTolerance', width: 60, align: 'center',
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'allowTolerance']} valuePropName="checked">
                      <Checkbox aria-label={`材料${i + 1}允许容缺`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '原件/复印件', key: 'form', width: 140,
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'form']} rules={[{ required: true, message: '请选择材料形式' }]}>
                      <Select aria-label={`材料${i + 1}形式`} options={optionsOf(materialFormLabels)} />
                    </Form.Item>
                  ),
                },
                {
                  title: '份数', key: 'count', width: 80,
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'count']} rules={[{ required: true, message: '请填写份数' }]}>
                      <InputNumber aria-label={`材料${i + 1}份数`} min={1} max={99} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: <Tooltip title="勾选后只有在情形选项加入时才需要提交">情形材料</Tooltip>, key: 'situational', width: 80, align: 'center',
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'situational']} valuePropName="checked">
                      <Checkbox aria-label={`材料${i + 1}仅情形需要`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '备注', key: 'note', width: 200,
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'note']} rules={[zodRule(shape.note)]}>
                      <Input.TextArea aria-label={`材料${i + 1}备注`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder="填写要求、可替代说明等" />
                    </Form.Item>
                  ),
                },
                {
                  title: '空白表格', key: 'templateFileId', width: 150,
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'templateFileId']}>
                      <FileField purpose="matter-template" label={`材料${i + 1}空白表格`} disabled={disabled} />
                    </Form.Item>
                  ),
                },
                {
                  title: '示例样表', key: 'sampleFileId', width: 150,
                  render: (_, f, i) => (
                    <Form.Item {...cell} name={[f.name, 'sampleFileId']}>
                      <FileField purpose="matter-sample" label={`材料${i + 1}示例样表`} disabled={disabled} />
                    </Form.Item>
                  ),
                },
                {
                  title: '操作', key: 'actions', width: 110, fixed: 'right',
                  render: (_, f, i) => (
                    <Space size={0}>
                      <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`上移材料${i + 1}`} disabled={disabled || i === 0} onClick={() => move(i, i - 1)} />
                      <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`下移材料${i + 1}`} disabled={disabled || i === fields.length - 1} onClick={() => move(i, i + 1)} />
                      <Popconfirm
                        title="删除材料"
                        description={() => {
                          const m = materialAt(f.name);
                          const refs = m.code ? countMaterialRefs(situations(), m.code) : 0;
                          const what = `“${m.name || m.code || `第 ${i + 1} 项`}”`;
                          return refs ? `有 ${refs} 个情形选项引用了${what}，删除后将一并移除这些引用。确认删除？` : `确认删除材料${what}？`;
                        }}
                        onConfirm={() => removeRow(f)}
                        disabled={disabled}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除材料${i + 1}`} disabled={disabled} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
            <Space style={{ marginTop: 8 }} align="center">
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={disabled || fields.length >= MAX_MATERIALS}
                onClick={() => add(newMaterial((form.getFieldValue('materials') ?? []) as Partial<MatterMaterial>[]))}
              >
                添加材料
              </Button>
              <Typography.Text type="secondary">共 {fields.length} 项；情形选项按编码增减材料</Typography.Text>
            </Space>
            <Form.ErrorList errors={errors} />
          </>
        );
      }}
    </Form.List>
  );
}
