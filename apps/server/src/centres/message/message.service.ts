import { randomUUID } from 'node:crypto';
import { commonErrors, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import { messageErrors } from './message.errors';
import { messageRepo } from './message.repo';
import type { SmsGateway } from './sms/sms-gateway';
import { renderTemplate } from './template/template.rules';

export type Recipient = { userId: string } | { phone: string };
export type MessageServiceDeps = { db: Db; sms: SmsGateway; now?: () => Date; maxSmsAttempts?: number };

const BACKOFF_MINUTES = [1, 5, 30, 120];

export const createMessageService = (deps: MessageServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const me = (ctx: RequestCtx) => { if (!ctx.user) throw commonErrors.UNAUTHENTICATED(); return ctx.user.userId; };

  return {
    /** Renders a template for each recipient inside the caller's transaction; SMS leave later through the gateway job. */
    async send(q: Queryable, input: { templateCode: string; recipients: Recipient[]; vars: Record<string, unknown>; businessKey?: string; link?: string }) {
      const t = await messageRepo.findTemplate(q, input.templateCode);
      if (!t) throw messageErrors.TEMPLATE_NOT_FOUND({ code: input.templateCode });
      const title = renderTemplate(t.title, input.vars);
      const body = renderTemplate(t.body, input.vars);
      const missing = [...new Set([...title.missing, ...body.missing])];
      if (missing.length) throw messageErrors.TEMPLATE_VARIABLE_MISSING({ missing }, `消息模板“${t.name}”缺少变量：${missing.join('、')}`);
      const at = now();
      if (t.channel === 'inbox') {
        const users = input.recipients.map((r) => ('userId' in r ? r.userId : null));
        if (users.includes(null)) throw messageErrors.TEMPLATE_CHANNEL_MISMATCH();
        await messageRepo.insertInbox(q, (users as string[]).map((recipientId) => ({
          id: randomUUID(), recipientId, templateCode: t.code, title: title.text, body: body.text, link: input.link ?? null, businessKey: input.businessKey ?? null, createdAt: at,
        })));
      } else {
        const phones = input.recipients.map((r) => ('phone' in r ? r.phone : null));
        if (phones.includes(null)) throw messageErrors.TEMPLATE_CHANNEL_MISMATCH();
        await messageRepo.insertSms(q, (phones as string[]).map((phone) => ({
          id: randomUUID(), phone, templateCode: t.code, body: body.text, businessKey: input.businessKey ?? null, createdAt: at, nextAttemptAt: at,
        })));
      }
      return { count: input.recipients.length };
    },

    async inbox(ctx: RequestCtx, query: { page: number; pageSize: number; unreadOnly?: boolean }) {
      const userId = me(ctx);
      const { rows, total } = await messageRepo.listInbox(deps.db, userId, query);
      return {
        items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, link: r.link, businessKey: r.businessKey, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null })),
        total,
        unread: await messageRepo.unreadCount(deps.db, userId),
      };
    },
    unreadCount: async (ctx: RequestCtx) => ({ count: await messageRepo.unreadCount(deps.db, me(ctx)) }),
    async markRead(ctx: RequestCtx, id: string) {
      const userId = me(ctx);
      if (!(await messageRepo.inboxOwnedBy(deps.db, userId, id))) throw messageErrors.NOT_FOUND({ id });
      await messageRepo.markRead(deps.db, userId, id);
      return { ok: true as const };
    },
    markAllRead: async (ctx: RequestCtx) => ({ count: await messageRepo.markRead(deps.db, me(ctx)) }),

    /** Sends due SMS; several instances may run it at once (SKIP LOCKED). Failures retry with back-off, then stop. */
    async deliverSms(limit = 50) {
      return deps.db.transaction(async (tx) => {
        const due = await messageRepo.claimDueSms(tx, now(), limit);
        for (const sms of due) {
          try {
            const { providerMessageId } = await deps.sms.send({ phone: sms.phone, text: sms.body, id: sms.id });
            await messageRepo.smsSent(tx, sms.id, providerMessageId, now());
          } catch (e) {
            const attempt = sms.attempts + 1;
            const retry = attempt < (deps.maxSmsAttempts ?? BACKOFF_MINUTES.length + 1)
              ? new Date(now().getTime() + BACKOFF_MINUTES[Math.min(attempt - 1, BACKOFF_MINUTES.length - 1)] * 60_000) : null;
            await messageRepo.smsFailed(tx, sms.id, e instanceof Error ? e.message : String(e), retry);
          }
        }
        return due.length;
      });
    },
    listSms: (q: Queryable, businessKey: string) => messageRepo.listSms(q, businessKey),
    upsertTemplate: (q: Queryable, t: { code: string; name: string; channel: 'inbox' | 'sms'; title?: string; body: string }) =>
      messageRepo.upsertTemplate(q, { id: randomUUID(), code: t.code, name: t.name, channel: t.channel, title: t.title ?? '', body: t.body }),
    async upsertTemplateIfMissing(q: Queryable, t: { code: string; name: string; channel: 'inbox' | 'sms'; title?: string; body: string }) {
      if (!(await messageRepo.findTemplate(q, t.code))) await messageRepo.upsertTemplate(q, { id: randomUUID(), code: t.code, name: t.name, channel: t.channel, title: t.title ?? '', body: t.body });
    },
  };
};
export type MessageService = ReturnType<typeof createMessageService>;
