import { Alert, Button, QRCode, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled, ReloadOutlined } from '@ant-design/icons';
import type { QRStatus } from 'antd/es/qr-code/interface';
import type { CitizenLoginResult, QrTicketStatus } from '@jsga/contracts';
import { useCitizenDemoMode } from '../api';
import { scanUrlOf, useQrLogin } from './use-qr-login';

const QR_SIZE = 188;

const captions: Partial<Record<QrTicketStatus, string>> = {
  pending: '请使用苏证通 App 扫一扫登录',
  scanned: '请在手机上点击“确认登录”完成登录',
  expired: '二维码已过期，请点击刷新',
  cancelled: '已在手机上取消登录，请点击刷新',
  confirmed: '已确认，正在登录…',
  consumed: '登录成功，正在跳转…',
};

function Overlay({ status, onRefresh }: { status: QrTicketStatus; onRefresh: () => void }) {
  if (status === 'scanned' || status === 'confirmed' || status === 'consumed') {
    return (
      <Space direction="vertical" align="center" size={4}>
        <CheckCircleFilled style={{ color: '#16a34a', fontSize: 28 }} />
        <Typography.Text strong>{status === 'scanned' ? '已扫码，请在手机上确认' : '已确认'}</Typography.Text>
      </Space>
    );
  }
  return (
    <Space direction="vertical" align="center" size={4}>
      <Typography.Text strong>{status === 'cancelled' ? '已取消登录' : '二维码已过期'}</Typography.Text>
      <Button type="link" icon={<ReloadOutlined />} onClick={onRefresh}>刷新</Button>
    </Space>
  );
}

/** 扫码登录 on the computer: the code points at this site's scan page; the phone (苏证通) confirms. */
export function QrLoginPanel({ onSignedIn }: { onSignedIn: (result: CitizenLoginResult) => void }) {
  const { state, refresh } = useQrLogin(onSignedIn);
  const demo = useCitizenDemoMode();
  const refreshNow = () => void refresh();

  if (state.kind === 'error') {
    return <Alert type="error" showIcon role="alert" message={state.message} action={<Button size="small" onClick={refreshNow}>重试</Button>} />;
  }
  const status: QrTicketStatus | null = state.kind === 'ticket' ? state.status : null;
  const url = state.kind === 'ticket' ? scanUrlOf(state.ticket.ticketId) : '';
  const qrStatus: QRStatus = !status ? 'loading' : status === 'pending' ? 'active' : status === 'scanned' || status === 'confirmed' || status === 'consumed' ? 'scanned' : 'expired';

  return (
    <Space direction="vertical" align="center" size={12} style={{ width: '100%', textAlign: 'center' }}>
      <section aria-label="登录二维码" data-ticket-url={url || undefined} data-status={status ?? 'loading'}>
        <QRCode
          type="svg"
          value={url || 'about:blank'}
          size={QR_SIZE}
          status={qrStatus}
          onRefresh={refreshNow}
          statusRender={(info) => (info.status === 'loading' ? <Spin /> : <Overlay status={status ?? 'expired'} onRefresh={refreshNow} />)}
          style={{ margin: '0 auto' }}
        />
      </section>
      <Typography.Text role="status" aria-live="polite" strong={status === 'scanned'}>
        {status ? captions[status] : '正在生成二维码…'}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        打开苏证通 App，点击首页“扫一扫”，扫描上方二维码，在手机上确认后即可登录。二维码 2 分钟内有效。
      </Typography.Paragraph>
      {status === 'pending' && demo && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          演示：没有手机时可
          <a href={url} target="_blank" rel="noopener noreferrer">在本机打开</a>
          扫码页面模拟手机确认
        </Typography.Text>
      )}
    </Space>
  );
}
