import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, MatterVersionView, ReturnVersionBody, SaveVersionBody, VersionDiffQuery, VersionDiffView } from '@jsga/contracts';
import type { VersionService } from './version.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['事项管理'];

export const versionAdminRoutes = (service: VersionService): FastifyPluginAsyncZod => async (app) => {
  app.get('/versions/diff', {
    config: { access: { permission: 'matter:catalogue:view' } },
    schema: { tags, summary: '比较两个版本（逐字段列出差异）', querystring: VersionDiffQuery, response: { 200: VersionDiffView, ...errors } },
  }, (req) => service.diff(req.ctx, req.query));

  app.get('/versions/:id', {
    config: { access: { permission: 'matter:catalogue:view' } },
    schema: { tags, summary: '事项版本详情（含完整配置）', params: IdParams, response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.put('/versions/:id', {
    config: { access: { permission: 'matter:catalogue:edit' } },
    schema: { tags, summary: '保存草稿版本', params: IdParams, body: SaveVersionBody, response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.update(req.ctx, req.params.id, req.body));

  app.post('/versions/:id/submit', {
    config: { access: { permission: 'matter:catalogue:edit' } },
    schema: { tags, summary: '提交审核', params: IdParams, response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.submit(req.ctx, req.params.id));

  app.post('/versions/:id/return', {
    config: { access: { permission: 'matter:catalogue:publish' } },
    schema: { tags, summary: '退回修改（须填写原因）', params: IdParams, body: ReturnVersionBody, response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.return(req.ctx, req.params.id, req.body.reason));

  app.post('/versions/:id/publish', {
    config: { access: { permission: 'matter:catalogue:publish' } },
    schema: { tags, summary: '审核通过并发布（原发布版本自动停用；发布人不能是最后编辑人）', params: IdParams, response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.publish(req.ctx, req.params.id));

  app.post('/versions/:id/retire', {
    config: { access: { permission: 'matter:catalogue:publish' } },
    schema: { tags, summary: '停用已发布版本（事项下架，在办件仍按原版本办理）', params: IdParams, response: { 200: MatterVersionView, ...errors } },
  }, (req) => service.retire(req.ctx, req.params.id));
};
