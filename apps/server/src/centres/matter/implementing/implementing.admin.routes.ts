import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateDraftBody, CreateImplementingBody, ErrorBody, IdParams, ImplementingListQuery, ImplementingMatterView, listOf, MatterVersionView,
} from '@jsga/contracts';
import type { ImplementingService } from './implementing.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['事项管理'];

export const implementingAdminRoutes = (service: ImplementingService): FastifyPluginAsyncZod => async (app) => {
  app.get('/implementing', {
    config: { access: { permission: 'matter:catalogue:view' } },
    schema: { tags, summary: '实施事项列表（数据范围内）', querystring: ImplementingListQuery, response: { 200: listOf(ImplementingMatterView), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.get('/implementing/:id', {
    config: { access: { permission: 'matter:catalogue:view' } },
    schema: { tags, summary: '实施事项详情与版本', params: IdParams, response: { 200: ImplementingMatterView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.post('/matters/:id/implementing', {
    config: { access: { permission: 'matter:catalogue:edit' } },
    schema: { tags, summary: '为数据范围内的机构新建实施事项（复制标准事项已发布版本为草稿）', params: IdParams, body: CreateImplementingBody,
      response: { 200: ImplementingMatterView, ...errors } },
  }, (req) => service.create(req.ctx, req.params.id, req.body));

  app.post('/implementing/:id/versions', {
    config: { access: { permission: 'matter:catalogue:edit' } },
    schema: { tags, summary: '实施事项新建草稿版本', params: IdParams, body: CreateDraftBody.nullish(), response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.createDraft(req.ctx, req.params.id, req.body ?? {}));
};
