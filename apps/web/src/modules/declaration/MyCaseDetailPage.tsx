import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Input, Rate, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { caseStatusLabels, evaluationLevelLabels, evaluationTags, type CitizenCaseView, type DeclarationMaterial, type MatterMaterial } from '@jsga/contracts';
import { isApiError } from '../../app/request';
import { declarationApi, declarationKeys, useEvaluation, useLicences, useMyCase } from './api';
import { MaterialsCard, previewFile } from './components/MaterialsCard';
import { chineseDate, PromiseCard, stillMissing, ToleranceInfo } from './components/ToleranceCards';
import { statusColor } from './labels';

/** A material the station asks for, as the upload list shows it. */
const askedMaterial = (code: string, name: string): MatterMaterial => ({
  code, name, source: 'applicant', elicenseType: null, required: true, allowTolerance: false, form: 'original', count: 1, situational: false, templateFileId: null, sampleFileId: null, note: '',
});

/** Materials uploaded (or given as e-licences) and sent online: 补正 after 补件, or the missing ones of 容缺受理. */
function SupplyCard({ c, materials, title, listTitle, intro, submitText, done }: {
  c: CitizenCaseView;
  materials: Array<{ code: string; name: string }>;
  title: string;
  listTitle: string;
  intro: ReactNode;
  submitText: string;
  /** The message once sent. */
  done: string;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const licences = useLicences();
  const [value, setValue] = useState<DeclarationMaterial[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await declarationApi.supply(c.id, { materials: value.map(({ materialCode, fileId, licenceId }) => ({ materialCode, ...(licenceId ? { licenceId } : { fileId }) })), note });
      qc.setQueryData(declarationKeys.caseDetail(c.id), next);
      void qc.invalidateQueries({ queryKey: ['declaration', 'cases'] });
      setValue([]);
      setNote('');
      message.success(done);
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={title} style={{ borderColor: '#fa8c16' }}>
      {intro}
      <MaterialsCard title={listTitle} materials={materials.map((m) => askedMaterial(m.code, m.name))} value={value} onChange={setValue} licences={licences.data?.items ?? []} />
      <Input.TextArea style={{ marginTop: 12 }} rows={2} maxLength={500} placeholder="补充说明（选填）" value={note} onChange={(e) => setNote(e.target.value)} aria-label="补充说明" />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" message={error} />}
      <Button style={{ marginTop: 12 }} type="primary" size="large" loading={busy} disabled={!value.length} onClick={() => void send()}>{submitText}</Button>
    </Card>
  );
}

/** 补件: the materials the station asked for. */
function SupplementCard({ c }: { c: CitizenCaseView }) {
  const req = c.supplementRequest!;
  return (
    <SupplyCard
      c={c}
      materials={req.materials}
      title="需要补正材料"
      listTitle="补正材料"
      intro={<Alert type="warning" showIcon message={`补正原因：${req.reason}`} description={`通知时间：${new Date(req.at).toLocaleString('zh-CN')}。补正期间不计入办理时限。`} style={{ marginBottom: 12 }} />}
      submitText="提交补正材料"
      done="补正材料已提交，请等待审核"
    />
  );
}

/** 容缺受理: the materials still missing, by the promised date (red once it has passed). */
function ToleratedSupplyCard({ c }: { c: CitizenCaseView }) {
  const t = c.tolerance!;
  const intro = t.overdue ? (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={`已超过补交期限（${chineseDate(t.deadline)}），请尽快补交`} description="逾期未补交的，受理单位可按申请材料不全不予受理。" />
  ) : (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`请于 ${chineseDate(t.deadline)} 前补交下列材料`} description="您已签署容缺受理承诺书；材料补齐后，受理单位确认即转为正式受理。" />
  );
  return <SupplyCard c={c} materials={stillMissing(t)} title="补交容缺材料" listTitle="暂缺材料" intro={intro} submitText="提交容缺材料" done="容缺材料已提交，请等待受理单位确认" />;
}

