import {
  evaluate,
  evaluateBoolean,
  fieldAccessOf,
  validateSubmission,
  type FieldAccess,
  type FieldDef,
  type FieldMode,
  type FieldError,
  type FormDefinition,
  type Scope,
  type ValidationResult,
} from '@jsga/form-engine';

/**
 * What the renderer shows, derived from the definition and the data with the engine's own functions
 * (`validateSubmission`, `evaluate`, `evaluateBoolean`): the same rules the server enforces, never a
 * second implementation. Pure, so it is tested without React.
 */

export type { FieldMode };
export type Path = (string | number)[];

export interface RenderContext {
  /** 'YYYY-MM-DD' in China time, as the server uses. */
  today: string;
  /** Read-only data the expressions may use besides the form (applicant identity, matter, node…). */
  context?: Scope;
  /** Per-field permissions of the workflow node (top-level keys; absent = edit). */
  access?: FieldAccess;
  /** Stored values kept for read-only and permission-hidden fields. */
  previous?: Record<string, unknown>;
}

export interface FieldState {
  field: FieldDef;
  /** Data path, e.g. `['members', 0, 'name']`. */
  segs: Path;
  visible: boolean;
  /** Editable now: permitted (`edit`) and its enable rule holds. */
  enabled: boolean;
  mode: FieldMode;
  required: boolean;
  /** The value to show (computed fields: the engine's result; read-only fields: the stored value). */
  value: unknown;
}

export interface DerivedForm {
  sectionVisible: boolean[];
  /** By engine path (`members[0].name`), only fields inside visible sections. */
  fields: Map<string, FieldState>;
  result: ValidationResult;
  /** Errors by engine path. */
  errors: Map<string, string[]>;
  /** An expression failed to evaluate (a half-finished definition in the designer); everything else still renders. */
  evalError: string | null;
}

/** Engine path of a data path: `['members', 0, 'name']` → `members[0].name`. */
export const pathOf = (segs: Path) => segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Today in China (UTC+8), the date the server validates with. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function getIn(data: unknown, segs: Path): unknown {
  let cur: unknown = data;
  for (const s of segs) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** Immutable set; creates objects/arrays on the way. */
export function setIn<T extends Record<string, unknown>>(data: T, segs: Path, value: unknown): T {
  const [head, ...rest] = segs;
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(data) ? [...(data as unknown[])] : { ...data };
  const child = (container as Record<string | number, unknown>)[head];
  const next = rest.length === 0 ? value : setIn((child && typeof child === 'object' ? child : typeof rest[0] === 'number' ? [] : {}) as Record<string, unknown>, rest, value);
  (container as Record<string | number, unknown>)[head] = next;
  return container as T;
}

export function derive(def: FormDefinition, data: Record<string, unknown>, ctx: RenderContext): DerivedForm {
  let evalError: string | null = null;
  let result: ValidationResult;
  try {
    result = validateSubmission(def, data, ctx);
  } catch (e) {
    evalError = message(e);
    result = { ok: false, values: {}, errors: [] };
  }
  const env = { today: ctx.today };
  const base: Scope = { ...ctx.context, ...data, ...result.values };
  const value = (src: string, scope: Scope): unknown => {
    try {
      return evaluate(src, scope, env);
    } catch (e) {
      evalError ??= message(e);
      return null;
    }
  };
  const holds = (src: string, scope: Scope, otherwise: boolean): boolean => {
    try {
      return evaluateBoolean(src, scope, env);
    } catch (e) {
      evalError ??= message(e);
      return otherwise;
    }
  };

  const fields = new Map<string, FieldState>();
  /** `parent`: the sub-table a row belongs to; its columns inherit its mode and disabled state. */
  const walk = (list: FieldDef[], source: Record<string, unknown>, processed: Record<string, unknown> | undefined, prefix: Path, row?: { index: number; parent: FieldState }) => {
    for (const f of list) {
      const segs = [...prefix, f.key];
      // the engine's scopes: top level = context + input + processed values; in a row also `row` and `$index`
      const scope = row ? { ...base, $index: row.index, row: { ...source, ...processed } } : base;
      const mode: FieldMode = row ? row.parent.mode : fieldAccessOf(ctx.access, f.key);
      const visible = mode !== 'hidden' && (!f.visibleWhen || holds(f.visibleWhen, scope, true));
      const enabled = mode === 'edit' && (!row || row.parent.enabled) && (!f.enabledWhen || holds(f.enabledWhen, scope, true));
      const required = mode === 'edit' && (f.required === true || (typeof f.required === 'string' && holds(f.required, scope, false)));
      const shown = f.compute
        ? value(f.compute, scope)
        : mode !== 'edit' && !prefix.length && ctx.previous && Object.hasOwn(ctx.previous, f.key)
          ? ctx.previous[f.key]
          : source[f.key];
      const state: FieldState = { field: f, segs, visible, enabled, mode, required, value: shown };
      fields.set(pathOf(segs), state);
      if (f.type === 'group' && visible) {
        const rows = Array.isArray(shown) ? shown : [];
        const done = Array.isArray(processed?.[f.key]) ? (processed![f.key] as unknown[]) : [];
        rows.forEach((r, i) => walk(f.fields ?? [], isRecord(r) ? r : {}, isRecord(done[i]) ? done[i] : undefined, [...segs, i], { index: i, parent: state }));
      }
    }
  };
  const sectionVisible = def.sections.map((s) => !s.visibleWhen || holds(s.visibleWhen, base, true));
  def.sections.forEach((s, i) => {
    if (sectionVisible[i]) walk(s.fields, data, result.values, []);
  });

  const errors = new Map<string, string[]>();
  for (const e of result.errors) errors.set(e.path, [...(errors.get(e.path) ?? []), e.message]);
  return { sectionVisible, fields, result, errors, evalError };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Writes computed values into the data (so later rules read what the server will compute), until
 * nothing changes. Returns the same object when there was nothing to write.
 */
export function applyComputed(def: FormDefinition, data: Record<string, unknown>, ctx: RenderContext): Record<string, unknown> {
  let cur = data;
  for (let round = 0; round < 5; round++) {
    const d = derive(def, cur, ctx);
    let next = cur;
    for (const s of d.fields.values()) {
      if (s.field.compute && s.visible && !same(getIn(next, s.segs), s.value)) next = setIn(next, s.segs, s.value ?? undefined);
    }
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}

type PrefillSources = { applicant?: Scope; population?: Scope; elicense?: Record<string, Scope> };

/** Fills blank top-level fields that name a prefill source (申请人信息、人口库、电子证照) from the data given. */
export function applyPrefill(def: FormDefinition, data: Record<string, unknown>, sources: PrefillSources | undefined): Record<string, unknown> {
  if (!sources) return data;
  let next = data;
  for (const f of def.sections.flatMap((s) => s.fields)) {
    if (!f.prefill || (next[f.key] !== undefined && next[f.key] !== null && next[f.key] !== '')) continue;
    const root = f.prefill.source === 'elicense' ? sources.elicense?.[f.prefill.elicenseType ?? ''] : sources[f.prefill.source];
    const v = getIn(root, f.prefill.path.split('.'));
    if (v !== undefined && v !== null) next = { ...next, [f.key]: v };
  }
  return next;
}

/** Errors of one path plus errors given from outside (e.g. the server's answer). */
export function errorsAt(d: DerivedForm, path: string, extra?: FieldError[]): string[] {
  const own = d.errors.get(path) ?? [];
  const more = extra?.filter((e) => e.path === path && !own.includes(e.message)).map((e) => e.message) ?? [];
  return [...own, ...more];
}
