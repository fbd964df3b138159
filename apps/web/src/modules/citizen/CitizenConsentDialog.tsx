import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Alert, Modal, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { CitizenMeView } from '@jsga/contracts';
import { isApiError } from '../../app/request';
import { citizenApi, useSetCitizenMe } from './api';
import { CONSENT_TEXT } from './labels';

/**
 * 授权身份核验: the citizen agrees that the platform verifies their identity and reads their
 * e-licences. 同意并继续 records the consent (POST /api/citizen/consent) and reports the new MeView.
 */
export function CitizenConsentDialog({ open, onConsented, onCancel }: {
  open: boolean;
  onConsented: (me: CitizenMeView) => void;
  onCancel: () => void;
}) {
  const setMe = useSetCitizenMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const agree = async () => {
    setBusy(true);
    setError(null);
    try {
      const me = await citizenApi.consent();
      setMe(me);
      onConsented(me);
    } catch (e) {
      setError(isApiError(e) ? e.message : '授权失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={<span><SafetyCertificateOutlined style={{ color: '#1d4ed8' }} /> 授权身份核验</span>}
      okText="同意并继续"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void agree()}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      destroyOnHidden
      width={480}
    >
      <Typography.Paragraph>{CONSENT_TEXT}。</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        授权后，办事时无需再提交本人已有的电子证照，申请表将按证照信息自动填写；您可随时在“个人中心”撤回授权，撤回不影响已提交的办件。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
    </Modal>
  );
}

/**
 * For pages that need the consent before they go on (e.g. before reading e-licences):
 * `await ensureConsent()` is true at once when already given, else asks with the dialog and is
 * true once agreed, false when cancelled. Render `dialog` somewhere on the page.
 */
export function useCitizenConsent(me: Pick<CitizenMeView, 'consentAt'> | undefined): { ensureConsent: () => Promise<boolean>; dialog: ReactNode } {
  const [open, setOpen] = useState(false);
  const pending = useRef<((ok: boolean) => void) | null>(null);
  const settle = (ok: boolean) => {
    setOpen(false);
    pending.current?.(ok);
    pending.current = null;
  };
  const consented = !!me?.consentAt;
  const ensureConsent = useCallback(() => {
    if (consented) return Promise.resolve(true);
    pending.current?.(false);
    setOpen(true);
    return new Promise<boolean>((resolve) => {
      pending.current = resolve;
    });
  }, [consented]);
  const dialog = <CitizenConsentDialog open={open} onConsented={() => settle(true)} onCancel={() => settle(false)} />;
  return { ensureConsent, dialog };
}
