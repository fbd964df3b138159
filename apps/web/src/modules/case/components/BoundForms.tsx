import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import { Alert, Skeleton } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { selectSections } from '@jsga/form-engine';
import { formApi, FormRenderer, type FormRendererHandle, type FormValues } from '../../form';

export interface BoundFormsHandle {
  /** Checks every bound form with the engine, showing errors under their fields; true when all pass. */
  validate(): boolean;
}

interface Props {
  formKeys: readonly string[];
  /** The sections the chosen situations apply (empty: the whole form). */
  sections: readonly string[];
  value: FormValues;
  onChange: (values: FormValues) => void;
  context?: Record<string, unknown>;
  /** The server's refusal of the data, shown under the fields. */
  serverErrors?: { path: string; message: string }[];
}

/**
 * The matter's application form(s) as the applicant fills them at the window: the published version,
 * only the sections the situations chose, one data object shared by every bound form (a field two
 * forms ask is asked once, as on the server).
 */
export const BoundForms = forwardRef<BoundFormsHandle, Props>(function BoundForms({ formKeys, sections, value, onChange, context, serverErrors }, ref) {
  const queries = useQueries({
    queries: formKeys.map((key) => ({ queryKey: ['form', 'published', key], queryFn: () => formApi.getPublished(key), staleTime: 60_000 })),
  });
  const renderers = useRef<(FormRendererHandle | null)[]>([]);
  useImperativeHandle(ref, () => ({
    // every form validates (so all errors show), not only up to the first failing one
    validate: () => renderers.current.slice(0, formKeys.length).map((r) => (r ? r.validate({ focus: false }).ok : true)).every(Boolean),
  }));
  const definitions = useMemo(() => queries.map((q) => (q.data ? selectSections(q.data.definition, sections) : null)), [queries, sections]);

  if (queries.some((q) => q.isLoading)) return <Skeleton active />;
  const failed = queries.findIndex((q) => q.isError);
  if (failed >= 0) return <Alert type="error" showIcon message={`无法加载申请表「${formKeys[failed]}」，请联系管理员检查表单是否已发布`} />;
  return (
    <>
      {definitions.map((def, i) =>
        def ? (
          <FormRenderer
            key={formKeys[i]}
            ref={(r) => {
              renderers.current[i] = r;
            }}
            definition={def}
            value={value}
            onChange={onChange}
            context={context}
            extraErrors={serverErrors}
          />
        ) : null,
      )}
    </>
  );
});
