import { randomUUID } from 'node:crypto';
import { jiangsuRegionName, type CaseView } from '@jsga/contracts';
import { chinaDate, maskIdNo, type Audit, type Queryable } from '@jsga/kernel';
import type { CaseApi } from '../../../centres/case';
import type { MatterApi } from '../../../centres/matter';
import type { IdSegmentService } from '../segment/id-segment.service';
import { registryRepo } from '../registry/registry.repo';
import { birthDateOfId, sexOfId } from '@jsga/form-engine';
import { ethnicityCodeOf, readBirthDeclaration } from './birth-registration.rules';
import { migrationTarget } from './migration.rules';
import { cancellationOf, itemChangeOf } from './registry-change.rules';

export type RegistryEffectDeps = {
  audit: Audit;
  cases: Pick<CaseApi, 'findCase'>;
  matter: Pick<MatterApi, 'getVersion'>;
  segments: Pick<IdSegmentService, 'allocate'>;
  now?: () => Date;
};

const SYSTEM = { username: 'system:hukou' } as const;

/**
 * 办结生效: an approved case of a matter whose binding names a registry effect changes the registry,
 * once (a second delivery of the event finds the change and does nothing). A case that cannot take
 * effect (the 户 is gone, no parent in it) is recorded as a failed audit entry for the station to
 * handle; retrying would not help, so it does not throw.
 */
