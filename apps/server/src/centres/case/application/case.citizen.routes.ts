import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CitizenCaseListQuery, CitizenCaseSummary, CitizenCaseView, ErrorBody, IdParams, listOf, SignPromiseBody, SupplyMaterialsBody } from '@jsga/contracts';
import type { CaseService } from './case.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['我的办件'];

/** The applicant's side: their own cases only (by the identity they signed in with), 补件 and their files. */
export const caseCitizenRoutes = (service: CaseService): FastifyPluginAsyncZod => async (app) => {
  app.get('/cases', {
    config: { access: 'citizen' },
    schema: { tags, summary: '我的办件（本人或所代办企业的办件）', querystring: CitizenCaseListQuery, response: { 200: listOf(CitizenCaseSummary), ...errors } },
  }, (req) => service.listForApplicant(req.ctx, req.query));
  app.get('/cases/:id', {
    config: { access: 'citizen' },
    schema: { tags, summary: '办件进度、材料、补件要求与办理结果', params: IdParams, response: { 200: CitizenCaseView, ...errors } },
  }, (req) => service.getForApplicant(req.ctx, req.params.id));
  app.post('/cases/:id/supplement', {
    config: { access: 'citizen' },
    schema: { tags, summary: '在线补正材料', params: IdParams, body: SupplyMaterialsBody, response: { 200: CitizenCaseView, ...errors } },
  }, (req) => service.supply(req.ctx, req.params.id, req.body));
  app.post('/cases/:id/tolerance-promise', {
    config: { access: 'citizen' },
    schema: { tags, summary: '在线签署容缺受理承诺书（以实名登录身份签署）', params: IdParams, body: SignPromiseBody, response: { 200: CitizenCaseView, ...errors } },
  }, (req) => service.signPromise(req.ctx, req.params.id));
  app.get('/cases/:id/files/:fileId', {
    config: { access: 'citizen' },
    schema: { tags, summary: '下载本人办件的材料或结果文书', params: IdParams.extend({ fileId: z.uuid() }) },
  }, async (req, reply) => {
    const { meta, bytes } = await service.applicantFile(req.ctx, req.params.id, req.params.fileId);
    return reply.type(meta.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));
  });
};
