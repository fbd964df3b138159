import { useEffect, useMemo, useRef } from 'react';
import { Button, Checkbox, Col, Descriptions, Divider, Drawer, Form, Input, Row, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CreateUserBody,
  userTypeLabels,
  type PositionInput,
  type UpdateUserBody,
  type UserType,
  type UserView,
} from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { emptyToNull, showFormError, zodRule } from '../../../app/form-errors';
import { FormKeyboard } from '../../../app/ui';
import { useCreateUser, useUpdateUser } from '../api';
import { OrgTreeSelect } from './OrgTreeSelect';
import { RoleSelect } from './RoleSelect';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: UserView };

interface PositionValues {
  title?: string;
  orgId?: string;
  roleIds?: string[];
  isPrimary?: boolean;
}

interface UserFormValues {
  username: string;
  displayName: string;
  userType: UserType;
  policeNo?: string;
  phone?: string;
  orgId?: string;
  password: string;
  status?: 'active' | 'disabled';
  positions: PositionValues[];
}

const userTypeOptions = (Object.keys(userTypeLabels) as UserType[]).map((v) => ({ value: v, label: userTypeLabels[v] }));

const toPositionInputs = (list: PositionValues[]): PositionInput[] =>
  list.map((p) => ({ title: (p.title ?? '').trim(), orgId: p.orgId ?? '', roleIds: p.roleIds ?? [], isPrimary: !!p.isPrimary }));

const samePositions = (a: PositionInput[], b: PositionInput[]) =>
  JSON.stringify(a.map((p) => ({ ...p, roleIds: [...p.roleIds].sort() }))) === JSON.stringify(b.map((p) => ({ ...p, roleIds: [...p.roleIds].sort() })));

