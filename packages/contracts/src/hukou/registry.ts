import { z } from 'zod';
import { ListQuery } from '../common';
import { HouseholdType } from './dictionaries';

/**
 * 人口信息 as the registry shows it. Lists carry masked ID numbers; the full number is in a person's
 * detail, whose every opening is audited.
 */
export const PersonStatus = z.enum(['registered', 'deceased', 'enlisted', 'moved_out', 'cancelled']);
export type PersonStatus = z.infer<typeof PersonStatus>;
export const personStatusLabels: Record<PersonStatus, string> = {
  registered: '正常', deceased: '死亡注销', enlisted: '入伍注销', moved_out: '迁出', cancelled: '注销',
};

export const PersonListQuery = ListQuery.extend({
  /** Exact ID number (15 or 18 characters). */
  idNo: z.string().trim().max(18).optional(),
  name: z.string().trim().max(50).optional(),
  householdNo: z.string().trim().max(20).optional(),
  status: PersonStatus.optional(),
  stationOrgId: z.uuid().optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const PersonSummary = z.object({
  id: z.uuid(), idNoMasked: z.string(), name: z.string(), sex: z.string(), birthDate: z.string(), ethnicity: z.string(),
  householdId: z.uuid(), householdNo: z.string(), relationToHead: z.string().nullable(), address: z.string(),
  stationOrgId: z.uuid(), stationName: z.string().nullable(), status: PersonStatus,
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const HukouChangeView = z.object({
  id: z.uuid(), kind: z.string(), summary: z.string(), before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()),
  caseNo: z.string().nullable(), matterCode: z.string().nullable(), occurredAt: z.string(), personId: z.uuid().nullable(), householdId: z.uuid().nullable(),
});
export type HukouChangeView = z.infer<typeof HukouChangeView>;

/** 常住人口登记表 items. */
export const PersonView = PersonSummary.extend({
  idNo: z.string(), formerName: z.string().nullable(), birthPlaceCode: z.string(), nativePlaceCode: z.string(), religion: z.string(),
  education: z.string().nullable(), maritalStatus: z.string(), militaryService: z.string(), heightCm: z.number().int().nullable(), bloodType: z.string(),
  occupation: z.string().nullable(), employer: z.string().nullable(), fatherIdNoMasked: z.string().nullable(), motherIdNoMasked: z.string().nullable(),
  registeredOn: z.string(), previousRegionCode: z.string().nullable(), regionCode: z.string(), statusReason: z.string().nullable(),
  changes: z.array(HukouChangeView),
});
export type PersonView = z.infer<typeof PersonView>;

export const HouseholdView = z.object({
  id: z.uuid(), householdNo: z.string(), type: HouseholdType, name: z.string().nullable(), headName: z.string().nullable(), address: z.string(),
  regionCode: z.string(), stationOrgId: z.uuid(), stationName: z.string().nullable(), establishedOn: z.string(), status: z.enum(['active', 'closed']),
  members: z.array(PersonSummary),
  changes: z.array(HukouChangeView),
});
export type HouseholdView = z.infer<typeof HouseholdView>;

/** 人口统计 over registered persons in the caller's scope. */
export const PopulationStats = z.object({
  total: z.number().int(),
  households: z.number().int(),
  bySex: z.array(z.object({ key: z.string(), count: z.number().int() })),
  byAgeBand: z.array(z.object({ key: z.string(), count: z.number().int() })),
  byEthnicity: z.array(z.object({ key: z.string(), count: z.number().int() })),
  /** Registry changes per month (YYYY-MM) and kind, the last twelve months. */
  monthlyChanges: z.array(z.object({ month: z.string(), kind: z.string(), count: z.number().int() })),
});
export type PopulationStats = z.infer<typeof PopulationStats>;

export const hukouChangeKindLabels: Record<string, string> = {
  registered: '户口登记', birth: '出生登记', death: '死亡注销', enlist: '入伍注销', move_in: '迁入', move_out: '迁出', move_within: '市内迁移',
  household_create: '立户', household_split: '分户', correction: '变更更正', cancel: '户口注销',
};

/** 号段: the sequence codes of one address code a 派出所 gives, and how many are used. */
export const IdSegmentView = z.object({
  id: z.uuid(), addressCode: z.string(), stationOrgId: z.uuid(), stationName: z.string().nullable(), seqFrom: z.number().int(), seqTo: z.number().int(),
  /** Numbers given out from this segment so far. */
  allocated: z.number().int(),
});
export type IdSegmentView = z.infer<typeof IdSegmentView>;
export const IdSegmentBody = z.object({
  addressCode: z.string().regex(/^\d{6}$/, '地址码为6位行政区划代码'),
  stationOrgId: z.uuid(),
  seqFrom: z.number().int().min(1, '顺序码从 001 起').max(999),
  seqTo: z.number().int().min(1).max(999, '顺序码至多 999'),
});
export type IdSegmentBody = z.infer<typeof IdSegmentBody>;

/** 重号: ID numbers held by more than one registered person. */
export const DuplicateIdGroupView = z.object({ idNoMasked: z.string(), persons: z.array(PersonSummary) });
