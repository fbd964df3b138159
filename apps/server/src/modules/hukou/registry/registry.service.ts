import {
  bloodTypeLabels, educationLevelLabels, ethnicityLabels, householdTypeLabels, hukouChangeKindLabels, jiangsuRegionName, maritalStatusLabels, militaryServiceStatusLabels,
  personStatusLabels, relationToHeadLabels, religionLabels, sexLabels,
  type BloodType, type EducationLevel, type EthnicityCode, type HouseholdType, type HouseholdView, type HukouChangeView, type MaritalStatus, type MilitaryServiceStatus,
  type PersonListQuery, type PersonStatus, type PersonSummary, type PersonView, type PopulationStats, type RelationToHead, type Religion, type SexCode,
} from '@jsga/contracts';
import { chinaDate, commonErrors, maskIdNo, searchAuditLogs, type Audit, type Db, type FactSubject, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { IdentityApi } from '../../../centres/identity';
import type { PrintApi } from '../../../centres/print';
import { hukouErrors } from '../hukou.errors';
import { stationNameLookup } from './station-names';
import { registryRepo, type ChangeRow, type HouseholdRow, type PersonRow } from './registry.repo';

export type RegistryServiceDeps = { db: Db; audit: Audit; identity: Pick<IdentityApi, 'findOrg'>; print?: Pick<PrintApi, 'render'>; now?: () => Date };

export const changeView = (c: ChangeRow): HukouChangeView => ({
  id: c.id, kind: c.kind, summary: c.summary, before: c.before, after: c.after, caseNo: c.caseNo, matterCode: c.matterCode,
  occurredAt: c.occurredAt.toISOString(), personId: c.personId, householdId: c.householdId,
});

/** 人口信息查询: persons and households in the caller's scope; a person's full record is audited on every opening. */
export const createRegistryService = (deps: RegistryServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const scopeOf = (ctx: RequestCtx) => {
    if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
    return ctx.user.scope;
  };
  const stationNames = (q: Queryable) => stationNameLookup(deps.identity, q);
  const summaryOf = async (r: { person: PersonRow; householdNo: string }, name: (id: string) => Promise<string | null>): Promise<PersonSummary> => ({
    id: r.person.id, idNoMasked: maskIdNo(r.person.idNo) ?? '', name: r.person.name, sex: r.person.sex, birthDate: r.person.birthDate, ethnicity: r.person.ethnicity,
    householdId: r.person.householdId, householdNo: r.householdNo, relationToHead: r.person.relationToHead, address: r.person.address,
    stationOrgId: r.person.stationOrgId, stationName: await name(r.person.stationOrgId), status: r.person.status as PersonStatus,
  });
  const summaries = async (q: Queryable, rows: Array<{ person: PersonRow; householdNo: string }>) => {
    const name = stationNames(q);
    const out: PersonSummary[] = [];
    for (const r of rows) out.push(await summaryOf(r, name));
    return out;
  };

  async function householdView(q: Queryable, h: HouseholdRow): Promise<HouseholdView> {
    const members = await summaries(q, await registryRepo.members(q, h.id));
    const head = members.find((m) => m.id === h.headPersonId);
    return {
      id: h.id, householdNo: h.householdNo, type: h.type as HouseholdType, name: h.name, headName: head?.name ?? null, address: h.address, regionCode: h.regionCode,
      stationOrgId: h.stationOrgId, stationName: await stationNames(q)(h.stationOrgId), establishedOn: h.establishedOn, status: h.status as 'active' | 'closed',
      members, changes: (await registryRepo.changesOfHousehold(q, h.id)).map(changeView),
    };
  }

  return {
    async listPersons(ctx: RequestCtx, query: PersonListQuery) {
      const { rows, total } = await registryRepo.listPersons(deps.db, scopeOf(ctx), query);
      return { items: await summaries(deps.db, rows), total };
    },

    /** 常住人口登记表 of one person with the change trajectory; the opening is audited (it shows the full ID number). */
    getPerson: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx): Promise<PersonView> => {
      const row = await registryRepo.person(tx, id, scopeOf(ctx));
      if (!row) throw hukouErrors.PERSON_NOT_FOUND({ id });
      const p = row.person;
      const changes = (await registryRepo.changesOfPerson(tx, p.id)).map(changeView);
      await deps.audit.recordFor(tx, ctx, { action: 'hukou.person.view', targetType: 'hukou_person', targetIds: [p.id] });
      const [summary] = await summaries(tx, [row]);
      return {
        ...summary, idNo: p.idNo, formerName: p.formerName, birthPlaceCode: p.birthPlaceCode, nativePlaceCode: p.nativePlaceCode, religion: p.religion, education: p.education,
        maritalStatus: p.maritalStatus, militaryService: p.militaryService, heightCm: p.heightCm, bloodType: p.bloodType, occupation: p.occupation, employer: p.employer,
        fatherIdNoMasked: maskIdNo(p.fatherIdNo), motherIdNoMasked: maskIdNo(p.motherIdNo), registeredOn: p.registeredOn, previousRegionCode: p.previousRegionCode,
        regionCode: p.regionCode, statusReason: p.statusReason, changes,
      };
    }),

    /**
     * 常住人口登记表 as a PDF on the published template, with the trajectory. Every print is audited with
     * its number (第 n 次打印), so reprints are counted.
     */
    printRegister: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      if (!deps.print) throw hukouErrors.PRINT_UNAVAILABLE();
      const row = await registryRepo.person(tx, id, scopeOf(ctx));
      if (!row) throw hukouErrors.PERSON_NOT_FOUND({ id });
      const p = row.person;
      const household = await registryRepo.household(tx, p.householdId, null);
      // every earlier print of this person, whoever made it
      const earlier = await searchAuditLogs(tx, { page: 1, pageSize: 1, actionPrefix: 'hukou.person.print_register', targetId: p.id, scope: { kind: 'province', orgIds: 'all', userId: ctx.user!.userId } });
      const copyNo = earlier.total + 1;
      const region = (code: string | null) => (code ? (jiangsuRegionName(code) ?? code) : '');
      const stationName = (await deps.identity.findOrg(tx, p.stationOrgId))?.name ?? '';
      const changes = (await registryRepo.changesOfPerson(tx, p.id)).reverse().map((c) => ({
        label: `${chinaDate(c.occurredAt)} ${hukouChangeKindLabels[c.kind] ?? c.kind}`, value: [c.summary, c.caseNo ? `办件 ${c.caseNo}` : ''].filter(Boolean).join('　'),
      }));
      const doc = await deps.print.render(tx, 'population_register', {
        name: p.name, formerName: p.formerName ?? '', sexName: sexLabels[p.sex as SexCode] ?? p.sex, ethnicityName: ethnicityLabels[p.ethnicity as EthnicityCode] ?? p.ethnicity,
        birthDate: p.birthDate, idNo: p.idNo, birthPlace: region(p.birthPlaceCode), nativePlace: region(p.nativePlaceCode),
        relationName: p.relationToHead ? (relationToHeadLabels[p.relationToHead as RelationToHead] ?? p.relationToHead) : '', householdNo: row.householdNo,
        householdTypeName: household ? householdTypeLabels[household.type as HouseholdType] : '', address: p.address,
        religionName: religionLabels[p.religion as Religion] ?? p.religion, educationName: p.education ? (educationLevelLabels[p.education as EducationLevel] ?? p.education) : '',
        maritalName: maritalStatusLabels[p.maritalStatus as MaritalStatus] ?? p.maritalStatus, militaryName: militaryServiceStatusLabels[p.militaryService as MilitaryServiceStatus] ?? p.militaryService,
        height: p.heightCm ? `${p.heightCm}厘米` : '', bloodTypeName: bloodTypeLabels[p.bloodType as BloodType] ?? p.bloodType, occupation: p.occupation ?? '', employer: p.employer ?? '',
        registeredOn: p.registeredOn, previousPlace: p.previousRegionCode ? `由${region(p.previousRegionCode)}迁来` : '', statusName: personStatusLabels[p.status as PersonStatus] ?? p.status,
        stationName, printedDate: chinaDate(now()), copyNo: String(copyNo), changes,
      });
      await deps.audit.recordFor(tx, ctx, { action: 'hukou.person.print_register', targetType: 'hukou_person', targetIds: [p.id], detail: { copyNo, template: `${doc.templateKey}@${doc.templateVersion}` } });
      return { bytes: doc.bytes, fileName: `常住人口登记表-${p.name}.pdf`, copyNo };
    }),

    async getHousehold(ctx: RequestCtx, id: string) {
      const h = await registryRepo.household(deps.db, id, scopeOf(ctx));
      if (!h) throw hukouErrors.HOUSEHOLD_NOT_FOUND({ id });
      return householdView(deps.db, h);
    },

    /** 人口统计: registered persons by sex, age band and ethnicity; registry changes per month for a year. */
    async stats(ctx: RequestCtx): Promise<PopulationStats> {
      const at = now();
      const since = new Date(at.getTime() - 365 * 86_400_000);
      const s = await registryRepo.stats(deps.db, scopeOf(ctx), chinaDate(at), since);
      const n = (rows: Array<{ key: string; count: number }>) => rows.map((r) => ({ key: String(r.key), count: Number(r.count) }));
      return {
        total: Number(s.total), households: Number(s.households), bySex: n(s.bySex), byAgeBand: n(s.byAgeBand).sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
        byEthnicity: n(s.byEthnicity), monthlyChanges: s.monthly.map((m) => ({ month: m.month, kind: m.kind, count: Number(m.count) })),
      };
    },

    /**
     * What eligibility rules may read as `facts.hukou`: whether the person is registered, in which kind of
     * household and where. Companies have no registry facts.
     */
    async factsOf(q: Queryable, subject: FactSubject) {
      if (subject.type !== 'natural_person') return null;
      const [person] = await registryRepo.registeredByIdNos(q, [subject.idNo]);
      if (!person) return { registered: false, householdType: null, householdNo: null, regionCode: null, inStudentCollective: false };
      const h = await registryRepo.household(q, person.householdId, null);
      return {
        registered: true, householdType: h?.type ?? null, householdNo: h?.householdNo ?? null, regionCode: person.regionCode,
        inStudentCollective: h?.type === 'student_collective', relationToHead: person.relationToHead,
      };
    },

    /** 重号: ID numbers held by more than one registered person, with the persons. */
    async duplicates(ctx: RequestCtx) {
      const ids = await registryRepo.duplicateIdNos(deps.db, scopeOf(ctx), 100);
      const rows = await registryRepo.personsByIdNos(deps.db, ids);
      const items = [];
      for (const idNo of ids) items.push({ idNoMasked: maskIdNo(idNo) ?? '', persons: await summaries(deps.db, rows.filter((r) => r.person.idNo === idNo)) });
      return { items };
    },
  };
};
export type RegistryService = ReturnType<typeof createRegistryService>;
