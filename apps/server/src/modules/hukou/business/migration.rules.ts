import type { RelationToHead } from '@jsga/contracts';

/** Where an approved 户口迁移 goes, as the 户口迁移申请表 says. Pure. */
export type MigrationTarget =
  | { kind: 'student_collective'; schoolName: string }
  | { kind: 'family'; headName: string; address: string; relation: RelationToHead }
  | { kind: 'collective_at'; address: string };

/** 与户主关系 from the form's option and the mover's sex (GB/T 4761: 子 20 / 女 30 …). */
export function relationCode(option: unknown, sex: '1' | '2'): RelationToHead {
  switch (option) {
    case 'spouse': return '10';
    case 'child': return sex === '1' ? '20' : '30';
    case 'parent': return sex === '1' ? '51' : '52';
    case 'grandchild': return sex === '1' ? '41' : '42';
    default: return '99';
  }
}

export function migrationTarget(form: Record<string, unknown>, sex: '1' | '2'): MigrationTarget | { reason: string } {
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  if (form.toHouseholdType === 'collective') {
    if (form.migrationReason === 'college' && form.collegeDirection === 'enrol') {
      return text('schoolName') ? { kind: 'student_collective', schoolName: text('schoolName').replace(/（.*）$/, '') } : { reason: '申请表缺少录取院校' };
    }
    return text('toAddress') ? { kind: 'collective_at', address: text('toAddress') } : { reason: '申请表缺少迁入地址' };
  }
  if (!text('householderName') || !text('toAddress')) return { reason: '申请表缺少迁入户户主或迁入地址' };
  return { kind: 'family', headName: text('householderName'), address: text('toAddress'), relation: relationCode(form.relationToHouseholder, sex) };
}
