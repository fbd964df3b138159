import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody, IdParams, ListQuery, listOf, MigrateInstanceBody, MigrateInstanceResult, OkResult, OverdueTaskView, SuspendInstanceBody,
  WorkflowInstanceDetail, WorkflowInstanceListQuery, WorkflowInstanceSummary,
} from '@jsga/contracts';
import type { MonitorService } from './monitor.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['流程监控'];
const monitor = { access: { permission: 'workflow:instance:monitor' } } as const;
// 迁移、挂起、恢复 change a running case: administrators only
const manage = { access: { permission: 'workflow:instance:migrate' } } as const;

export const monitorRoutes = (service: MonitorService): FastifyPluginAsyncZod => async (app) => {
  app.get('/instances', {
    config: monitor,
    schema: { tags, summary: '流程实例列表（本人数据范围内，按流程标识、状态、业务编号筛选）', querystring: WorkflowInstanceListQuery, response: { 200: listOf(WorkflowInstanceSummary), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.get('/instances/:id', {
    config: monitor,
    schema: { tags, summary: '流程实例详情：流程图、当前与已完成节点、任务、审批意见', params: IdParams, response: { 200: WorkflowInstanceDetail, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.get('/tasks/overdue', {
    config: monitor,
    schema: { tags, summary: '超期任务（含进入预警期的任务），按到期日排序', querystring: ListQuery.pick({ page: true, pageSize: true }), response: { 200: listOf(OverdueTaskView), ...errors } },
  }, (req) => service.overdue(req.ctx, req.query));

  app.post('/instances/:id/migrate', {
    config: manage,
    schema: { tags, summary: '迁移流程实例到同一流程的另一个已发布版本', params: IdParams, body: MigrateInstanceBody, response: { 200: MigrateInstanceResult, ...errors } },
  }, (req) => service.migrate(req.ctx, req.params.id, req.body));

  app.post('/instances/:id/suspend', {
    config: manage,
    schema: { tags, summary: '挂起流程实例（暂停办理与计时）', params: IdParams, body: SuspendInstanceBody, response: { 200: OkResult, ...errors } },
  }, (req) => service.suspend(req.ctx, req.params.id, req.body.reason));

  app.post('/instances/:id/resume', {
    config: manage,
    schema: { tags, summary: '恢复流程实例（办理期限按暂停的工作日顺延）', params: IdParams, body: z.object({}).optional(), response: { 200: OkResult, ...errors } },
  }, (req) => service.resume(req.ctx, req.params.id));
};
