import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordBody, ErrorBody, LoginBody, LoginResult, MeView, OkResult, SwitchPositionBody, TotpCodeBody, TotpSetupResult } from '@jsga/contracts';
import type { AuthService } from './auth.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** Per client IP and username, so a crowd behind one NAT can still log in while guessing one account is throttled. */
const loginLimitKey = (req: { ip: string; body?: unknown }) =>
  `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase().slice(0, 64)}`;

export const authRoutes = (service: AuthService, opts: { loginAttemptsPerMinute: number }): FastifyPluginAsyncZod => async (app) => {
  app.post('/login', {
    config: { access: 'public', rateLimit: { max: opts.loginAttemptsPerMinute, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: loginLimitKey } },
    schema: { tags: ['认证'], summary: '用户名密码登录', body: LoginBody, response: { 200: LoginResult, ...errors } },
  }, (req) => service.login(req.ctx, req.body));

  app.post('/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['认证'], summary: '退出登录（吊销当前会话）', response: { 200: OkResult, ...errors } },
  }, (req) => service.logout(req.ctx));

  app.get('/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['认证'], summary: '当前用户、岗位、权限与菜单', response: { 200: MeView, ...errors } },
  }, (req) => service.me(req.ctx));

  app.post('/switch-position', {
    config: { access: 'authenticated' },
    schema: { tags: ['认证'], summary: '切换岗位', body: SwitchPositionBody, response: { 200: MeView, ...errors } },
  }, (req) => service.switchPosition(req.ctx, req.body.positionId));

  app.post('/change-password', {
    config: { access: 'authenticated' },
    schema: { tags: ['认证'], summary: '修改密码（吊销全部会话）', body: ChangePasswordBody, response: { 200: OkResult, ...errors } },
  }, (req) => service.changePassword(req.ctx, req.body));

  app.post('/totp/setup', {
    config: { access: 'authenticated' },
    schema: { tags: ['认证'], summary: '生成动态口令密钥', response: { 200: TotpSetupResult, ...errors } },
  }, (req) => service.setupTotp(req.ctx));

  app.post('/totp/enable', {
    config: { access: 'authenticated' },
    schema: { tags: ['认证'], summary: '校验动态口令并启用', body: TotpCodeBody, response: { 200: OkResult, ...errors } },
  }, (req) => service.enableTotp(req.ctx, req.body.code));
};
