import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 户: a 家庭户 with a 户主 or a named 集体户, registered at one 派出所 (its org is the data scope).
 * Every change comes from a concluded business and is recorded in hukou_change.
 */
export const hukouHousehold = pgTable('hukou_household', {
  id: uuid('id').primaryKey(),
  householdNo: text('household_no').notNull(),
  type: text('type').notNull(),
  /** Name of a 集体户; null for a 家庭户. */
  name: text('name'),
  headPersonId: uuid('head_person_id'),
  address: text('address').notNull(),
  regionCode: text('region_code').notNull(),
  stationOrgId: uuid('station_org_id').notNull(),
  establishedOn: text('established_on').notNull(),
  status: text('status').notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revision: integer('revision').notNull().default(0),
}, (t) => [
  uniqueIndex('hukou_household_no_uq').on(t.householdNo),
  index('hukou_household_station_idx').on(t.stationOrgId, t.status),
  check('hukou_household_type_check', sql`${t.type} in ('family','unit_collective','student_collective','talent_collective','community_collective')`),
  check('hukou_household_status_check', sql`${t.status} in ('active','closed')`),
]);

/**
 * 人: the items of the 常住人口登记表. ID numbers are not unique by constraint: 重号 exist in real
 * registries and are found and handled (重号管理), not refused at the door.
 */
export const hukouPerson = pgTable('hukou_person', {
  id: uuid('id').primaryKey(),
  idNo: text('id_no').notNull(),
  name: text('name').notNull(),
  formerName: text('former_name'),
  sex: text('sex').notNull(),
  ethnicity: text('ethnicity').notNull(),
  birthDate: text('birth_date').notNull(),
  birthPlaceCode: text('birth_place_code').notNull(),
  nativePlaceCode: text('native_place_code').notNull(),
  religion: text('religion').notNull(),
  education: text('education'),
  maritalStatus: text('marital_status').notNull(),
  militaryService: text('military_service').notNull(),
  heightCm: integer('height_cm'),
  bloodType: text('blood_type').notNull(),
  occupation: text('occupation'),
  employer: text('employer'),
  address: text('address').notNull(),
  householdId: uuid('household_id').notNull(),
  relationToHead: text('relation_to_head'),
  fatherIdNo: text('father_id_no'),
  motherIdNo: text('mother_id_no'),
  registeredOn: text('registered_on').notNull(),
  previousRegionCode: text('previous_region_code'),
  regionCode: text('region_code').notNull(),
  stationOrgId: uuid('station_org_id').notNull(),
  /** registered, or why the registration ended: 死亡, 入伍, 迁出 … */
  status: text('status').notNull().default('registered'),
  statusReason: text('status_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  revision: integer('revision').notNull().default(0),
}, (t) => [
  index('hukou_person_id_no_idx').on(t.idNo),
  index('hukou_person_name_idx').on(t.name),
  index('hukou_person_household_idx').on(t.householdId),
  index('hukou_person_station_idx').on(t.stationOrgId, t.status),
  check('hukou_person_sex_check', sql`${t.sex} in ('1','2','0','9')`),
  check('hukou_person_status_check', sql`${t.status} in ('registered','deceased','enlisted','moved_out','cancelled')`),
]);

/** 业务变动轨迹: what a business changed, with the values before and after. */
export const hukouChange = pgTable('hukou_change', {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id'),
  householdId: uuid('household_id'),
  kind: text('kind').notNull(),
  summary: text('summary').notNull(),
  before: jsonb('before').$type<Record<string, unknown>>().notNull().default({}),
  after: jsonb('after').$type<Record<string, unknown>>().notNull().default({}),
  caseId: uuid('case_id'),
  caseNo: text('case_no'),
  matterCode: text('matter_code'),
  orgId: uuid('org_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  byUserId: uuid('by_user_id'),
}, (t) => [
  index('hukou_change_person_idx').on(t.personId, t.occurredAt),
  index('hukou_change_household_idx').on(t.householdId, t.occurredAt),
  index('hukou_change_org_idx').on(t.orgId, t.occurredAt),
]);

/** 号段: the sequence numbers (001–999) of an address code a 派出所 may give. */
export const hukouIdSegment = pgTable('hukou_id_segment', {
  id: uuid('id').primaryKey(),
  addressCode: text('address_code').notNull(),
  stationOrgId: uuid('station_org_id').notNull(),
  seqFrom: integer('seq_from').notNull(),
  seqTo: integer('seq_to').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [
  index('hukou_id_segment_station_idx').on(t.stationOrgId),
  check('hukou_id_segment_range_check', sql`${t.seqFrom} >= 1 and ${t.seqTo} <= 999 and ${t.seqFrom} <= ${t.seqTo}`),
]);

/**
 * Every sequence given out per address code and birth date. The primary key makes two concurrent
 * registrations in one 派出所 unable to take the same number, on any number of instances.
 */
export const hukouIdAllocation = pgTable('hukou_id_allocation', {
  addressCode: text('address_code').notNull(),
  birthDate: text('birth_date').notNull(),
  seq: integer('seq').notNull(),
  idNo: text('id_no').notNull(),
  personId: uuid('person_id'),
  allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.addressCode, t.birthDate, t.seq] })]);
