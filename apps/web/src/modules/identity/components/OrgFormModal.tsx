import { useEffect } from 'react';
import { Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import {
  CreateOrgBody,
  jiangsuCities,
  jiangsuProvince,
  orgLevelLabels,
  policeTypeLabels,
  type OrgLevel,
  type OrgView,
  type PoliceType,
  type UpdateOrgBody,
} from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { emptyToNull, showFormError, zodRule } from '../../../app/form-errors';
import { FormKeyboard } from '../../../app/ui';
import { useCreateOrg, useUpdateOrg } from '../api';

export type OrgFormTarget = { mode: 'create'; parent: OrgView } | { mode: 'edit'; org: OrgView };

interface OrgFormValues {
  code: string;
  name: string;
  level: OrgLevel;
  regionCode?: string;
  policeType?: PoliceType;
  sort: number;
  status: 'active' | 'disabled';
}

/** The usual level directly below a parent level. */
const childLevel: Record<OrgLevel, OrgLevel> = {
  province: 'city',
  city: 'county',
  county: 'station',
  station: 'window',
  window: 'window',
  department: 'department',
};

export const levelOptions = (Object.keys(orgLevelLabels) as OrgLevel[]).map((v) => ({ value: v, label: orgLevelLabels[v] }));
export const policeTypeOptions = (Object.keys(policeTypeLabels) as PoliceType[]).map((v) => ({ value: v, label: policeTypeLabels[v] }));

const regionOptions = [
  { label: '省', options: [{ value: jiangsuProvince.code, label: `${jiangsuProvince.name}（${jiangsuProvince.code}）` }] },
  ...jiangsuCities.map((city) => ({
    label: city.name,
    options: [
      { value: city.code, label: `${city.name}（${city.code}）` },
      ...city.counties.map((c) => ({ value: c.code, label: `${city.name} ${c.name}（${c.code}）` })),
    ],
  })),
];

/** Create a child org under `parent`, or edit name / sort / status of an org. */
export function OrgFormModal({ target, onClose, onSaved }: { target: OrgFormTarget | null; onClose: () => void; onSaved?: (org: OrgView) => void }) {
  const [form] = Form.useForm<OrgFormValues>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const editing = target?.mode === 'edit';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      form.setFieldsValue({ level: childLevel[target.parent.level], sort: 0, regionCode: target.parent.regionCode ?? undefined });
    } else {
      form.setFieldsValue({ name: target.org.name, sort: target.org.sort, status: target.org.status });
    }
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields();
    try {
      let saved: OrgView;
      if (target.mode === 'create') {
        const body: CreateOrgBody = {
          code: v.code.trim(),
          name: v.name.trim(),
          level: v.level,
          parentId: target.parent.id,
          regionCode: emptyToNull(v.regionCode),
          policeType: emptyToNull(v.policeType),
          sort: v.sort ?? 0,
        };
        saved = await create.mutateAsync(body);
        feedback.message.success(`已新增机构「${saved.name}」`);
      } else {
        const body: UpdateOrgBody = { name: v.name.trim(), sort: v.sort, status: v.status };
        saved = await update.mutateAsync({ id: target.org.id, body });
        feedback.message.success(`已保存机构「${saved.name}」`);
      }
      onSaved?.(saved);
      onClose();
    } catch (e) {
      showFormError(form, e, { IDENTITY_ORG_CODE_TAKEN: 'code', IDENTITY_ORG_LEVEL_INVALID: 'level', IDENTITY_ORG_IN_USE: 'status' });
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? '编辑机构' : '新增下级机构'}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      {target && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {target.mode === 'create' ? `上级机构：${target.parent.name}` : `机构代码：${target.org.code} · ${orgLevelLabels[target.org.level]}`}
        </Typography.Paragraph>
      )}
      <FormKeyboard>
        <Form form={form} name="orgForm" layout="vertical" onFinish={() => void submit()}>
          <Row gutter={12}>
            {!editing && (
              <Col span={12}>
                <Form.Item name="code" label="机构代码" rules={[{ required: true, message: '请输入机构代码' }, zodRule(CreateOrgBody.shape.code)]}>
                  <Input autoFocus maxLength={32} placeholder="如 320102000000" />
                </Form.Item>
              </Col>
            )}
            <Col span={editing ? 24 : 12}>
              <Form.Item name="name" label="机构名称" rules={[{ required: true, message: '请输入机构名称' }, zodRule(CreateOrgBody.shape.name)]}>
                <Input autoFocus={editing} maxLength={64} />
              </Form.Item>
            </Col>
            {!editing && (
              <>
                <Col span={12}>
                  <Form.Item name="level" label="机构层级" rules={[{ required: true, message: '请选择机构层级' }]}>
                    <Select options={levelOptions} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="policeType" label="警种" tooltip="警种部门须选择所属警种">
                    <Select options={policeTypeOptions} allowClear placeholder="不区分警种" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="regionCode" label="行政区划" rules={[zodRule(CreateOrgBody.shape.regionCode)]}>
                    <Select options={regionOptions} showSearch optionFilterProp="label" allowClear placeholder="选择或搜索行政区划" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col span={12}>
              <Form.Item name="sort" label="排序号" tooltip="数字小的排在前面">
                <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {editing && (
              <Col span={12}>
                <Form.Item name="status" label="状态">
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'active', label: '启用' },
                      { value: 'disabled', label: '停用' },
                    ]}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      </FormKeyboard>
    </Modal>
  );
}
