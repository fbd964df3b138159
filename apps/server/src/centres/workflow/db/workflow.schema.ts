import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
}, (t) => [
  index('workflow_instance_business_key_idx').on(t.businessKey),
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
}, (t) => [
  index('workflow_task_instance_idx').on(t.instanceId),
  index('workflow_task_assignee_idx').on(t.assigneeId, t.status),
  index('workflow_task_candidate_idx').on(t.candidateRole, t.candidateOrgId, t.status),
  check('workflow_task_status_check', sql`${t.status} in ('open','completed','cancelled')`),
]);

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
}, (t) => [index('workflow_opinion_instance_idx').on(t.instanceId, t.at)]);

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
