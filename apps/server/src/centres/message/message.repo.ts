import { and, asc, count, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '@jsga/kernel';
import { messageInbox, messageSms, messageTemplate } from './db/message.schema';

export const messageRepo = {
  async findTemplate(q: Queryable, code: string) {
    const [row] = await q.select().from(messageTemplate).where(eq(messageTemplate.code, code));
    return row ?? null;
  },
  async upsertTemplate(q: Queryable, row: typeof messageTemplate.$inferInsert) {
    await q.insert(messageTemplate).values(row).onConflictDoUpdate({
      target: messageTemplate.code,
      set: { name: row.name, channel: row.channel, title: row.title, body: row.body, updatedAt: new Date() },
    });
  },
  async listTemplates(q: Queryable) {
    return q.select().from(messageTemplate).orderBy(asc(messageTemplate.code));
  },
  async insertInbox(q: Queryable, rows: Array<typeof messageInbox.$inferInsert>) {
    if (rows.length) await q.insert(messageInbox).values(rows);
  },
  async insertSms(q: Queryable, rows: Array<typeof messageSms.$inferInsert>) {
    if (rows.length) await q.insert(messageSms).values(rows);
  },
  async listInbox(q: Queryable, recipientId: string, query: { page: number; pageSize: number; unreadOnly?: boolean }) {
    const where = and(eq(messageInbox.recipientId, recipientId), query.unreadOnly ? isNull(messageInbox.readAt) : undefined);
    const [{ total }] = await q.select({ total: count() }).from(messageInbox).where(where);
    const rows = await q.select().from(messageInbox).where(where).orderBy(desc(messageInbox.createdAt), desc(messageInbox.id))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { rows, total };
  },
  async unreadCount(q: Queryable, recipientId: string) {
    const [{ n }] = await q.select({ n: count() }).from(messageInbox).where(and(eq(messageInbox.recipientId, recipientId), isNull(messageInbox.readAt)));
    return n;
  },
  /** Marks one (or all, without id) of the recipient's messages read; another user's message is never touched. */
  async markRead(q: Queryable, recipientId: string, id?: string) {
    return (await q.update(messageInbox).set({ readAt: new Date() })
      .where(and(eq(messageInbox.recipientId, recipientId), isNull(messageInbox.readAt), id ? eq(messageInbox.id, id) : undefined))
      .returning({ id: messageInbox.id })).length;
  },
  async inboxOwnedBy(q: Queryable, recipientId: string, id: string) {
    const [row] = await q.select({ id: messageInbox.id }).from(messageInbox).where(and(eq(messageInbox.id, id), eq(messageInbox.recipientId, recipientId)));
    return !!row;
  },
  async claimDueSms(q: Queryable, now: Date, limit: number) {
    return q.select().from(messageSms).where(and(eq(messageSms.status, 'pending'), lte(messageSms.nextAttemptAt, now)))
      .orderBy(asc(messageSms.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
  },
  async smsSent(q: Queryable, id: string, providerMessageId: string, at: Date) {
    await q.update(messageSms).set({ status: 'sent', providerMessageId, sentAt: at, attempts: sql`${messageSms.attempts} + 1` }).where(eq(messageSms.id, id));
  },
  async smsFailed(q: Queryable, id: string, error: string, nextAttemptAt: Date | null) {
    await q.update(messageSms).set({ status: nextAttemptAt ? 'pending' : 'failed', lastError: error.slice(0, 500), attempts: sql`${messageSms.attempts} + 1`, ...(nextAttemptAt ? { nextAttemptAt } : {}) })
      .where(eq(messageSms.id, id));
  },
  async listSms(q: Queryable, businessKey: string) {
    return q.select().from(messageSms).where(eq(messageSms.businessKey, businessKey)).orderBy(asc(messageSms.createdAt));
  },
};
