import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { IdcardOutlined, MobileOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { SmsLoginBody, type CitizenLoginResult } from '@jsga/contracts';
import { zodRule } from '../../../app/form-errors';
import { isApiError } from '../../../app/request';
import { citizenApi, useCitizenDemoMode } from '../api';
import { DEMO_PERSON, placeError } from '../labels';

type Values = { name: string; idNo: string; phone: string; code: string };
const FIELDS = ['name', 'idNo', 'phone', 'code'] as const;
const shape = SmsLoginBody.shape;

/** Seconds left until `until` (ms since epoch), re-counted every second. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

const retryAfterOf = (details: unknown) => {
  const v = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof v === 'number' && v > 0 ? v : null;
};

/**
 * 短信验证码登录: name and ID number are checked against the population registry, the phone by a code.
 * In demo mode (no SMS gateway) the server returns the code and the form offers to fill it in.
 * Used on the portal login page and, inline, on the phone's scan page.
 */
export function SmsLoginForm({ onSignedIn, submitText = '登录', showDemoHint = true }: {
  onSignedIn: (result: CitizenLoginResult) => void;
  submitText?: string;
  showDemoHint?: boolean;
}) {
  const [form] = Form.useForm<Values>();
  const demo = useCitizenDemoMode();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const wait = useCountdown(resendAt);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const sendCode = async () => {
    setAlert(null);
    let phone: string;
    try {
      phone = (await form.validateFields(['phone'])).phone.trim();
    } catch {
      return;
    }
    setSending(true);
    try {
      const r = await citizenApi.requestSmsCode(phone);
      setResendAt(Date.now() + r.resendInSeconds * 1000);
      setDemoCode(r.demoCode);
    } catch (e) {
      if (isApiError(e) && e.code === 'CITIZEN_SMS_TOO_FREQUENT') {
        const after = retryAfterOf(e.details);
        if (after) setResendAt(Date.now() + after * 1000);
      }
      const placed = placeError(e, FIELDS);
      if (placed.fields.length) form.setFields(placed.fields);
      setAlert(placed.alert);
    } finally {
      setSending(false);
    }
  };

  const submit = async (v: Values) => {
    setAlert(null);
    setSubmitting(true);
    try {
      const result = await citizenApi.smsLogin({ name: v.name.trim(), idNo: v.idNo.trim().toUpperCase(), phone: v.phone.trim(), code: v.code.trim() });
      onSignedIn(result);
    } catch (e) {
      const placed = placeError(e, FIELDS, { CITIZEN_SMS_CODE_WRONG: 'code', CITIZEN_ID_NO_INVALID: 'idNo' });
      if (placed.fields.length) form.setFields(placed.fields);
      setAlert(placed.alert);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} name="citizen-sms-login" layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)}>
      {alert && <Alert type="error" showIcon message={alert} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(shape.name)]}>
        <Input prefix={<UserOutlined />} placeholder="与身份证一致的姓名" autoComplete="name" maxLength={30} />
      </Form.Item>
      <Form.Item name="idNo" label="公民身份号码" rules={[{ required: true, whitespace: true, message: '请输入公民身份号码' }, zodRule(shape.idNo)]}>
        <Input prefix={<IdcardOutlined />} placeholder="18位公民身份号码" autoComplete="off" maxLength={18} />
      </Form.Item>
      <Form.Item name="phone" label="手机号" rules={[{ required: true, whitespace: true, message: '请输入手机号' }, zodRule(shape.phone)]}>
        <Input prefix={<MobileOutlined />} placeholder="11位手机号码" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <Form.Item label="验证码" required={false} style={{ marginBottom: demoCode ? 8 : undefined }}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, whitespace: true, message: '请输入验证码' }, zodRule(shape.code)]}>
            <Input prefix={<SafetyOutlined />} placeholder="6位验证码" aria-label="验证码" inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Button onClick={() => void sendCode()} loading={sending} disabled={wait > 0} style={{ minWidth: 120 }}>
            {wait > 0 ? `${wait} 秒后重新获取` : resendAt ? '重新获取' : '获取验证码'}
          </Button>
        </Space.Compact>
      </Form.Item>
      {demoCode && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`演示模式：验证码 ${demoCode}`}
          action={<Button size="small" type="link" onClick={() => form.setFields([{ name: 'code', value: demoCode, errors: [] }])}>填入</Button>}
        />
      )}
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block loading={submitting}>{submitText}</Button>
      </Form.Item>
      {showDemoHint && demo && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          姓名与公民身份号码将通过公安人口信息库实名核验。演示数据：{DEMO_PERSON.name} {DEMO_PERSON.idNo}，手机号可填任意11位号码。
        </Typography.Paragraph>
      )}
    </Form>
  );
}
