import { selectSections } from './compose';
import type { FieldDef, FormDefinition } from './definition';

/** `key` is the field's, for top-level fields (not inside a repeating group). */
export type ReadableRow = { label: string; value: string; key?: string };

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A stored value as a reader reads it: option labels instead of codes, 是/否, lists joined by 、. */
export function readableValue(field: FieldDef, value: unknown): string {
  const label = (v: unknown) => field.options?.find((o) => String(o.value) === String(v))?.label ?? String(v);
  if (field.type === 'attachments') return Array.isArray(value) ? `${value.length} 个文件` : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(label).join('、');
  if (value && typeof value === 'object') return Object.values(value).filter((v) => !empty(v)).map(String).join(' ');
  return field.options ? label(value) : String(value);
}

/**
 * The filled-in form as label/value rows, in the order the form shows them, for printing 申请表 and the
 * like. Only the sections that apply; empty fields are left out; a repeating group prints each item's
 * fields as 「分组（第 n 项）· 字段」.
 */
export function readableRows(def: FormDefinition, values: Record<string, unknown>, sections?: readonly string[]): ReadableRow[] {
  const rows: ReadableRow[] = [];
  const walk = (fields: FieldDef[], data: Record<string, unknown>, prefix: string) => {
    for (const f of fields) {
      const v = data[f.key];
      if (empty(v)) continue;
      if (f.type === 'group' && f.fields) {
        const items = Array.isArray(v) ? v : [v];
        items.forEach((item, i) => {
          if (item && typeof item === 'object') walk(f.fields!, item as Record<string, unknown>, `${prefix}${f.label}${items.length > 1 || Array.isArray(v) ? `（第 ${i + 1} 项）` : ''} · `);
        });
        continue;
      }
      rows.push({ label: `${prefix}${f.label}`, value: readableValue(f, v), ...(prefix ? {} : { key: f.key }) });
    }
  };
  for (const s of selectSections(def, sections).sections) walk(s.fields, values, '');
  return rows;
}
