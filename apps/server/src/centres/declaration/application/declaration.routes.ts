import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicantLicence, CreateDeclarationBody, DeclarationPrefill, DeclarationReceipt, DeclarationSummary, DeclarationView, ErrorBody, IdParams, listOf, ListQuery,
  OkResult, SaveDeclarationBody, ServicePoint, SubmitDeclarationBody, WindowPrefillBody,
} from '@jsga/contracts';
import type { DeclarationService } from './declaration.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['网上申报'];

export const declarationRoutes = (service: DeclarationService): FastifyPluginAsyncZod => async (app) => {
  app.get('/declarations', {
    config: { access: 'citizen' },
    schema: { tags, summary: '我的申报草稿', querystring: ListQuery, response: { 200: listOf(DeclarationSummary), ...errors } },
  }, (req) => service.list(req.ctx, req.query.page, req.query.pageSize));
  app.post('/declarations', {
    config: { access: 'citizen' },
    schema: { tags, summary: '开始申报（或由退件的办件修改重报）', body: CreateDeclarationBody, response: { 200: DeclarationView, ...errors } },
  }, (req) => service.create(req.ctx, req.body));
  app.get('/declarations/:id', {
    config: { access: 'citizen' },
    schema: { tags, summary: '申报草稿及其一单告知', params: IdParams, response: { 200: DeclarationView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));
  app.put('/declarations/:id', {
    config: { access: 'citizen' },
    schema: { tags, summary: '暂存（换设备登录后可继续填写）', params: IdParams, body: SaveDeclarationBody, response: { 200: DeclarationView, ...errors } },
  }, (req) => service.save(req.ctx, req.params.id, req.body));
  app.delete('/declarations/:id', {
    config: { access: 'citizen' },
    schema: { tags, summary: '删除草稿', params: IdParams, response: { 200: OkResult, ...errors } },
  }, (req) => service.remove(req.ctx, req.params.id));
  app.post('/declarations/:id/submit', {
    config: { access: 'citizen' },
    schema: { tags, summary: '提交申报，返回回执', params: IdParams, body: SubmitDeclarationBody, response: { 200: DeclarationReceipt, ...errors } },
  }, (req) => service.submit(req.ctx, req.params.id, req.body.expectedRevision));
  app.get('/prefill', {
    config: { access: 'citizen' },
    schema: { tags, summary: '感知回填数据：身份认证信息、人口信息、电子证照照面（须先授权）', response: { 200: DeclarationPrefill, ...errors } },
  }, (req) => service.prefill(req.ctx));
  app.get('/licences', {
    config: { access: 'citizen' },
    schema: { tags, summary: '本人（及所代办企业）在有效期内的电子证照，用于免证办（须先授权）', response: { 200: z.object({ items: z.array(ApplicantLicence) }), ...errors } },
  }, (req) => service.licences(req.ctx));
  app.get('/service-points', {
    config: { access: 'citizen' },
    schema: { tags, summary: '可选择的受理网点（派出所、办事窗口）', querystring: z.object({ keyword: z.string().trim().max(50).optional() }), response: { 200: z.object({ items: z.array(ServicePoint) }), ...errors } },
  }, (req) => service.servicePoints(req.query.keyword));
};

/** The window's side: 感知回填 for the applicant whose ID card was just read at the counter. */
export const declarationWindowRoutes = (service: DeclarationService): FastifyPluginAsyncZod => async (app) => {
  app.post('/window-prefill', {
    // a lookup, not a change: the service audits it itself
    config: { access: { permission: 'case:case:handle' }, readOnly: true },
    schema: { tags: ['窗口收件'], summary: '窗口感知回填：按读取的身份证查询人口信息与电子证照（留审计）', body: WindowPrefillBody, response: { 200: DeclarationPrefill, ...errors } },
  }, (req) => service.windowPrefill(req.ctx, req.body));
};
