import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditLogView, AuditVerifyResult, ErrorBody, listOf } from '@jsga/contracts';
import type { AuditLogService } from './audit-log.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['安全审计'];

export const auditLogAdminRoutes = (service: AuditLogService): FastifyPluginAsyncZod => async (app) => {
  app.get('/logs', {
    config: { access: { permission: 'audit:log:view' } },
    schema: { tags, summary: '审计日志查询（数据范围内，最新在前）', querystring: AuditListQuery, response: { 200: listOf(AuditLogView), ...errors } },
  }, (req) => service.list(req.ctx, req.query));

  app.post('/verify', {
    config: { access: { permission: 'audit:log:verify' } },
    schema: { tags, summary: '校验审计哈希链', response: { 200: AuditVerifyResult, ...errors } },
  }, (req) => service.verify(req.ctx));
};
