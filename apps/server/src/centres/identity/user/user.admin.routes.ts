import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ColleagueQuery, ColleagueView, CreateUserBody, ErrorBody, IdParams, listOf, OkResult, ResetPasswordBody, UpdateUserBody, UserListQuery, UserView } from '@jsga/contracts';
import type { UserService } from './user.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['用户管理'];

export const colleagueRoutes = (service: UserService): FastifyPluginAsyncZod => async (app) => {
  app.get('/colleagues', {
    config: { access: 'authenticated', readOnly: true },
    schema: { tags, summary: '按姓名、账号或警号查找同事（转办、委派、加签、抄送时选择人员），最多 20 人，只含姓名与单位', querystring: ColleagueQuery, response: { 200: z.object({ items: z.array(ColleagueView) }), ...errors } },
  }, (req) => service.colleagues(req.query.keyword));
};

export const userAdminRoutes = (service: UserService): FastifyPluginAsyncZod => async (app) => {
  app.get('/users', {
    config: { access: { permission: 'identity:user:view' } },
    schema: { tags, summary: '用户列表（数据范围内）', querystring: UserListQuery, response: { 200: listOf(UserView), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.get('/users/:id', {
    config: { access: { permission: 'identity:user:view' } },
    schema: { tags, summary: '用户详情', params: IdParams, response: { 200: UserView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.post('/users', {
    config: { access: { permission: 'identity:user:create' } },
    schema: { tags, summary: '新增用户及岗位', body: CreateUserBody, response: { 200: UserView, ...errors } },
  }, (req) => service.create(req.ctx, req.body));

  app.patch('/users/:id', {
    config: { access: { permission: 'identity:user:update' } },
    schema: { tags, summary: '编辑用户、调整岗位、停用', params: IdParams, body: UpdateUserBody, response: { 200: UserView, ...errors } },
  }, (req) => service.update(req.ctx, req.params.id, req.body));

  app.post('/users/:id/reset-password', {
    config: { access: { permission: 'identity:user:reset-password' } },
    schema: { tags, summary: '重置密码（吊销该用户全部会话）', params: IdParams, body: ResetPasswordBody, response: { 200: OkResult, ...errors } },
  }, (req) => service.resetPassword(req.ctx, req.params.id, req.body.password));

  app.post('/users/:id/unlock', {
    config: { access: { permission: 'identity:user:reset-password' } },
    schema: { tags, summary: '解除登录锁定', params: IdParams, response: { 200: OkResult, ...errors } },
  }, (req) => service.unlock(req.ctx, req.params.id));
};
