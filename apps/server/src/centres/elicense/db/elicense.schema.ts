import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type FaceFieldRow = { key: string; label: string; prefillKey: string | null };

/** 证照类型 (目录信息): one row per type the platform knows, with its 照面 field definitions. */
export const elicenseLicenceType = pgTable('elicense_licence_type', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** GB/T 36904 证照类型代码 (21 chars); null until the official code is configured. */
  standardTypeCode: text('standard_type_code'),
  holderKind: text('holder_kind').notNull(),
  issuerName: text('issuer_name').notNull(),
  faceFields: jsonb('face_fields').$type<FaceFieldRow[]>().notNull(),
  /** Lower first: also the priority when two licences offer the same prefill value. */
  sort: integer('sort').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('elicense_licence_type_holder_kind_check', sql`${t.holderKind} in ('natural','legal')`),
]);

/** 电子证照: the licence metadata of GB/T 36903 plus its 照面信息 as JSON. */
export const elicenseLicence = pgTable('elicense_licence', {
  id: uuid('id').primaryKey(),
  typeCode: text('type_code').notNull(),
  /** 证照编号: the number printed on the licence. */
  licenceNo: text('licence_no').notNull(),
  /** GB/T 36904 证照标识, when the type has a standard code and the issuer a credit code. */
  identifier: text('identifier'),
  holderName: text('holder_name').notNull(),
  holderIdType: text('holder_id_type').notNull(),
  /** 持证主体代码: ID number or credit code. Sensitive: never logged, masked in lists. */
  holderIdNo: text('holder_id_no').notNull(),
  issuerName: text('issuer_name').notNull(),
  issuerCode: text('issuer_code'),
  issueDate: date('issue_date', { mode: 'string' }).notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  /** null = 长期. */
  validTo: date('valid_to', { mode: 'string' }),
  status: text('status').notNull().default('valid'),
  faceData: jsonb('face_data').$type<Record<string, string>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('elicense_licence_holder_idx').on(t.holderIdNo, t.typeCode),
  index('elicense_licence_no_idx').on(t.licenceNo),
  uniqueIndex('elicense_licence_identifier_uq').on(t.identifier),
  check('elicense_licence_holder_id_type_check', sql`${t.holderIdType} in ('id_no','credit_code')`),
  check('elicense_licence_status_check', sql`${t.status} in ('valid','expired','revoked','suspended')`),
]);
