import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseTolerance, CitizenCaseView } from '@jsga/contracts';
import { isApiError } from '../../../app/request';
import { declarationApi, declarationKeys } from '../api';
import { previewFile } from './MaterialsCard';

/** 2026-01-12 → 2026年1月12日, as the printed promise writes it. */
export const chineseDate = (d: string) => d.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

/** The missing materials still awaited. */
export const stillMissing = (t: CaseTolerance) => t.materials.filter((m) => !m.supplied);

/**
 * 签署容缺受理承诺书: the promise in full (the materials, the date, the consequence), a box to tick,
 * then 签署承诺; the signed-in real-name identity stands as the signature.
 */
export function PromiseCard({ c }: { c: CitizenCaseView }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = c.tolerance!;
  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await declarationApi.signPromise(c.id);
      qc.setQueryData(declarationKeys.caseDetail(c.id), next);
      void qc.invalidateQueries({ queryKey: ['declaration', 'cases'] });
      message.success('已签署容缺受理承诺书，请按期补交材料');
    } catch (e) {
      setError(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.message) : '签署失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="签署容缺受理承诺书" style={{ borderColor: '#fa8c16' }}>
      <Typography.Paragraph type="secondary">
        您的申请已容缺受理：主要材料齐全，下列次要材料暂缺。请阅读承诺内容并签署，签署后按期补交材料。
      </Typography.Paragraph>
      <div role="document" aria-label="承诺内容" style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 16px', marginBottom: 12 }}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>{c.orgName ?? '受理单位'}：</Typography.Paragraph>
        <Typography.Paragraph style={{ textIndent: '2em', marginBottom: 8 }}>
          本人{c.applicantName}（证件号码：{c.applicantIdNoMasked}）申请办理{c.matterName}（办件编号：{c.caseNo}），主要申请材料齐全，下列次要材料暂缺。
          本人申请容缺受理，并郑重承诺在<Typography.Text strong>{chineseDate(t.deadline)}</Typography.Text>前补交下列材料；
          <Typography.Text strong>逾期未补交的，同意按申请材料不全处理</Typography.Text>，由此产生的后果由本人承担。
        </Typography.Paragraph>
        <List
          size="small"
          dataSource={stillMissing(t)}
          renderItem={(m, i) => (
            <List.Item key={m.code}>
              {i + 1}. {m.name}（{chineseDate(t.deadline)}前补交）
            </List.Item>
          )}
        />
      </div>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)}>我已阅读并承诺</Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>以您实名登录的身份在线签署，签署时间将记入办件。</Typography.Text>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
        <Button type="primary" size="large" disabled={!agreed} loading={busy} onClick={() => void sign()}>签署承诺</Button>
      </Space>
    </Card>
  );
}

/** 容缺受理: the deadline (red once passed), each material with its state, and when the promise was signed. */
export function ToleranceInfo({ c }: { c: CitizenCaseView }) {
  const t = c.tolerance!;
  return (
    <Card title="容缺受理" size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="补交期限">
          <Space size={4} wrap>
            <Typography.Text type={t.overdue ? 'danger' : undefined}>{t.deadline}</Typography.Text>
            {t.overdue && <Tag color="red">已逾期</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="暂缺材料">
          <Space size={[12, 4]} wrap>
            {t.materials.map((m) => (
              <span key={m.code}>
                {m.name} {m.supplied ? <Tag color="green">已补交</Tag> : <Tag color="orange">待补交</Tag>}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="承诺书">
          {t.promise ? (
            <Space size={4} wrap>
              {`已于 ${new Date(t.promise.signedAt).toLocaleString('zh-CN')} ${t.promise.via === 'online' ? '在线签署' : '在窗口签字'}`}
              {t.promise.fileId && (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void previewFile(declarationApi.fileUrl(c.id, t.promise!.fileId!))}>查看承诺书</Button>
              )}
            </Space>
          ) : <Tag color="orange">待签署</Tag>}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
