import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Grid, Input, Row, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { FieldAccess, FieldDef, FieldError, FormDefinition, Scope, ValidationResult } from '@jsga/form-engine';
import { applyComputed, applyPrefill, chinaToday, derive, errorsAt, getIn, pathOf, setIn, type FieldState, type Path, type RenderContext } from './derive';
import { AttachmentsView, displayText, FieldWidget } from './widgets';
import { LinkButton } from '../components/LinkButton';

export type FormLayout = 'auto' | 'desktop' | 'mobile';
export type FormValues = Record<string, unknown>;

export interface FormRendererProps {
  definition: FormDefinition;
  /** Controlled data; leave undefined and use `defaultValue` for an uncontrolled form. */
  value?: FormValues;
  defaultValue?: FormValues;
  /** Every change, with computed fields already filled in. */
  onChange?: (values: FormValues) => void;
  /** Per-field permission of the current workflow node: 可编辑 / 只读 / 隐藏 (absent keys are editable). */
  access?: FieldAccess;
  /** Read-only data the expressions may use (applicant identity, matter…); the server passes the same. */
  context?: Scope;
  /** Stored values of read-only and permission-hidden fields (what the server keeps for them). */
  previous?: FormValues;
  /** Data for fields with a prefill source, applied once to blank fields. */
  prefill?: { applicant?: Scope; population?: Scope; elicense?: Record<string, Scope> };
  /**
   * Names of the prefill sources ('applicant', 'population', licence type codes): a field still holding
   * the value its source gave is marked 「已从…回填」, so the applicant knows what to check rather than type.
   */
  prefillLabels?: Record<string, string>;
  /** Whole form read-only (viewing a submitted application). */
  readOnly?: boolean;
  /** 'auto' follows the screen: one column below the md breakpoint (phones). */
  layout?: FormLayout;
  /** The date rules use ('YYYY-MM-DD'); China's today by default, as on the server. */
  today?: string;
  /** Errors from elsewhere (the server's answer), shown under their fields. */
  extraErrors?: FieldError[];
}

export interface FormRendererHandle {
  /** Validates with the engine, shows every error under its field, focuses the first (unless `focus: false`); returns what may be submitted. */
  validate(options?: { focus?: boolean }): ValidationResult;
  getValues(): FormValues;
  /** Replaces the data and clears shown errors. */
  reset(values?: FormValues): void;
}

/** Types that take the full row on wide screens unless the designer chose 半行. */
const WIDE = new Set(['textarea', 'address', 'attachments', 'group', 'checkbox']);
/** Types labelled through aria-label (their container is not a labelable element). */
const GROUPED = new Set(['radio', 'checkbox', 'attachments']);

type Updater = unknown | ((previous: unknown) => unknown);

/**
 * Renders a form definition: every field type, visibility/enable rules and computed values through
 * the form engine (the functions the server validates with), Chinese errors under each field,
 * per-field access of the workflow node, and one column on phones.
 */