/** Create a user with one or more positions, or edit a user's profile, status and positions. Ctrl+Enter saves. */
export function UserFormDrawer({ target, onClose, onSaved }: { target: UserFormTarget | null; onClose: () => void; onSaved?: (user: UserView) => void }) {
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editingUser = target?.mode === 'edit' ? target.user : undefined;
  const watchedType = Form.useWatch('userType', form);
  const policeNoRequired = (editingUser?.userType ?? watchedType) === 'police';

  // Org names already known from the edited user (kept while the drawer animates closed) spare lookups.
  const lastUser = useRef<UserView | undefined>(undefined);
  if (editingUser) lastUser.current = editingUser;
  const hintUser = editingUser ?? lastUser.current;
  const labelHints = useMemo(() => {
    if (!hintUser) return undefined;
    const hints: Record<string, string> = { [hintUser.orgId]: hintUser.orgName };
    hintUser.positions.forEach((p) => (hints[p.orgId] = p.orgName));
    return hints;
  }, [hintUser]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      form.setFieldsValue({ userType: 'police', positions: [{ isPrimary: true }] });
    } else {
      const u = target.user;
      form.setFieldsValue({
        displayName: u.displayName,
        policeNo: u.policeNo ?? undefined,
        status: u.status,
        positions: u.positions.map((p) => ({ title: p.title, orgId: p.orgId, roleIds: p.roleIds, isPrimary: p.isPrimary })),
      });
    }
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields();
    const positions = toPositionInputs(v.positions ?? []);
    try {
      let saved: UserView;
      if (target.mode === 'create') {
        const body: CreateUserBody = {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          userType: v.userType,
          policeNo: emptyToNull(v.policeNo?.trim()),
          phone: emptyToNull(v.phone?.trim()),
          orgId: v.orgId ?? '',
          password: v.password,
          positions,
        };
        saved = await create.mutateAsync(body);
        feedback.message.success(`已新增用户「${saved.displayName}」`);
      } else {
        const u = target.user;
        const body: UpdateUserBody = {};
        if (v.displayName.trim() !== u.displayName) body.displayName = v.displayName.trim();
        const policeNo = emptyToNull(v.policeNo?.trim());
        if (policeNo !== u.policeNo) body.policeNo = policeNo;
        if (v.phone?.trim()) body.phone = v.phone.trim(); // the stored phone is masked: only a newly typed one is sent
        if (v.status && v.status !== u.status) body.status = v.status;
        const before = toPositionInputs(u.positions);
        if (!samePositions(before, positions)) body.positions = positions;
        if (Object.keys(body).length === 0) {
          feedback.message.info('没有需要保存的修改');
          onClose();
          return;
        }
        saved = await update.mutateAsync({ id: u.id, body });
        feedback.message.success(`已保存用户「${saved.displayName}」`);
      }
      onSaved?.(saved);
      onClose();
    } catch (e) {
      showFormError(form, e, {
        IDENTITY_USERNAME_TAKEN: 'username',
        IDENTITY_POLICE_NO_TAKEN: 'policeNo',
        IDENTITY_POLICE_NO_REQUIRED: 'policeNo',
        IDENTITY_CANNOT_DISABLE_SELF: 'status',
      });
    }
  };

  const saving = create.isPending || update.isPending;
  const trySubmit = () => void submit().catch(() => undefined);

  return (
    <Drawer
      open={!!target}
      title={editingUser ? `编辑用户 · ${editingUser.displayName}` : '新增用户'}
      width={780}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Tooltip title="Ctrl+Enter">
            <Button type="primary" loading={saving} onClick={trySubmit}>
              保存
            </Button>
          </Tooltip>
        </Space>
      }
    >
      <FormKeyboard onSubmit={trySubmit}>
        <Form
          form={form}
          name="userForm"
          layout="vertical"
          onValuesChange={(changed: Partial<UserFormValues>, all) => {
            // A new user's first position defaults to the user's own org.
            if (changed.orgId && all.positions?.[0] && !all.positions[0].orgId) {
              form.setFieldValue(['positions', 0, 'orgId'], changed.orgId);
            }
          }}
        >
          {editingUser && (
            <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="用户名">{editingUser.username}</Descriptions.Item>
              <Descriptions.Item label="类型">{userTypeLabels[editingUser.userType]}</Descriptions.Item>
              <Descriptions.Item label="所属机构">{editingUser.orgName}</Descriptions.Item>
            </Descriptions>
          )}
          <Row gutter={12}>
            {!editingUser && (
              <Col span={8}>
                <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }, zodRule(CreateUserBody.shape.username)]}>
                  <Input autoFocus maxLength={32} autoComplete="off" placeholder="字母开头，3-32位" />
                </Form.Item>
              </Col>
            )}
            <Col span={8}>
              <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(CreateUserBody.shape.displayName)]}>
                <Input autoFocus={!!editingUser} maxLength={32} />
              </Form.Item>
            </Col>
            {!editingUser && (
              <Col span={8}>
                <Form.Item name="userType" label="人员类型" rules={[{ required: true, message: '请选择人员类型' }]}>
                  <Select options={userTypeOptions} />
                </Form.Item>
              </Col>
            )}
            <Col span={8}>
              <Form.Item
                name="policeNo"
                label="警号"
                dependencies={['userType']}
                required={policeNoRequired}
                rules={[
                  zodRule(CreateUserBody.shape.policeNo),
                  ({ getFieldValue }) => ({
                    validator: async (_, v?: string) => {
                      if ((editingUser?.userType ?? getFieldValue('userType')) === 'police' && !v?.trim()) throw new Error('民警须填写警号');
                    },
                  }),
                ]}
              >
                <Input maxLength={8} placeholder="6-8位数字" inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="phone"
                label="手机号"
                rules={[zodRule(CreateUserBody.shape.phone)]}
                extra={editingUser ? (editingUser.phone ? `当前：${editingUser.phone}，留空不修改` : '当前未登记，留空不修改') : undefined}
              >
                <Input maxLength={11} inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </Col>
            {!editingUser && (
              <>
                <Col span={8}>
                  <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
                    <OrgTreeSelect />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="password"
                    label="初始密码"
                    rules={[{ required: true, message: '请输入初始密码' }, zodRule(CreateUserBody.shape.password)]}
                    tooltip="8-64位，须包含大写字母、小写字母、数字、符号中的至少三类"
                  >
                    <Input.Password maxLength={64} autoComplete="new-password" />
                  </Form.Item>
                </Col>
              </>
            )}
            {editingUser && (
              <Col span={8}>
                <Form.Item name="status" label="账号状态">
                  <Select
                    options={[
                      { value: 'active', label: '正常' },
                      { value: 'disabled', label: '停用' },
                    ]}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>

          <Divider orientation="left" orientationMargin={0} style={{ margin: '4px 0 12px' }}>
            岗位
          </Divider>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            每个岗位对应一个机构和一组角色，权限与数据范围随登录岗位生效；须指定一个主岗。
          </Typography.Paragraph>
          <Form.List
            name="positions"
            rules={[
              {
                validator: async (_, list?: PositionValues[]) => {
                  if (!list || list.length === 0) throw new Error('至少设置一个岗位');
                  if (list.filter((p) => p?.isPrimary).length !== 1) throw new Error('须指定且只能指定一个主岗');
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Row key={field.key} gutter={8} align="top">
                    <Col span={5}>
                      <Form.Item name={[field.name, 'title']} label={index === 0 ? '岗位名称' : undefined} rules={[{ required: true, whitespace: true, message: '请输入岗位名称' }]}>
                        <Input maxLength={32} placeholder="如 受理岗" />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item name={[field.name, 'orgId']} label={index === 0 ? '所在机构' : undefined} rules={[{ required: true, message: '请选择机构' }]}>
                        <OrgTreeSelect labelHints={labelHints} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'roleIds']} label={index === 0 ? '角色' : undefined} rules={[{ required: true, type: 'array', min: 1, message: '岗位至少分配一个角色' }]}>
                        <RoleSelect />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[field.name, 'isPrimary']} label={index === 0 ? '主岗' : undefined} valuePropName="checked">
                        <Checkbox
                          onChange={(e) => {
                            if (!e.target.checked) return;
                            const list: PositionValues[] = form.getFieldValue('positions') ?? [];
                            form.setFieldValue(
                              'positions',
                              list.map((p, i) => ({ ...p, isPrimary: i === index })),
                            );
                          }}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Tooltip title="移除岗位">
                          <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label="移除岗位" />
                        </Tooltip>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 10}
                  onClick={() => add({ orgId: form.getFieldValue('orgId') ?? editingUser?.orgId, isPrimary: fields.length === 0 })}
                  style={{ marginTop: 4 }}
                >
                  添加岗位
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormKeyboard>
    </Drawer>
  );
}
