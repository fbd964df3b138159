import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { InputRef } from 'antd';
import { LockOutlined, SafetyCertificateFilled, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { LoginBody, LoginResult } from '@jsga/contracts';
import { safeRedirect, useAuth } from '../../app/auth-context';
import { showFormError } from '../../app/form-errors';
import { api, isApiError } from '../../app/request';

interface LoginFormValues {
  username: string;
  password: string;
  totpCode?: string;
}

type Notice = { type: 'error' | 'info' | 'success' | 'warning'; text: string };

function lockedUntilOf(details: unknown): string | null {
  if (details && typeof details === 'object' && 'lockedUntil' in details) {
    const v = (details as { lockedUntil?: unknown }).lockedUntil;
    if (typeof v === 'string' && dayjs(v).isValid()) return dayjs(v).format('YYYY-MM-DD HH:mm');
  }
  return null;
}

export function LoginPage() {
  const [form] = Form.useForm<LoginFormValues>();
  const { token, me, completeLogin } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const redirect = safeRedirect(searchParams.get('redirect'));
  const stateNotice = (location.state as { notice?: string } | null)?.notice;

  const [submitting, setSubmitting] = useState(false);
  const [totpRequired, setTotpRequired] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(stateNotice ? { type: 'success', text: stateNotice } : null);
  const totpRef = useRef<InputRef>(null);
  const passwordRef = useRef<InputRef>(null);

  useEffect(() => {
    if (totpRequired) totpRef.current?.focus();
  }, [totpRequired]);

  if (token && me) return <Navigate to={redirect} replace />;

  const onFinish = async (values: LoginFormValues) => {
    setSubmitting(true);
    setNotice(null);
    const body: LoginBody = { username: values.username.trim(), password: values.password };
    if (totpRequired && values.totpCode) body.totpCode = values.totpCode;
    try {
      const result = await api.post<LoginResult>('/api/auth/login', body, { authRedirect: false, silent: true });
      await completeLogin(result);
      navigate(redirect, { replace: true });
    } catch (e) {
      if (!isApiError(e)) {
        setNotice({ type: 'error', text: '登录失败，请稍后重试' });
      } else if (e.code === 'AUTH_TOTP_REQUIRED') {
        setTotpRequired(true);
        setNotice({ type: 'info', text: '该账号已启用双因素认证，请输入动态口令后再次登录。' });
      } else if (e.code === 'AUTH_TOTP_INVALID') {
        setTotpRequired(true);
        form.setFields([{ name: 'totpCode', value: '', errors: [e.message || '动态口令错误'] }]);
        totpRef.current?.focus();
      } else if (e.code === 'AUTH_ACCOUNT_LOCKED') {
        const until = lockedUntilOf(e.details);
        setNotice({ type: 'error', text: until ? `${e.message}，请于 ${until} 后重试` : e.message });
      } else if (e.code === 'AUTH_INVALID_CREDENTIALS') {
        setNotice({ type: 'error', text: e.message || '用户名或密码错误' });
        form.setFieldValue('password', '');
        passwordRef.current?.focus();
      } else if (e.code === 'INVALID_INPUT' && e.fieldErrors.length > 0) {
        showFormError(form, e);
      } else if (!e.handled) {
        setNotice({ type: 'error', text: e.message });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #0b3d91 0%, #1d4ed8 45%, #eef2ff 45.1%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }} styles={{ body: { padding: '32px 32px 16px' } }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <SafetyCertificateFilled style={{ fontSize: 40, color: '#1d4ed8' }} />
          <Typography.Title level={4} style={{ margin: '12px 0 4px' }}>
            江苏公安政务服务综合管理平台
          </Typography.Title>
          <Typography.Text type="secondary">工作人员登录</Typography.Text>
        </div>
        {notice && <Alert type={notice.type} showIcon message={notice.text} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} name="login" size="large" onFinish={(v) => void onFinish(v)} autoComplete="on" requiredMark={false}>
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input id="username" prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password id="password" ref={passwordRef} prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" maxLength={128} />
          </Form.Item>
          {totpRequired && (
            <Form.Item
              name="totpCode"
              rules={[
                { required: true, message: '请输入动态口令' },
                { pattern: /^\d{6}$/, message: '动态口令为6位数字' },
              ]}
            >
              <Input
                id="totpCode"
                ref={totpRef}
                prefix={<SafetyOutlined />}
                placeholder="动态口令（6位数字）"
                aria-label="动态口令"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
          )}
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={submitting} autoInsertSpace={false}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12, margin: '8px 0 0' }}>
          本系统仅限授权人员使用，所有操作均被记录审计
        </Typography.Paragraph>
        <Typography.Paragraph style={{ textAlign: 'center', margin: '8px 0 0' }}>
          <Link to="/portal">群众、企业办事请进入网上办事大厅</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
