import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddSignBody, CcTaskBody, CompleteTaskBody, ErrorBody, IdParams, listOf, ListQuery, RemindTaskBody, RemoveSignBody, ResolveTaskBody, ReturnTaskBody,
  TaskActionResult, TaskUserBody, WithdrawTaskBody, WorkflowCcView, WorkflowDoneTaskQuery, WorkflowDoneTaskView, WorkflowTaskDetail, WorkflowTaskView,
} from '@jsga/contracts';
import type { TaskDesk } from './task-desk.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const tags = ['流程中心'];
// who may do what to a given task is decided per task by the service
const access = { access: { permission: 'workflow:task:view' } } as const;
const Page = ListQuery.pick({ page: true, pageSize: true });

export const taskRoutes = (desk: TaskDesk): FastifyPluginAsyncZod => async (app) => {
  app.get('/tasks', {
    config: access,
    schema: { tags, summary: '我的待办（分配给我的、本岗位角色在本单位待签收的、我委派出去的），按到期日排序', querystring: ListQuery, response: { 200: listOf(WorkflowTaskView), ...errors } },
  }, (req) => desk.myTasks(req.ctx, req.query));

  app.get('/tasks/done', {
    config: access,
    schema: {
      tags, summary: '已办：本人办理过的任务（通过、不通过、退回、被委派后交回），按办理时间倒序；可按办件编号、事项或流程名称及办理日期查询，含流程当前状态与能否撤回',
      querystring: WorkflowDoneTaskQuery, response: { 200: listOf(WorkflowDoneTaskView), ...errors },
    },
  }, (req) => desk.doneTasks(req.ctx, req.query));

  app.get('/tasks/:id', {
    config: access,
    schema: { tags, summary: '任务详情：我可执行的操作、可退回的节点、会签/加签人员、审批意见', params: IdParams, response: { 200: WorkflowTaskDetail, ...errors } },
  }, (req) => desk.detail(req.ctx, req.params.id));

  app.post('/tasks/:id/claim', {
    config: access,
    schema: { tags, summary: '签收任务', params: IdParams, response: { 200: WorkflowTaskView, ...errors } },
  }, (req) => desk.claim(req.ctx, req.params.id));

  const action = { tags, params: IdParams, response: { 200: TaskActionResult, ...errors } };
  app.post('/tasks/:id/complete', { config: access, schema: { ...action, summary: '办理：通过 / 不通过（不通过须填写理由）', body: CompleteTaskBody } },
    (req) => desk.complete(req.ctx, req.params.id, req.body));
  app.post('/tasks/:id/return', { config: access, schema: { ...action, summary: '退回到已经过的人工节点', body: ReturnTaskBody } },
    (req) => desk.returnTo(req.ctx, req.params.id, req.body));
  app.post('/tasks/:id/transfer', { config: access, schema: { ...action, summary: '转办：任务交给他人办理', body: TaskUserBody } },
    (req) => desk.transfer(req.ctx, req.params.id, req.body));
  app.post('/tasks/:id/delegate', { config: access, schema: { ...action, summary: '委派：他人办理后交回本人决定', body: TaskUserBody } },
    (req) => desk.delegate(req.ctx, req.params.id, req.body));
  app.post('/tasks/:id/resolve', { config: access, schema: { ...action, summary: '被委派人办理完成并交回委派人', body: ResolveTaskBody } },
    (req) => desk.resolve(req.ctx, req.params.id, req.body));
  app.post('/tasks/:id/add-sign', { config: access, schema: { ...action, summary: '加签：前加签（他人先办）或后加签（本人通过后再由他人确认）', body: AddSignBody } },
    (req) => desk.addSign(req.ctx, req.params.id, req.body));
  app.post('/tasks/:id/remove-sign', { config: access, schema: { ...action, summary: '减签：取消尚未办理的会签或加签人员', body: RemoveSignBody } },
    (req) => desk.removeSign(req.ctx, req.params.id, req.body));
  app.post('/tasks/:id/withdraw', { config: access, schema: { ...action, summary: '撤回本人已办理的任务（下一环节尚未办理时）', body: WithdrawTaskBody.optional() } },
    (req) => desk.withdraw(req.ctx, req.params.id));
  app.post('/tasks/:id/remind', { config: access, schema: { ...action, summary: '催办（同一任务每小时一次）', body: RemindTaskBody.optional() } },
    (req) => desk.remind(req.ctx, req.params.id, req.body ?? {}));
  app.post('/tasks/:id/cc', { config: access, schema: { ...action, summary: '抄送', body: CcTaskBody } },
    (req) => desk.cc(req.ctx, req.params.id, req.body));

  app.get('/cc', {
    config: access,
    schema: { tags, summary: '抄送我的', querystring: Page, response: { 200: listOf(WorkflowCcView), ...errors } },
  }, (req) => desk.ccToMe(req.ctx, req.query));
};
