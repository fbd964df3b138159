import { evaluate, evaluateBoolean, type Scope } from './expression/evaluate';
import type { EvalEnv } from './expression/functions';
import { fieldAccessOf, type FieldAccess, type FieldDef, type FormDefinition } from './definition';
import { idNumberProblem, isCreditCode, isMobilePhone, isValidDate } from './validators/id-number';

export type FieldError = { path: string; message: string };
export type FormContext = EvalEnv & {
  /** Data the expressions may read besides the form itself (applicant identity, matter, node …). */
  context?: Scope;
  /** Per-node field permissions from the workflow. */
  access?: FieldAccess;
  /** Values already stored, kept for read-only and hidden-by-permission fields. */
  previous?: Record<string, unknown>;
};
export type ValidationResult = { ok: boolean; values: Record<string, unknown>; errors: FieldError[] };

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const idMessages = { format: '公民身份号码应为18位（最后一位可为X）', birth_date: '公民身份号码中的出生日期无效', check_digit: '公民身份号码校验位不正确' } as const;

/** Type-level check of one value; returns a Chinese message or null. */
function typeProblem(f: FieldDef, v: unknown, env: EvalEnv): string | null {
  switch (f.type) {
    case 'text': case 'textarea': case 'address':
      if (typeof v !== 'string') return `${f.label}应为文本`;
      if (f.maxLength && [...v].length > f.maxLength) return `${f.label}不能超过${f.maxLength}个字`;
      if (f.minLength && [...v].length < f.minLength) return `${f.label}至少${f.minLength}个字`;
      return null;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `${f.label}应为数字`;
      if (f.min !== undefined && v < f.min) return `${f.label}不能小于${f.min}`;
      if (f.max !== undefined && v > f.max) return `${f.label}不能大于${f.max}`;
      return null;
    case 'date': {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || !isValidDate(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10))) return `${f.label}应为有效日期`;
      return null;
    }
    case 'select': case 'radio':
      return f.options?.some((o) => o.value === v) ? null : `${f.label}的选项无效`;
    case 'multiselect': case 'checkbox':
      return Array.isArray(v) && v.every((x) => f.options?.some((o) => o.value === x)) ? null : `${f.label}的选项无效`;
    case 'region':
      return typeof v === 'string' && /^\d{6}$/.test(v) ? null : `${f.label}应为6位行政区划代码`;
    case 'idNo': {
      if (typeof v !== 'string') return idMessages.format;
      const p = idNumberProblem(v, env.today);
      return p ? idMessages[p] : null;
    }
    case 'phone':
      return isMobilePhone(v) ? null : `${f.label}应为11位手机号码`;
    case 'creditCode':
      return isCreditCode(v) ? null : `${f.label}不是有效的统一社会信用代码`;
    case 'attachments':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && /^[0-9a-f-]{36}$|^[0-9a-f]{64}$/.test(x))) return `${f.label}的附件无效`;
      if (f.maxFiles && v.length > f.maxFiles) return `${f.label}最多${f.maxFiles}个文件`;
      return null;
    case 'group':
      return null;
  }
}

/**
 * Validates a submission against its definition exactly as the browser renderer does: hidden fields are
 * dropped, computed fields recomputed (client values ignored), read-only fields keep their stored value,
 * then required, type and rule checks run. The returned `values` are what may be stored.
 */
export function validateSubmission(def: FormDefinition, input: Record<string, unknown>, ctx: FormContext): ValidationResult {
  const env: EvalEnv = { today: ctx.today };
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const scope = (): Scope => ({ ...ctx.context, ...input, ...values });

  const processFields = (fields: FieldDef[], source: Record<string, unknown>, target: Record<string, unknown>, pathPrefix: string, rowScope?: () => Scope) => {
    for (const f of fields) {
      const path = `${pathPrefix}${f.key}`;
      const sc = () => (rowScope ? { ...scope(), ...rowScope(), row: { ...source, ...target } } : scope());
      const access = pathPrefix ? 'edit' : fieldAccessOf(ctx.access, f.key);
      if (access === 'hidden' || access === 'readonly') {
        if (ctx.previous && Object.hasOwn(ctx.previous, f.key)) target[f.key] = ctx.previous[f.key];
        continue;
      }
      if (f.visibleWhen && !evaluateBoolean(f.visibleWhen, sc(), env)) continue;
      const enabled = !f.enabledWhen || evaluateBoolean(f.enabledWhen, sc(), env);
      let v: unknown = f.compute ? evaluate(f.compute, sc(), env) : enabled ? source[f.key] : ctx.previous?.[f.key];
      if (typeof v === 'string' && f.type !== 'textarea') v = v.trim();
      const required = f.required === true || (typeof f.required === 'string' && evaluateBoolean(f.required, sc(), env));

      if (f.type === 'group') {
        const rows = Array.isArray(v) ? v : isBlank(v) ? [] : null;
        if (rows === null) { errors.push({ path, message: `${f.label}格式不正确` }); continue; }
        if (required && rows.length === 0) errors.push({ path, message: `请填写${f.label}` });
        if (f.minItems !== undefined && rows.length < f.minItems) errors.push({ path, message: `${f.label}至少${f.minItems}行` });
        if (f.maxItems !== undefined && rows.length > f.maxItems) errors.push({ path, message: `${f.label}最多${f.maxItems}行` });
        target[f.key] = rows.slice(0, f.maxItems ?? 200).map((row, i) => {
          const rowIn = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
          const rowOut: Record<string, unknown> = {};
          processFields(f.fields ?? [], rowIn, rowOut, `${path}[${i}].`, () => ({ $index: i }));
          return rowOut;
        });
      } else if (isBlank(v)) {
        if (required) errors.push({ path, message: `请填写${f.label}` });
        continue;
      } else {
        const problem = typeProblem(f, v, env);
        if (problem) { errors.push({ path, message: problem }); continue; }
        target[f.key] = v;
      }
      for (const rule of f.rules ?? []) {
        const s = { ...sc(), value: target[f.key] };
        if (rule.when && !evaluateBoolean(rule.when, s, env)) continue;
        if (!evaluateBoolean(rule.assert, s, env)) errors.push({ path, message: rule.message });
      }
    }
  };

  for (const section of def.sections) {
    if (section.visibleWhen && !evaluateBoolean(section.visibleWhen, scope(), env)) continue;
    processFields(section.fields, input, values, '');
  }
  return { ok: errors.length === 0, values, errors };
}

/** Top-level fields whose stored value differs: what a node changed (history on the server, the page's 已修改). */
export function changedFieldKeys(before: Record<string, unknown>, after: Record<string, unknown> | null): string[] {
  if (!after) return [];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
