import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, EvaluateBody, EvaluationListQuery, EvaluationView, IdParams, listOf } from '@jsga/contracts';
import type { EvaluationService } from './evaluation.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['好差评'];

export const evaluationCitizenRoutes = (service: EvaluationService): FastifyPluginAsyncZod => async (app) => {
  app.get('/cases/:id/evaluation', {
    config: { access: 'citizen' },
    schema: { tags, summary: '本人办件的评价', params: IdParams, response: { 200: z.object({ evaluation: EvaluationView.nullable() }), ...errors } },
  }, (req) => service.ofCaseForApplicant(req.ctx, req.params.id));
  app.post('/cases/:id/evaluation', {
    config: { access: 'citizen' },
    schema: { tags, summary: '评价已办结的办件（五级，一次）', params: IdParams, body: EvaluateBody, response: { 200: EvaluationView, ...errors } },
  }, (req) => service.evaluate(req.ctx, req.params.id, req.body));
};

export const evaluationAdminRoutes = (service: EvaluationService): FastifyPluginAsyncZod => async (app) => {
  app.get('/evaluations', {
    config: { access: { permission: 'case:case:view' } },
    schema: { tags, summary: '本单位（数据范围内）办件的评价', querystring: EvaluationListQuery, response: { 200: listOf(EvaluationView), ...errors } },
  }, (req) => service.list(req.ctx, req.query));
};
