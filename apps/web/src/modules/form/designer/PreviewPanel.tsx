import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Form, Input, Row, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClearOutlined, CloseCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { FormDefinitionView, FormValidationResult } from '@jsga/contracts';
import type { FieldError, FormDefinition, ValidationResult } from '@jsga/form-engine';
import { isApiError } from '../../../app/request';
import { formApi } from '../api';
import { FormRenderer, type FormRendererHandle, type FormValues } from '../renderer/FormRenderer';
import { canonical } from './model';

type ServerAnswer = { status: 'pending' } | { status: 'done'; result: FormValidationResult; label: string } | { status: 'unavailable'; message: string };
type Outcome = { browser: ValidationResult; server: ServerAnswer; dataKey: string };

interface Props {
  def: FormDefinition;
  /** The stored version the server validates against (null before the first save). */
  versionId: string | null;
  versionLabel: string;
  /** Unsaved changes: the server would validate an older definition, so 校验 saves first. */
  dirty: boolean;
  /** Saving is possible now (permission, a draft, no definition problems). */
  canSave: boolean;
  onSave: () => Promise<FormDefinitionView | null>;
}

function ErrorList({ errors }: { errors: FieldError[] }) {
  if (!errors.length) return <Typography.Text type="success">没有错误</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {errors.map((e, i) => (
        <li key={`${e.path}-${i}`}>
          <Typography.Text code>{e.path}</Typography.Text> {e.message}
        </li>
      ))}
    </ol>
  );
}

const verdictTag = (ok: boolean, n: number) =>
  ok ? <Tag color="success" icon={<CheckCircleOutlined />}>通过</Tag> : <Tag color="error" icon={<CloseCircleOutlined />}>{n} 个错误</Tag>;

/**
 * 实时预览: the real FormRenderer on the definition being edited, with sample data the admin types.
 * 校验 runs the engine in the browser and asks the server to validate the same data against the
 * stored version, and shows both so they can be compared.
 */
