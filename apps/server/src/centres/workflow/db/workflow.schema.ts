import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ProcessModel } from '../bpmn/process-model';
import type { InstanceState } from '../engine/engine.rules';

/** BPMN definitions, versioned per key; a published version is never edited, instances pin the version they run. */
export const workflowDefinition = pgTable('workflow_definition', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull(),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  bpmnXml: text('bpmn_xml').notNull(),
  model: jsonb('model').$type<ProcessModel>().notNull(),
  status: text('status').notNull().default('draft'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('workflow_definition_key_version_uq').on(t.key, t.version),
  check('workflow_definition_status_check', sql`${t.status} in ('draft','published','retired')`),
]);

/** One running process; `state` is the engine state, `revision` guards concurrent writers. */
export const workflowInstance = pgTable('workflow_instance', {
  id: uuid('id').primaryKey(),
  definitionId: uuid('definition_id').notNull().references(() => workflowDefinition.id),
  businessKey: text('business_key').notNull(),
  status: text('status').notNull(),
  state: jsonb('state').$type<InstanceState>().notNull(),
  revision: integer('revision').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
  /** The accepting org (variable acceptingOrgId), for the monitor's data scope. */
  orgId: uuid('org_id'),
  /** Set while suspended (补件, 特别程序): tasks cannot be worked and their clocks stand still. */
  suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  suspendReason: text('suspend_reason'),
}, (t) => [
  index('workflow_instance_business_key_idx').on(t.businessKey),
  index('workflow_instance_status_idx').on(t.status, t.startedAt),
  check('workflow_instance_status_check', sql`${t.status} in ('running','completed','terminated')`),
]);

/** Task rows mirror the engine's tasks for inbox queries (by assignee, by role and org). */
export const workflowTask = pgTable('workflow_task', {
  id: uuid('id').primaryKey(),
  instanceId: uuid('instance_id').notNull().references(() => workflowInstance.id),
  nodeId: text('node_id').notNull(),
  nodeName: text('node_name').notNull(),
  assigneeId: text('assignee_id'),
  candidateRole: text('candidate_role'),
  candidateOrgId: uuid('candidate_org_id'),
  status: text('status').notNull(),
  outcome: text('outcome'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  completedBy: uuid('completed_by'),
  dueDate: text('due_date'),
  /** 委派: the delegating user while the task is with the delegate (assignee). */
  ownerId: uuid('owner_id'),
  /** 加签: the task the signer was added to, and before/after. */
  parentTaskId: uuid('parent_task_id'),
  signKind: text('sign_kind'),
  /** 前加签 host waiting for its added signers. */
  blocked: boolean('blocked').notNull().default(false),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  /** SLA notices, each sent once. */
  warnedAt: timestamp('warned_at', { withTimezone: true }),
  overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
}, (t) => [
  index('workflow_task_instance_idx').on(t.instanceId),
  index('workflow_task_assignee_idx').on(t.assigneeId, t.status),
  index('workflow_task_owner_idx').on(t.ownerId, t.status),
  index('workflow_task_candidate_idx').on(t.candidateRole, t.candidateOrgId, t.status),
  index('workflow_task_due_idx').on(t.status, t.dueDate),
  check('workflow_task_status_check', sql`${t.status} in ('open','completed','cancelled')`),
  check('workflow_task_sign_kind_check', sql`${t.signKind} in ('before','after')`),
]);

/** 抄送: one row per recipient. */
export const workflowCc = pgTable('workflow_cc', {
  id: uuid('id').primaryKey(),
  instanceId: uuid('instance_id').notNull().references(() => workflowInstance.id),
  taskId: uuid('task_id'),
  nodeName: text('node_name').notNull(),
  userId: uuid('user_id').notNull(),
  fromUserId: uuid('from_user_id'),
  fromUserName: text('from_user_name'),
  opinion: text('opinion').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('workflow_cc_user_idx').on(t.userId, t.createdAt), index('workflow_cc_instance_idx').on(t.instanceId)]);

/** Suspension periods; working days inside them move open tasks' due dates on resume. */
export const workflowSuspension = pgTable('workflow_suspension', {
  id: uuid('id').primaryKey(),
  instanceId: uuid('instance_id').notNull().references(() => workflowInstance.id),
  reason: text('reason').notNull(),
  suspendedAt: timestamp('suspended_at', { withTimezone: true }).notNull(),
  suspendedBy: uuid('suspended_by'),
  fromDate: text('from_date').notNull(),
  resumedAt: timestamp('resumed_at', { withTimezone: true }),
  resumedBy: uuid('resumed_by'),
  toDate: text('to_date'),
}, (t) => [index('workflow_suspension_instance_idx').on(t.instanceId, t.suspendedAt)]);

/** 审批意见与操作记录: every operation on a task leaves one. */
export const workflowOpinion = pgTable('workflow_opinion', {
  id: uuid('id').primaryKey(),
  instanceId: uuid('instance_id').notNull().references(() => workflowInstance.id),
  taskId: uuid('task_id'),
  nodeId: text('node_id').notNull(),
  nodeName: text('node_name').notNull(),
  action: text('action').notNull(),
  userId: uuid('user_id'),
  userName: text('user_name'),
  orgId: uuid('org_id'),
  opinion: text('opinion').notNull().default(''),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('workflow_opinion_instance_idx').on(t.instanceId, t.at),
  /** 已办: one officer's records, newest first. */
  index('workflow_opinion_user_idx').on(t.userId, t.at),
]);

/** Timer and retry jobs, claimed with FOR UPDATE SKIP LOCKED so any instance may run them, once. */
export const workflowJob = pgTable('workflow_job', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  instanceId: uuid('instance_id').notNull().references(() => workflowInstance.id),
  tokenId: text('token_id'),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
}, (t) => [
  index('workflow_job_due_idx').on(t.status, t.dueAt),
  check('workflow_job_status_check', sql`${t.status} in ('pending','done','failed')`),
]);

/** 工作日历: public holidays and 调休 make-up working days, maintained as data. */
export const workflowCalendarDay = pgTable('workflow_calendar_day', {
  date: text('date').primaryKey(),
  kind: text('kind').notNull(),
  note: text('note').notNull().default(''),
}, (t) => [check('workflow_calendar_day_kind_check', sql`${t.kind} in ('holiday','workday')`)]);
