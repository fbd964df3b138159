import type { DefinitionProblem, FieldDef, FieldType, FormDefinition, SectionDef } from '@jsga/form-engine';

/**
 * Pure editing operations of the form designer. A field is addressed by its section and the index
 * path inside it (`[2]` = third field; `[2, 0]` = first column of that sub-table), so renaming a
 * key never loses the selection.
 */

export type Selection = { kind: 'form' } | { kind: 'section'; s: number } | { kind: 'field'; s: number; path: number[] };

export const fieldTypeLabels: Record<FieldType, string> = {
  text: '单行文本',
  textarea: '多行文本',
  number: '数字',
  date: '日期',
  select: '下拉单选',
  multiselect: '下拉多选',
  radio: '单选按钮',
  checkbox: '复选框',
  region: '行政区划',
  idNo: '身份证号',
  phone: '手机号码',
  creditCode: '信用代码',
  address: '地址',
  attachments: '附件',
  group: '子表/分组',
};
export const fieldTypes = Object.keys(fieldTypeLabels) as FieldType[];

export const CHOICE_TYPES = new Set<FieldType>(['select', 'multiselect', 'radio', 'checkbox']);
export const TEXT_TYPES = new Set<FieldType>(['text', 'textarea', 'address']);

export const KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

export function blankDefinition(key = 'new_form', title = '新表单'): FormDefinition {
  return { key, title, sections: [{ key: 'basic', title: '基本信息', fields: [] }] };
}

// ------------------------------------------------------------------ reading

export function fieldListAt(def: FormDefinition, s: number, parent: number[]): FieldDef[] {
  let list = def.sections[s]?.fields ?? [];
  for (const i of parent) list = list[i]?.fields ?? [];
  return list;
}

export function fieldAt(def: FormDefinition, s: number, path: number[]): FieldDef | undefined {
  if (!path.length) return undefined;
  return fieldListAt(def, s, path.slice(0, -1))[path[path.length - 1]];
}

/** Top-level keys of the whole form (they must be unique across sections). */
export const topLevelKeys = (def: FormDefinition) => def.sections.flatMap((sec) => sec.fields.map((f) => f.key));

/** Keys an expression of the field at (s, path) can read: top-level fields, and `row.x` inside a sub-table. */
export function variablesFor(def: FormDefinition, s: number, path: number[]): string[] {
  const vars = topLevelKeys(def);
  if (path.length > 1) {
    const siblings = fieldListAt(def, s, path.slice(0, -1));
    vars.push(...siblings.map((f) => `row.${f.key}`), '$index');
  }
  return vars;
}

// ------------------------------------------------------------------ writing

function withList(def: FormDefinition, s: number, parent: number[], edit: (list: FieldDef[]) => FieldDef[]): FormDefinition {
  const editIn = (list: FieldDef[], rest: number[]): FieldDef[] => {
    if (!rest.length) return edit(list);
    const [i, ...more] = rest;
    return list.map((f, j) => (j === i ? { ...f, fields: editIn(f.fields ?? [], more) } : f));
  };
  return { ...def, sections: def.sections.map((sec, j) => (j === s ? { ...sec, fields: editIn(sec.fields, parent) } : sec)) };
}

const OPTIONAL_EMPTY = new Set(['placeholder', 'help', 'visibleWhen', 'enabledWhen', 'compute', 'rules', 'accept', 'prefill']);

/** Applies a property change; emptied optional properties are removed (the schema refuses empty expressions). */
export function patchField(def: FormDefinition, s: number, path: number[], patch: Partial<FieldDef>): FormDefinition {
  const i = path[path.length - 1];
  return withList(def, s, path.slice(0, -1), (list) =>
    list.map((f, j) => {
      if (j !== i) return f;
      const next: Record<string, unknown> = { ...f, ...patch };
      for (const [k, v] of Object.entries(next)) {
        if (v === undefined || v === null || (OPTIONAL_EMPTY.has(k) && (v === '' || (Array.isArray(v) && v.length === 0)))) delete next[k];
      }
      return next as FieldDef;
    }),
  );
}

