import type { FormDefinition } from '@jsga/form-engine';

/** A form with a sub-table, a linkage rule and a computed field. */
export const householdForm: FormDefinition = {
  key: 'hukou_move_in',
  title: '户口迁入申请表',
  sections: [{
    key: 'applicant', title: '申请人',
    fields: [
      { key: 'name', label: '姓名', type: 'text', required: true, maxLength: 20 },
      { key: 'idNo', label: '公民身份号码', type: 'idNo', required: true },
      { key: 'reason', label: '迁入原因', type: 'select', required: true, options: [{ value: 'study', label: '升学' }, { value: 'work', label: '工作' }] },
      { key: 'school', label: '录取院校', type: 'text', visibleWhen: "reason == 'study'", required: true },
      { key: 'members', label: '随迁人员', type: 'group', maxItems: 5, fields: [
        { key: 'name', label: '姓名', type: 'text', required: true },
        { key: 'idNo', label: '公民身份号码', type: 'idNo', required: true },
      ] },
      { key: 'memberCount', label: '随迁人数', type: 'number', compute: 'len(members)' },
    ],
  }],
};
