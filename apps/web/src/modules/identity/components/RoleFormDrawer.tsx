import { useEffect } from 'react';
import { Alert, Button, Col, Drawer, Form, Input, Result, Row, Select, Space, Spin, Tooltip } from 'antd';
import { dataScopeLabels, SaveRoleBody, type DataScopeKind, type RoleView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { showFormError, zodRule } from '../../../app/form-errors';
import { FormKeyboard } from '../../../app/ui';
import { usePermissionDefs, useSaveRole } from '../api';
import { OrgTreeSelect } from './OrgTreeSelect';
import { PermissionChecklist } from './PermissionChecklist';

export type RoleFormTarget = { mode: 'create' } | { mode: 'edit' | 'view'; role: RoleView };

interface RoleFormValues {
  code: string;
  name: string;
  description?: string;
  dataScope: DataScopeKind;
  customOrgIds?: string[];
  permissions: string[];
}

const dataScopeHelp: Record<DataScopeKind, string> = {
  self: '仅本人经办的数据',
  org: '岗位所在机构的数据',
  org_and_below: '岗位所在机构及其全部下级机构的数据',
  province: '全省数据',
  custom: '指定机构的数据',
};

export const dataScopeOptions = (Object.keys(dataScopeLabels) as DataScopeKind[]).map((k) => ({
  value: k,
  label: dataScopeLabels[k],
  desc: dataScopeHelp[k],
}));

/** Role editor: basic info, data scope (with orgs when custom) and permissions grouped by module. Ctrl+Enter saves. */
export function RoleFormDrawer({ target, onClose }: { target: RoleFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<RoleFormValues>();
  const defs = usePermissionDefs();
  const save = useSaveRole();
  const readOnly = target?.mode === 'view';
  const role = target && target.mode !== 'create' ? target.role : undefined;
  const dataScope = Form.useWatch('dataScope', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      form.setFieldsValue({ dataScope: 'org', permissions: [], customOrgIds: [], description: '' });
    } else {
      const r = target.role;
      form.setFieldsValue({ code: r.code, name: r.name, description: r.description, dataScope: r.dataScope, customOrgIds: r.customOrgIds, permissions: r.permissions });
    }
  }, [target, form]);

  const submit = async () => {
    if (!target || readOnly || !defs.data) return;
    const v = await form.validateFields();
    const body: SaveRoleBody = {
      code: v.code.trim(),
      name: v.name.trim(),
      description: (v.description ?? '').trim(),
      permissions: v.permissions ?? [],
      dataScope: v.dataScope,
      customOrgIds: v.dataScope === 'custom' ? (v.customOrgIds ?? []) : [],
    };
    try {
      const saved = await save.mutateAsync({ id: role?.id, body });
      feedback.message.success(`已保存角色「${saved.name}」`);
      onClose();
    } catch (e) {
      showFormError(form, e, { IDENTITY_ROLE_CODE_TAKEN: 'code', IDENTITY_UNKNOWN_PERMISSION: 'permissions' });
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  const title = target?.mode === 'create' ? '新增角色' : `${readOnly ? '查看' : '编辑'}角色 · ${role?.name ?? ''}`;

  return (
    <Drawer
      open={!!target}
      title={title}
      width={760}
      onClose={onClose}
      destroyOnHidden
      extra={
        readOnly ? (
          <Button onClick={onClose}>关闭</Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Tooltip title="Ctrl+Enter">
              <Button type="primary" loading={save.isPending} disabled={!defs.data} onClick={trySubmit}>
                保存
              </Button>
            </Tooltip>
          </Space>
        )
      }
    >
      <FormKeyboard onSubmit={trySubmit}>
        {role?.isSystem && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="这是系统内置角色，只能查看，不能修改或删除。" />}
        <Form form={form} name="roleForm" layout="vertical" disabled={readOnly}>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="code" label="角色代码" rules={[{ required: true, message: '请输入角色代码' }, zodRule(SaveRoleBody.shape.code)]}>
                <Input maxLength={40} autoFocus={target?.mode === 'create'} disabled={readOnly || role?.isSystem} placeholder="如 window_clerk" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请输入角色名称' }, zodRule(SaveRoleBody.shape.name)]}>
                <Input maxLength={32} autoFocus={target?.mode === 'edit'} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="dataScope" label="数据范围" rules={[{ required: true, message: '请选择数据范围' }]}>
                <Select
                  options={dataScopeOptions}
                  optionRender={(o) => (
                    <Space direction="vertical" size={0}>
                      <span>{o.data.label}</span>
                      <span style={{ fontSize: 12, color: '#999' }}>{o.data.desc}</span>
                    </Space>
                  )}
                />
              </Form.Item>
            </Col>
            {dataScope === 'custom' && (
              <Col span={24}>
                <Form.Item
                  name="customOrgIds"
                  label="自定义机构"
                  rules={[{ required: true, type: 'array', min: 1, message: '自定义数据范围须至少选择一个机构' }]}
                >
                  <OrgTreeSelect multiple placeholder="选择可访问数据的机构" disabled={readOnly} />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="description" label="描述">
                <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 1, maxRows: 3 }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="permissions" label="功能权限" style={{ marginBottom: 0 }}>
            <PermissionField disabled={readOnly} />
          </Form.Item>
        </Form>
      </FormKeyboard>
    </Drawer>
  );
}

/** Form control for `permissions`: waits for the server's permission catalogue before offering checkboxes. */
function PermissionField({ value, onChange, disabled }: { value?: string[]; onChange?: (codes: string[]) => void; disabled?: boolean }) {
  const defs = usePermissionDefs();
  if (defs.isPending) return <Spin />;
  if (defs.error || !defs.data) {
    return <Result status="warning" subTitle="权限清单加载失败" extra={<Button onClick={() => void defs.refetch()}>重试</Button>} />;
  }
  return <PermissionChecklist defs={defs.data.items} value={value} onChange={onChange} disabled={disabled} />;
}
