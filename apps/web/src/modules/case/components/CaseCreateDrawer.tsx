import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Col, Divider, Drawer, Empty, Form, Input, List, Radio, Row, Select, Space, Spin, Tag, Tooltip, Typography, Upload } from 'antd';
import { DeleteOutlined, IdcardOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { idNumberProblem, isCreditCode } from '@jsga/form-engine';
import {
  applicantTypeLabels,
  caseChannelLabels,
  CreateCaseBody,
  materialFormLabels,
  type ApplicantType,
  type CaseView,
  type DeclarationPrefill,
  type SituationAnswers,
} from '@jsga/contracts';
import { useAuth } from '../../../app/auth-context';
import { feedback } from '../../../app/feedback';
import { notifyError, showFormError, zodRule } from '../../../app/form-errors';
import { useDebouncedValue } from '../../../app/hooks';
import { isApiError } from '../../../app/request';
import { caseApi, uploadMaterial, useCreateCase, useMatterChecklist, useMatterGuide, useMatterSearch, type UploadedFile } from '../api';
import { DialogKeyboard } from '../../../app/dialog-keyboard';
import { optionsOf } from './labels';
import { openAnswers, SituationQuestions } from './SituationQuestions';
import { BoundForms, type BoundFormsHandle, type PrefillSources } from './BoundForms';
import { currentReader, type IdCardData } from '../devices/id-card-reader';

type Channel = keyof typeof caseChannelLabels;

interface Values {
  matterCode?: string;
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdNo: string;
  contactPhone?: string;
  channel: Channel;
  formData?: { key?: string; value?: string }[];
}

const idProblemMessages = {
  format: '公民身份号码应为18位，前17位为数字，最后一位为数字或X',
  birth_date: '公民身份号码中的出生日期不正确',
  check_digit: '公民身份号码校验位不正确，请核对',
} as const;

/** 读取身份证: fills the applicant from the counter's 居民身份证 reader (simulated without hardware); busy until `onRead` is done. */
function ReadIdCardButton({ onRead }: { onRead: (card: IdCardData) => void | Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const read = async () => {
    setBusy(true);
    try {
      const reader = currentReader();
      let card: IdCardData;
      try {
        card = await reader.read();
      } catch (e) {
        feedback.message.error(e instanceof Error ? e.message : '读卡失败');
        return;
      }
      feedback.message.success(`已读取身份证：${card.name}${reader.simulated ? '（模拟读卡器）' : ''}`);
      await onRead(card);
    } finally {
      setBusy(false);
    }
  };
  return <Button type="text" size="small" icon={<IdcardOutlined />} loading={busy} onClick={() => void read()} style={{ height: 'auto', padding: 0 }}>读取身份证</Button>;
}

/** The card as the window-prefill lookup takes it (fields the reader left blank are left out). */
export const windowPrefillBodyOf = (card: IdCardData) => ({
  idNo: card.idNo,
  name: card.name,
  ...Object.fromEntries((['sex', 'ethnicity', 'birthDate', 'address'] as const).filter((k) => card[k]?.trim()).map((k) => [k, card[k].trim()])),
});

/** GB 11643 for natural persons, GB 32100 (统一社会信用代码) for legal persons — the checks the server repeats. */
export function applicantIdProblem(type: ApplicantType, raw: string, today = dayjs().format('YYYY-MM-DD')): string | null {
  const value = raw.trim().toUpperCase();
  if (type === 'natural_person') {
    const problem = idNumberProblem(value, today);
    return problem ? idProblemMessages[problem] : null;
  }
  return isCreditCode(value) ? null : '统一社会信用代码应为18位，且校验位正确';
}

/** Key/value rows → the form data object; blank keys are skipped. */
export function formDataOf(rows: Values['formData']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows ?? []) {
    const key = r.key?.trim();
    if (key) out[key] = r.value ?? '';
  }
  return out;
}

type ChecklistProblem = { questionKey: string; reason: string; message: string };
const problemsOf = (error: unknown): ChecklistProblem[] => {
  if (!isApiError(error)) return [];
  const problems = (error.details as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as ChecklistProblem[]) : [];
};

/** Server refusals placed under an input of the drawer. */
const codeFields = {
  CASE_APPLICANT_ID_INVALID: 'applicantIdNo',
  CASE_APPLICANT_TYPE_NOT_ACCEPTED: 'applicantType',
  MATTER_NOT_FOUND: 'matterCode',
  MATTER_NOT_PUBLISHED: 'matterCode',
} as const;

/** A refusal that concerns the whole application (资格、表单、材料): its message and any listed reasons. */
export function refusalOf(error: unknown): { message: string; lines: string[] } | null {
  if (!isApiError(error) || error.handled || error.code in codeFields || error.fieldErrors.length > 0) return null;
  const details = error.details as { errors?: unknown; problems?: unknown } | null;
  const listed = details?.errors ?? details?.problems;
  const lines = Array.isArray(listed)
    ? listed.map((e) => (e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e)))
    : [];
  return { message: error.message, lines };
}

const newIdempotencyKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `case-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** 事项: searched in the published catalogue as the officer types; results of an older keyword are never offered. */
function MatterSelect({ value, onChange, autoFocus }: { value?: string; onChange?: (code: string | undefined) => void; autoFocus?: boolean }) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword.trim(), 300);
  const search = useMatterSearch(debounced, true);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const current = !search.isPlaceholderData && keyword.trim() === debounced;
  const options = current ? (search.data?.items ?? []).map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` })) : [];
  // the chosen matter keeps its name while the officer searches again
  if (picked && picked.value === value && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  return (
    <Select
      aria-label="事项"
      autoFocus={autoFocus}
      showSearch
      allowClear
      value={value}
      onChange={(v: string | undefined, option) => {
        setPicked(v && option && !Array.isArray(option) ? { value: v, label: String(option.label) } : null);
        onChange?.(v);
      }}
      onSearch={setKeyword}
      filterOption={false}
      loading={search.isFetching || !current}
      options={options}
      placeholder="输入事项名称或编码搜索已发布事项"
      notFoundContent={search.isFetching || !current ? <Spin size="small" /> : '没有匹配的已发布事项'}
    />
  );
}

/** One checklist material with its optional upload (the file's SHA-256 and SM3 are recorded with the case). */
function MaterialRow({ name, code, note, file, onUploaded, onRemove }: { name: ReactNode; code: string; note: string; file?: UploadedFile; onUploaded: (f: UploadedFile) => void; onRemove: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <List.Item
      actions={[
        file ? (
          <Space key="file" size={4}>
            <PaperClipOutlined />
            <Typography.Text ellipsis style={{ maxWidth: 160 }} title={file.fileName}>{file.fileName}</Typography.Text>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`移除${code}的文件`} onClick={onRemove} />
          </Space>
        ) : (
          <Upload
            key="upload"
            showUploadList={false}
            customRequest={({ file }) => {
              setBusy(true);
              uploadMaterial(file as File)
                .then(onUploaded)
                .catch(notifyError)
                .finally(() => setBusy(false));
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy} aria-label={`上传${code}`}>
              上传
            </Button>
          </Upload>
        ),
      ]}
    >
      <List.Item.Meta title={name} description={note || undefined} />
    </List.Item>
  );
}

/**
 * 登记办件 at the window: matter, applicant (ID checked in the browser as on the server), situations with
 * the server's 一单告知, materials and form data. Enter submits; the new case opens afterwards.
 */
