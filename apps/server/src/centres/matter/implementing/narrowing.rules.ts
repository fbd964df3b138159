import type { MatterConfig } from '@jsga/contracts';
import { matterErrors } from '../matter.errors';

export type NarrowingViolation = { path: string; rule: string; message: string };

const subset = <T>(xs: T[], of: T[]) => xs.every((x) => of.includes(x));

/**
 * What an implementing matter (实施事项) may do with the standard matter it implements (同源发布):
 * - keep the identity and legal facts: name, police type, category, matter type, legal basis;
 * - serve a subset of the standard's applicant types and handling modes;
 * - not lengthen the statutory time limit, and promise no longer than the standard promises;
 * - charge no more and ask for no more visits;
 * - drop optional materials, add optional ones, never drop a required one or change whether a material is required;
 * - freely set its own channels, zones, guide (place, hours, phone, FAQ), situations and bindings.
 */
export function findNarrowingViolations(base: MatterConfig, impl: MatterConfig): NarrowingViolation[] {
  const out: NarrowingViolation[] = [];
  for (const field of ['name', 'policeType', 'category', 'matterType', 'legalBasis'] as const) {
    if (impl[field] !== base[field]) out.push({ path: field, rule: 'same_source', message: `实施事项的${fieldLabels[field]}须与标准事项一致` });
  }
  if (!subset(impl.applicantTypes, base.applicantTypes)) out.push({ path: 'applicantTypes', rule: 'subset', message: '申请人类型不能超出标准事项' });
  if (base.handlingModes.length && !subset(impl.handlingModes, base.handlingModes)) {
    out.push({ path: 'handlingModes', rule: 'subset', message: '办件类型不能超出标准事项' });
  }
  if (base.statutoryLimitDays !== null && (impl.statutoryLimitDays === null || impl.statutoryLimitDays > base.statutoryLimitDays)) {
    out.push({ path: 'statutoryLimitDays', rule: 'not_longer', message: `法定时限不能超过标准事项的${base.statutoryLimitDays}个工作日` });
  }
  if (base.promisedLimitDays !== null && (impl.promisedLimitDays === null || impl.promisedLimitDays > base.promisedLimitDays)) {
    out.push({ path: 'promisedLimitDays', rule: 'not_longer', message: `承诺时限不能超过标准事项的${base.promisedLimitDays}个工作日` });
  }
  if (impl.feeFen > base.feeFen) out.push({ path: 'feeFen', rule: 'not_more', message: '收费不能高于标准事项' });
  if (impl.visits > base.visits) out.push({ path: 'visits', rule: 'not_more', message: '跑动次数不能多于标准事项' });

  const implByCode = new Map(impl.materials.map((m) => [m.code, m]));
  const baseByCode = new Map(base.materials.map((m) => [m.code, m]));
  for (const m of base.materials) {
    const local = implByCode.get(m.code);
    if (!local) {
      if (m.required) out.push({ path: `materials[${m.code}]`, rule: 'required_kept', message: `不能删除必要材料“${m.name}”` });
    } else if (local.required !== m.required) {
      out.push({ path: `materials[${m.code}].required`, rule: 'required_unchanged', message: `不能改变材料“${m.name}”是否必要` });
    }
  }
  for (const m of impl.materials) {
    if (!baseByCode.has(m.code) && m.required) {
      out.push({ path: `materials[${m.code}]`, rule: 'no_new_required', message: `新增材料“${m.name}”只能是非必要材料` });
    }
  }
  return out;
}

const fieldLabels = { name: '名称', policeType: '警种', category: '事项类别', matterType: '事项类型', legalBasis: '设定依据' } as const;

export function assertNarrowing(base: MatterConfig, impl: MatterConfig) {
  const violations = findNarrowingViolations(base, impl);
  if (violations.length) throw matterErrors.NARROWING_VIOLATION({ violations });
}
