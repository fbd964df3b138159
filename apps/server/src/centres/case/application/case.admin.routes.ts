import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaseActionBody, CaseListQuery, ChangeDeliveryBody, CollectBody, CaseSensitiveView, CaseSummary, CaseView, CreateCaseBody, ErrorBody, IdParams, LicenceCandidatesView, listOf, MigrateCaseProcessBody, PromisePreviewBody, UseLicenceBody,
} from '@jsga/contracts';
import type { CaseService } from './case.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['办件中心'];

const pdf = (reply: FastifyReply, doc: { bytes: Uint8Array; fileName: string }) => reply
  .type('application/pdf')
  .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
  .header('cache-control', 'private, no-store')
  .send(Buffer.from(doc.bytes));

export const caseAdminRoutes = (service: CaseService): FastifyPluginAsyncZod => async (app) => {
  app.get('/cases', {
    config: { access: { permission: 'case:case:view' } },
    schema: { tags, summary: '办件查询：关键字（编号、申请人、事项名称模糊，证件号精确）与组合条件，限本人数据范围', querystring: CaseListQuery, response: { 200: listOf(CaseSummary), ...errors } },
  }, (req) => service.list(req.ctx, req.query));
  app.get('/cases/:id', {
    config: { access: { permission: 'case:case:view' } },
    schema: { tags, summary: '办件详情：历史、材料、计时暂停、关联、在办任务、可做的操作', params: IdParams, response: { 200: CaseView, ...errors } },
  }, (req) => service.get(req.ctx, req.params.id));
  app.get('/cases/:id/sensitive', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '查看完整证件号码与手机号（留审计）', params: IdParams, response: { 200: CaseSensitiveView, ...errors } },
  }, (req) => service.sensitive(req.ctx, req.params.id));
  app.post('/cases', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '登记办件（窗口收件或代为申报）', body: CreateCaseBody, response: { 200: CaseView, ...errors } },
  }, (req) => service.create(req.ctx, req.body));
  app.post('/cases/:id/actions', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '办理：预审、补件、受理、容缺受理、不予受理、审核审批、特别程序、办结、退件、撤件', params: IdParams, body: CaseActionBody, response: { 200: CaseView, ...errors } },
  }, (req) => service.act(req.ctx, req.params.id, req.body));
  app.post('/cases/:id/return-step', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '审批流程内退回到已经过的节点', params: IdParams, body: z.object({ taskId: z.uuid(), targetNodeId: z.string().min(1).max(100), opinion: z.string().trim().min(1, '请填写退回理由').max(2000) }), response: { 200: CaseView, ...errors } },
  }, (req) => service.returnStep(req.ctx, req.params.id, req.body));
  app.post('/cases/:id/delivery', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '变更结果送达方式（窗口领取 ↔ 邮寄）', params: IdParams, body: ChangeDeliveryBody, response: { 200: CaseView, ...errors } },
  }, (req) => service.changeDelivery(req.ctx, req.params.id, req.body));
  app.post('/cases/:id/collection', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '领取登记（窗口领取办理结果）', params: IdParams, body: CollectBody, response: { 200: CaseView, ...errors } },
  }, (req) => service.collect(req.ctx, req.params.id, req.body));
  app.post('/cases/:id/tolerance-promise/preview', {
    config: { access: { permission: 'case:case:handle' }, readOnly: true },
    schema: { tags, summary: '生成容缺受理承诺书（打印后由申请人签字）', params: IdParams, body: PromisePreviewBody, produces: ['application/pdf'] },
  }, async (req, reply) => pdf(reply, await service.promisePreview(req.ctx, req.params.id, req.body)));
  app.get('/cases/:id/application-form.pdf', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '打印申请表（按已发布的申请表模板；含完整证件号码，留审计）', params: IdParams, produces: ['application/pdf'] },
  }, async (req, reply) => pdf(reply, await service.applicationFormPdf(req.ctx, req.params.id)));
  app.get('/cases/:id/documents', {
    config: { access: { permission: 'case:case:view' } },
    schema: { tags, summary: '本事项绑定的业务文书（已发布的打印模板）', params: IdParams, response: { 200: z.object({ items: z.array(z.object({ key: z.string(), title: z.string() })) }), ...errors } },
  }, (req) => service.documents(req.ctx, req.params.id));
  app.get('/cases/:id/documents/:key', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '打印业务文书（如户口迁移审批表、准予迁入证明；含完整证件号码，留审计）', params: IdParams.extend({ key: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/) }), produces: ['application/pdf'] },
  }, async (req, reply) => pdf(reply, await service.documentPdf(req.ctx, req.params.id, req.params.key)));
  app.get('/cases/:id/licence-candidates', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '证照服务：可替代各材料的申请人有效电子证照（留审计）', params: IdParams, response: { 200: LicenceCandidatesView, ...errors } },
  }, (req) => service.licenceCandidates(req.ctx, req.params.id));
  app.post('/cases/:id/materials/:materialId/licence', {
    config: { access: { permission: 'case:case:handle' } },
    schema: { tags, summary: '证照服务：以电子证照替代该材料', params: IdParams.extend({ materialId: z.uuid() }), body: UseLicenceBody, response: { 200: CaseView, ...errors } },
  }, (req) => service.useLicence(req.ctx, req.params.id, req.params.materialId, req.body.licenceId));
  app.post('/cases/:id/migrate-process', {
    config: { access: { permission: 'workflow:instance:migrate' } },
    schema: { tags, summary: '将办件的运行中流程迁移到新发布的流程版本', params: IdParams, body: MigrateCaseProcessBody, response: { 200: CaseView, ...errors } },
  }, (req) => service.migrateProcess(req.ctx, req.params.id, req.body));
};