export function CaseCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (view: CaseView) => void }) {
  const [form] = Form.useForm<Values>();
  const { me } = useAuth();
  const create = useCreateCase();
  const matterCode = Form.useWatch('matterCode', form);
  const applicantType = Form.useWatch('applicantType', form) ?? 'natural_person';
  const guide = useMatterGuide(matterCode);
  const [answers, setAnswers] = useState<SituationAnswers>({});
  const situations = guide.data?.situations ?? [];
  const chosen = useMemo(() => openAnswers(situations, answers), [situations, answers]);
  const checklist = useMatterChecklist(matterCode, chosen, !!guide.data);
  const [files, setFiles] = useState<Record<string, UploadedFile>>({});
  const [refusal, setRefusal] = useState<{ message: string; lines: string[] } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [formValues, setFormValues] = useState<Record<string, unknown>>({});
  const [formErrors, setFormErrors] = useState<{ path: string; message: string }[] | undefined>();
  const boundForms = useRef<BoundFormsHandle>(null);
  // 窗口感知回填: what the registries hold on the person whose card was read, for the bound forms
  const [prefill, setPrefill] = useState<DeclarationPrefill | null>(null);
  const [prefillFailed, setPrefillFailed] = useState(false);
  const prefillSources = useMemo<PrefillSources | undefined>(
    () => (prefill ? { applicant: prefill.applicant, population: prefill.population, elicense: prefill.elicense } : undefined),
    [prefill],
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ applicantType: 'natural_person', channel: 'window', formData: [] });
    setAnswers({});
    setFiles({});
    setRefusal(null);
    setFormValues({});
    setFormErrors(undefined);
    setPrefill(null);
    setPrefillFailed(false);
    idempotencyKey.current = newIdempotencyKey();
  }, [open, form]);

  /** A card read at the counter: the applicant from the card, the application form from the registries (blank fields only). */
  const onCardRead = async (card: IdCardData) => {
    form.setFieldsValue({ applicantName: card.name, applicantIdNo: card.idNo });
    void form.validateFields(['applicantIdNo']).catch(() => undefined);
    setPrefillFailed(false);
    try {
      setPrefill(await caseApi.windowPrefill(windowPrefillBodyOf(card)));
    } catch {
      // another person's data must not stay in the form: the previous reading's values give way
      setPrefill(null);
      setPrefillFailed(true);
    }
  };

  // A matter accepting one kind of applicant only: pick it.
  useEffect(() => {
    const types = guide.data?.applicantTypes;
    if (!types?.length) return;
    const current = form.getFieldValue('applicantType') as ApplicantType | undefined;
    if (!current || !types.includes(current)) form.setFieldsValue({ applicantType: types[0] });
  }, [guide.data, form]);

  const onMatterChange = () => {
    setAnswers({});
    setFiles({});
    setFormValues({});
    setFormErrors(undefined);
  };

  const problems = problemsOf(checklist.error);
  const checklistReady = !!checklist.data && !checklist.error;
  const materials = checklistReady ? checklist.data!.materials : [];
  // a matter with a bound form is filled through it; others (收件 matters) take free key/value entries
  const formKeys = checklistReady ? checklist.data!.formKeys : [];

  const submit = async () => {
    if (create.isPending) return;
    const v = await form.validateFields();
    if (guide.data && problems.length > 0) {
      feedback.message.warning(`请先完成情形选择：${problems.map((p) => p.message).join('；')}`);
      return;
    }
    if (formKeys.length && boundForms.current && !boundForms.current.validate()) {
      feedback.message.warning('申请表填写有误，请按字段下的提示修改');
      return;
    }
    const materialCodes = new Set(materials.map((m) => m.code));
    const body: CreateCaseBody = {
      matterCode: v.matterCode ?? '',
      applicantType: v.applicantType,
      applicantName: v.applicantName.trim(),
      applicantIdNo: v.applicantIdNo.trim().toUpperCase(),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
      channel: v.channel,
      situationAnswers: chosen,
      formData: formKeys.length ? formValues : formDataOf(v.formData),
      materials: Object.entries(files)
        .filter(([code]) => materialCodes.has(code))
        .map(([materialCode, f]) => ({ materialCode, fileId: f.id })),
      idempotencyKey: idempotencyKey.current,
    };
    setRefusal(null);
    try {
      const view = await create.mutateAsync(body);
      feedback.message.success(`已登记办件 ${view.caseNo}`);
      onCreated(view);
    } catch (e) {
      if (isApiError(e) && e.code === 'CASE_FORM_INVALID') setFormErrors((e.details as { errors?: { path: string; message: string }[] } | undefined)?.errors);
      const whole = refusalOf(e);
      if (whole) {
        // stays on screen (not a toast): the officer explains it to the applicant
        setRefusal(whole);
        setTimeout(() => refusalRef.current?.scrollIntoView?.({ block: 'nearest' }), 0);
        return;
      }
      showFormError(form, e, codeFields);
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  const typeOptions = optionsOf(applicantTypeLabels).filter((o) => !guide.data || guide.data.applicantTypes.includes(o.value));
  const isPerson = applicantType === 'natural_person';

  return (
    <Drawer
      open={open}
      title="登记办件"
      width={820}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Tooltip title="Enter 提交">
            <Button type="primary" loading={create.isPending} onClick={trySubmit}>
              登记
            </Button>
          </Tooltip>
        </Space>
      }
      styles={{ wrapper: { maxWidth: '100vw' } }}
    >
      <DialogKeyboard onSubmit={trySubmit}>
        <div ref={refusalRef}>
          {refusal && (
            <Alert
              type="error"
              showIcon
              closable
              onClose={() => setRefusal(null)}
              style={{ marginBottom: 16 }}
              message={`未能登记：${refusal.message}`}
              description={refusal.lines.length ? refusal.lines.map((l, i) => <div key={i}>{l}</div>) : undefined}
            />
          )}
        </div>
        <Form form={form} layout="vertical" name="caseCreate" requiredMark>
          <Form.Item name="matterCode" label="事项" rules={[{ required: true, message: '请选择事项' }]}>
            <MatterSelect autoFocus onChange={onMatterChange} />
          </Form.Item>
          {guide.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={isApiError(guide.error) ? guide.error.message : '无法加载办事指南'} />}
          {guide.data && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              现行版本 v{guide.data.versionNo}
              {guide.data.promisedLimitDays !== null ? `，承诺时限 ${guide.data.promisedLimitDays} 个工作日` : guide.data.statutoryLimitDays !== null ? `，法定时限 ${guide.data.statutoryLimitDays} 个工作日` : ''}
              {guide.data.conditions ? `。受理条件：${guide.data.conditions}` : ''}
            </Typography.Paragraph>
          )}

          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true, message: '请选择申请人类型' }]}>
                <Radio.Group
                  options={typeOptions}
                  optionType="button"
                  onChange={() => {
                    if (form.getFieldValue('applicantIdNo')) void form.validateFields(['applicantIdNo']).catch(() => undefined);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label="申报渠道" rules={[{ required: true, message: '请选择申报渠道' }]}>
                <Select aria-label="申报渠道" options={optionsOf(caseChannelLabels)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="applicantName"
                label={isPerson ? '申请人姓名' : '单位名称'}
                rules={[{ required: true, whitespace: true, message: isPerson ? '请填写申请人姓名' : '请填写单位名称' }, zodRule(CreateCaseBody.shape.applicantName)]}
              >
                <Input
                  maxLength={200}
                  autoComplete="off"
                  addonAfter={isPerson ? <ReadIdCardButton onRead={onCardRead} /> : undefined}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="applicantIdNo"
                label={isPerson ? '公民身份号码' : '统一社会信用代码'}
                normalize={(v: string) => v.toUpperCase()}
                validateFirst
                rules={[
                  { required: true, whitespace: true, message: isPerson ? '请填写公民身份号码' : '请填写统一社会信用代码' },
                  {
                    validator: async (_r, value: string | undefined) => {
                      if (!value?.trim()) return;
                      const problem = applicantIdProblem(form.getFieldValue('applicantType') ?? 'natural_person', value);
                      if (problem) throw new Error(problem);
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" inputMode={isPerson ? 'numeric' : 'text'} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPhone" label="联系电话" rules={[zodRule(CreateCaseBody.shape.contactPhone)]} extra="用于短信通知受理、补件、办结">
                <Input maxLength={11} autoComplete="off" inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="受理单位">
                <Typography.Text>{me?.currentPosition.orgName ?? '-'}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>当前岗位所在单位</Typography.Text>
              </Form.Item>
            </Col>
          </Row>
          {prefillFailed && (
            <Alert type="warning" showIcon closable onClose={() => setPrefillFailed(false)} style={{ marginBottom: 16 }} message="未能从人口信息库和电子证照库获取数据，请手工填写" />
          )}

          {guide.data && situations.length > 0 && (
            <>
              <Divider orientation="left" plain>情形</Divider>
              <div role="group" aria-label="情形选择">
                <SituationQuestions questions={situations} answers={answers} onAnswer={(key, value) => setAnswers((a) => ({ ...a, [key]: value }))} />
              </div>
            </>
          )}

          {guide.data && (
            <>
              <Divider orientation="left" plain>一单告知材料</Divider>
              <div role="region" aria-label="一单告知材料">
                {checklist.isFetching && !checklist.data && <Spin size="small" />}
                {problems.filter((p) => p.reason === 'missing').length > 0 && (
                  <Alert type="info" showIcon style={{ marginBottom: 8 }} message="请继续选择情形" description={problems.filter((p) => p.reason === 'missing').map((p) => <div key={p.questionKey}>{p.message}</div>)} />
                )}
                {problems.filter((p) => p.reason !== 'missing').length > 0 && (
                  <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={problems.filter((p) => p.reason !== 'missing').map((p) => p.message).join('；')} />
                )}
                {checklist.error && problems.length === 0 && (
                  <Alert type="error" showIcon style={{ marginBottom: 8 }} message={isApiError(checklist.error) ? checklist.error.message : '无法生成材料清单'} />
                )}
                {checklistReady &&
                  (materials.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本事项无需提交材料" />
                  ) : (
                    <List
                      size="small"
                      bordered
                      dataSource={materials}
                      renderItem={(m) => (
                        <MaterialRow
                          code={m.code}
                          name={
                            <Space size={4} wrap>
                              {m.name}
                              {m.required ? <Tag color="red">必要</Tag> : <Tag>非必要</Tag>}
                              {m.allowTolerance && <Tag color="gold">可容缺</Tag>}
                              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{materialFormLabels[m.form]} × {m.count}</Typography.Text>
                            </Space>
                          }
                          note={m.note}
                          file={files[m.code]}
                          onUploaded={(f) => setFiles((all) => ({ ...all, [m.code]: f }))}
                          onRemove={() => setFiles(({ [m.code]: _removed, ...rest }) => rest)}
                        />
                      )}
                    />
                  ))}
                {checklistReady && checklist.data!.eligibilityRules.length > 0 && (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginTop: 8 }}
                    message="办理条件（登记时由系统核验）"
                    description={checklist.data!.eligibilityRules.map((r, i) => <div key={`${r.questionKey}.${r.optionKey}.${i}`}>{r.message ?? r.expression}</div>)}
                  />
                )}
              </div>
            </>
          )}

          {formKeys.length > 0 && (
            <>
              <Divider orientation="left" plain>申请表</Divider>
              {prefill && (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message="已根据读取的身份证、人口信息库和电子证照填写空白的内容（标有“已从…回填”），请与申请人核对"
                />
              )}
              <BoundForms
                // another matter starts its forms afresh (the drawer resets the data on a matter change)
                key={matterCode}
                ref={boundForms}
                formKeys={formKeys}
                sections={checklist.data!.sections}
                value={formValues}
                onChange={setFormValues}
                serverErrors={formErrors}
                prefill={prefillSources}
                prefillLabels={prefill?.sourceLabels}
              />
            </>
          )}
          <div hidden={formKeys.length > 0}>
          <Divider orientation="left" plain>表单数据</Divider>
          <Form.List name="formData">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Row key={field.key} gutter={8} align="top">
                    <Col xs={10} md={8}>
                      <Form.Item
                        name={[field.name, 'key']}
                        rules={[
                          { required: true, whitespace: true, message: '请填写字段名' },
                          {
                            validator: async (_r, value: string | undefined) => {
                              const key = value?.trim();
                              if (!key) return;
                              const rows = (form.getFieldValue('formData') ?? []) as Values['formData'];
                              if ((rows ?? []).some((r, j) => j !== i && r?.key?.trim() === key)) throw new Error('字段名重复');
                            },
                          },
                        ]}
                      >
                        <Input aria-label={`第${i + 1}项字段名`} placeholder="字段名" maxLength={64} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={14}>
                      <Form.Item name={[field.name, 'value']}>
                        <Input aria-label={`第${i + 1}项内容`} placeholder="内容" maxLength={2000} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第${i + 1}项`} onClick={() => remove(field.name)} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
                  添加表单项
                </Button>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                  按字段名填写申请表内容（如 迁入地址、联系人）；办件详情的“表单数据”原样显示。
                </Typography.Paragraph>
              </>
            )}
          </Form.List>
          </div>
        </Form>
      </DialogKeyboard>
    </Drawer>
  );
}