/** Changing the type keeps what still applies and drops what does not (options of a text field…). */
export function changeType(f: FieldDef, type: FieldType): FieldDef {
  const { options, min, max, minLength, maxLength, accept, maxFiles, minItems, maxItems, fields, ...rest } = f;
  const next: FieldDef = { ...rest, type };
  if (CHOICE_TYPES.has(type)) next.options = options?.length ? options : defaultOptions();
  if (type === 'number') Object.assign(next, min === undefined ? {} : { min }, max === undefined ? {} : { max });
  if (TEXT_TYPES.has(type)) Object.assign(next, minLength === undefined ? {} : { minLength }, maxLength === undefined ? {} : { maxLength });
  if (type === 'attachments') Object.assign(next, accept ? { accept } : {}, maxFiles === undefined ? {} : { maxFiles });
  if (type === 'group') {
    Object.assign(next, minItems === undefined ? {} : { minItems }, maxItems === undefined ? {} : { maxItems });
    next.fields = fields?.length ? fields : [{ key: 'col1', label: '列1', type: 'text' }];
    delete next.compute;
    delete next.prefill;
    delete next.span;
  }
  return next;
}

const defaultOptions = () => [{ value: '选项1', label: '选项1' }, { value: '选项2', label: '选项2' }];

/** A new field of a type with a key not used among `taken`. */
export function newField(type: FieldType, taken: Iterable<string>): FieldDef {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${type}${n}`)) n++;
  const base: FieldDef = { key: `${type}${n}`, label: `${fieldTypeLabels[type]}${n}`, type };
  return changeType(base, type);
}

/** Where the palette puts a new field: after the selected field, into a selected sub-table, or at the end of the section. */
export function addField(def: FormDefinition, sel: Selection, type: FieldType): { def: FormDefinition; sel: Selection } {
  let s = 0;
  let parent: number[] = [];
  let index: number;
  if (sel.kind === 'field') {
    s = sel.s;
    const selected = fieldAt(def, sel.s, sel.path);
    if (selected?.type === 'group' && type !== 'group') {
      parent = sel.path;
      index = selected.fields?.length ?? 0;
    } else {
      parent = sel.path.slice(0, -1);
      index = sel.path[sel.path.length - 1] + 1;
    }
  } else {
    s = sel.kind === 'section' ? sel.s : def.sections.length - 1;
    index = def.sections[s]?.fields.length ?? 0;
  }
  if (!def.sections[s]) return { def, sel };
  const taken = parent.length ? fieldListAt(def, s, parent).map((f) => f.key) : topLevelKeys(def);
  const field = newField(type, taken);
  const next = withList(def, s, parent, (list) => [...list.slice(0, index), field, ...list.slice(index)]);
  return { def: next, sel: { kind: 'field', s, path: [...parent, index] } };
}

export function insertColumn(def: FormDefinition, s: number, groupPath: number[], type: FieldType): { def: FormDefinition; sel: Selection } {
  const cols = fieldListAt(def, s, groupPath);
  const field = newField(type, cols.map((f) => f.key));
  return { def: withList(def, s, groupPath, (list) => [...list, field]), sel: { kind: 'field', s, path: [...groupPath, cols.length] } };
}

/** Moves a field up (-1) or down (+1) among its siblings; returns the new path (unchanged at the ends). */
export function moveField(def: FormDefinition, s: number, path: number[], delta: -1 | 1): { def: FormDefinition; path: number[] } {
  const parent = path.slice(0, -1);
  const i = path[path.length - 1];
  const list = fieldListAt(def, s, parent);
  const j = i + delta;
  if (j < 0 || j >= list.length) return { def, path };
  const next = withList(def, s, parent, (l) => {
    const copy = [...l];
    [copy[i], copy[j]] = [copy[j], copy[i]];
    return copy;
  });
  return { def: next, path: [...parent, j] };
}

export function removeField(def: FormDefinition, s: number, path: number[]): FormDefinition {
  const i = path[path.length - 1];
  return withList(def, s, path.slice(0, -1), (list) => list.filter((_, j) => j !== i));
}

export function patchSection(def: FormDefinition, s: number, patch: Partial<SectionDef>): FormDefinition {
  return {
    ...def,
    sections: def.sections.map((sec, j) => {
      if (j !== s) return sec;
      const next = { ...sec, ...patch };
      if (!next.visibleWhen) delete next.visibleWhen;
      return next;
    }),
  };
}

export function addSection(def: FormDefinition): { def: FormDefinition; sel: Selection } {
  const used = new Set(def.sections.map((x) => x.key));
  let n = def.sections.length + 1;
  while (used.has(`section${n}`)) n++;
  const sections = [...def.sections, { key: `section${n}`, title: `分组${n}`, fields: [] }];
  return { def: { ...def, sections }, sel: { kind: 'section', s: sections.length - 1 } };
}

export function moveSection(def: FormDefinition, s: number, delta: -1 | 1): { def: FormDefinition; s: number } {
  const j = s + delta;
  if (j < 0 || j >= def.sections.length) return { def, s };
  const sections = [...def.sections];
  [sections[s], sections[j]] = [sections[j], sections[s]];
  return { def: { ...def, sections }, s: j };
}

export const removeSection = (def: FormDefinition, s: number): FormDefinition => ({ ...def, sections: def.sections.filter((_, j) => j !== s) });

// ------------------------------------------------------------------ problems

/** JSON with sorted keys, so the server's re-serialised definition compares equal to the edited one. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );
}

/**
 * Which designer item a `checkDefinition` problem is about. Schema problems have index paths
 * (`sections.0.fields.2.fields.1.label`); rule problems name keys (`members[].note.visibleWhen`,
 * `applicant.visibleWhen` for a section).
 */
export function locateProblem(def: FormDefinition, problemPath: string): Selection | null {
  const schema = /^sections\.(\d+)((?:\.fields\.\d+)*)/.exec(problemPath);
  if (schema) {
    const s = Number(schema[1]);
    const path = [...schema[2].matchAll(/\.fields\.(\d+)/g)].map((m) => Number(m[1]));
    return path.length ? { kind: 'field', s, path } : { kind: 'section', s };
  }
  if (!problemPath || /^(key|title)$/.test(problemPath) || problemPath === 'sections') return { kind: 'form' };
  const keys = problemPath.replace(/\.(visibleWhen|enabledWhen|compute|required|rules\.\d+\.(assert|when))$/, '').split('[].');
  for (let s = 0; s < def.sections.length; s++) {
    let list = def.sections[s].fields;
    const path: number[] = [];
    for (const k of keys) {
      const i = list.findIndex((f) => f.key === k);
      if (i < 0) break;
      path.push(i);
      list = list[i].fields ?? [];
    }
    if (path.length === keys.length) return { kind: 'field', s, path };
  }
  const s = def.sections.findIndex((sec) => sec.key === keys[0]);
  return s >= 0 ? { kind: 'section', s } : null;
}

const schemaWords: Record<string, string> = {
  key: '标识', title: '标题', label: '名称', sections: '分组', fields: '字段', options: '选项', message: '提示信息',
  assert: '校验条件', path: '预填路径', maxLength: '最多字数', minLength: '最少字数', maxItems: '最多行数', minItems: '最少行数', maxFiles: '最多文件数',
};

/** A readable Chinese problem line: where (field label) and what; zod's untranslated messages get a Chinese one. */
export function describeProblem(def: FormDefinition, p: DefinitionProblem): { where: string; message: string; sel: Selection | null } {
  const sel = locateProblem(def, p.path);
  let where = '表单';
  if (sel?.kind === 'section') where = `分组“${def.sections[sel.s]?.title ?? ''}”`;
  if (sel?.kind === 'field') {
    const names: string[] = [];
    for (let i = 1; i <= sel.path.length; i++) names.push(fieldAt(def, sel.s, sel.path.slice(0, i))?.label || '（未命名）');
    where = `字段“${names.join(' › ')}”`;
  }
  let message = p.message;
  if (!/[\u4e00-\u9fa5]/.test(message)) {
    const last = p.path.split('.').filter((x) => !/^\d+$/.test(x)).pop() ?? '';
    const word = schemaWords[last] ?? last;
    message = /too_small|>=|at least|Too small/i.test(message) ? `${word}不能为空` : /too_big|<=|Too big|at most/i.test(message) ? `${word}过长或过多` : `${word}格式不正确`;
  }
  return { where, message, sel };
}
