import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, FormDefinitionSummary, FormDefinitionView, FormKeyParams, FormListQuery, FormValidationResult, IdParams, listOf, SaveFormDraftBody, ValidateFormBody } from '@jsga/contracts';
import type { FormDefinitionService } from './form-definition.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['表单中心'];

export const formAdminRoutes = (service: FormDefinitionService): FastifyPluginAsyncZod => async (app) => {
  app.get('/definitions', {
    config: { access: { permission: 'form:definition:view' } },
    schema: { tags, summary: '表单定义列表', querystring: FormListQuery, response: { 200: listOf(FormDefinitionSummary), ...errors } },
  }, (req) => service.list(req.ctx, req.query));
  app.get('/definitions/:id', {
    config: { access: { permission: 'form:definition:view' } },
    schema: { tags, summary: '表单定义详情', params: IdParams, response: { 200: FormDefinitionView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));
  app.get('/definitions/:id/versions', {
    config: { access: { permission: 'form:definition:view' } },
    schema: { tags, summary: '同一表单标识的全部版本（新版本在前）', params: IdParams, response: { 200: z.array(FormDefinitionSummary), ...errors } },
  }, (req) => service.versions(req.ctx, req.params.id));
  app.post('/definitions', {
    config: { access: { permission: 'form:definition:manage' } },
    schema: { tags, summary: '新建表单（标识未被使用时创建 v1 草稿）', body: SaveFormDraftBody, response: { 200: FormDefinitionView, ...errors } },
  }, (req) => service.create(req.ctx, req.body.definition));
  app.post('/definitions/:id/validate', {
    config: { access: { permission: 'form:definition:view' }, readOnly: true },
    schema: { tags, summary: '按指定版本（含草稿）校验样例数据，供设计器预览对照', params: IdParams, body: ValidateFormBody, response: { 200: FormValidationResult, ...errors } },
  }, (req) => service.validateById(req.ctx, req.params.id, req.body.data, req.body.context));
  app.put('/drafts/:key', {
    config: { access: { permission: 'form:definition:manage' } },
    schema: { tags, summary: '保存表单草稿（无草稿时新建版本）', params: FormKeyParams, body: SaveFormDraftBody, response: { 200: FormDefinitionView, ...errors } },
  }, (req) => service.saveDraft(req.ctx, req.params.key, req.body.definition));
  app.post('/definitions/:id/publish', {
    config: { access: { permission: 'form:definition:manage' } },
    schema: { tags, summary: '发布表单草稿', params: IdParams, response: { 200: FormDefinitionView, ...errors } },
  }, (req) => service.publish(req.ctx, req.params.id));
};

export const formPublicRoutes = (service: FormDefinitionService): FastifyPluginAsyncZod => async (app) => {
  app.get('/versions/:id', {
    config: { access: 'public' },
    schema: { tags, summary: '某一已发布版本的表单定义（办件沿用其申报时的版本）', security: [], params: IdParams, response: { 200: FormDefinitionView, ...errors } },
  }, (req) => service.getReleasedVersion(req.params.id));
  app.get('/:key', {
    config: { access: 'public' },
    schema: { tags, summary: '已发布的表单定义（供渲染）', security: [], params: FormKeyParams, response: { 200: FormDefinitionView, ...errors } },
  }, (req) => service.getPublishedView(req.params.key));
  app.post('/:key/validate', {
    config: { access: 'public', readOnly: true },
    schema: { tags, summary: '按已发布定义校验填报数据（与浏览器同一套规则）', security: [], params: FormKeyParams, body: ValidateFormBody, response: { 200: FormValidationResult, ...errors } },
  }, (req) => service.validate(req.params.key, req.body.data, req.body.context));
};
