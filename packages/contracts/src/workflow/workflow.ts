import { z } from 'zod';
import { ListQuery } from '../common';

export const WorkflowDefinitionView = z.object({
  id: z.uuid(),
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type WorkflowDefinitionView = z.infer<typeof WorkflowDefinitionView>;

export const WorkflowDefinitionDetail = WorkflowDefinitionView.extend({ bpmnXml: z.string() });
export type WorkflowDefinitionDetail = z.infer<typeof WorkflowDefinitionDetail>;

export const WorkflowDefinitionListQuery = ListQuery.extend({ status: z.enum(['draft', 'published', 'retired']).optional() });
export type WorkflowDefinitionListQuery = z.infer<typeof WorkflowDefinitionListQuery>;

export const DeployWorkflowBody = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_-]{1,63}$/, '流程标识须为小写字母开头的2-64位字母、数字、下划线或短横线'),
  xml: z.string().min(50, 'BPMN 内容过短').max(2_000_000, 'BPMN 内容过大'),
});
export type DeployWorkflowBody = z.infer<typeof DeployWorkflowBody>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const CalendarDay = z.object({ date: IsoDate, kind: z.enum(['holiday', 'workday']), note: z.string().max(50).default('') });
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const SaveCalendarBody = z.object({ year: z.number().int().min(2000).max(2100), days: z.array(CalendarDay).max(366) });
export type SaveCalendarBody = z.infer<typeof SaveCalendarBody>;

// ---------------------------------------------------------------- tasks

export const WorkflowTaskStatus = z.enum(['open', 'completed', 'cancelled']);
export type WorkflowTaskStatus = z.infer<typeof WorkflowTaskStatus>;

/** Operations on a task; `GET /api/workflow/tasks/:id` lists the ones the caller may take. */
export const WorkflowTaskAction = z.enum(['claim', 'complete', 'approve', 'reject', 'return', 'transfer', 'delegate', 'resolve', 'add-sign', 'remove-sign', 'withdraw', 'remind', 'cc']);
export type WorkflowTaskAction = z.infer<typeof WorkflowTaskAction>;

export const WorkflowTaskView = z.object({
  id: z.uuid(),
  instanceId: z.uuid(),
  nodeId: z.string(),
  nodeName: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  /** 委派: who delegated the task (it returns to them after 办理完成). */
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  candidateRole: z.string().nullable(),
  candidateOrgId: z.string().nullable(),
  status: WorkflowTaskStatus,
  outcome: z.enum(['approve', 'reject']).nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** China date YYYY-MM-DD from the node's time limit in working days. */
  dueDate: z.string().nullable(),
  /** 前加签: waiting for the added signers. */
  blocked: z.boolean(),
  /** Set on an added signer's task: 前加签 / 后加签. */
  signKind: z.enum(['before', 'after']).nullable(),
  parentTaskId: z.string().nullable(),
  businessKey: z.string(),
  definitionName: z.string(),
});
export type WorkflowTaskView = z.infer<typeof WorkflowTaskView>;

export const WorkflowOpinionView = z.object({
  id: z.uuid(),
  taskId: z.string().nullable(),
  nodeId: z.string(),
  nodeName: z.string(),
  action: z.string().describe('start, approve, reject, return, transfer, delegate, resolve, add_sign, remove_sign, withdraw, remind, cc, migrate, suspend, resume, terminate'),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  orgId: z.string().nullable(),
  opinion: z.string(),
  at: z.string(),
});
export type WorkflowOpinionView = z.infer<typeof WorkflowOpinionView>;

export const WorkflowReturnTarget = z.object({ nodeId: z.string(), name: z.string() });
export type WorkflowReturnTarget = z.infer<typeof WorkflowReturnTarget>;

/** A participant the caller may remove (减签): an open 会签 sibling or an added signer. */
export const WorkflowSignTask = z.object({ id: z.uuid(), assigneeId: z.string().nullable(), assigneeName: z.string().nullable(), status: WorkflowTaskStatus });
export type WorkflowSignTask = z.infer<typeof WorkflowSignTask>;

