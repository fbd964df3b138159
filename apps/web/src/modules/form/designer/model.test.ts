import { describe, expect, it } from 'vitest';
import { checkDefinition, type FormDefinition } from '@jsga/form-engine';
import { addField, blankDefinition, canonical, changeType, describeProblem, fieldAt, insertColumn, locateProblem, moveField, patchField, removeField } from './model';

const def: FormDefinition = {
  key: 'f', title: '表',
  sections: [
    { key: 'a', title: '甲', fields: [
      { key: 'name', label: '姓名', type: 'text' },
      { key: 'members', label: '成员', type: 'group', fields: [{ key: 'relation', label: '关系', type: 'text' }, { key: 'note', label: '说明', type: 'text', visibleWhen: "row.relation == '其他'" }] },
    ] },
    { key: 'b', title: '乙', fields: [{ key: 'count', label: '人数', type: 'number', compute: 'len(members)' }] },
  ],
};

describe('designer model', () => {
  it('adds after the selected field, into a selected sub-table, or at the end of a section, with unused keys', () => {
    const afterName = addField(def, { kind: 'field', s: 0, path: [0] }, 'text');
    expect(afterName.sel).toEqual({ kind: 'field', s: 0, path: [1] });
    expect(fieldAt(afterName.def, 0, [1])).toMatchObject({ key: 'text1', label: '单行文本1', type: 'text' });
    const intoGroup = addField(def, { kind: 'field', s: 0, path: [1] }, 'select');
    expect(intoGroup.sel).toEqual({ kind: 'field', s: 0, path: [1, 2] });
    expect(fieldAt(intoGroup.def, 0, [1, 2])?.options).toHaveLength(2);
    const atEnd = addField(def, { kind: 'section', s: 1 }, 'group');
    expect(fieldAt(atEnd.def, 1, [1])).toMatchObject({ type: 'group', fields: [{ key: 'col1', type: 'text' }] });
    expect(checkDefinition(atEnd.def)).toEqual([]);
    expect(insertColumn(def, 0, [1], 'idNo').sel).toEqual({ kind: 'field', s: 0, path: [1, 2] });
  });

  it('moves and removes fields, and drops emptied optional properties', () => {
    const moved = moveField(def, 0, [1, 1], -1);
    expect(moved.path).toEqual([1, 0]);
    expect(fieldAt(moved.def, 0, [1, 0])?.key).toBe('note');
    expect(moveField(def, 0, [0], -1).def).toBe(def);
    expect(removeField(def, 0, [0]).sections[0].fields.map((f) => f.key)).toEqual(['members']);
    const cleared = patchField(def, 0, [1, 1], { visibleWhen: '' });
    expect(fieldAt(cleared, 0, [1, 1])).not.toHaveProperty('visibleWhen');
    expect(changeType({ key: 'x', label: 'X', type: 'select', options: [{ value: 1, label: '一' }] }, 'text')).toEqual({ key: 'x', label: 'X', type: 'text' });
  });

  it('points each checkDefinition problem at the field or section it is about, in Chinese', () => {
    const bad: FormDefinition = {
      ...def,
      sections: [{ ...def.sections[0], visibleWhen: 'a ==', fields: [{ ...def.sections[0].fields[0], label: '' }, patchField(def, 0, [1, 1], { visibleWhen: 'row.relation ==' }).sections[0].fields[1]] }],
    };
    const problems = checkDefinition(bad);
    const described = problems.map((p) => describeProblem(bad, p));
    expect(described).toEqual(expect.arrayContaining([expect.objectContaining({ where: '字段“（未命名）”', message: '名称不能为空', sel: { kind: 'field', s: 0, path: [0] } })]));
    expect(locateProblem(bad, 'members[].note.visibleWhen')).toEqual({ kind: 'field', s: 0, path: [1, 1] });
    expect(locateProblem(bad, 'a.visibleWhen')).toEqual({ kind: 'section', s: 0 });
  });

  it('compares definitions regardless of key order (the server re-serialises them)', () => {
    expect(canonical({ b: 1, a: { d: 1, c: [2, { y: 1, x: 2 }] } })).toBe(canonical({ a: { c: [2, { x: 2, y: 1 }], d: 1 }, b: 1 }));
    expect(checkDefinition(blankDefinition())).toEqual([]);
  });
});
