import { and, asc, count, desc, eq, ilike, isNull, lte } from 'drizzle-orm';
import { escapeLike, scopeWhere, type DataScope, type Queryable } from '@jsga/kernel';
import { workflowDefinition, workflowInstance, workflowTask } from '../db/workflow.schema';

const definitionRef = { id: workflowDefinition.id, key: workflowDefinition.key, version: workflowDefinition.version, name: workflowDefinition.name };

/** Read side of 流程监控: every query is limited to the caller's data scope (the instance's accepting org). */
export const monitorRepo = {
  async listInstances(q: Queryable, scope: DataScope, query: { page: number; pageSize: number; key?: string; status?: string; keyword?: string }) {
    const k = query.keyword ? escapeLike(query.keyword) : undefined;
    const where = and(
      scopeWhere(scope, { org: workflowInstance.orgId }),
      query.key ? eq(workflowDefinition.key, query.key) : undefined,
      query.status ? eq(workflowInstance.status, query.status) : undefined,
      k ? ilike(workflowInstance.businessKey, `%${k}%`) : undefined,
    );
    const base = () => q.select({ instance: workflowInstance, definition: definitionRef }).from(workflowInstance)
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId));
    const [{ total }] = await q.select({ total: count() }).from(workflowInstance)
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId)).where(where);
    const rows = await base().where(where).orderBy(desc(workflowInstance.startedAt), desc(workflowInstance.id))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },

  /** Open tasks of running, unsuspended instances due on or before `horizon` (overdue and warning ones). */
  async dueTasks(q: Queryable, scope: DataScope, horizon: string, page: { page: number; pageSize: number }) {
    const where = and(
      eq(workflowTask.status, 'open'), lte(workflowTask.dueDate, horizon), eq(workflowInstance.status, 'running'), isNull(workflowInstance.suspendedAt),
      scopeWhere(scope, { org: workflowInstance.orgId }),
    );
    const [{ total }] = await q.select({ total: count() }).from(workflowTask)
      .innerJoin(workflowInstance, eq(workflowInstance.id, workflowTask.instanceId)).where(where);
    const rows = await q.select({ task: workflowTask, businessKey: workflowInstance.businessKey, definitionName: workflowDefinition.name }).from(workflowTask)
      .innerJoin(workflowInstance, eq(workflowInstance.id, workflowTask.instanceId))
      .innerJoin(workflowDefinition, eq(workflowDefinition.id, workflowInstance.definitionId))
      .where(where).orderBy(asc(workflowTask.dueDate), asc(workflowTask.createdAt), asc(workflowTask.id))
      .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
    return { rows, total };
  },
};