export const WorkflowTaskDetail = WorkflowTaskView.extend({
  allowedActions: z.array(WorkflowTaskAction),
  returnTargets: z.array(WorkflowReturnTarget),
  signTasks: z.array(WorkflowSignTask),
  /** 后加签 recorded but not yet created (they get tasks once this one is approved). */
  pendingAfterSigners: z.array(z.string()),
  suspended: z.boolean(),
  history: z.array(WorkflowOpinionView),
});
export type WorkflowTaskDetail = z.infer<typeof WorkflowTaskDetail>;

const Opinion = z.string().trim().max(2000, '意见不能超过 2000 字');
const UserIds = z.array(z.uuid()).min(1, '请至少选择一人').max(50, '一次最多选择 50 人');

export const CompleteTaskBody = z.object({ outcome: z.enum(['approve', 'reject']), opinion: Opinion.optional(), variables: z.record(z.string(), z.unknown()).optional() });
export type CompleteTaskBody = z.infer<typeof CompleteTaskBody>;
export const ReturnTaskBody = z.object({ targetNodeId: z.string().min(1).max(200), opinion: Opinion.min(1, '请填写退回理由') });
export type ReturnTaskBody = z.infer<typeof ReturnTaskBody>;
export const TaskUserBody = z.object({ userId: z.uuid(), opinion: Opinion.optional() });
export type TaskUserBody = z.infer<typeof TaskUserBody>;
export const ResolveTaskBody = z.object({ opinion: Opinion.min(1, '请填写办理意见') });
export type ResolveTaskBody = z.infer<typeof ResolveTaskBody>;
export const AddSignBody = z.object({ userIds: UserIds, position: z.enum(['before', 'after']), opinion: Opinion.optional() });
export type AddSignBody = z.infer<typeof AddSignBody>;
export const RemoveSignBody = z.object({ taskIds: z.array(z.uuid()).min(1, '请选择要减签的人员').max(50) });
export type RemoveSignBody = z.infer<typeof RemoveSignBody>;
export const WithdrawTaskBody = z.object({}).default({});
export const RemindTaskBody = z.object({ message: z.string().trim().max(200, '附言不能超过 200 字').optional() }).default({});
export type RemindTaskBody = z.infer<typeof RemindTaskBody>;
export const CcTaskBody = z.object({ userIds: UserIds, opinion: Opinion.optional() });
export type CcTaskBody = z.infer<typeof CcTaskBody>;

export const WorkflowInstanceStatus = z.enum(['running', 'completed', 'terminated']);
export type WorkflowInstanceStatus = z.infer<typeof WorkflowInstanceStatus>;

export const TaskActionResult = z.object({
  ok: z.literal(true),
  instanceStatus: z.enum(['running', 'completed', 'terminated']),
  /** Tasks the operation created (加签, 撤回 reopening), when any. */
  taskIds: z.array(z.uuid()),
});
export type TaskActionResult = z.infer<typeof TaskActionResult>;

/** 抄送我的. */
export const WorkflowCcView = z.object({
  id: z.uuid(),
  instanceId: z.uuid(),
  taskId: z.string().nullable(),
  nodeName: z.string(),
  businessKey: z.string(),
  definitionName: z.string(),
  fromUserId: z.string().nullable(),
  fromUserName: z.string().nullable(),
  opinion: z.string(),
  createdAt: z.string(),
});
export type WorkflowCcView = z.infer<typeof WorkflowCcView>;

/** 已办: how the officer settled a task — 通过, 不通过, 退回, or (as a delegate) 办理完成交回委派人. */
export const WorkflowDoneOutcome = z.enum(['approve', 'reject', 'return', 'resolve']);
export type WorkflowDoneOutcome = z.infer<typeof WorkflowDoneOutcome>;

