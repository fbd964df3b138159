import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, List, Result, Select, Skeleton, Space, Typography } from 'antd';
import { CheckCircleOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { DeclarationMaterial, DeclarationReceipt, DeclarationView } from '@jsga/contracts';
import { selectSections } from '@jsga/form-engine';
import { isApiError } from '../../app/request';
import { formApi, FormRenderer, type FormRendererHandle, type FormValues } from '../form';
import { declarationApi, declarationKeys, useDraft, useLicences, usePrefill, useServicePoints } from './api';
import { MaterialsCard } from './components/MaterialsCard';

type FieldError = { path: string; message: string };

/** 回执: the case number and what happens next. */
function ReceiptView({ r }: { r: DeclarationReceipt }) {
  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title="申报已提交"
        subTitle={`办件编号 ${r.caseNo}，请妥善保存。`}
        extra={[
          <Link key="case" to={`/portal/my/cases/${r.caseId}`}><Button type="primary" size="large">查看办理进度</Button></Link>,
          <Link key="home" to="/portal"><Button size="large">返回首页</Button></Link>,
        ]}
      />
      <Descriptions bordered size="small" column={1} aria-label="申报回执">
        <Descriptions.Item label="办件编号">{r.caseNo}</Descriptions.Item>
        <Descriptions.Item label="办理事项">{r.matterName}</Descriptions.Item>
        <Descriptions.Item label="受理单位">{r.orgName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{new Date(r.submittedAt).toLocaleString('zh-CN')}</Descriptions.Item>
        {r.limitDays !== null && <Descriptions.Item label="承诺时限">{r.limitDays} 个工作日</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>接下来</Typography.Title>
      <List size="small" dataSource={r.nextSteps} renderItem={(s, i) => <List.Item>{i + 1}. {s}</List.Item>} />
    </Card>
  );
}

/**
 * 一表申请 (`/portal/apply/:id`): the matter's form with 感知回填 marked, materials with 免证办 and
 * uploads, the accepting station and contact phone; 暂存 keeps everything on the server, 提交 turns it
 * into a case and shows the receipt.
 */
export function ApplyPage() {
  const { id = '' } = useParams();
  const draft = useDraft(id);
  if (draft.isLoading) return <Card><Skeleton active /></Card>;
  if (draft.isError || !draft.data) {
    return <Result status="warning" title="无法打开申报" subTitle={isApiError(draft.error) ? draft.error.message : '请稍后重试'} extra={<Link to="/portal/my"><Button>我的办件</Button></Link>} />;
  }
  if (draft.data.status === 'submitted' && draft.data.caseId) {
    return <Result status="info" title="该申报已提交" extra={<Link to={`/portal/my/cases/${draft.data.caseId}`}><Button type="primary">查看办理进度</Button></Link>} />;
  }
  return <ApplyForm draft={draft.data} />;
}

function ApplyForm({ draft }: { draft: DeclarationView }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const prefill = usePrefill();
  const licences = useLicences();
  const points = useServicePoints();
  const formKeys = draft.checklist.formKeys;
  const forms = useQueries({ queries: formKeys.map((key) => ({ queryKey: ['form', 'published', key], queryFn: () => formApi.getPublished(key), staleTime: 60_000 })) });
  const definitions = useMemo(() => forms.map((q) => (q.data ? selectSections(q.data.definition, draft.checklist.sections) : null)), [forms, draft.checklist.sections]);
  const renderers = useRef<(FormRendererHandle | null)[]>([]);
  const [materials, setMaterials] = useState<DeclarationMaterial[]>(draft.materials);
  const [orgId, setOrgId] = useState<string | null>(draft.orgId);
  const [phone, setPhone] = useState(draft.contactPhone ?? '');
  const [revision, setRevision] = useState(draft.revision);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [materialProblems, setMaterialProblems] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<DeclarationReceipt | null>(null);
  const defaultsApplied = useRef(false);

  // 免证办 by default: a material an in-force e-licence can stand for uses it unless the applicant chose otherwise
  useEffect(() => {
    if (defaultsApplied.current || !licences.data) return;
    defaultsApplied.current = true;
    const have = new Set(materials.map((m) => m.materialCode));
    const added = draft.checklist.materials.flatMap((m) => {
      const l = m.elicenseType && !have.has(m.code) ? licences.data.items.find((x) => x.typeCode === m.elicenseType) : undefined;
      return l ? [{ materialCode: m.code, licenceId: l.id, label: `电子证照·${l.typeName}` }] : [];
    });
    if (added.length) setMaterials((v) => [...v, ...added]);
  }, [licences.data, draft.checklist.materials, materials]);

  const formData = (): FormValues => Object.assign({}, draft.formData, ...renderers.current.slice(0, formKeys.length).map((r) => r?.getValues() ?? {}));

  const save = async (quiet = false) => {
    const saved = await declarationApi.save(draft.id, { formData: formData(), materials, orgId, contactPhone: /^1\d{10}$/.test(phone) ? phone : null, expectedRevision: revision });
    setRevision(saved.revision);
    qc.setQueryData(declarationKeys.draft(draft.id), saved);
    if (!quiet) message.success('已暂存，换设备登录后可在“我的办件”继续填写');
    return saved;
  };

  const onSave = async () => {
    setBusy('save');
    setProblem(null);
    try {
      await save();
    } catch (e) {
      setProblem(isApiError(e) ? e.message : '暂存失败，请稍后重试');
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    setProblem(null);
    setServerErrors([]);
    setMaterialProblems({});
    const formsOk = renderers.current.slice(0, formKeys.length).map((r) => (r ? r.validate({ focus: false }).ok : true)).every(Boolean);
    const given = new Set(materials.map((m) => m.materialCode));
    const missing = draft.checklist.materials.filter((m) => m.required && m.source !== 'shared_data' && !given.has(m.code));
    if (missing.length) setMaterialProblems(Object.fromEntries(missing.map((m) => [m.code, `请提交“${m.name}”`])));
    if (!orgId) setProblem('请选择受理单位');
    if (!formsOk || missing.length || !orgId) {
      if (!formsOk) setProblem('申请表有未填或填写有误的内容，请按提示修改');
      return;
    }
    setBusy('submit');
    try {
      const saved = await save(true);
      const r = await declarationApi.submit(draft.id, saved.revision);
      // not the draft itself: it is submitted now, and this page shows the receipt instead
      void qc.invalidateQueries({ queryKey: ['declaration', 'cases'] });
      void qc.invalidateQueries({ queryKey: declarationKeys.drafts });
      setReceipt(r);
      window.scrollTo?.({ top: 0 });
    } catch (e) {
      if (isApiError(e)) {
        const details = e.details as { errors?: FieldError[]; materials?: Array<{ code: string; name: string }>; materialCode?: string } | undefined;
        if (details?.errors) setServerErrors(details.errors);
        if (details?.materials) setMaterialProblems(Object.fromEntries(details.materials.map((m) => [m.code, `请提交“${m.name}”`])));
        if (details?.materialCode) setMaterialProblems({ [details.materialCode]: e.message });
        setProblem(e.message);
      } else setProblem('提交失败，请稍后重试');
    } finally {
      setBusy(null);
    }
  };

  if (receipt) return <ReceiptView r={receipt} />;
  const loading = forms.some((q) => q.isLoading) || prefill.isLoading;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ margin: 0 }}>{draft.matterName}</Typography.Title>
        <Typography.Text type="secondary">申请人：{draft.applicantName}（{draft.applicantIdNoMasked}）</Typography.Text>
        {prefill.data && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon
            message="已根据您的身份认证信息、人口信息库和电子证照自动填写部分内容（标有“已从…回填”），请核对。" />
        )}
        {prefill.isError && <Alert style={{ marginTop: 12 }} type="warning" showIcon message="暂时无法获取证照信息，请手动填写" />}
      </Card>
      <Card title="申请表">
        {loading ? <Skeleton active /> : definitions.map((def, i) => def && (
          <FormRenderer
            key={formKeys[i]}
            ref={(r) => { renderers.current[i] = r; }}
            definition={def}
            defaultValue={draft.formData}
            prefill={prefill.data ? { applicant: prefill.data.applicant, population: prefill.data.population, elicense: prefill.data.elicense } : undefined}
            prefillLabels={prefill.data?.sourceLabels}
            context={{ applicantIdNo: String(prefill.data?.applicant.idNo ?? ''), applicantName: draft.applicantName }}
            extraErrors={serverErrors}
          />
        ))}
      </Card>
      <MaterialsCard materials={draft.checklist.materials} value={materials} onChange={setMaterials} licences={licences.data?.items ?? []} problems={materialProblems} />
      <Card title="受理单位与联系方式">
        <Space direction="vertical" style={{ width: '100%', maxWidth: 520 }}>
          <label htmlFor="apply-org">受理单位</label>
          <Select id="apply-org" showSearch optionFilterProp="label" placeholder="选择派出所或办事窗口" value={orgId ?? undefined} onChange={setOrgId}
            loading={points.isLoading} options={(points.data?.items ?? []).map((o) => ({ value: o.id, label: o.parentName ? `${o.name}（${o.parentName}）` : o.name }))} />
          <label htmlFor="apply-phone">接收通知的手机号</label>
          <Input id="apply-phone" inputMode="numeric" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value.trim())}
            status={phone && !/^1\d{10}$/.test(phone) ? 'error' : undefined} />
          {phone && !/^1\d{10}$/.test(phone) && <Typography.Text type="danger">手机号码应为11位数字</Typography.Text>}
        </Space>
      </Card>
      {problem && <Alert type="error" showIcon role="alert" message={problem} />}
      <Card className="portal-actions">
        <Space wrap>
          <Button size="large" icon={<SaveOutlined />} loading={busy === 'save'} disabled={!!busy} onClick={() => void onSave()}>暂存</Button>
          <Button size="large" type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={!!busy} onClick={() => void onSubmit()}>提交申报</Button>
        </Space>
      </Card>
    </Space>
  );
}