export const createRegistryEffects = (deps: RegistryEffectDeps) => {
  const now = deps.now ?? (() => new Date());

  /** One entry of the 业务变动轨迹, naming the case that made it. */
  const changeRow = (c: CaseView, at: Date, where: { personId: string; householdId: string; orgId: string }, kind: string, summary: string,
    before: Record<string, unknown>, after: Record<string, unknown>) => ({
    id: randomUUID(), ...where, kind, summary, before, after, caseId: c.id, caseNo: c.caseNo, matterCode: c.matterCode, occurredAt: at,
  });
  /** Where a registered person's change is recorded: the person, their household and station. */
  const placeOf = (p: { id: string; householdId: string; stationOrgId: string }) => ({ personId: p.id, householdId: p.householdId, orgId: p.stationOrgId });

  async function refuse(q: Queryable, c: CaseView, effect: string, reason: string) {
    await deps.audit.record(q, { ...SYSTEM, orgId: c.orgId }, { action: `hukou.effect.${effect}`, targetType: 'case', targetIds: [c.id], result: 'failure', detail: { caseNo: c.caseNo, reason } });
    return { applied: false as const, reason };
  }

  /** 出生登记: the child joins the household as a new person with a number from the station's 号段. */
  async function birth(q: Queryable, c: CaseView) {
    const at = now();
    const today = chinaDate(at);
    const read = readBirthDeclaration(c.formData, today);
    if (!read.ok) return refuse(q, c, 'birth_registration', read.reason);
    const d = read.value;
    const household = await registryRepo.householdByNo(q, d.householdNo);
    if (!household || household.status !== 'active') return refuse(q, c, 'birth_registration', `落户户号 ${d.householdNo} 不存在或已注销`);
    const parents = await registryRepo.registeredByIdNos(q, [d.fatherIdNo, d.motherIdNo].filter(Boolean));
    const inHousehold = parents.filter((p) => p.householdId === household.id);
    if (!inHousehold.length) return refuse(q, c, 'birth_registration', '父母均不在落户户内，婚生婴儿应随父或随母落户');
    const father = parents.find((p) => p.idNo === d.fatherIdNo);
    const personId = randomUUID();
    const idNo = await deps.segments.allocate(q, { stationOrgId: household.stationOrgId, addressCode: household.regionCode, birthDate: d.birthDate, sex: d.sex, personId });
    await registryRepo.insertPersons(q, [{
      id: personId, idNo, name: d.childName, formerName: null, sex: d.sex, ethnicity: d.ethnicity, birthDate: d.birthDate, birthPlaceCode: d.birthPlaceCode,
      // 籍贯 follows the father's (or the parent in the household when the father is not registered here)
      nativePlaceCode: (father ?? inHousehold[0]).nativePlaceCode, religion: 'none', education: null, maritalStatus: '10', militaryService: '0', heightCm: null,
      bloodType: 'unknown', occupation: null, employer: null, address: household.address, householdId: household.id, relationToHead: d.relationToHead,
      fatherIdNo: d.fatherIdNo || null, motherIdNo: d.motherIdNo || null, registeredOn: today, previousRegionCode: null, regionCode: household.regionCode,
      stationOrgId: household.stationOrgId, status: 'registered', statusReason: null, createdAt: at, updatedAt: at,
    }]);
    await registryRepo.insertChanges(q, [changeRow(c, at, { personId, householdId: household.id, orgId: household.stationOrgId }, 'birth',
      `${d.late ? '往年出生登记' : '出生登记'}：${d.childName}，公民身份号码 ${maskIdNo(idNo)}`,
      {}, { name: d.childName, idNo, birthDate: d.birthDate, householdNo: household.householdNo })]);
    await deps.audit.record(q, { ...SYSTEM, orgId: household.stationOrgId }, {
      action: 'hukou.effect.birth_registration', targetType: 'hukou_person', targetIds: [personId, c.id], detail: { caseNo: c.caseNo, householdNo: household.householdNo, late: d.late },
    });
    return { applied: true as const, personId, idNo };
  }

  /**
   * 户口迁移: the applicant's registration moves into the household the application names (the school's
   * 学生集体户 for an admitted student, a family by its 户主 and address); someone not yet in the
   * registry (迁入 from another province) is registered there. Both households' trajectories record it.
   */
  async function migration(q: Queryable, c: CaseView) {
    const effect = 'hukou_migration';
    const at = now();
    const today = chinaDate(at);
    const form = c.formData;
    const idNo = String(form.idNo ?? '').toUpperCase();
    if (!idNo) return refuse(q, c, effect, '申请表缺少申请人公民身份号码');
    const sex = sexOfId(idNo) === '男' ? '1' : '2';
    const target = migrationTarget(form, sex);
    if ('reason' in target) return refuse(q, c, effect, target.reason);
    const household = target.kind === 'student_collective' ? await registryRepo.collectiveByName(q, 'student_collective', target.schoolName)
      : target.kind === 'family' ? await registryRepo.familyByHead(q, target.headName, target.address)
        : await registryRepo.collectiveAt(q, target.address);
    if (!household) {
      const named = target.kind === 'student_collective' ? `${target.schoolName}学生集体户` : target.kind === 'family' ? `户主为${target.headName}、住址为${target.address}的家庭户` : `住址为${target.address}的集体户`;
      return refuse(q, c, effect, `迁入户不存在：${named}`);
    }
    const relationToHead = target.kind === 'family' ? target.relation : null;
    const [person] = await registryRepo.registeredByIdNos(q, [idNo]);
    const moved = { householdId: household.id, relationToHead, address: household.address, regionCode: household.regionCode, stationOrgId: household.stationOrgId, registeredOn: today, updatedAt: at };
    let personId: string;
    if (person) {
      if (person.householdId === household.id) return refuse(q, c, effect, '申请人已在迁入户内');
      const from = await registryRepo.household(q, person.householdId, null);
      if (!(await registryRepo.updatePerson(q, person.id, person.revision, { ...moved, previousRegionCode: person.regionCode }))) throw new Error('hukou person changed while moving; the event is retried');
      personId = person.id;
      await registryRepo.insertChanges(q, [
        changeRow(c, at, placeOf(person), 'move_out', `迁出：${person.name} 迁往 ${household.name ?? household.address}`,
          { householdNo: from?.householdNo, address: person.address }, { householdNo: household.householdNo }),
        changeRow(c, at, { personId, householdId: household.id, orgId: household.stationOrgId }, 'move_in', `迁入：${person.name} 由 ${from?.address ?? person.regionCode} 迁来`,
          { householdNo: from?.householdNo }, { householdNo: household.householdNo, address: household.address }),
      ]);
    } else {
      personId = randomUUID();
      const fromRegion = typeof form.fromRegion === 'string' ? form.fromRegion : null;
    // 民族 the form offers as 其他民族 is registered as 97 其他 until corrected
      await registryRepo.insertPersons(q, [{
        id: personId, idNo, name: String(form.name ?? c.applicantName), formerName: null, sex, ethnicity: ethnicityCodeOf(form.ethnicity) ?? '97', birthDate: birthDateOfId(idNo),
        birthPlaceCode: idNo.slice(0, 6), nativePlaceCode: idNo.slice(0, 6), religion: 'none', education: null, maritalStatus: '90', militaryService: '9', heightCm: null,
        bloodType: 'unknown', occupation: null, employer: null, fatherIdNo: null, motherIdNo: null, previousRegionCode: fromRegion, status: 'registered', statusReason: null, createdAt: at, ...moved,
      }]);
      await registryRepo.insertChanges(q, [changeRow(c, at, { personId, householdId: household.id, orgId: household.stationOrgId }, 'move_in',
        `迁入：${String(form.name ?? c.applicantName)} 由 ${(fromRegion && jiangsuRegionName(fromRegion)) ?? fromRegion ?? '外省'} 迁来（新登记）`,
        {}, { householdNo: household.householdNo, address: household.address })]);
    }
    await deps.audit.record(q, { ...SYSTEM, orgId: household.stationOrgId }, {
      action: `hukou.effect.${effect}`, targetType: 'hukou_person', targetIds: [personId, c.id], detail: { caseNo: c.caseNo, householdNo: household.householdNo, newlyRegistered: !person },
    });
    return { applied: true as const, personId };
  }

  /** The registered person a change is about (the form's 当事人), or why there is none. */
  async function subjectOf(q: Queryable, c: CaseView, effect: string) {
    const idNo = String(c.formData.subjectIdNo ?? '').toUpperCase();
    const [person, ...more] = idNo ? await registryRepo.registeredByIdNos(q, [idNo]) : [];
    if (!person) return { ok: false as const, refused: await refuse(q, c, effect, `人口库中没有公民身份号码为 ${maskIdNo(idNo) ?? '（未填）'} 的在册人员`) };
    if (more.length) return { ok: false as const, refused: await refuse(q, c, effect, '该公民身份号码存在重号，请先在重号管理中处理') };
    if (person.name !== String(c.formData.subjectName ?? '').trim()) return { ok: false as const, refused: await refuse(q, c, effect, '申报的姓名与人口库登记的不一致') };
    return { ok: true as const, person };
  }

  /** 户口注销: the registration ends (死亡, 入伍, 其他) with the reason; the person stays in the registry's history. */
  async function cancel(q: Queryable, c: CaseView) {
    const effect = 'registration_cancel';
    const what = cancellationOf(c.formData);
    if ('refused' in what) return refuse(q, c, effect, what.refused);
    const found = await subjectOf(q, c, effect);
    if (!found.ok) return found.refused;
    const { person } = found;
    const at = now();
    if (!(await registryRepo.updatePerson(q, person.id, person.revision, { status: what.status, statusReason: what.reason, updatedAt: at }))) throw new Error('hukou person changed while cancelling; the event is retried');
    const kind = what.status === 'deceased' ? 'death' : what.status === 'enlisted' ? 'enlist' : 'cancel';
    await registryRepo.insertChanges(q, [changeRow(c, at, placeOf(person), kind, `户口注销：${person.name}，${what.reason}`, { status: person.status }, { status: what.status, reason: what.reason })]);
    await deps.audit.record(q, { ...SYSTEM, orgId: person.stationOrgId }, { action: `hukou.effect.${effect}`, targetType: 'hukou_person', targetIds: [person.id, c.id], detail: { caseNo: c.caseNo, status: what.status } });
    return { applied: true as const, personId: person.id };
  }

  /** 非主项变更: one item of the 常住人口登记表 takes its new value; the old one is kept in the trajectory. */
  async function itemChange(q: Queryable, c: CaseView) {
    const effect = 'registry_item_change';
    const what = itemChangeOf(c.formData);
    if ('refused' in what) return refuse(q, c, effect, what.refused);
    const found = await subjectOf(q, c, effect);
    if (!found.ok) return found.refused;
    const { person } = found;
    const at = now();
    const before = person[what.item];
    if (!(await registryRepo.updatePerson(q, person.id, person.revision, { [what.item]: what.value, updatedAt: at }))) throw new Error('hukou person changed while updating; the event is retried');
    await registryRepo.insertChanges(q, [changeRow(c, at, placeOf(person), 'correction', `${what.label}变更：${person.name}，${String(before ?? '（空）')} → ${String(what.value)}`, { [what.item]: before ?? null }, { [what.item]: what.value })]);
    await deps.audit.record(q, { ...SYSTEM, orgId: person.stationOrgId }, { action: `hukou.effect.${effect}`, targetType: 'hukou_person', targetIds: [person.id, c.id], detail: { caseNo: c.caseNo, item: what.item } });
    return { applied: true as const, personId: person.id };
  }

  const effects: Record<string, (q: Queryable, c: CaseView) => Promise<{ applied: boolean }>> = {
    birth_registration: birth, hukou_migration: migration, registration_cancel: cancel, registry_item_change: itemChange,
  };

  return {
    effectKeys: Object.keys(effects),
    /** `case.application.concluded`: applies the matter's registry effect to an approved case, once. */
    async onCaseConcluded(q: Queryable, caseId: string) {
      const c = await deps.cases.findCase(q, caseId);
      if (!c || c.status !== 'concluded' || c.result !== 'approved') return null;
      const version = await deps.matter.getVersion(c.matterVersionId, q);
      const effect = version.config.bindings.registryEffect;
      if (!effect || !effects[effect]) return null;
      if (await registryRepo.changeOfCase(q, c.id)) return null;
      return effects[effect](q, c);
    },
  };
};