export const WorkflowDoneTaskQuery = ListQuery.extend({
  keyword: ListQuery.shape.keyword.describe('办件编号、业务标识、事项名称或流程名称'),
  from: IsoDate.optional().describe('办理日期起（含，北京时间）'),
  to: IsoDate.optional().describe('办理日期止（含，北京时间）'),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type WorkflowDoneTaskQuery = z.infer<typeof WorkflowDoneTaskQuery>;

/** 已办: one settlement by the caller, with what became of the process since. */
export const WorkflowDoneTaskView = z.object({
  /** The opinion record of the settlement (a task may be settled twice by one officer: 交回 as a delegate, later 通过). */
  id: z.uuid(),
  taskId: z.uuid(),
  instanceId: z.uuid(),
  nodeId: z.string(),
  nodeName: z.string(),
  definitionName: z.string(),
  businessKey: z.string(),
  /** 办件编号 (process variable caseNo), else the business key. */
  caseNo: z.string(),
  /** 事项名称 (process variable matterName), when the process carries one. */
  title: z.string().nullable(),
  outcome: WorkflowDoneOutcome,
  opinion: z.string(),
  completedAt: z.string(),
  instanceStatus: WorkflowInstanceStatus,
  suspended: z.boolean(),
  /** Where the process stands now: the nodes of its open tasks. */
  currentNodeNames: z.array(z.string()),
  /** 撤回 is still possible (same rule as the task's own withdraw operation). */
  withdrawable: z.boolean(),
});
export type WorkflowDoneTaskView = z.infer<typeof WorkflowDoneTaskView>;

// ---------------------------------------------------------------- monitoring

export const WorkflowInstanceListQuery = ListQuery.extend({
  key: z.string().trim().max(64).optional(),
  status: WorkflowInstanceStatus.optional(),
});
export type WorkflowInstanceListQuery = z.infer<typeof WorkflowInstanceListQuery>;

export const WorkflowDefinitionRef = z.object({ id: z.uuid(), key: z.string(), version: z.number().int(), name: z.string() });
export type WorkflowDefinitionRef = z.infer<typeof WorkflowDefinitionRef>;

export const WorkflowInstanceSummary = z.object({
  id: z.uuid(),
  businessKey: z.string(),
  status: WorkflowInstanceStatus,
  suspended: z.boolean(),
  definition: WorkflowDefinitionRef,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type WorkflowInstanceSummary = z.infer<typeof WorkflowInstanceSummary>;

export const WorkflowInstanceDetail = WorkflowInstanceSummary.extend({
  suspendReason: z.string().nullable(),
  definition: WorkflowDefinitionRef.extend({ bpmnXml: z.string() }),
  activeNodeIds: z.array(z.string()),
  completedNodeIds: z.array(z.string()),
  tasks: z.array(WorkflowTaskView),
  history: z.array(WorkflowOpinionView),
});
export type WorkflowInstanceDetail = z.infer<typeof WorkflowInstanceDetail>;

export const OverdueTaskView = WorkflowTaskView.extend({
  slaStatus: z.enum(['warning', 'overdue']),
  /** Calendar days since the due date (0 while only warning). */
  overdueDays: z.number().int(),
});
export type OverdueTaskView = z.infer<typeof OverdueTaskView>;

export const MigrateInstanceBody = z.object({
  targetDefinitionId: z.uuid(),
  /** Old node id → new node id, for nodes renamed or removed in the target version. */
  nodeMapping: z.record(z.string().min(1).max(200), z.string().min(1).max(200)).optional(),
});
export type MigrateInstanceBody = z.infer<typeof MigrateInstanceBody>;
export const MigrateInstanceResult = z.object({
  instanceId: z.uuid(),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  moved: z.array(z.object({ taskId: z.uuid(), from: z.string(), to: z.string() })),
});
export type MigrateInstanceResult = z.infer<typeof MigrateInstanceResult>;
export const SuspendInstanceBody = z.object({ reason: z.string().trim().min(1, '请填写挂起原因').max(500) });
export type SuspendInstanceBody = z.infer<typeof SuspendInstanceBody>;
