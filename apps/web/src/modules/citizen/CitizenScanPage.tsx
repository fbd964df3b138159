import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { QrTicketView } from '@jsga/contracts';
import { isApiError } from '../../app/request';
import { citizenApi, useCitizenMe, useCompleteCitizenLogin, type QrDecision } from './api';
import { SmsLoginForm } from './components/SmsLoginForm';

type View =
  | { kind: 'loading' }
  | { kind: 'ask'; ticket: QrTicketView }
  | { kind: 'done'; decision: 'confirm' | 'cancel' }
  | { kind: 'failed'; code: string; message: string };

const failedOf = (e: unknown): View => (isApiError(e) ? { kind: 'failed', code: e.code, message: e.message } : { kind: 'failed', code: 'UNKNOWN', message: '操作失败，请稍后重试' });

function Frame({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', justifyContent: 'center' }}><Card style={{ width: '100%', maxWidth: 440 }}>{children}</Card></div>;
}

/** Before the phone can confirm, it must be signed in: the same SMS login, inline. */
function SignInFirst() {
  const completeLogin = useCompleteCitizenLogin();
  return (
    <Frame>
      <Typography.Title level={4} style={{ marginTop: 0 }}>苏证通 · 扫码登录</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="请先在手机上登录，再确认电脑端的登录请求。" />
      <SmsLoginForm onSignedIn={completeLogin} submitText="登录并继续" />
    </Frame>
  );
}

/** The signed-in phone: marks the code scanned, shows where and when the login was asked for, confirms or cancels it. */
function ConfirmLogin({ ticketId, name }: { ticketId: string; name: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [busy, setBusy] = useState<QrDecision | null>(null);
  const scanned = useRef<string | null>(null);

  useEffect(() => {
    if (scanned.current === ticketId) return; // once per ticket, also under StrictMode
    scanned.current = ticketId;
    citizenApi.decideQrTicket(ticketId, 'scan').then((ticket) => setView({ kind: 'ask', ticket }), (e: unknown) => setView(failedOf(e)));
  }, [ticketId]);

  const decide = async (decision: 'confirm' | 'cancel') => {
    setBusy(decision);
    try {
      await citizenApi.decideQrTicket(ticketId, decision);
      setView({ kind: 'done', decision });
    } catch (e) {
      setView(failedOf(e));
    } finally {
      setBusy(null);
    }
  };

  if (view.kind === 'loading') return <Frame><Skeleton active /></Frame>;
  if (view.kind === 'done') {
    return view.decision === 'confirm'
      ? <Result status="success" title="已确认登录，请在电脑上继续" subTitle="电脑端将自动进入网上办事大厅。" />
      : <Result status="info" title="已取消" subTitle="本次电脑端登录已取消，电脑端需刷新二维码后重新扫码。" />;
  }
  if (view.kind === 'failed') {
    const expired = view.code === 'CITIZEN_TICKET_EXPIRED';
    return (
      <Result
        status="warning"
        title={expired ? '二维码已过期' : '无法完成扫码登录'}
        subTitle={view.message}
        extra={<Link to="/portal">进入网上办事大厅</Link>}
      />
    );
  }
  const t = view.ticket;
  return (
    <Frame>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <div style={{ textAlign: 'center' }}>
          <DesktopOutlined style={{ fontSize: 48, color: '#1d4ed8' }} />
          <Typography.Title level={4} style={{ margin: '8px 0 0' }}>您正在登录 江苏公安政务服务网（电脑端）</Typography.Title>
        </div>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="登录账号">{name}</Descriptions.Item>
          <Descriptions.Item label="请求时间">{dayjs(t.requestedAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          <Descriptions.Item label="请求 IP">{t.requestIp ?? '未知'}</Descriptions.Item>
        </Descriptions>
        <Alert type="warning" showIcon message="如非本人操作，请点击“取消”。确认后，电脑端将以您的身份登录。" />
        <Space direction="vertical" style={{ width: '100%' }} className="portal-actions">
          <Button type="primary" size="large" block loading={busy === 'confirm'} disabled={!!busy} onClick={() => void decide('confirm')}>确认登录</Button>
          <Button size="large" block loading={busy === 'cancel'} disabled={!!busy} onClick={() => void decide('cancel')}>取消</Button>
        </Space>
      </Space>
    </Frame>
  );
}

/** 扫码登录, the phone side (/portal/scan/:ticketId): what the 苏证通 app shows after scanning the computer's code. */
export function CitizenScanPage() {
  const { ticketId = '' } = useParams();
  const me = useCitizenMe();
  if (!me.signedIn) return <SignInFirst />;
  if (me.isError) {
    return <Result status="error" title="无法加载登录信息" extra={<Button type="primary" onClick={() => void me.refetch()}>重试</Button>} />;
  }
  if (!me.data) return <Frame><Skeleton active /></Frame>;
  return <ConfirmLogin key={ticketId} ticketId={ticketId} name={me.data.name} />;
}
