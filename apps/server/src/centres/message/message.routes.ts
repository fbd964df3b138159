import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, ListQuery, OkResult } from '@jsga/contracts';
import type { MessageService } from './message.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['消息中心'];
const InboxItem = z.object({ id: z.uuid(), title: z.string(), body: z.string(), link: z.string().nullable(), businessKey: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });
const InboxQuery = ListQuery.extend({ unreadOnly: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

/** The caller's own inbox; nobody reads or marks another user's messages. */
export const messageRoutes = (service: MessageService): FastifyPluginAsyncZod => async (app) => {
  app.get('/inbox', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的站内消息（最新在前）', querystring: InboxQuery, response: { 200: z.object({ items: z.array(InboxItem), total: z.number().int(), unread: z.number().int() }), ...errors } },
  }, (req) => service.inbox(req.ctx, req.query));
  app.get('/unread-count', {
    config: { access: 'authenticated', rateLimit: false },
    schema: { tags, summary: '未读消息数（供轮询）', response: { 200: z.object({ count: z.number().int() }), ...errors } },
  }, (req) => service.unreadCount(req.ctx));
  app.post('/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '标记已读', params: IdParams, response: { 200: OkResult, ...errors } },
  }, (req) => service.markRead(req.ctx, req.params.id));
  app.post('/read-all', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '全部标记已读', response: { 200: z.object({ count: z.number().int() }), ...errors } },
  }, (req) => service.markAllRead(req.ctx));
};
