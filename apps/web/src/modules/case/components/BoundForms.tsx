import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { Alert, Skeleton } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { selectSections, type FormDefinition } from '@jsga/form-engine';
import { applyPrefill, formApi, FormRenderer, type FormRendererHandle, type FormRendererProps, type FormValues } from '../../form';

export interface BoundFormsHandle {
  /** Checks every bound form with the engine, showing errors under their fields; true when all pass. */
  validate(): boolean;
}

/** 感知回填 sources as the form renderer takes them (申请人、人口信息库、电子证照 by type code). */
export type PrefillSources = NonNullable<FormRendererProps['prefill']>;

interface Props {
  formKeys: readonly string[];
  /** The sections the chosen situations apply (empty: the whole form). */
  sections: readonly string[];
  value: FormValues;
  onChange: (values: FormValues) => void;
  context?: Record<string, unknown>;
  /** The server's refusal of the data, shown under the fields. */
  serverErrors?: { path: string; message: string }[];
  /**
   * 感知回填 (e.g. from the ID card read at the counter), applied to blank fields whenever it arrives —
   * also after the form is on screen. Keep its identity stable: a new object is a new reading.
   */
  prefill?: PrefillSources;
  /** Source names for the 「已从…回填」 marks. */
  prefillLabels?: Record<string, string>;
}

const blank = (v: unknown) => v === undefined || v === null || v === '';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The matter's application form(s) as the applicant fills them at the window: the published version,
 * only the sections the situations chose, one data object shared by every bound form (a field two
 * forms ask is asked once, as on the server).
 */
export const BoundForms = forwardRef<BoundFormsHandle, Props>(function BoundForms({ formKeys, sections, value, onChange, context, serverErrors, prefill, prefillLabels }, ref) {
  const queries = useQueries({
    queries: formKeys.map((key) => ({ queryKey: ['form', 'published', key], queryFn: () => formApi.getPublished(key), staleTime: 60_000 })),
  });
  const renderers = useRef<(FormRendererHandle | null)[]>([]);
  useImperativeHandle(ref, () => ({
    // every form validates (so all errors show), not only up to the first failing one
    validate: () => renderers.current.slice(0, formKeys.length).map((r) => (r ? r.validate({ focus: false }).ok : true)).every(Boolean),
  }));
  const definitions = useMemo(() => queries.map((q) => (q.data ? selectSections(q.data.definition, sections) : null)), [queries, sections]);

  // 感知回填 into the shared data (the renderer fills only when it mounts, and only an uncontrolled form).
  // Each field is offered its source value once per reading, so a value the officer typed or cleared stays;
  // a new reading first takes back what the previous one filled in and nobody changed since.
  const valueRef = useRef(value);
  valueRef.current = value;
  const applied = useRef<{ prefill?: PrefillSources; keys: Set<string> }>({ keys: new Set() });
  useEffect(() => {
    const ready = definitions.filter((d): d is FormDefinition => !!d);
    if (!ready.length) return;
    const prev = applied.current;
    const fresh = prev.prefill !== prefill;
    const keys = fresh ? new Set<string>() : prev.keys;
    let next = valueRef.current;
    if (fresh && prev.prefill) {
      for (const def of ready) {
        for (const [k, v] of Object.entries(applyPrefill(def, {}, prev.prefill))) {
          if (!same(next[k], v)) continue;
          const { [k]: _taken, ...rest } = next;
          next = rest;
        }
      }
    }
    if (prefill) {
      for (const def of ready) {
        for (const [k, v] of Object.entries(applyPrefill(def, {}, prefill))) {
          if (keys.has(k)) continue;
          keys.add(k);
          if (blank(next[k])) next = { ...next, [k]: v };
        }
      }
    }
    applied.current = { prefill, keys };
    if (next !== valueRef.current) onChange(next);
  }, [definitions, prefill, onChange]);

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
            prefill={prefill}
            prefillLabels={prefillLabels}
          />
        ) : null,
      )}
    </>
  );
});
