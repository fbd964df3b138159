import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CitizenMeView } from '@jsga/contracts';
import { notifyError } from '../../../app/form-errors';
import { feedback } from '../../../app/feedback';
import { citizenApi, useSetCitizenMe } from '../api';
import { CitizenConsentDialog } from '../CitizenConsentDialog';
import { CONSENT_TEXT } from '../labels';

/** 身份核验授权: given (when) or not; 授权 through the consent dialog, 撤回授权 after a confirmation. */
export function ConsentCard({ me }: { me: CitizenMeView }) {
  const setMe = useSetCitizenMe();
  const [asking, setAsking] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const withdraw = async () => {
    setWithdrawing(true);
    try {
      setMe(await citizenApi.withdrawConsent());
      feedback.message.success('已撤回授权');
    } catch (e) {
      notifyError(e);
    } finally {
      setWithdrawing(false);
    }
  };

  return (
    <Card
      title="身份核验授权"
      size="small"
      extra={me.consentAt ? <Tag color="success">已授权</Tag> : <Tag color="warning">未授权</Tag>}
    >
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{CONSENT_TEXT}。</Typography.Paragraph>
        {me.consentAt ? (
          <Space wrap>
            <Typography.Text type="secondary">授权时间：{dayjs(me.consentAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            <Popconfirm
              title="撤回授权"
              description="撤回后，办事时需自行提交证照材料。确定撤回？"
              okText="撤回"
              cancelText="取消"
              onConfirm={() => withdraw()}
            >
              <Button danger loading={withdrawing}>撤回授权</Button>
            </Popconfirm>
          </Space>
        ) : (
          <div><Button type="primary" onClick={() => setAsking(true)}>授权</Button></div>
        )}
      </Space>
      <CitizenConsentDialog
        open={asking}
        onCancel={() => setAsking(false)}
        onConsented={() => {
          setAsking(false);
          feedback.message.success('授权成功');
        }}
      />
    </Card>
  );
}
