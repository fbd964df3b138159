import { describe, expect, it } from 'vitest';
import { renderTemplate, templateVariables } from './template.rules';

describe('message templates', () => {
  it('fills variables, including nested ones', () => {
    expect(renderTemplate('您的办件 {{caseNo}}（{{matter.name}}）已受理', { caseNo: 'SJ-1', matter: { name: '户口迁移' } }))
      .toEqual({ text: '您的办件 SJ-1（户口迁移）已受理', missing: [] });
  });
  it('reports every missing variable', () => {
    expect(renderTemplate('{{a}}{{b}}{{a}}', { b: 0 }).missing).toEqual(['a']);
    expect(templateVariables('{{ x }} and {{y.z}}')).toEqual(['x', 'y.z']);
  });
  it('does not read inherited properties', () => {
    expect(renderTemplate('{{constructor}}', {}).missing).toEqual(['constructor']);
  });
});
