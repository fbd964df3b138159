import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, LicenceDetailView, LicenceIdParams, LicenceLookupQuery, LicenceSummaryView, LicenceTypeView, listOf } from '@jsga/contracts';
import type { LicenceService } from './licence.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 502: ErrorBody };
const tags = ['电子证照'];
const access = { permission: 'elicense:licence:view' };

/** Officer side of the e-licence centre: every read of personal data leaves an audit record. */
export const licenceAdminRoutes = (service: LicenceService): FastifyPluginAsyncZod => async (app) => {
  app.get('/licence-types', {
    config: { access },
    schema: { tags, summary: '证照类型目录（照面字段及其回填键）', response: { 200: z.array(LicenceTypeView), ...errors } },
  }, async () => (await service.listTypes()).map(({ sort: _sort, ...t }) => t));

  app.get('/licences', {
    config: { access },
    schema: { tags, summary: '按持证人查询电子证照（公民身份号码或统一社会信用代码；号码脱敏；查询留痕）', querystring: LicenceLookupQuery,
      response: { 200: listOf(LicenceSummaryView), ...errors } },
  }, (req) => service.lookup(req.ctx, req.query));

  app.get('/licences/:id', {
    config: { access },
    schema: { tags, summary: '电子证照详情（含照面信息；查看留痕）', params: LicenceIdParams, response: { 200: LicenceDetailView, ...errors } },
  }, (req) => service.detail(req.ctx, req.params.id));
};
