import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** 省厅 → 市局 → 县分局 → 派出所/窗口, plus police-type departments. `path` = '/rootId/…/id/' for subtree queries. */
export const identityOrg = pgTable('identity_org', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentId: uuid('parent_id'),
  path: text('path').notNull(),
  regionCode: text('region_code'),
  policeType: text('police_type'),
  sort: integer('sort').notNull().default(0),
  status: text('status').notNull().default('active'),
  ...timestamps,
}, (t) => [
  uniqueIndex('identity_org_code_uq').on(t.code),
  index('identity_org_parent_idx').on(t.parentId),
  index('identity_org_path_idx').on(t.path),
  check('identity_org_level_check', sql`${t.level} in ('province','city','county','station','window','department')`),
  check('identity_org_status_check', sql`${t.status} in ('active','disabled')`),
]);

export const identityUser = pgTable('identity_user', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  userType: text('user_type').notNull(),
  policeNo: text('police_no'),
  phone: text('phone'),
  orgId: uuid('org_id').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  totpSecret: text('totp_secret'),
  isTotpEnabled: boolean('is_totp_enabled').notNull().default(false),
  lastTotpStep: integer('last_totp_step'),
  status: text('status').notNull().default('active'),
  ...timestamps,
}, (t) => [
  uniqueIndex('identity_user_username_uq').on(sql`lower(${t.username})`),
  uniqueIndex('identity_user_police_no_uq').on(t.policeNo),
  index('identity_user_org_idx').on(t.orgId),
  check('identity_user_type_check', sql`${t.userType} in ('police','auxiliary','admin')`),
  check('identity_user_status_check', sql`${t.status} in ('active','disabled')`),
]);

export const identityRole = pgTable('identity_role', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
  dataScope: text('data_scope').notNull(),
  customOrgIds: uuid('custom_org_ids').array().notNull().default(sql`'{}'::uuid[]`),
  isSystem: boolean('is_system').notNull().default(false),
  ...timestamps,
}, (t) => [
  uniqueIndex('identity_role_code_uq').on(t.code),
  check('identity_role_scope_check', sql`${t.dataScope} in ('self','org','org_and_below','province','custom')`),
]);

/** 岗位: a user acting at an org with a set of roles; a user may hold several and switch. */
export const identityPosition = pgTable('identity_position', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => identityUser.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull().references(() => identityOrg.id),
  title: text('title').notNull(),
  isPrimary: boolean('is_primary').notNull().default(false),
  sort: integer('sort').notNull().default(0),
}, (t) => [index('identity_position_user_idx').on(t.userId), index('identity_position_org_idx').on(t.orgId)]);

export const identityPositionRole = pgTable('identity_position_role', {
  positionId: uuid('position_id').notNull().references(() => identityPosition.id, { onDelete: 'cascade' }),
  roleId: uuid('role_id').notNull().references(() => identityRole.id),
}, (t) => [primaryKey({ columns: [t.positionId, t.roleId] }), index('identity_position_role_role_idx').on(t.roleId)]);

/** Opaque bearer sessions: only the SHA-256 of the token is stored, so a database dump yields no usable token. */
export const identitySession = pgTable('identity_session', {
  id: uuid('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull().references(() => identityUser.id, { onDelete: 'cascade' }),
  positionId: uuid('position_id').notNull(),
  clientIp: text('client_ip'),
  userAgent: text('user_agent'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
}, (t) => [uniqueIndex('identity_session_token_uq').on(t.tokenHash), index('identity_session_user_idx').on(t.userId)]);
