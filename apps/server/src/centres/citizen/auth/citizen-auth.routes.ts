import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActingForBody, CitizenLoginResult, CitizenMeView, CompanyAgentView, ConsentBody, ErrorBody, GrantAgentBody, IdParams, listOf, OkResult,
  CitizenAuthOptions, QrPollBody, QrPollResult, QrTicketCreated, QrTicketView, RegisterCompanyBody, SmsCodeBody, SmsCodeResult, SmsLoginBody,
} from '@jsga/contracts';
import type { CitizenAuthService } from './citizen-auth.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['公众身份认证'];

/** Sign-in for citizens and companies; public, and throttled per client address. */
export const citizenAuthPublicRoutes = (service: CitizenAuthService): FastifyPluginAsyncZod => async (app) => {
  app.get('/options', {
    config: { access: 'public' },
    schema: { tags, summary: '登录方式设置（是否演示模式：演示模式下页面显示验证码与演示身份）', security: [], response: { 200: CitizenAuthOptions } },
  }, () => service.options());
  app.post('/sms-codes', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: '获取短信验证码（演示模式下验证码直接返回页面）', security: [], body: SmsCodeBody, response: { 200: SmsCodeResult, ...errors } },
  }, (req) => service.requestSmsCode(req.ctx, req.body.phone));

  app.post('/sms-login', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: '短信验证码登录（姓名、公民身份号码实名核验）', security: [], body: SmsLoginBody, response: { 200: CitizenLoginResult, ...errors } },
  }, (req) => service.smsLogin(req.ctx, req.body));

  app.post('/qr-tickets', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '生成扫码登录二维码', security: [], response: { 200: QrTicketCreated, ...errors } },
  }, (req) => service.createQrTicket(req.ctx));

  app.post('/qr-tickets/:id/poll', {
    // polled every two seconds: the service audits the login it completes, not each look
    config: { access: 'public', readOnly: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags, summary: '查询扫码状态；手机确认后返回登录会话（仅一次）', security: [], params: IdParams, body: QrPollBody, response: { 200: QrPollResult, ...errors } },
  }, (req) => service.pollQrTicket(req.ctx, req.params.id, req.body.pollSecret));
};

/** What a signed-in citizen does with the identity: me, logout, consent, acting for a company, the phone side of QR login. */
export const citizenSelfRoutes = (service: CitizenAuthService): FastifyPluginAsyncZod => async (app) => {
  app.get('/me', {
    config: { access: 'citizen' },
    schema: { tags, summary: '当前登录的公众用户、办事身份与可代办的企业', response: { 200: CitizenMeView, ...errors } },
  }, (req) => service.me(req.ctx));
  app.post('/logout', {
    config: { access: 'citizen' },
    schema: { tags, summary: '退出登录', response: { 200: OkResult, ...errors } },
  }, (req) => service.logout(req.ctx));
  app.post('/consent', {
    config: { access: 'citizen' },
    schema: { tags, summary: '授权身份核验与电子证照调用', body: ConsentBody, response: { 200: CitizenMeView, ...errors } },
  }, (req) => service.setConsent(req.ctx, true));
  app.delete('/consent', {
    config: { access: 'citizen' },
    schema: { tags, summary: '撤回授权', response: { 200: CitizenMeView, ...errors } },
  }, (req) => service.setConsent(req.ctx, false));
  app.post('/acting-for', {
    config: { access: 'citizen' },
    schema: { tags, summary: '切换办事身份：个人或代企业办理', body: ActingForBody, response: { 200: CitizenMeView, ...errors } },
  }, (req) => service.setActingFor(req.ctx, req.body.creditCode));
  app.post('/companies', {
    config: { access: 'citizen' },
    schema: { tags, summary: '法定代表人登记企业（核验营业执照）', body: RegisterCompanyBody, response: { 200: CitizenMeView, ...errors } },
  }, (req) => service.registerCompany(req.ctx, req.body.creditCode));
  app.get('/company/agents', {
    config: { access: 'citizen' },
    schema: { tags, summary: '本企业授权的经办人（须以法定代表人身份）', response: { 200: listOf(CompanyAgentView), ...errors } },
  }, (req) => service.listAgents(req.ctx));
  app.post('/company/agents', {
    config: { access: 'citizen' },
    schema: { tags, summary: '授权经办人', body: GrantAgentBody, response: { 200: z.object({ id: z.uuid() }), ...errors } },
  }, (req) => service.grantAgent(req.ctx, req.body));
  app.delete('/company/agents/:id', {
    config: { access: 'citizen' },
    schema: { tags, summary: '撤销经办人授权', params: IdParams, response: { 200: OkResult, ...errors } },
  }, (req) => service.revokeAgent(req.ctx, req.params.id));

  app.get('/qr-tickets/:id', {
    config: { access: 'citizen' },
    schema: { tags, summary: '手机端：扫码后查看登录请求', params: IdParams, response: { 200: QrTicketView, ...errors } },
  }, (req) => service.viewQrTicket(req.ctx, req.params.id));
  app.post('/qr-tickets/:id/:decision', {
    config: { access: 'citizen' },
    schema: { tags, summary: '手机端：扫码（scan）、确认登录（confirm）或取消（cancel）', params: IdParams.extend({ decision: z.enum(['scan', 'confirm', 'cancel']) }), response: { 200: QrTicketView, ...errors } },
  }, (req) => service.scanQrTicket(req.ctx, req.params.id, req.params.decision));
};
