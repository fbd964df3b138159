import { forwardRef, useMemo } from 'react';
import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import type { CaseView } from '@jsga/contracts';
import { changedFieldKeys, selectSections } from '@jsga/form-engine';
import { FormRenderer, useReleasedForm, type FormRendererHandle, type FormValues } from '../../form';
import { CaseFormData } from './CaseSections';

type OpenTask = CaseView['openTasks'][number];
export type FormFieldError = { path: string; message: string };

/** The open task whose node lets this officer correct the application form (the workflow's field permissions). */
export function editingTaskOf(view: Pick<CaseView, 'openTasks' | 'formVersionId'>, canHandle: boolean): OpenTask | null {
  if (!canHandle || !view.formVersionId) return null;
  return view.openTasks.find((t) => t.formAccess) ?? null;
}


interface Props {
  view: CaseView;
  canHandle: boolean;
  /** Unsubmitted changes (null: none); they go with the next action that completes the task. */
  edits: FormValues | null;
  onEdit: (values: FormValues | null) => void;
  /** The server's refusal of the changes, shown under their fields. */
  serverErrors?: FormFieldError[];
}

/**
 * 申请表: the case's form rendered with the version it was submitted on. Read-only, except the fields the
 * current node makes editable for an officer who may handle the case.
 */
export const CaseFormPanel = forwardRef<FormRendererHandle, Props>(function CaseFormPanel({ view, canHandle, edits, onEdit, serverErrors }, ref) {
  const form = useReleasedForm(view.formVersionId);
  const task = editingTaskOf(view, canHandle);
  const context = useMemo(() => ({ applicantName: view.applicantName }), [view.applicantName]);
  const changed = changedFieldKeys(view.formData, edits);
  const definition = useMemo(() => (form.data ? selectSections(form.data.definition, view.formSections) : null), [form.data, view.formSections]);

  if (!view.formVersionId) return <CaseFormData formKey={view.formKey} formData={view.formData} />;
  if (form.isLoading) return <Skeleton active />;
  if (!form.data || !definition) {
    return (
      <>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="无法加载申请表的表单定义，以下按字段列出所填内容" />
        <CaseFormData formKey={view.formKey} formData={view.formData} />
      </>
    );
  }
  return (
    <>
      {task && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`当前环节「${task.nodeName}」可修改申请表中未置灰的字段`}
          description={
            <Space wrap>
              <Typography.Text>
                {changed.length ? `已修改 ${changed.length} 项，办理本环节（受理、审核等）时一并提交。` : '修改后随本环节的办理一并提交。'}
              </Typography.Text>
              {edits && (
                <Button size="small" onClick={() => onEdit(null)}>
                  撤销修改
                </Button>
              )}
            </Space>
          }
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {form.data.title} · {form.data.key} v{form.data.version}
      </Typography.Paragraph>
      <FormRenderer
        // a reload after handling shows the stored values afresh
        key={`${view.id}:${view.revision}`}
        ref={ref}
        definition={definition}
        value={edits ?? view.formData}
        onChange={onEdit}
        readOnly={!task}
        access={task?.formAccess ?? undefined}
        previous={view.formData}
        context={context}
        extraErrors={serverErrors}
      />
    </>
  );
});
