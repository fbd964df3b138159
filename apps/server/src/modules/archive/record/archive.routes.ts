import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArchiveBatchBody, ArchiveBatchResult, ArchiveListQuery, ArchiveMatterRuleView, ArchiveRecordSummary, ArchiveRecordView, ArchiveRuleBody, ArchiveRuleOverview, ArchiveTypeRuleView,
  ArchiveFacets, ArchiveLogQuery, AuditLogView, ErrorBody, IdParams, ListQuery, listOf, MatterType,
} from '@jsga/contracts';
import type { ArchiveService } from './archive.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['电子归档'];
const view = { permission: 'archive:record:view' } as const;

export const archiveRoutes = (service: ArchiveService): FastifyPluginAsyncZod => async (app) => {
  app.get('/records', {
    config: { access: view },
    schema: { tags, summary: '归档记录：待归档 / 检测未通过 / 已归档（本人数据范围内）', querystring: ArchiveListQuery, response: { 200: listOf(ArchiveRecordSummary), ...errors } },
  }, (req) => service.list(req.ctx, req.query));
  app.get('/records/facets', {
    config: { access: view },
    schema: {
      tags, summary: '归档记录的筛选项：本人数据范围内有记录的单位、事项（可限定年度）与年度',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: ArchiveFacets, ...errors },
    },
  }, (req) => service.facets(req.ctx, req.query.year));
  app.get('/records/:id', {
    config: { access: view },
    schema: { tags, summary: '归档记录详情：清点结果、四性检测各项、档号与信息包', params: IdParams, response: { 200: ArchiveRecordView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));
  const act = { permission: 'archive:record:archive' } as const;
  app.post('/records/:id/check', {
    config: { access: act },
    schema: { tags, summary: '四性检测（真实性、完整性、可用性、安全性），逐项给出结果；未通过的转入“检测未通过”', params: IdParams, response: { 200: ArchiveRecordView, ...errors } },
  }, (req) => service.check(req.ctx, req.params.id));
  app.post('/records/:id/archive', {
    config: { access: act },
    schema: { tags, summary: '归档：赋予档号，生成并签署归档信息包，检测通过后保存（档号一经赋予不再变更）', params: IdParams, response: { 200: ArchiveRecordView, ...errors } },
  }, (req) => service.archive(req.ctx, req.params.id));
  app.post('/records/batch-archive', {
    config: { access: act },
    schema: { tags, summary: '批量归档（逐件办理，一件失败不影响其他）', body: ArchiveBatchBody, response: { 200: ArchiveBatchResult, ...errors } },
  }, (req) => service.archiveBatch(req.ctx, req.body.ids));
  app.get('/records/:id/package', {
    config: { access: act },
    schema: { tags, summary: '下载归档信息包（ZIP：元数据 XML、文件、摘要清单与签名）', params: IdParams, produces: ['application/zip'] },
  }, async (req, reply) => {
    const { bytes, fileName } = await service.package(req.ctx, req.params.id);
    return reply.type('application/zip')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));
  });
  app.get('/logs', {
    config: { access: view },
    schema: { tags, summary: '归档日志：检测、归档、下载与配置变更的操作记录（本人数据范围内，最新在前）', querystring: ArchiveLogQuery, response: { 200: listOf(AuditLogView), ...errors } },
  }, (req) => service.logs(req.ctx, req.query));
  app.get('/stats', {
    config: { access: { permission: 'archive:stats:view' } },
    schema: {
      tags, summary: '归档统计：按单位或事项的应归档、已归档、未通过与归档率（高者在前）',
      querystring: z.object({ by: z.enum(['org', 'matter']).default('org'), year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: z.object({ items: z.array(z.object({ key: z.string(), name: z.string(), total: z.number(), archived: z.number(), failed: z.number(), pending: z.number(), rate: z.number() })) }), ...errors },
    },
  }, (req) => service.stats(req.ctx, req.query));
  const MatterCodeParams = z.object({ matterCode: z.string().trim().min(1).max(64) });
  const manage = { permission: 'archive:rule:manage' } as const;
  app.get('/rules', {
    config: { access: view },
    schema: { tags, summary: '归档配置总览：各事项类型的默认配置，及已发布事项（分页）各自适用的配置', querystring: ListQuery, response: { 200: ArchiveRuleOverview, ...errors } },
  }, (req) => service.rules(req.ctx, req.query));
  app.put('/rules/types/:matterType', {
    config: { access: manage },
    schema: {
      tags, summary: '保存事项类型的默认归档配置（未单独配置的事项按此归档；目录不列具体申请材料）',
      params: z.object({ matterType: MatterType }), body: ArchiveRuleBody.and(z.object({ expectedRevision: z.number().int().optional() })), response: { 200: ArchiveTypeRuleView, ...errors },
    },
  }, (req) => service.saveTypeRule(req.ctx, req.params.matterType, req.body));
  app.get('/rules/:matterCode', {
    config: { access: view },
    schema: { tags, summary: '事项的归档配置（本事项配置，或回落到事项类型/国家默认）及本事项的申请材料', params: MatterCodeParams, response: { 200: ArchiveMatterRuleView, ...errors } },
  }, (req) => service.rule(req.ctx, req.params.matterCode));
  app.delete('/rules/:matterCode', {
    config: { access: manage },
    schema: {
      tags, summary: '恢复默认：删除事项自己的归档配置，改按事项类型默认归档',
      params: MatterCodeParams, querystring: z.object({ expectedRevision: z.coerce.number().int().optional() }), response: { 200: ArchiveMatterRuleView, ...errors },
    },
  }, (req) => service.resetRule(req.ctx, req.params.matterCode, req.query.expectedRevision));
  app.put('/rules/:matterCode', {
    config: { access: manage },
    schema: {
      tags, summary: '保存事项的归档配置：保管期限、开放程度、密级、归档范围、归档材料目录',
      params: MatterCodeParams, body: ArchiveRuleBody.and(z.object({ expectedRevision: z.number().int().optional() })), response: { 200: ArchiveMatterRuleView, ...errors },
    },
  }, (req) => service.saveRule(req.ctx, req.params.matterCode, req.body));
};
