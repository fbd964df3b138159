import { z } from 'zod';

export const FieldType = z.enum([
  'text', 'textarea', 'number', 'date', 'select', 'multiselect', 'radio', 'checkbox',
  'region', 'idNo', 'phone', 'creditCode', 'address', 'attachments', 'group',
]);
export type FieldType = z.infer<typeof FieldType>;

const Expr = z.string().min(1).max(2000);
const Key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, '字段标识须为字母开头的字母、数字或下划线');

export const FieldOption = z.object({ value: z.union([z.string(), z.number()]), label: z.string() });
export const FieldRule = z.object({
  when: Expr.optional().describe('条件成立时才校验'),
  assert: Expr.describe('须为真，否则报 message'),
  message: z.string().min(1).max(200),
});
export const Prefill = z.object({
  source: z.enum(['applicant', 'population', 'elicense']),
  path: z.string().min(1).max(200).describe('来源数据中的路径，如 address.county'),
  elicenseType: z.string().max(64).optional(),
});

export type FieldDef = {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean | string;
  visibleWhen?: string;
  enabledWhen?: string;
  rules?: z.infer<typeof FieldRule>[];
  compute?: string;
  prefill?: z.infer<typeof Prefill>;
  options?: z.infer<typeof FieldOption>[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  help?: string;
  accept?: string[];
  maxFiles?: number;
  minItems?: number;
  maxItems?: number;
  fields?: FieldDef[];
  span?: 1 | 2;
};

export const FieldDef: z.ZodType<FieldDef> = z.lazy(() => z.object({
  key: Key,
  label: z.string().min(1).max(100),
  type: FieldType,
  required: z.union([z.boolean(), Expr]).optional(),
  visibleWhen: Expr.optional(),
  enabledWhen: Expr.optional(),
  rules: z.array(FieldRule).max(20).optional(),
  compute: Expr.optional(),
  prefill: Prefill.optional(),
  options: z.array(FieldOption).max(500).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(10000).optional(),
  placeholder: z.string().max(100).optional(),
  help: z.string().max(500).optional(),
  accept: z.array(z.string()).max(20).optional(),
  maxFiles: z.number().int().min(1).max(50).optional(),
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(1).max(200).optional(),
  fields: z.array(FieldDef).max(100).optional(),
  span: z.union([z.literal(1), z.literal(2)]).optional(),
}));

export const SectionDef = z.object({
  key: Key,
  title: z.string().min(1).max(100),
  visibleWhen: Expr.optional(),
  fields: z.array(FieldDef).max(200),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const FormDefinition = z.object({
  key: Key,
  title: z.string().min(1).max(100),
  sections: z.array(SectionDef).min(1).max(50),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

/**
 * Per-node field permissions the workflow applies: 可编辑 / 只读 / 隐藏, by top-level field key.
 * `"*"` sets the default for keys not listed; without it, absent keys are editable.
 */
export type FieldAccess = Record<string, 'edit' | 'readonly' | 'hidden'>;
export type FieldMode = FieldAccess[string];
export const FieldAccessSchema = z.record(z.string().regex(/^(\*|[A-Za-z][A-Za-z0-9_]*)$/), z.enum(['edit', 'readonly', 'hidden']));

/** The access of one top-level field under a node's permissions (browser and server use this one rule). */
export const fieldAccessOf = (access: FieldAccess | undefined, key: string): FieldMode => access?.[key] ?? access?.['*'] ?? 'edit';

export function* walkFields(fields: FieldDef[], prefix = ''): Generator<{ field: FieldDef; path: string }> {
  for (const field of fields) {
    yield { field, path: `${prefix}${field.key}` };
    if (field.fields) yield* walkFields(field.fields, `${prefix}${field.key}[].`);
  }
}
