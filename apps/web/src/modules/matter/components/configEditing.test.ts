import { describe, expect, it } from 'vitest';
import { MatterConfig, type MatterMaterial, type SituationQuestion } from '@jsga/contracts';
import {
  countMaterialRefs, dropMaterialRefs, formPathsOf, newMaterial, newOption, newQuestion, nextMaterialCode, renameMaterialRefs, tabOfField, tokenizePath,
} from './configEditing';

const material = (code: string, name = code): MatterMaterial => ({ ...newMaterial([]), code, name });
const tree = MatterConfig.shape.situations.parse([
  { key: 'reason', text: '迁移原因', type: 'single', options: [
    { key: 'college', label: '大中专院校', effects: { addMaterials: ['M02'] }, children: [
      { key: 'dir.in', text: '迁入还是迁出', type: 'single', options: [
        { key: 'a.b', label: '迁入', effects: { addMaterials: ['M02', 'M03'], removeMaterials: ['M01'] } },
        { key: 'out', label: '迁出' },
      ] },
    ] },
    { key: 'spouse', label: '夫妻投靠' },
  ] },
  { key: 'scope', text: '迁移范围', type: 'multiple', options: [{ key: 'x', label: '省内' }] },
]) as SituationQuestion[];

describe('new rows', () => {
  it('numbers materials after the highest M<n> and skips codes in use', () => {
    expect(nextMaterialCode([])).toBe('M01');
    expect(nextMaterialCode(['M01', 'ID_CARD', 'M07'])).toBe('M08');
    expect(newMaterial([material('M01'), material('HUKOU')])).toMatchObject({ code: 'M02', name: '', source: 'applicant', required: true, count: 1, form: 'original' });
  });
  it('gives a new question a key unique in the whole tree and a new option one unique among its siblings', () => {
    const q = newQuestion([...tree, { ...newQuestion([]), key: 'q1' }]);
    expect(q.key).toBe('q2');
    expect(q.options).toHaveLength(1);
    expect(newOption([{ key: 'o1' }, { key: 'college' }]).key).toBe('o2');
    // the result passes the contract once filled in
    expect(MatterConfig.shape.situations.safeParse([{ ...q, text: '问题', options: [{ ...q.options[0], label: '选项' }] }]).success).toBe(true);
  });
});

describe('material references', () => {
  it('counts, renames and drops the codes options refer to, deep in the tree, without changing the input', () => {
    expect(countMaterialRefs(tree, 'M02')).toBe(2);
    expect(countMaterialRefs(tree, 'M01')).toBe(1);
    const renamed = renameMaterialRefs(tree, 'M02', 'ADMISSION');
    expect(renamed[0].options[0].effects.addMaterials).toEqual(['ADMISSION']);
    expect(renamed[0].options[0].children[0].options[0].effects.addMaterials).toEqual(['ADMISSION', 'M03']);
    expect(tree[0].options[0].effects.addMaterials).toEqual(['M02']);
    const dropped = dropMaterialRefs(tree, 'M01');
    expect(countMaterialRefs(dropped, 'M01')).toBe(0);
    expect(dropped[0].options[0].children[0].options[0].effects.removeMaterials).toEqual([]);
  });
});

describe('server error paths → form fields', () => {
  const values = { materials: [material('M01'), material('M02'), material('M02')], situations: tree };

  it('reads names, indexes and bracketed keys that contain dots', () => {
    expect(tokenizePath('body.config.materials.0.code')).toEqual([{ name: 'materials' }, { index: 0 }, { name: 'code' }]);
    expect(tokenizePath('situations[reason].options[a.b]')).toEqual([{ name: 'situations' }, { key: 'reason' }, { name: 'options' }, { key: 'a.b' }]);
  });

  it('keeps index paths of zod errors as they are', () => {
    expect(formPathsOf('body.config.materials.1.name', values)).toEqual([['materials', 1, 'name']]);
    expect(formPathsOf('config.situations.0.options.0.children.0.text', values)).toEqual([['situations', 0, 'options', 0, 'children', 0, 'text']]);
    expect(formPathsOf('situations.1.options', values)).toEqual([['situations', 1, 'options']]);
  });

  it('resolves the configuration rules’ key paths against the edited values', () => {
    expect(formPathsOf('materials[M01].elicenseType', values)).toEqual([['materials', 0, 'elicenseType']]);
    // a duplicated code: every row that has it
    expect(formPathsOf('materials[M02]', values)).toEqual([['materials', 1, 'code'], ['materials', 2, 'code']]);
    expect(formPathsOf('situations[reason].options[college].children[dir.in].options[a.b].effects.eligibilityRule', values))
      .toEqual([['situations', 0, 'options', 0, 'children', 0, 'options', 0, 'effects', 'eligibilityRule']]);
    expect(formPathsOf('situations[scope]', values)).toEqual([['situations', 1, 'key']]);
    expect(formPathsOf('situations[reason].options[spouse]', values)).toEqual([['situations', 0, 'options', 1, 'key']]);
  });

  it('puts an unknown-material error under the list that holds the unknown code', () => {
    const withUnknown = { ...values, materials: [material('M01'), material('M02')] }; // no M03
    expect(formPathsOf('situations[reason].options[college].children[dir.in].options[a.b].effects', withUnknown))
      .toEqual([['situations', 0, 'options', 0, 'children', 0, 'options', 0, 'effects', 'addMaterials']]);
  });

  it('places nothing for paths that lead nowhere', () => {
    expect(formPathsOf('materials[GONE].name', values)).toEqual([]);
    expect(formPathsOf('situations.9.text', values)).toEqual([]);
    expect(formPathsOf('bindings.processKey', values)).toEqual([]);
  });

  it('knows the tab of a field', () => {
    expect(tabOfField(['materials', 0, 'code'])).toBe('materials');
    expect(tabOfField(['situations', 0, 'key'])).toBe('situations');
    expect(tabOfField(['feeYuan'])).toBe('basic');
  });
});
