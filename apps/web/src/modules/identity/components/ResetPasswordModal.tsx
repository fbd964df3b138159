import { Form, Input, Modal, Typography } from 'antd';
import { PasswordPolicy, type UserView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { showFormError, zodRule } from '../../../app/form-errors';
import { useResetPassword } from '../api';

export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword();

  const submit = async () => {
    if (!user) return;
    const { password } = await form.validateFields();
    try {
      await reset.mutateAsync({ id: user.id, password });
      feedback.message.success(`已重置「${user.displayName}」的密码`);
      onClose();
    } catch (e) {
      showFormError(form, e);
    }
  };

  return (
    <Modal
      open={!!user}
      title="重置密码"
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="确认重置"
      confirmLoading={reset.isPending}
      destroyOnHidden
      width={440}
    >
      {user && (
        <Typography.Paragraph type="secondary">
          为 {user.displayName}（{user.username}）设置新密码，请通过安全渠道告知本人，并提醒其登录后及时修改。
        </Typography.Paragraph>
      )}
      <Form form={form} name="resetPasswordForm" layout="vertical" onFinish={() => void submit()} requiredMark={false} preserve={false}>
        <Form.Item
          name="password"
          label="新密码"
          extra="8-64位，须包含大写字母、小写字母、数字、符号中的至少三类"
          rules={[{ required: true, message: '请输入新密码' }, zodRule(PasswordPolicy)]}
        >
          <Input.Password autoFocus autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
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
