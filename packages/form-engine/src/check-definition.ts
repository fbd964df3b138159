import { checkExpression } from './expression/evaluate';
import { FormDefinition, walkFields, type FieldDef } from './definition';

export type DefinitionProblem = { path: string; message: string };

/** Everything wrong with a form definition, so the designer can refuse to save or publish it. */
export function checkDefinition(input: unknown): DefinitionProblem[] {
  const parsed = FormDefinition.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const def = parsed.data;
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  const expr = (path: string, src: string | undefined) => {
    if (!src) return;
    const err = checkExpression(src);
    if (err) problems.push({ path, message: `表达式错误：${err}` });
  };
  def.sections.forEach((s) => {
    expr(`${s.key}.visibleWhen`, s.visibleWhen);
    for (const { field, path } of walkFields(s.fields)) {
      // top-level keys are unique across the whole form; sub-table columns within their table
      const uniqueAs = path.includes('[]') ? path : field.key;
      if (seen.has(uniqueAs)) problems.push({ path, message: `字段标识“${field.key}”重复` });
      seen.add(uniqueAs);
      expr(`${path}.visibleWhen`, field.visibleWhen);
      expr(`${path}.enabledWhen`, field.enabledWhen);
      expr(`${path}.compute`, field.compute);
      if (typeof field.required === 'string') expr(`${path}.required`, field.required);
      field.rules?.forEach((r, i) => { expr(`${path}.rules.${i}.assert`, r.assert); expr(`${path}.rules.${i}.when`, r.when); });
      problems.push(...fieldShapeProblems(field, path));
    }
  });
  return problems;
}

function fieldShapeProblems(f: FieldDef, path: string): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  if (['select', 'multiselect', 'radio'].includes(f.type) && !f.options?.length) out.push({ path, message: '选择类字段须配置选项' });
  if (f.type === 'group' && !f.fields?.length) out.push({ path, message: '分组/子表须包含字段' });
  if (f.type !== 'group' && f.fields?.length) out.push({ path, message: '只有分组/子表可以包含字段' });
  if (f.min !== undefined && f.max !== undefined && f.min > f.max) out.push({ path, message: '最小值大于最大值' });
  if (f.minItems !== undefined && f.maxItems !== undefined && f.minItems > f.maxItems) out.push({ path, message: '最少行数大于最多行数' });
  if (f.compute && f.prefill) out.push({ path, message: '计算字段不能同时配置预填' });
  return out;
}