/** 好差评: five levels, tags by level, a reason required for a poor rating; once. */
function EvaluationCard({ c }: { c: CitizenCaseView }) {
  const evaluation = useEvaluation(c.id, true);
  const qc = useQueryClient();
  const [level, setLevel] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (evaluation.isLoading) return <Card><Skeleton active /></Card>;
  const done = evaluation.data?.evaluation;
  if (done) {
    return (
      <Card title="服务评价">
        <Space direction="vertical">
          <Space><Rate disabled value={done.level} /><Typography.Text>{evaluationLevelLabels[done.level]}</Typography.Text></Space>
          {done.tags.length > 0 && <Space wrap>{done.tags.map((t) => <Tag key={t}>{t}</Tag>)}</Space>}
          {done.comment && <Typography.Paragraph>{done.comment}</Typography.Paragraph>}
          <Typography.Text type="secondary">感谢您的评价！</Typography.Text>
        </Space>
      </Card>
    );
  }
  const options = level >= 4 ? evaluationTags.good : level > 0 ? evaluationTags.bad : [];
  const send = async () => {
    setError(null);
    if (!level) return setError('请选择评价等级');
    if (level <= 2 && !comment.trim()) return setError('差评请写明原因，便于我们整改');
    setBusy(true);
    try {
      await declarationApi.evaluate(c.id, { level, tags, comment });
      void qc.invalidateQueries({ queryKey: declarationKeys.evaluation(c.id) });
      void qc.invalidateQueries({ queryKey: declarationKeys.caseDetail(c.id) });
      void qc.invalidateQueries({ queryKey: ['declaration', 'cases'] });
    } catch (e) {
      setError(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="评价本次服务">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Rate value={level} onChange={(v) => { setLevel(v); setTags([]); }} tooltips={[1, 2, 3, 4, 5].map((n) => evaluationLevelLabels[n])} aria-label="评价等级" />
          {level > 0 && <Typography.Text>{evaluationLevelLabels[level]}</Typography.Text>}
        </Space>
        {options.length > 0 && <Checkbox.Group options={[...options]} value={tags} onChange={(v) => setTags(v as string[])} />}
        <Input.TextArea rows={3} maxLength={500} placeholder={level > 0 && level <= 2 ? '请写明不满意的原因（必填）' : '您的意见和建议（选填）'} value={comment} onChange={(e) => setComment(e.target.value)} aria-label="评价内容" />
        {error && <Alert type="error" showIcon role="alert" message={error} />}
        <Button type="primary" loading={busy} onClick={() => void send()}>提交评价</Button>
      </Space>
    </Card>
  );
}

/** 办件详情 for the applicant: progress, what to do now, the reasons given, materials, result and evaluation. */
export function MyCaseDetailPage() {
  const { id = '' } = useParams();
  const q = useMyCase(id);
  const navigate = useNavigate();
  if (q.isLoading) return <Card><Skeleton active /></Card>;
  if (q.isError || !q.data) return <Result status="404" title="办件不存在" subTitle={isApiError(q.error) ? q.error.message : undefined} extra={<Link to="/portal/my"><Button>我的办件</Button></Link>} />;
  const c = q.data;
  const refused = c.status === 'concluded' && c.result === 'disapproved';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space direction="vertical" size={4}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{c.matterName}</Typography.Title>
            <Tag color={statusColor(c)} data-testid="case-status">{refused ? '不予许可' : c.status === 'concluded' ? '已办结（准予）' : caseStatusLabels[c.status]}</Tag>
          </Space>
          <Typography.Text type="secondary">办件编号 {c.caseNo} · 受理单位 {c.orgName ?? '—'}{c.slaDeadline ? ` · 预计 ${c.slaDeadline} 前办结` : ''}</Typography.Text>
        </Space>
      </Card>
      {c.refusalReason && (
        <Alert type="error" showIcon message={c.status === 'returned' ? '申报已退回' : refused ? '不予许可' : '不予受理'} description={`理由：${c.refusalReason}`}
          action={c.status === 'returned' ? <Button onClick={() => navigate(`/portal/apply?matter=${encodeURIComponent(c.matterCode)}&fromCase=${c.id}`)}>修改后重新申报</Button> : undefined} />
      )}
      {c.status === 'supplement' && c.supplementRequest && <SupplementCard c={c} />}
      {c.todo === 'sign_promise' && c.tolerance && <PromiseCard c={c} />}
      {c.todo === 'supply_tolerated' && c.tolerance && <ToleratedSupplyCard c={c} />}
      {c.tolerance && <ToleranceInfo c={c} />}
      {c.status === 'concluded' && !refused && <Alert type="success" showIcon message="办件已办结" description={c.delivery?.method === 'post' ? `结果将邮寄至：${c.delivery.address ?? ''}` : '请按通知到受理窗口领取结果。'} />}
      {c.resultDocument && (
        <Card title="办理结果">
          <Button icon={<DownloadOutlined />} onClick={() => void previewFile(declarationApi.fileUrl(c.id, c.resultDocument!.fileId))}>{c.resultDocument.label || '结果文书'}</Button>
        </Card>
      )}
      {c.status === 'concluded' && <EvaluationCard c={c} />}
      <Card title="办理进度">
        <Timeline
          items={[...c.steps].reverse().map((s) => ({
            color: s.action === 'return' || s.note && (s.action === 'conclude' && refused) ? 'red' : s.action === 'request_supplement' ? 'orange' : 'blue',
            children: (
              <div>
                <Typography.Text strong>{s.label}</Typography.Text> <Typography.Text type="secondary">{new Date(s.at).toLocaleString('zh-CN')}{s.orgName ? ` · ${s.orgName}` : ''}</Typography.Text>
                {s.note && <div><Typography.Text>{s.note}</Typography.Text></div>}
              </div>
            ),
          }))}
        />
      </Card>
      <Card title="申请材料">
        <Descriptions column={1} size="small">
          {c.materials.map((m, i) => (
            <Descriptions.Item key={`${m.materialCode}-${i}`} label={m.name}>
              {m.source === 'elicense' ? <Tag color="green" icon={<SafetyCertificateOutlined />}>电子证照</Tag>
                : m.fileId ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void previewFile(declarationApi.fileUrl(c.id, m.fileId!))}>{m.fileName || '查看'}</Button>
                : <Tag>未提交</Tag>}
              {m.status === 'supplemented' && <Tag color="orange" style={{ marginLeft: 8 }}>补正</Tag>}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    </Space>
  );
}
