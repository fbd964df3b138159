import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './definition';
import { readableRows } from './readable-rows';

const def: FormDefinition = {
  key: 'f', title: '申请表',
  sections: [
    { key: 'base', title: '基本信息', fields: [
      { key: 'name', label: '姓名', type: 'text' },
      { key: 'reason', label: '补领原因', type: 'select', options: [{ value: 'lost', label: '遗失' }, { value: 'damaged', label: '损坏' }] },
      { key: 'kinds', label: '准驾车型', type: 'multiselect', options: [{ value: 'C1', label: '小型汽车' }, { value: 'D', label: '普通三轮摩托车' }] },
      { key: 'agree', label: '同意邮寄', type: 'checkbox' },
      { key: 'note', label: '备注', type: 'textarea' },
      { key: 'photos', label: '照片', type: 'attachments' },
      { key: 'members', label: '随迁人员', type: 'group', fields: [{ key: 'name', label: '姓名', type: 'text' }, { key: 'relation', label: '关系', type: 'text' }] },
    ] },
    { key: 'mail', title: '邮寄', fields: [{ key: 'address', label: '地址', type: 'text' }] },
  ],
};

describe('readable rows of a filled form', () => {
  it('prints labels and readable values in form order, leaving out empty fields and sections that do not apply', () => {
    const rows = readableRows(def, {
      name: '张明远', reason: 'lost', kinds: ['C1', 'D'], agree: true, note: '', photos: ['a', 'b'],
      members: [{ name: '李晓雯', relation: '配偶' }, { name: '张小明', relation: '子' }], address: '南京市玄武区',
    }, ['base']);
    expect(rows).toEqual([
      { label: '姓名', value: '张明远', key: 'name' },
      { label: '补领原因', value: '遗失', key: 'reason' },
      { label: '准驾车型', value: '小型汽车、普通三轮摩托车', key: 'kinds' },
      { label: '同意邮寄', value: '是', key: 'agree' },
      { label: '照片', value: '2 个文件', key: 'photos' },
      { label: '随迁人员（第 1 项） · 姓名', value: '李晓雯' },
      { label: '随迁人员（第 1 项） · 关系', value: '配偶' },
      { label: '随迁人员（第 2 项） · 姓名', value: '张小明' },
      { label: '随迁人员（第 2 项） · 关系', value: '子' },
    ]);
    expect(readableRows(def, { address: '南京市玄武区', reason: 'unknown-code' }).map((r) => r.value)).toEqual(['unknown-code', '南京市玄武区']);
  });
});
