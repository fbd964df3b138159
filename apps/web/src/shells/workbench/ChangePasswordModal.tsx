import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { PasswordPolicy } from '@jsga/contracts';
import { api } from '../../app/request';
import { showFormError, zodRule } from '../../app/form-errors';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changing the password revokes every session of the user; `onChanged` sends them to the login page. */
export function ChangePasswordModal({ open, onClose, onChanged }: { open: boolean; onClose: () => void; onChanged: () => void }) {
  const [form] = Form.useForm<ChangePasswordValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setSubmitting(true);
    try {
      await api.post('/api/auth/change-password', { oldPassword: values.oldPassword, newPassword: values.newPassword }, { silent: true });
      form.resetFields();
      onChanged();
    } catch (e) {
      showFormError(form, e, { AUTH_PASSWORD_WRONG: 'oldPassword', AUTH_PASSWORD_REUSED: 'newPassword' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      okText="确认修改"
      confirmLoading={submitting}
      destroyOnHidden
      width={440}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="修改成功后所有已登录的会话都会失效，需要使用新密码重新登录。" />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="8-64位，须包含大写字母、小写字母、数字、符号中的至少三类"
          rules={[
            { required: true, message: '请输入新密码' },
            zodRule(PasswordPolicy),
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v === getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
