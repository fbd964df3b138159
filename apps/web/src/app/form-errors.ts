import type { FormInstance, FormRule } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { feedback } from './feedback';
import { isApiError, toNamePath } from './request';

const samePath = (a: (string | number)[], b: (string | number)[]) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));

/**
 * Shows a failed submit on its form: INVALID_INPUT field errors go under the matching inputs;
 * `codeFields` puts errors without field details (e.g. IDENTITY_USERNAME_TAKEN) under a given
 * input; anything that cannot be placed (or any other unhandled error) becomes a message.
 */
export function showFormError(form: FormInstance, error: unknown, codeFields?: Record<string, NamePath>): void {
  if (!isApiError(error)) {
    feedback.message.error(error instanceof Error && error.message ? error.message : '操作失败，请稍后重试');
    return;
  }
  const target = codeFields?.[error.code];
  if (target !== undefined) {
    form.setFields([{ name: target, errors: [error.message] }]);
    return;
  }
  if (error.handled) return;
  const fieldErrors = error.fieldErrors;
  if (fieldErrors.length === 0) {
    feedback.message.error(error.message);
    return;
  }
  const registered = form.getFieldsError().map((f) => f.name as (string | number)[]);
  const grouped = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: string[] = [];
  for (const fe of fieldErrors) {
    const name = toNamePath(fe.path);
    if (name.length === 0 || !registered.some((r) => samePath(r, name))) {
      unplaced.push(fe.message);
      continue;
    }
    const key = name.join('.');
    const entry = grouped.get(key) ?? { name, errors: [] };
    entry.errors.push(fe.message);
    grouped.set(key, entry);
  }
  if (grouped.size > 0) form.setFields([...grouped.values()]);
  if (unplaced.length > 0) feedback.message.error(`${error.message}：${unplaced.join('；')}`);
  else feedback.message.error('提交的内容有误，请按提示修改');
}

/** For actions outside forms: tells the user about an error the request layer did not show. */
export function notifyError(error: unknown): void {
  if (isApiError(error)) {
    if (error.handled) return;
    const fields = error.fieldErrors.map((f) => f.message);
    feedback.message.error(fields.length ? `${error.message}：${fields.join('；')}` : error.message);
    return;
  }
  feedback.message.error(error instanceof Error && error.message ? error.message : '操作失败，请稍后重试');
}

/** Minimal structural view of a zod schema, so the web app needs no direct zod dependency. */
interface SafeParser {
  safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } };
}

/** An antd rule validating a non-empty value with a contract schema (reuses its Chinese messages). */
export function zodRule(schema: SafeParser): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error?.issues[0]?.message ?? '格式不正确');
    },
  };
}

/** Empty strings from inputs become null for nullable optional contract fields. */
export function emptyToNull<T>(value: T | '' | undefined): T | null {
  return value === '' || value === undefined ? null : value;
}
