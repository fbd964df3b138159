import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarDay, CalendarYearQuery, DeployWorkflowBody, ErrorBody, IdParams, listOf, SaveCalendarBody, WorkflowDefinitionDetail, WorkflowDefinitionListQuery, WorkflowDefinitionView } from '@jsga/contracts';
import type { WorkflowAdminService } from './workflow-admin.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['流程管理'];
const CalendarYear = z.object({ year: z.number().int(), days: z.array(CalendarDay) });

export const workflowAdminRoutes = (service: WorkflowAdminService): FastifyPluginAsyncZod => async (app) => {
  app.get('/definitions', {
    config: { access: { permission: 'workflow:definition:view' } },
    schema: { tags, summary: '流程定义列表（各版本）', querystring: WorkflowDefinitionListQuery, response: { 200: listOf(WorkflowDefinitionView), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.get('/definitions/:id', {
    config: { access: { permission: 'workflow:definition:view' } },
    schema: { tags, summary: '流程定义详情（含 BPMN XML）', params: IdParams, response: { 200: WorkflowDefinitionDetail, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.post('/definitions', {
    config: { access: { permission: 'workflow:definition:manage' } },
    bodyLimit: 2_500_000,
    schema: { tags, summary: '部署 BPMN 2.0 流程定义（生成新的草稿版本）', body: DeployWorkflowBody, response: { 200: WorkflowDefinitionView, ...errors } },
  }, (req) => service.deploy(req.ctx, req.body));

  app.post('/definitions/:id/publish', {
    config: { access: { permission: 'workflow:definition:manage' } },
    schema: { tags, summary: '发布流程定义版本（新办件使用最新发布版本）', params: IdParams, response: { 200: WorkflowDefinitionView, ...errors } },
  }, (req) => service.publish(req.ctx, req.params.id));

  app.get('/calendar', {
    config: { access: 'authenticated' }, // holidays are no secret; every officer's due dates depend on them
    schema: { tags, summary: '工作日历：某年的节假日与调休上班日', querystring: CalendarYearQuery, response: { 200: CalendarYear, ...errors } },
  }, (req) => service.calendar(req.ctx, req.query.year));

  app.put('/calendar', {
    config: { access: { permission: 'workflow:calendar:manage' } },
    schema: { tags, summary: '保存某年的节假日与调休上班日（整年替换）', body: SaveCalendarBody, response: { 200: CalendarYear, ...errors } },
  }, (req) => service.saveCalendar(req.ctx, req.body.year, req.body.days));
};
