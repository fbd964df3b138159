import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, listOf, ListQuery, OkResult, permissionCatalogue, RoleView, SaveRoleBody } from '@jsga/contracts';
import type { RoleService } from './role.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['角色权限'];
const PermissionDefView = z.object({ code: z.string(), name: z.string(), type: z.enum(['menu', 'button', 'api']), group: z.string() });

export const roleAdminRoutes = (service: RoleService): FastifyPluginAsyncZod => async (app) => {
  app.get('/permissions', {
    config: { access: { permission: 'identity:role:view' } },
    schema: { tags, summary: '权限目录（菜单/按钮/接口）', response: { 200: z.object({ items: z.array(PermissionDefView) }), ...errors } },
  }, async () => ({ items: [...permissionCatalogue] }));

  app.get('/roles', {
    config: { access: { permission: 'identity:role:view' } },
    schema: { tags, summary: '角色列表', querystring: ListQuery, response: { 200: listOf(RoleView), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.post('/roles', {
    config: { access: { permission: 'identity:role:manage' } },
    schema: { tags, summary: '新增角色', body: SaveRoleBody, response: { 200: RoleView, ...errors } },
  }, (req) => service.create(req.ctx, req.body));

  app.put('/roles/:id', {
    config: { access: { permission: 'identity:role:manage' } },
    schema: { tags, summary: '编辑角色', params: IdParams, body: SaveRoleBody, response: { 200: RoleView, ...errors } },
  }, (req) => service.update(req.ctx, req.params.id, req.body));

  app.delete('/roles/:id', {
    config: { access: { permission: 'identity:role:manage' } },
    schema: { tags, summary: '删除角色（未被使用的非系统角色）', params: IdParams, response: { 200: OkResult, ...errors } },
  }, (req) => service.remove(req.ctx, req.params.id));
};
