import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A person known to the citizen identity service (苏证通 account); officers live in the identity centre. */
export const citizenAccount = pgTable('citizen_account', {
  id: uuid('id').primaryKey(),
  idNo: text('id_no').notNull(),
  name: text('name').notNull(),
  phone: text('phone'),
  authLevel: integer('auth_level').notNull().default(1),
  status: text('status').notNull().default('active'),
  /** 身份核验与证照调用授权: given once before the first application, withdrawable. */
  consentAt: timestamp('consent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('citizen_account_id_no_uq').on(t.idNo),
  check('citizen_account_status_check', sql`${t.status} in ('active','disabled')`),
]);

export type ActingFor = { creditCode: string; name: string; role: 'legal_representative' | 'agent' };

export const citizenSession = pgTable('citizen_session', {
  id: uuid('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  citizenId: uuid('citizen_id').notNull().references(() => citizenAccount.id, { onDelete: 'cascade' }),
  loginMethod: text('login_method').notNull(),
  actingFor: jsonb('acting_for').$type<ActingFor | null>(),
  clientIp: text('client_ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('citizen_session_token_uq').on(t.tokenHash),
  index('citizen_session_citizen_idx').on(t.citizenId),
  check('citizen_session_method_check', sql`${t.loginMethod} in ('sms','qr','app')`),
]);

/** One-time SMS codes, stored hashed; attempts are counted so a code cannot be guessed. */
export const citizenSmsCode = pgTable('citizen_sms_code', {
  id: uuid('id').primaryKey(),
  phone: text('phone').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('citizen_sms_code_phone_idx').on(t.phone, t.createdAt)]);

/** 扫码登录: the page showing the code holds `pollSecret`; the signed-in phone scans and confirms. */
export const citizenLoginTicket = pgTable('citizen_login_ticket', {
  id: uuid('id').primaryKey(),
  pollSecretHash: text('poll_secret_hash').notNull(),
  status: text('status').notNull(),
  citizenId: uuid('citizen_id'),
  requestIp: text('request_ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [check('citizen_login_ticket_status_check', sql`${t.status} in ('pending','scanned','confirmed','consumed','cancelled','expired')`)]);

/**
 * Who may act for a company: its 法定代表人 (checked against the 营业执照 when registered) and the
 * 经办人 the representative authorises, by ID number so an agent can be named before first login.
 */
export const citizenCompanyRole = pgTable('citizen_company_role', {
  id: uuid('id').primaryKey(),
  creditCode: text('credit_code').notNull(),
  companyName: text('company_name').notNull(),
  holderIdNo: text('holder_id_no').notNull(),
  holderName: text('holder_name').notNull(),
  role: text('role').notNull(),
  validTo: text('valid_to'),
  grantedBy: uuid('granted_by'),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [
  index('citizen_company_role_holder_idx').on(t.holderIdNo),
  index('citizen_company_role_company_idx').on(t.creditCode),
  check('citizen_company_role_role_check', sql`${t.role} in ('legal_representative','agent')`),
]);
