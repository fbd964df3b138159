import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePrintTemplateBody, ErrorBody, IdParams, listOf, PreviewPrintBody, PrintKeyParams, PrintTemplateKindView, PrintTemplateListQuery,
  PrintTemplateSummary, PrintTemplateView, SavePrintDraftBody,
} from '@jsga/contracts';
import type { TemplateService } from './template.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 500: ErrorBody };
const tags = ['打印模板'];
const view = { permission: 'print:template:view' };
const manage = { permission: 'print:template:manage' };

/** Designers' side of the print centre: versioned templates, publishing, and PDF previews. */
export const templateAdminRoutes = (service: TemplateService): FastifyPluginAsyncZod => async (app) => {
  app.get('/kinds', {
    config: { access: view },
    schema: { tags, summary: '模板类别及其可用变量', response: { 200: z.array(PrintTemplateKindView), ...errors } },
  }, () => service.kinds());
  app.get('/templates', {
    config: { access: view },
    schema: { tags, summary: '打印模板列表（默认不含已停用版本）', querystring: PrintTemplateListQuery, response: { 200: listOf(PrintTemplateSummary), ...errors } },
  }, (req) => service.list(req.ctx, req.query));
  app.get('/templates/:id', {
    config: { access: view },
    schema: { tags, summary: '打印模板详情（含所用变量）', params: IdParams, response: { 200: PrintTemplateView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));
  app.post('/templates', {
    config: { access: manage },
    schema: { tags, summary: '新建打印模板（标识未被使用时创建 v1 草稿）', body: CreatePrintTemplateBody, response: { 200: PrintTemplateView, ...errors } },
  }, (req) => service.create(req.ctx, req.body));
  app.put('/drafts/:key', {
    config: { access: manage },
    schema: { tags, summary: '保存模板草稿（无草稿时新建版本）', params: PrintKeyParams, body: SavePrintDraftBody, response: { 200: PrintTemplateView, ...errors } },
  }, (req) => service.saveDraft(req.ctx, req.params.key, req.body));
  app.post('/templates/:id/publish', {
    config: { access: manage },
    schema: { tags, summary: '发布模板草稿（通过检查后发布，原发布版本停用）', params: IdParams, response: { 200: PrintTemplateView, ...errors } },
  }, (req) => service.publish(req.ctx, req.params.id));
  app.post('/templates/:id/preview', {
    config: { access: view, readOnly: true },
    schema: { tags, summary: '预览：按样例数据生成 PDF（含草稿；不传数据时使用类别的样例值）', params: IdParams, body: PreviewPrintBody, produces: ['application/pdf'] },
  }, async (req, reply) => {
    const { bytes, fileName } = await service.preview(req.ctx, req.params.id, req.body.data);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));
  });
};
