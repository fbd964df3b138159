import { describe, expect, it } from 'vitest';
import { checkDefinition, composeForms, selectSections, validateSubmission, type FormDefinition } from './index';

const today = '2026-11-28';
const household: FormDefinition = {
  key: 'household', title: '户口登记申请表',
  sections: [{
    key: 'applicant', title: '申请人',
    fields: [
      { key: 'name', label: '姓名', type: 'text', required: true, maxLength: 20 },
      { key: 'idNo', label: '公民身份号码', type: 'idNo', required: true },
      { key: 'age', label: '年龄', type: 'number', compute: 'age(idNo)' },
      { key: 'guardianName', label: '监护人姓名', type: 'text', visibleWhen: 'age < 16', required: true },
      { key: 'phone', label: '联系电话', type: 'phone', required: true },
      { key: 'reason', label: '迁移原因', type: 'select', required: true, options: [{ value: 'study', label: '升学' }, { value: 'work', label: '工作' }] },
      { key: 'school', label: '录取院校', type: 'text', required: "reason == 'study'", enabledWhen: "reason == 'study'" },
      {
        key: 'members', label: '随迁人员', type: 'group', maxItems: 5,
        fields: [
          { key: 'name', label: '姓名', type: 'text', required: true },
          { key: 'relation', label: '与申请人关系', type: 'select', required: true, options: [{ value: '配偶', label: '配偶' }, { value: '子', label: '子' }, { value: '女', label: '女' }] },
          { key: 'fee', label: '工本费', type: 'number', min: 0 },
        ],
      },
      { key: 'totalFee', label: '工本费合计', type: 'number', compute: "sum(members, 'fee')" },
      { key: 'moveDate', label: '迁移日期', type: 'date', rules: [{ assert: 'value >= today()', message: '迁移日期不能早于今天' }] },
    ],
  }],
};

describe('form validation (the same code runs in the browser and on the server)', () => {
  it('accepts a good submission, recomputes computed fields and drops what is hidden', () => {
    const r = validateSubmission(household, {
      name: ' 张三 ', idNo: '11010519491231002X', age: 3, guardianName: 'should be dropped', phone: '13812345678', reason: 'work',
      school: 'disabled field is ignored', members: [{ name: '李四', relation: '配偶', fee: 20 }, { name: '张小', relation: '子', fee: 20 }],
      totalFee: 999, moveDate: '2026-12-01',
    }, { today });
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ name: '张三', age: 76, totalFee: 40 });
    expect(r.values).not.toHaveProperty('guardianName');
    expect(r.values).not.toHaveProperty('school');
  });

  it('reports each problem at its path with a Chinese message', () => {
    const r = validateSubmission(household, {
      idNo: '110105194912310021', phone: '123', reason: 'study', members: [{ relation: '叔' }], moveDate: '2026-11-01',
    }, { today });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(expect.arrayContaining([
      { path: 'name', message: '请填写姓名' },
      { path: 'idNo', message: '公民身份号码校验位不正确' },
      { path: 'phone', message: '联系电话应为11位手机号码' },
      { path: 'school', message: '请填写录取院校' },
      { path: 'members[0].name', message: '请填写姓名' },
      { path: 'members[0].relation', message: '与申请人关系的选项无效' },
      { path: 'moveDate', message: '迁移日期不能早于今天' },
    ]));
  });

  it('shows the guardian field only for a minor, and then requires it', () => {
    const minor = validateSubmission(household, { name: '小明', idNo: '320102201501010017', phone: '13812345678', reason: 'work' }, { today });
    expect(minor.errors).toContainEqual({ path: 'guardianName', message: '请填写监护人姓名' });
  });

  it('keeps read-only fields at their stored value whatever the client sends', () => {
    const r = validateSubmission(household, { name: '改名', idNo: '11010519491231002X', phone: '13812345678', reason: 'work' },
      { today, access: { name: 'readonly' }, previous: { name: '张三' } });
    expect(r.values.name).toBe('张三');
  });

  it('"*" makes every unlisted field read-only, so a node can open just the one field it corrects', () => {
    const stored = { name: '张三', idNo: '11010519491231002X', phone: '13812345678', reason: 'work' };
    const r = validateSubmission(household, { name: '改名', idNo: '11010519491231002X', phone: '13900000000', reason: 'work' },
      { today, access: { '*': 'readonly', phone: 'edit' }, previous: stored });
    expect(r.values).toMatchObject({ name: '张三', phone: '13900000000' });
  });
});

describe('sections chosen by the situations', () => {
  it('a section the situations left out is neither required nor stored', () => {
    const def: FormDefinition = { key: 'f', title: 't', sections: [
      { key: 'applicant', title: '申请人', fields: [{ key: 'name', label: '姓名', type: 'text', required: true }] },
      { key: 'school', title: '院校', fields: [{ key: 'school', label: '录取院校', type: 'text', required: true }] },
    ] };
    const without = validateSubmission(selectSections(def, ['applicant']), { name: '张三', school: '南京大学' }, { today });
    expect([without.ok, without.values]).toEqual([true, { name: '张三' }]);
    expect(validateSubmission(selectSections(def, ['applicant', 'school']), { name: '张三' }, { today }).errors).toEqual([{ path: 'school', message: '请填写录取院校' }]);
    expect(selectSections(def, [])).toBe(def);
  });
});

describe('form definitions', () => {
  it('finds duplicate keys, bad expressions and select fields without options', () => {
    const problems = checkDefinition({
      key: 'f', title: 't', sections: [{ key: 's', title: 's', fields: [
        { key: 'a', label: 'A', type: 'text', visibleWhen: 'b >' },
        { key: 'a', label: 'A2', type: 'select' },
        { key: 'c', label: 'C', type: 'number', compute: 'launch(1)' },
      ] }],
    });
    expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/表达式错误/), '字段标识“a”重复', '选择类字段须配置选项', expect.stringMatching(/未知函数/),
    ]));
    expect(checkDefinition(household)).toEqual([]);
  });

  it('一表申请 asks a shared field once and shows it when any part that needs it is included', () => {
    const idCard: FormDefinition = { key: 'idcard', title: '身份证申领', sections: [{ key: 'main', title: '申领信息', fields: [
      { key: 'name', label: '姓名', type: 'text', required: true },
      { key: 'pickup', label: '领证方式', type: 'select', options: [{ value: 'window', label: '窗口' }] },
    ] }] };
    const { def, conflicts } = composeForms('bundle', '出生一件事', [
      { def: household, includeWhen: "contains(matters, 'hukou')" },
      { def: idCard, includeWhen: "contains(matters, 'idcard')" },
    ]);
    expect(conflicts).toEqual([]);
    expect(def.sections[0].key).toBe('common');
    expect(def.sections[0].fields.map((f) => f.key)).toEqual(['name']);
    expect(def.sections.flatMap((s) => s.fields).filter((f) => f.key === 'name')).toHaveLength(1);
    const onlyIdCard = validateSubmission(def, { matters: ['idcard'], pickup: 'window' }, { today, context: { matters: ['idcard'] } });
    expect(onlyIdCard.errors).toEqual([{ path: 'name', message: '请填写姓名' }]);
    expect(checkDefinition(def)).toEqual([]);
  });
});