export function PreviewPanel({ def, versionId, versionLabel, dirty, canSave, onSave }: Props) {
  const renderer = useRef<FormRendererHandle>(null);
  const [device, setDevice] = useState<'desktop' | 'mobile'>('desktop');
  const [data, setData] = useState<FormValues>({});
  const [contextText, setContextText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetKey, setResetKey] = useState(0);
  const resultsRef = useRef<HTMLDivElement>(null);

  const context = useMemo(() => {
    if (!contextText.trim()) return { value: undefined, error: null };
    try {
      const v: unknown = JSON.parse(contextText);
      return v && typeof v === 'object' && !Array.isArray(v) ? { value: v as Record<string, unknown>, error: null } : { value: undefined, error: '上下文须为 JSON 对象' };
    } catch (e) {
      return { value: undefined, error: `JSON 格式错误：${e instanceof Error ? e.message : String(e)}` };
    }
  }, [contextText]);

  // results of another definition mean nothing
  const defKey = canonical(def);
  useEffect(() => setOutcome(null), [defKey]);

  const run = async () => {
    setBusy(true);
    try {
      let id = versionId;
      let label = versionLabel;
      if (dirty) {
        const saved = await onSave();
        if (!saved) return;
        id = saved.id;
        label = `v${saved.version}${saved.status === 'draft' ? ' 草稿' : ''}`;
      }
      const browser = renderer.current!.validate({ focus: false });
      setTimeout(() => resultsRef.current?.scrollIntoView?.({ block: 'nearest' }), 0);
      const sent = renderer.current!.getValues();
      const dataKey = canonical(sent);
      if (!id) {
        setOutcome({ browser, dataKey, server: { status: 'unavailable', message: '表单尚未保存，服务端无法校验' } });
        return;
      }
      setOutcome({ browser, dataKey, server: { status: 'pending' } });
      try {
        const result = await formApi.validateVersion(id, sent, context.value);
        setOutcome({ browser, dataKey, server: { status: 'done', result, label } });
      } catch (e) {
        setOutcome({ browser, dataKey, server: { status: 'unavailable', message: isApiError(e) ? e.message : '服务端校验失败' } });
      }
    } finally {
      setBusy(false);
    }
  };

  const server = outcome?.server;
  const agree =
    outcome && server?.status === 'done'
      ? canonical(JSON.parse(JSON.stringify(outcome.browser))) === canonical(server.result)
      : null;
  const stale = outcome && outcome.dataKey !== canonical(data);

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<'desktop' | 'mobile'>
          aria-label="预览设备"
          value={device}
          onChange={setDevice}
          options={[
            { value: 'desktop', label: '电脑' },
            { value: 'mobile', label: '手机' },
          ]}
        />
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} disabled={dirty && !canSave} onClick={() => void run()}>
          {dirty ? '保存并校验' : '校验'}
        </Button>
        <Button
          icon={<ClearOutlined />}
          onClick={() => {
            setData({});
            setOutcome(null);
            setResetKey((k) => k + 1);
          }}
        >
          清空样例数据
        </Button>
      </Space>
      {dirty && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {canSave ? '设计有未保存的修改：校验时先保存草稿，服务端按保存后的版本校验。' : '设计有未保存的修改且尚不能保存（请先处理问题），服务端暂无法按当前设计校验。'}
        </Typography.Paragraph>
      )}

      {outcome && (
        <div ref={resultsRef} style={{ marginBottom: 12 }} aria-live="polite">
          {stale && <Alert type="info" showIcon style={{ marginBottom: 8 }} message="样例数据已修改，结果对应修改前的数据，请重新校验" />}
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <Card size="small" role="region" aria-label="浏览器校验结果" title="浏览器校验" extra={verdictTag(outcome.browser.ok, outcome.browser.errors.length)}>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>按当前设计在本页计算</Typography.Text>
                <ErrorList errors={outcome.browser.errors} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card
                size="small"
                role="region"
                aria-label="服务端校验结果"
                title="服务端校验"
                extra={server?.status === 'done' ? verdictTag(server.result.ok, server.result.errors.length) : null}
              >
                {server?.status === 'done' && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>按已保存的 {server.label} 校验</Typography.Text>}
                {server?.status === 'pending' && <Spin size="small" tip="正在请求服务端…"><div style={{ height: 24 }} /></Spin>}
                {server?.status === 'unavailable' && <Typography.Text type="warning">{server.message}</Typography.Text>}
                {server?.status === 'done' && <ErrorList errors={server.result.errors} />}
              </Card>
            </Col>
          </Row>
          {agree !== null && (
            <Alert
              role="status"
              style={{ marginTop: 8 }}
              showIcon
              type={agree ? 'success' : 'error'}
              message={agree ? '两端结果一致' : '两端结果不一致'}
              description={agree ? '浏览器与服务端报告的错误及可保存的数据完全相同。' : '请检查表达式是否引用了服务端不同的上下文，或联系平台维护人员。'}
            />
          )}
          <Collapse
            size="small"
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'values',
                label: '可保存的数据（隐藏字段已去掉、计算字段已重算）',
                children: <pre style={{ margin: 0, fontSize: 12, maxHeight: 240, overflow: 'auto' }}>{JSON.stringify(outcome.browser.values, null, 2)}</pre>,
              },
            ]}
          />
        </div>
      )}
      <div
        style={
          device === 'mobile'
            ? { width: 390, maxWidth: '100%', margin: '0 auto', padding: 12, border: '8px solid #1f1f1f', borderRadius: 24, maxHeight: 720, overflow: 'auto' }
            : { padding: 12, border: '1px solid #f0f0f0', borderRadius: 8 }
        }
      >
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
          {def.title}
        </Typography.Title>
        <FormRenderer key={resetKey} ref={renderer} definition={def} value={data} onChange={setData} layout={device} context={context.value} />
      </div>

      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'ctx',
            label: '模拟上下文（可选）',
            children: (
              <Form layout="vertical" component="div">
                <Form.Item label="表达式可读取的上下文（JSON）" htmlFor="fd-preview-context" validateStatus={context.error ? 'error' : undefined} help={context.error ?? '如 {"applicantType": "person"}；浏览器与服务端使用同一份'}>
                  <Input.TextArea id="fd-preview-context" value={contextText} autoSize={{ minRows: 2, maxRows: 6 }} style={{ fontFamily: 'monospace' }} onChange={(e) => setContextText(e.target.value)} />
                </Form.Item>
              </Form>
            ),
          },
        ]}
      />

    </div>
  );
}
