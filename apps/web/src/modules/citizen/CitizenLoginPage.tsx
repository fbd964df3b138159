import { useState } from 'react';
import { Card, Tabs, Typography } from 'antd';
import { MessageOutlined, QrcodeOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { CitizenLoginResult } from '@jsga/contracts';
import { useCitizenToken, useCompleteCitizenLogin } from './api';
import { QrLoginPanel } from './components/QrLoginPanel';
import { SmsLoginForm } from './components/SmsLoginForm';
import { safePortalRedirect } from './labels';

type TabKey = 'qr' | 'sms';

/** Scanning needs a second device: a phone starts with the SMS form, a computer with the QR code. */
const defaultTab = (): TabKey => (typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 768px)').matches ? 'qr' : 'sms');

/** 公众登录 (/portal/login): 扫码登录 with 苏证通 or 短信验证码登录, then back to `redirect` (a portal page). */
export function CitizenLoginPage() {
  const [params] = useSearchParams();
  const redirect = safePortalRedirect(params.get('redirect'));
  const token = useCitizenToken();
  const completeLogin = useCompleteCitizenLogin();
  const navigate = useNavigate();
  const [tab, setTab] = useState<TabKey>(() => (params.get('tab') === 'sms' || params.get('tab') === 'qr' ? (params.get('tab') as TabKey) : defaultTab()));

  if (token) return <Navigate to={redirect} replace />;

  const signedIn = (result: CitizenLoginResult) => {
    completeLogin(result);
    navigate(redirect, { replace: true });
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '8px 0 24px' }}>
      <Card style={{ width: '100%', maxWidth: 440 }} styles={{ body: { padding: '24px 24px 16px' } }}>
        <div style={{ textAlign: 'center', marginBottom: 8 }}>
          <SafetyCertificateFilled style={{ fontSize: 36, color: '#1d4ed8' }} />
          <Typography.Title level={4} style={{ margin: '8px 0 4px' }}>公众用户登录</Typography.Title>
          <Typography.Text type="secondary">个人、企业办事统一身份认证（苏证通）</Typography.Text>
        </div>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          centered
          items={[
            { key: 'qr', label: <span><QrcodeOutlined /> 扫码登录</span>, children: tab === 'qr' ? <QrLoginPanel onSignedIn={signedIn} /> : null },
            { key: 'sms', label: <span><MessageOutlined /> 短信验证码登录</span>, children: tab === 'sms' ? <SmsLoginForm onSignedIn={signedIn} /> : null },
          ]}
        />
      </Card>
    </div>
  );
}
