import type { PersonStatus } from '@jsga/contracts';

/** 户口注销: the registry status and its reason from the form. Pure. */
export function cancellationOf(form: Record<string, unknown>): { status: PersonStatus; reason: string } | { refused: string } {
  const date = typeof form.eventDate === 'string' ? form.eventDate : '';
  switch (form.cancelReason) {
    case 'death': return { status: 'deceased', reason: `死亡（${date}，证明编号 ${String(form.proofNo ?? '')}）` };
    case 'enlist': return { status: 'enlisted', reason: `应征入伍（${date}，入伍通知书 ${String(form.proofNo ?? '')}）` };
    case 'other': return typeof form.otherReason === 'string' && form.otherReason.trim() ? { status: 'cancelled', reason: form.otherReason.trim() } : { refused: '申报表缺少注销原因' };
    default: return { refused: '申报表缺少注销原因' };
  }
}

/** The registry column each 非主项 writes, the form field that carries its new value, and its name. */
export const changeableItems = {
  religion: { field: 'newReligion', label: '宗教信仰' },
  heightCm: { field: 'newHeightCm', label: '身高' },
  bloodType: { field: 'newBloodType', label: '血型' },
  education: { field: 'newEducation', label: '文化程度' },
  maritalStatus: { field: 'newMaritalStatus', label: '婚姻状况' },
  militaryService: { field: 'newMilitaryService', label: '兵役状况' },
  occupation: { field: 'newOccupation', label: '职业' },
  employer: { field: 'newEmployer', label: '服务处所' },
} as const;
export type ChangeableItem = keyof typeof changeableItems;

/** The item and its new value from the form, or why nothing can change. Pure. */
export function itemChangeOf(form: Record<string, unknown>): { item: ChangeableItem; label: string; value: string | number } | { refused: string } {
  const item = form.changeItem as ChangeableItem;
  const spec = changeableItems[item];
  if (!spec) return { refused: '申报表缺少变更项目' };
  const raw = form[spec.field];
  if (raw === undefined || raw === null || raw === '') return { refused: `申报表缺少变更后的${spec.label}` };
  const value = item === 'heightCm' ? Number(raw) : String(raw).trim();
  if (item === 'heightCm' && !Number.isInteger(value)) return { refused: '身高应为整数厘米' };
  return { item, label: spec.label, value };
}
