import { useState } from 'react';
import { Alert, Card, Radio, Space, Spin, Typography } from 'antd';
import { companyRoleLabels, type CitizenMeView } from '@jsga/contracts';
import { isApiError } from '../../../app/request';
import { citizenApi, useSetCitizenMe } from '../api';

const PERSONAL = '__personal__';

/** 办事身份: as oneself, or for one of the companies the citizen represents or is agent of. */
export function ActingForCard({ me }: { me: CitizenMeView }) {
  const setMe = useSetCitizenMe();
  const [switching, setSwitching] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = me.actingFor?.creditCode ?? PERSONAL;

  const switchTo = async (value: string) => {
    setSwitching(value);
    setError(null);
    try {
      setMe(await citizenApi.setActingFor(value === PERSONAL ? null : value));
    } catch (e) {
      setError(isApiError(e) ? e.message : '切换失败，请稍后重试');
    } finally {
      setSwitching(null);
    }
  };

  return (
    <Card title="办事身份" size="small">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">以个人身份办理个人事项；代企业办理时，请切换为对应企业。</Typography.Text>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
        <Spin spinning={!!switching}>
          <div role="radiogroup" aria-label="办事身份">
            <Radio.Group
              className="portal-choice"
              value={current}
              onChange={(e) => void switchTo(String(e.target.value))}
              style={{ width: '100%' }}
            >
              <Radio value={PERSONAL}>个人（{me.name}）</Radio>
              {me.companies.map((c) => (
                <Radio key={c.creditCode} value={c.creditCode}>
                  {c.name}（{companyRoleLabels[c.role]}）
                </Radio>
              ))}
            </Radio.Group>
          </div>
        </Spin>
        {me.companies.length === 0 && <Typography.Text type="secondary">您名下暂无可代办的企业。法定代表人可在下方登记企业。</Typography.Text>}
      </Space>
    </Card>
  );
}
