import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChecklistBody, ErrorBody, listOf, MatterChecklist, MatterCodeParams, MatterSuggestQuery, MatterSuggestResult, PublicMatterGuide, PublicMatterListQuery,
  PublicMatterSummary,
} from '@jsga/contracts';
import type { MatterSuggestService } from './matter-suggest.service';
import type { PublishedMatterService } from './published-matter.service';

const errors = { 400: ErrorBody, 404: ErrorBody };
const tags = ['办事指南'];

/** The public catalogue: readable without login, as the portal, the apps and the kiosks need. */
export const matterPublicRoutes = (service: PublishedMatterService, suggestions: MatterSuggestService): FastifyPluginAsyncZod => async (app) => {
  app.get('/matters', {
    config: { access: 'public' },
    schema: { tags, summary: '已发布事项列表（名称或编码模糊匹配，警种、专区、渠道筛选）', security: [], querystring: PublicMatterListQuery,
      response: { 200: listOf(PublicMatterSummary), ...errors } },
  }, (req) => service.list(req.query));

  app.get('/matters/suggest', {
    config: { access: 'public' },
    schema: { tags, summary: '搜索联想：按名称相似度（容错别字、部分名称）给出至多10个已发布事项', security: [], querystring: MatterSuggestQuery,
      response: { 200: MatterSuggestResult, ...errors } },
  }, (req) => suggestions.suggest(req.query.q));

  app.get('/matters/:code', {
    config: { access: 'public' },
    schema: { tags, summary: '办事指南（材料、情形、条件、收费、时限）', security: [], params: MatterCodeParams, response: { 200: PublicMatterGuide, ...errors } },
  }, (req) => service.guide(req.params.code));

  app.post('/matters/:code/checklist', {
    config: { access: 'public', readOnly: true },
    schema: { tags, summary: '按情形选择生成一单告知材料清单', security: [], params: MatterCodeParams, body: ChecklistBody,
      response: { 200: MatterChecklist, ...errors } },
  }, (req) => service.checklist(req.params.code, req.body.answers));
};
