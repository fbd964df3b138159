import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { CaseAction, CaseView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { isApiError } from '../../../app/request';
import { useCaseAction } from '../api';
import { chinaToday } from '../../form';
import {
  actionBody, actionSpecs, actionTitleFor, carriesForm, DEFAULT_TOLERANCE_LIMIT_DAYS, defaultTaskId, defaultToleranceDeadline, errorFieldOf, needsTask, promiseOnPaper,
  reasonRequired, toleranceRange, type ActionForm,
} from './case-actions';
import { SupplementMaterialsField } from './SupplementMaterialsField';
import { PromiseField, ToleranceDeadlineField, toleratedMaterialsOf, ToleratedScansField } from './ToleranceFields';
import { useMatterMaterials } from './useMatterMaterials';
import { DialogKeyboard } from '../../../app/dialog-keyboard';

interface Props {
  view: CaseView;
  action: CaseAction | null;
  onClose: () => void;
  /** The case on screen is out of date (CASE_STALE and the like): reload it, telling the officer why when `notice` is given. */
  onReload: (notice?: string) => void;
  /** Unsubmitted changes to the application form; sent with the actions that complete the task. */
  formData?: Record<string, unknown> | null;
  /** Checks those changes with the form engine (shown under their fields); false stops the action. */
  checkForm?: () => boolean;
  /** The server refused the changes: show its errors in the form. */
  onFormErrors?: (errors: { path: string; message: string }[]) => void;
}

/**
 * One dialog per case action: the fields the action needs (task, outcome, result, missing materials,
 * 补交期限 and 承诺书 of 容缺受理, scans at 容缺材料补齐, reason), a sentence saying what will happen,
 * Enter to confirm. Server refusals stay in the dialog so the typed opinion is not lost; a stale case
 * closes it and reloads.
 */
export function CaseActionDialog({ view, action, onClose, onReload, formData, checkForm, onFormErrors }: Props) {
  const [form] = Form.useForm<ActionForm>();
  const run = useCaseAction();
  const [error, setError] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const spec = action ? actionSpecs[action] : null;
  const matter = useMatterMaterials(view, !!(spec?.missingMaterials || spec?.supplementMaterials));
  // 暂缺材料: only what the matter lets be tolerated
  const toleranceOptions = useMemo(
    () => matter.materials.filter((m) => m.allowTolerance).map((m) => ({ value: m.code, label: `${m.name}（${m.code}）${m.provided ? ' · 已提交' : ''}` })),
    [matter.materials],
  );
  // 补交期限: China's today, and the matter's limit (the server's, once it named one in a refusal)
  const [today, setToday] = useState(chinaToday);
  const [limitFromServer, setLimitFromServer] = useState<number | null>(null);
  const limitDays = limitFromServer ?? matter.toleranceLimitDays ?? DEFAULT_TOLERANCE_LIMIT_DAYS;

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setError(null);
    setLimitFromServer(null);
    const now = chinaToday();
    setToday(now);
    form.setFieldsValue({
      taskId: defaultTaskId(view),
      outcome: actionSpecs[action].outcome ? 'approve' : undefined,
      toleranceDeadline: actionSpecs[action].tolerance ? defaultToleranceDeadline(now, limitDays) : undefined,
    });
    // only when a dialog opens: a reload of the case must not wipe what is being typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, form]);

  // the limit known later (the matter version loaded, the server named it): a date past it comes back within it
  useEffect(() => {
    if (!spec?.tolerance) return;
    const chosen = form.getFieldValue('toleranceDeadline') as string | undefined;
    const { last } = toleranceRange(today, limitDays);
    if (chosen && chosen > last) form.setFieldsValue({ toleranceDeadline: last });
  }, [spec, limitDays, today, form]);

  if (!action || !spec) return null;
  const label = actionTitleFor(action, view);
  const withTask = needsTask(action, view);
  const mustGiveReason = reasonRequired(action, outcome);
  const onPaper = promiseOnPaper(view);
  /** The fields this dialog shows: a refusal naming another goes in the alert below. */
  const shown = new Set<keyof ActionForm>([
    'opinion',
    ...(withTask ? (['taskId'] as const) : []),
    ...(spec.outcome ? (['outcome'] as const) : []),
    ...(spec.result ? (['result'] as const) : []),
    ...(spec.missingMaterials ? (['missingMaterials'] as const) : []),
    ...(spec.tolerance ? (['toleranceDeadline'] as const) : []),
    ...(spec.tolerance && onPaper ? (['promiseFile'] as const) : []),
    ...(spec.toleratedScans ? (['toleratedScans'] as const) : []),
  ]);

  const versionNote = matter.otherVersionNo !== null ? `材料取自事项现行版本 v${matter.otherVersionNo}，本办件按 v${view.matterVersionNo} 办理，请核对` : undefined;

  const withForm = !!formData && carriesForm(action);
  const submit = async () => {
    if (run.isPending) return;
    const values = await form.validateFields();
    setError(null);
    if (withForm && checkForm && !checkForm()) {
      setError('申请表的修改有误，请按「申请表」页中的提示修正后再办理');
      return;
    }
    try {
      await run.mutateAsync({ id: view.id, body: { ...actionBody(action, values, view), ...(withForm ? { formData: formData! } : {}) } });
      feedback.message.success(`已办理「${label}」`);
      onClose();
    } catch (e) {
      if (!isApiError(e)) {
        setError(e instanceof Error && e.message ? e.message : '操作失败，请稍后重试');
        return;
      }
      if (e.code === 'CASE_STALE' || e.code === 'CASE_ACTION_NOT_ALLOWED') {
        onClose();
        onReload(e.code === 'CASE_STALE' ? '办件已被他人办理或修改，已重新加载最新内容，请核对后再操作' : `${e.message}，已重新加载最新内容`);
        return;
      }
      if (e.code === 'CASE_FORM_INVALID') {
        const errors = (e.details as { errors?: { path: string; message: string }[] } | undefined)?.errors ?? [];
        onFormErrors?.(errors);
        setError(`申请表的修改未通过校验：${errors.map((x) => x.message).join('；') || e.message}`);
        return;
      }
      if (e.code === 'CASE_TOLERANCE_DEADLINE_INVALID') {
        // the server names the matter's limit: the date comes back within it (before its error is shown, which a value change would clear)
        const limit = (e.details as { limitDays?: unknown } | undefined)?.limitDays;
        if (typeof limit === 'number' && limit > 0) {
          setLimitFromServer(limit);
          const { last } = toleranceRange(today, limit);
          const chosen = form.getFieldValue('toleranceDeadline') as string | undefined;
          if (chosen && chosen > last) form.setFieldsValue({ toleranceDeadline: last });
        }
      }
      const field = errorFieldOf(e);
      if (field && shown.has(field)) {
        form.setFields([{ name: field, errors: [e.message] }]);
        if (field === 'taskId') onReload();
        return;
      }
      if (e.handled) return;
      setError([e.message, ...e.fieldErrors.map((f) => f.message)].join('；'));
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  const focusOpinion = !spec.result && !spec.missingMaterials;
  return (
    <Modal
      open
      title={`${label} · ${view.caseNo}`}
      okText={`确认${label}`}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger, loading: run.isPending }}
      onOk={trySubmit}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <DialogKeyboard onSubmit={trySubmit}>
        {withForm && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="申请表的修改将随本次办理一并提交" />
        )}
        {spec.danger ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={spec.hint} />
        ) : (
          <Typography.Paragraph type="secondary">{spec.hint}</Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" name={`case-${action}`} requiredMark>
          {withTask && (
            <Form.Item name="taskId" label="办理的流程任务" rules={[{ required: true, message: '请选择要办理的流程任务' }]}>
              <Select
                aria-label="办理的流程任务"
                options={view.openTasks.map((t) => ({ value: t.id, label: `${t.nodeName}${t.dueDate ? `（${t.dueDate} 到期）` : ''}` }))}
              />
            </Form.Item>
          )}
          {spec.outcome && (
            <Form.Item name="outcome" label="审核结论" rules={[{ required: true, message: '请选择审核结论' }]}>
              <Radio.Group aria-label="审核结论">
                <Radio value="approve">通过</Radio>
                <Radio value="reject">不通过</Radio>
              </Radio.Group>
            </Form.Item>
          )}
          {spec.result && (
            <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
              <Radio.Group aria-label="办理结果">
                <Space wrap>
                  <Radio value="approved" autoFocus>准予</Radio>
                  <Radio value="disapproved">不予</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
          )}
          {spec.missingMaterials && (
            <Form.Item
              name="missingMaterials"
              label="暂缺的材料"
              rules={[{ required: true, type: 'array', min: 1, message: '请选择暂缺的材料' }]}
              extra={
                versionNote ?? (matter.isError ? '无法加载本事项的材料清单，请直接输入材料编码后按 Enter' : undefined)
              }
            >
              <Select
                aria-label="暂缺的材料"
                autoFocus
                mode={matter.isError ? 'tags' : 'multiple'}
                loading={matter.isLoading}
                options={toleranceOptions}
                placeholder="选择允许容缺的材料"
                notFoundContent="本事项没有可容缺的材料"
                optionFilterProp="label"
              />
            </Form.Item>
          )}
          {spec.tolerance && (
            <>
              <ToleranceDeadlineField today={today} limitDays={limitDays} />
              <PromiseField view={view} onPaper={onPaper} />
            </>
          )}
          {spec.toleratedScans && (
            <Form.Item name="toleratedScans" label="容缺材料">
              <ToleratedScansField materials={toleratedMaterialsOf(view)} />
            </Form.Item>
          )}
          {spec.supplementMaterials && (
            <Form.Item name="supplementMaterials" label="需补正的材料" extra={versionNote}>
              <SupplementMaterialsField materials={matter.materials} loading={matter.isLoading} failed={matter.isError} />
            </Form.Item>
          )}
          <Form.Item
            name="opinion"
            label={spec.opinionLabel.replace('（可选）', mustGiveReason ? '' : '（可选）')}
            rules={mustGiveReason ? [{ required: true, whitespace: true, message: `请填写${spec.reason === 'on_reject' ? '不通过理由' : spec.opinionLabel}` }] : []}
            extra="Enter 确认，Shift+Enter 换行"
          >
            <Input.TextArea autoFocus={focusOpinion} rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
      </DialogKeyboard>
    </Modal>
  );
}
