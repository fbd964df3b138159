import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateDraftBody, CreateMatterBody, ErrorBody, IdParams, listOf, MatterAdminDetail, MatterAdminSummary, MatterListQuery, MatterVersionView,
} from '@jsga/contracts';
import type { CatalogueService } from './catalogue.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['事项管理'];

export const catalogueAdminRoutes = (service: CatalogueService): FastifyPluginAsyncZod => async (app) => {
  app.get('/matters', {
    config: { access: { permission: 'matter:catalogue:view' } },
    schema: { tags, summary: '标准事项列表（关键字、警种、办件类型、状态）', querystring: MatterListQuery, response: { 200: listOf(MatterAdminSummary), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.get('/matters/:id', {
    config: { access: { permission: 'matter:catalogue:view' } },
    schema: { tags, summary: '标准事项详情：全部版本与数据范围内的实施事项', params: IdParams, response: { 200: MatterAdminDetail, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.post('/matters', {
    config: { access: { permission: 'matter:catalogue:edit' } },
    schema: { tags, summary: '新增标准事项（草稿版本 1）', body: CreateMatterBody, response: { 200: MatterAdminDetail, ...errors } },
  }, (req) => service.create(req.ctx, req.body));

  app.post('/matters/:id/versions', {
    config: { access: { permission: 'matter:catalogue:edit' } },
    schema: { tags, summary: '新建草稿版本（复制最新版本或指定版本）', params: IdParams, body: CreateDraftBody.nullish(), response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.createDraft(req.ctx, req.params.id, req.body ?? {}));
};
