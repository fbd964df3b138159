import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DuplicateIdGroupView, ErrorBody, HouseholdView, IdParams, IdSegmentBody, IdSegmentView, listOf, PersonListQuery, PersonSummary, PersonView, PopulationStats } from '@jsga/contracts';
import type { IdSegmentService } from '../segment/id-segment.service';
import type { RegistryService } from './registry.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['户政管理'];
const view = { permission: 'hukou:person:view' } as const;

export const registryRoutes = (registry: RegistryService, segments: IdSegmentService): FastifyPluginAsyncZod => async (app) => {
  app.get('/persons', {
    config: { access: view },
    schema: { tags, summary: '人口信息查询：按身份号码、姓名、户号、状态、派出所或关键词（本人数据范围内；身份号码脱敏）', querystring: PersonListQuery, response: { 200: listOf(PersonSummary), ...errors } },
  }, (req) => registry.listPersons(req.ctx, req.query));
  app.get('/persons/:id', {
    config: { access: view },
    schema: { tags, summary: '常住人口登记表与业务变动轨迹（查看留痕）', params: IdParams, response: { 200: PersonView, ...errors } },
  }, (req) => registry.getPerson(req.ctx, req.params.id));
  app.get('/persons/:id/register.pdf', {
    config: { access: view },
    schema: { tags, summary: '打印常住人口登记表（含变动轨迹；每次打印留痕并计次）', params: IdParams, produces: ['application/pdf'] },
  }, async (req, reply) => {
    const { bytes, fileName, copyNo } = await registry.printRegister(req.ctx, req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('x-print-copy', String(copyNo)).header('cache-control', 'private, no-store').send(Buffer.from(bytes));
  });
  app.get('/households/:id', {
    config: { access: view },
    schema: { tags, summary: '户：户别、户主、住址、户内成员与变动轨迹', params: IdParams, response: { 200: HouseholdView, ...errors } },
  }, (req) => registry.getHousehold(req.ctx, req.params.id));
  app.get('/duplicates', {
    config: { access: view },
    schema: { tags, summary: '重号管理：被多名在册人员共用的公民身份号码', response: { 200: z.object({ items: z.array(DuplicateIdGroupView) }), ...errors } },
  }, (req) => registry.duplicates(req.ctx));
  app.get('/stats', {
    config: { access: { permission: 'hukou:stats:view' } },
    schema: { tags, summary: '人口统计：性别、年龄段、民族构成与近一年每月业务变动', response: { 200: PopulationStats, ...errors } },
  }, (req) => registry.stats(req.ctx));

  const manage = { permission: 'hukou:segment:manage' } as const;
  app.get('/id-segments', {
    config: { access: manage },
    schema: { tags, summary: '号段管理：各派出所的公民身份号码顺序码号段与已分配数', querystring: z.object({ addressCode: z.string().regex(/^\d{6}$/).optional() }), response: { 200: z.object({ items: z.array(IdSegmentView) }), ...errors } },
  }, (req) => segments.list(req.ctx, req.query));
  app.post('/id-segments', {
    config: { access: manage },
    schema: { tags, summary: '为派出所分配号段（001–999 内，不得与同一地址码的其他号段重叠）', body: IdSegmentBody, response: { 200: IdSegmentView, ...errors } },
  }, (req) => segments.create(req.ctx, req.body));
};
