import type { FieldAccess } from '@jsga/form-engine';
import type { RequestCtx, Queryable } from '@jsga/kernel';
import type { BusinessCalendar, evaluateSla } from '../workflow';

/** What the case centre needs of the workflow centre; satisfied by WorkflowApi. */
export type CaseWorkflowPort = {
  start(tx: Queryable, ctx: RequestCtx, input: { key: string; businessKey: string; variables: Record<string, unknown> }): Promise<{ instanceId: string }>;
  complete(tx: Queryable, ctx: RequestCtx, input: { taskId: string; outcome: 'approve' | 'reject'; opinion?: string; variables?: Record<string, unknown> }): Promise<{ status: string }>;
  returnTo(tx: Queryable, ctx: RequestCtx, input: { taskId: string; targetNodeId: string; opinion: string }): Promise<unknown>;
  /** `formAccess`: the node's form field permissions, null when the node allows no form edits. */
  openTasks(q: Queryable, instanceId: string): Promise<Array<{ id: string; nodeId: string; nodeName: string; assigneeId: string | null; dueDate: string | null; formAccess: FieldAccess | null }>>;
  suspend(tx: Queryable, ctx: RequestCtx, input: { instanceId: string; reason: string }): Promise<unknown>;
  resume(tx: Queryable, ctx: RequestCtx, input: { instanceId: string }): Promise<unknown>;
  terminate(tx: Queryable, ctx: RequestCtx, input: { instanceId: string; reason: string }): Promise<unknown>;
  migrate(tx: Queryable, ctx: RequestCtx, input: { instanceId: string; targetDefinitionId: string; nodeMapping?: Record<string, string> }): Promise<unknown>;
  calendar(q: Queryable): Promise<BusinessCalendar>;
  evaluateSla: typeof evaluateSla;
};
