import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateOrgBody, ErrorBody, IdParams, listOf, OrgListQuery, OrgView, UpdateOrgBody } from '@jsga/contracts';
import type { OrgService } from './org.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['机构管理'];

export const orgAdminRoutes = (service: OrgService): FastifyPluginAsyncZod => async (app) => {
  app.get('/orgs', {
    config: { access: { permission: 'identity:org:view' } },
    schema: { tags, summary: '机构列表（数据范围内；无条件时返回范围顶层）', querystring: OrgListQuery, response: { 200: listOf(OrgView), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.get('/orgs/:id', {
    config: { access: { permission: 'identity:org:view' } },
    schema: { tags, summary: '机构详情', params: IdParams, response: { 200: OrgView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.post('/orgs', {
    config: { access: { permission: 'identity:org:create' } },
    schema: { tags, summary: '新增机构', body: CreateOrgBody, response: { 200: OrgView, ...errors } },
  }, (req) => service.create(req.ctx, req.body));

  app.patch('/orgs/:id', {
    config: { access: { permission: 'identity:org:update' } },
    schema: { tags, summary: '编辑/停用机构', params: IdParams, body: UpdateOrgBody, response: { 200: OrgView, ...errors } },
  }, (req) => service.update(req.ctx, req.params.id, req.body));
};
