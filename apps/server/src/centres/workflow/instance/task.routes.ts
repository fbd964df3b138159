import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, listOf, ListQuery } from '@jsga/contracts';
import type { WorkflowService } from './workflow.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['流程中心'];
const TaskView = z.object({
  id: z.uuid(), instanceId: z.uuid(), nodeId: z.string(), nodeName: z.string(), assigneeId: z.string().nullable(),
  candidateRole: z.string().nullable(), candidateOrgId: z.string().nullable(), status: z.enum(['open', 'completed', 'cancelled']),
  createdAt: z.string(), dueDate: z.string().nullable(),
});

export const taskRoutes = (service: WorkflowService): FastifyPluginAsyncZod => async (app) => {
  app.get('/tasks', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的待办（分配给我的，及本岗位角色在本单位待签收的），按到期日排序', querystring: ListQuery, response: { 200: listOf(TaskView), ...errors } },
  }, (req) => service.myTasks(req.ctx, req.query));
  app.post('/tasks/:id/claim', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '签收任务', params: IdParams, response: { 200: TaskView, ...errors } },
  }, (req) => service.claim(req.ctx, req.params.id));
};
