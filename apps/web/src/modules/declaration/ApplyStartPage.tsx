import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Result, Spin } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { SituationAnswers } from '@jsga/contracts';
import { isApiError } from '../../app/request';
import { useCitizenConsent, useCitizenMe } from '../citizen';
import { declarationApi } from './api';

/** Reads the answers 在线导办 passed on; anything malformed means none. */
function answersOf(raw: string | null): SituationAnswers {
  try {
    const v: unknown = raw ? JSON.parse(raw) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as SituationAnswers) : {};
  } catch {
    return {};
  }
}

/**
 * 在线申请 entry (`/portal/apply?matter=…&answers=…`): asks for the identity-verification consent
 * once, starts a draft on the server and opens it; a returned case's `fromCase` starts from its data.
 */
export function ApplyStartPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useCitizenMe();
  const { ensureConsent, dialog } = useCitizenConsent(me.data);
  const [error, setError] = useState<string | null>(null);
  const [declined, setDeclined] = useState(false);
  const started = useRef(false);
  const matterCode = params.get('matter') ?? '';

  const start = async () => {
    setError(null);
    setDeclined(false);
    if (!(await ensureConsent())) {
      setDeclined(true);
      return;
    }
    try {
      const draft = await declarationApi.create({ matterCode, situationAnswers: answersOf(params.get('answers')), ...(params.get('fromCase') ? { fromCaseId: params.get('fromCase')! } : {}) });
      navigate(`/portal/apply/${draft.id}`, { replace: true });
    } catch (e) {
      setError(isApiError(e) ? e.message : '无法开始申报，请稍后重试');
    }
  };

  useEffect(() => {
    if (!me.data || started.current || !matterCode) return;
    started.current = true;
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me.data, matterCode]);

  if (!matterCode) return <Result status="404" title="未指定办理事项" extra={<Button href="/portal">返回首页</Button>} />;
  return (
    <Card style={{ maxWidth: 640, margin: '24px auto' }}>
      {dialog}
      {error ? (
        <Result status="warning" title="无法开始申报" subTitle={error} extra={<Button onClick={() => void start()}>重试</Button>} />
      ) : declined ? (
        <Alert type="info" showIcon message="网上申报需要您授权身份核验与电子证照调用" description="授权后可免交已有证照、自动填写申请表。"
          action={<Button type="primary" onClick={() => void start()}>授权并继续</Button>} />
      ) : (
        <div style={{ textAlign: 'center', padding: 32 }}><Spin tip="正在准备申请表…"><div style={{ height: 40 }} /></Spin></div>
      )}
    </Card>
  );
}