export const FormRenderer = forwardRef<FormRendererHandle, FormRendererProps>(function FormRenderer(props, ref) {
  const { definition: def, readOnly = false, layout = 'auto', extraErrors, onChange } = props;
  const today = props.today ?? chinaToday();
  const ctx: RenderContext = useMemo(
    () => ({ today, context: props.context, access: props.access, previous: props.previous }),
    [today, props.context, props.access, props.previous],
  );
  const [inner, setInner] = useState<FormValues>(() => applyComputed(def, applyPrefill(def, props.value ?? props.defaultValue ?? {}, props.prefill), ctx));
  const controlled = props.value !== undefined;
  const data = controlled ? props.value! : inner;
  const dataRef = useRef(data);
  dataRef.current = data;
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const screens = Grid.useBreakpoint();
  const mobile = layout === 'mobile' || (layout === 'auto' && screens.md === false);
  const uid = useId();
  const idOf = (path: string) => `${uid}${path.replace(/[^A-Za-z0-9_]/g, '_')}`;

  const commit = (next: FormValues) => {
    dataRef.current = next;
    if (!controlled) setInner(next);
    onChange?.(next);
  };
  const setValue = (segs: Path, v: Updater) => {
    const prev = dataRef.current;
    const value = typeof v === 'function' ? (v as (p: unknown) => unknown)(getIn(prev, segs)) : v;
    commit(applyComputed(def, setIn(prev, segs, value), ctx));
  };
  const touch = (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));

  // a new definition (designer preview) or context may change what is computed
  useEffect(() => {
    const next = applyComputed(def, dataRef.current, ctx);
    if (next !== dataRef.current) commit(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [def, ctx]);

  const derived = useMemo(() => derive(def, data, ctx), [def, data, ctx]);

  const focusPath = (path: string) => {
    const el = document.getElementById(idOf(path));
    el?.scrollIntoView?.({ block: 'center' });
    el?.focus();
  };

  useImperativeHandle(ref, () => ({
    validate: ({ focus = true } = {}) => {
      const d = derive(def, dataRef.current, ctx);
      setShowAll(true);
      const first = d.result.errors[0];
      if (first && focus) setTimeout(() => focusPath(first.path), 0);
      return d.result;
    },
    getValues: () => dataRef.current,
    reset: (values) => {
      setShowAll(false);
      setTouched(new Set());
      commit(applyComputed(def, values ?? {}, ctx));
    },
  }));

  const shownErrors = (path: string) => (showAll || touched.has(path) ? errorsAt(derived, path, extraErrors) : (extraErrors ?? []).filter((e) => e.path === path).map((e) => e.message));

  /** `成员 第2行 · 姓名` for an error path. */
  const nameOf = (path: string) => {
    const s = derived.fields.get(path);
    if (!s) return path;
    const parts: string[] = [];
    for (let i = 1; i < s.segs.length; i++) {
      if (typeof s.segs[i] === 'number') parts.push(`${derived.fields.get(pathOf(s.segs.slice(0, i)))?.field.label ?? ''}第${(s.segs[i] as number) + 1}行`);
    }
    return [...parts, s.field.label].join(' · ');
  };

  // ---------------------------------------------------------------- one field

  /** The source's name when the field still holds the value its prefill source gave. */
  const filledFrom = (f: FieldDef, value: unknown): string | null => {
    const labels = props.prefillLabels;
    if (!f.prefill || !labels || value === undefined || value === null || value === '') return null;
    const key = f.prefill.source === 'elicense' ? f.prefill.elicenseType ?? '' : f.prefill.source;
    const root = f.prefill.source === 'elicense' ? props.prefill?.elicense?.[key] : props.prefill?.[f.prefill.source];
    const given = getIn(root, f.prefill.path.split('.'));
    return given !== undefined && given !== null && String(given) === String(value) ? labels[key] ?? null : null;
  };

  const isStatic = (s: FieldState) => readOnly || s.mode === 'readonly' || !!s.field.compute;

  const staticValue = (s: FieldState, id: string, ariaLabel?: string) =>
    s.field.type === 'attachments' ? (
      <div id={id} tabIndex={-1} aria-label={ariaLabel}>
        <AttachmentsView value={s.value} />
      </div>
    ) : (
      <Input id={id} readOnly variant="filled" aria-label={ariaLabel} value={displayText(s.field, s.value)} />
    );

  const input = (s: FieldState, path: string, errors: string[], ariaLabel?: string) => {
    const id = idOf(path);
    if (isStatic(s)) return staticValue(s, id, ariaLabel);
    return (
      <FieldWidget
        field={s.field}
        value={s.value}
        id={id}
        disabled={!s.enabled}
        invalid={errors.length > 0}
        ariaLabel={ariaLabel ?? (GROUPED.has(s.field.type) ? s.field.label : undefined)}
        onChange={(v) => setValue(s.segs, v)}
        onBlur={() => touch(path)}
      />
    );
  };

  const renderField = (f: FieldDef, segs: Path, inRow: { label: string } | null, forceCards: boolean): ReactNode => {
    const path = pathOf(segs);
    const s = derived.fields.get(path);
    if (!s || !s.visible) return null;
    const full = mobile || f.span === 2 || (f.span === undefined && WIDE.has(f.type));
    if (f.type === 'group') {
      return (
        <Col key={path} span={24}>
          {renderGroup(s, path, forceCards)}
        </Col>
      );
    }
    const errors = shownErrors(path);
    const source = !inRow ? filledFrom(f, s.value) : null;
    return (
      <Col key={path} span={full ? 24 : 12}>
        <Form.Item
          label={f.label}
          htmlFor={GROUPED.has(f.type) ? undefined : idOf(path)}
          required={s.required && !isStatic(s)}
          validateStatus={errors.length ? 'error' : undefined}
          help={errors.length ? errors.join('；') : undefined}
          extra={source ? (
            <>
              <Tag color="green" icon={<SafetyCertificateOutlined />} style={{ marginTop: 4 }} data-prefilled={f.key}>已从{source}回填</Tag>
              {f.help}
            </>
          ) : f.help}
          tooltip={f.compute ? '由系统自动计算' : undefined}
        >
          {input(s, path, errors, inRow ? `${f.label}（${inRow.label}）` : undefined)}
        </Form.Item>
      </Col>
    );
  };

  // ---------------------------------------------------------------- sub-tables

  const renderGroup = (s: FieldState, path: string, forceCards: boolean): ReactNode => {
    const f = s.field;
    const cols = f.fields ?? [];
    const rows = Array.isArray(s.value) ? (s.value as unknown[]) : [];
    const editable = !isStatic(s) && s.enabled;
    const canAdd = editable && (f.maxItems === undefined || rows.length < f.maxItems);
    const groupErrors = shownErrors(path);
    const rowLabel = (i: number) => `第${i + 1}行`;
    const addRow = () => {
      setValue(s.segs, (prev: unknown) => [...(Array.isArray(prev) ? prev : []), {}]);
      touch(path);
      const firstCol = cols.find((c) => c.type !== 'group' && !c.compute);
      if (firstCol) setTimeout(() => focusPath(pathOf([...s.segs, rows.length, firstCol.key])), 0);
    };
    const removeRow = (i: number) => {
      setValue(s.segs, (prev: unknown) => (Array.isArray(prev) ? prev.filter((_, j) => j !== i) : []));
      touch(path);
    };
    const removeButton = (i: number) =>
      editable && (
        <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`删除${f.label}${rowLabel(i)}`} onClick={() => removeRow(i)}>
          {mobile ? '删除' : null}
        </Button>
      );

    let body: ReactNode;
    if (!rows.length) {
      body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={editable ? `暂无${f.label}，请点击“添加一行”` : `无${f.label}`} />;
    } else if (mobile || forceCards || cols.some((c) => c.type === 'group')) {
      body = rows.map((_, i) => (
        <Card key={i} size="small" title={`${f.label} ${i + 1}`} extra={removeButton(i)} style={{ marginBottom: 8 }}>
          <Row gutter={16}>{cols.map((c) => renderField(c, [...s.segs, i, c.key], { label: rowLabel(i) }, true))}</Row>
        </Card>
      ));
    } else {
      body = (
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="index"
          scroll={{ x: 'max-content' }}
          dataSource={rows.map((_, index) => ({ index }))}
          columns={[
            { title: '序号', key: 'no', width: 56, align: 'center', render: (_: unknown, r: { index: number }) => r.index + 1 },
            ...cols.map((c) => ({
              key: c.key,
              title: (
                <span>
                  {c.required === true && !isStatic(s) && <span style={{ color: '#ff4d4f', marginRight: 4 }} aria-hidden>*</span>}
                  {c.label}
                </span>
              ),
              onCell: () => ({ style: { verticalAlign: 'top' as const, minWidth: c.type === 'attachments' ? 200 : 140 } }),
              render: (_: unknown, r: { index: number }) => {
                const cellPath = pathOf([...s.segs, r.index, c.key]);
                const cs = derived.fields.get(cellPath);
                if (!cs || !cs.visible) return null;
                const errors = shownErrors(cellPath);
                return (
                  <>
                    {input(cs, cellPath, errors, `${c.label}（${rowLabel(r.index)}）`)}
                    {errors.length > 0 && (
                      <div role="alert" style={{ color: '#ff4d4f', fontSize: 12, marginTop: 2 }}>
                        {errors.join('；')}
                      </div>
                    )}
                  </>
                );
              },
            })),
            ...(editable ? [{ title: '操作', key: 'op', width: 64, align: 'center' as const, render: (_: unknown, r: { index: number }) => removeButton(r.index) }] : []),
          ]}
        />
      );
    }

    return (
      <Form.Item
        label={f.label}
        required={s.required && editable}
        validateStatus={groupErrors.length ? 'error' : undefined}
        help={groupErrors.length ? groupErrors.join('；') : undefined}
        extra={f.help}
      >
        <div id={idOf(path)} tabIndex={-1} role="group" aria-label={f.label}>
          {body}
          {editable && (
            <Button type="dashed" block icon={<PlusOutlined />} disabled={!canAdd} onClick={addRow} style={{ marginTop: 8 }}>
              添加一行{f.maxItems !== undefined ? `（最多${f.maxItems}行）` : ''}
            </Button>
          )}
        </div>
      </Form.Item>
    );
  };

  // ---------------------------------------------------------------- the form

  const allErrors = showAll ? derived.result.errors : [];
  return (
    <Form layout="vertical" component="div" className="jsga-form-renderer" requiredMark={!readOnly}>
      {derived.evalError && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`表单规则无法计算：${derived.evalError}`} />}
      {allErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={`有 ${allErrors.length} 处需要修改`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {allErrors.map((e, i) => (
                <li key={`${e.path}-${i}`}>
                  <LinkButton onClick={() => focusPath(e.path)}>{nameOf(e.path)}</LinkButton>：{e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {def.sections.map((section, i) =>
        derived.sectionVisible[i] ? (
          <section key={`${section.key}-${i}`} aria-label={section.title} style={{ marginBottom: 8 }}>
            {(def.sections.length > 1 || section.title !== def.title) && (
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {section.title}
              </Typography.Title>
            )}
            <Row gutter={16}>{section.fields.map((f) => renderField(f, [f.key], null, false))}</Row>
          </section>
        ) : null,
      )}
    </Form>
  );
});
