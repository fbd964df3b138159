import { and, arrayContains, asc, count, desc, eq, gt, gte, ilike, lte, or, sql } from 'drizzle-orm';
import { scopeWhere } from '../db/scope';
import { escapeLike } from '../text';
import type { Db, Queryable } from '../db/db';
import { sm3Hex } from '../crypto/sm3';
import { kernelAuditLog } from './audit.schema';
import { actorOf, type DataScope, type RequestCtx } from '../http/request-context';

export type AuditActor = {
  userId?: string | null;
  username?: string | null;
  positionId?: string | null;
  orgId?: string | null;
  clientIp?: string | null;
  traceId?: string | null;
};

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetIds?: string[];
  result?: 'success' | 'failure';
  detail?: Record<string, unknown>;
};

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK_KEY = 7_320_000_002;

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type ChainFields = {
  chainNo: number; occurredAt: Date; userId: string | null; username: string | null; positionId: string | null;
  orgId: string | null; clientIp: string | null; action: string; targetType: string | null; targetIds: string[];
  result: string; detail: Record<string, unknown>; traceId: string | null; prevHash: string;
};

export function hashAuditRow(r: ChainFields): string {
  return sm3Hex(canonicalJson([
    r.chainNo, r.occurredAt.toISOString(), r.userId, r.username, r.positionId, r.orgId, r.clientIp, r.action,
    r.targetType, r.targetIds, r.result, r.detail, r.traceId, r.prevHash,
  ]));
}

export type Audit = {
  /** Appends one record inside the caller's transaction (or its own when given the database). */
  record(q: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void>;
  /** Records for the caller of a request and marks the request as audited. */
  recordFor(q: Queryable, ctx: RequestCtx, entry: AuditEntry): Promise<void>;
};

export function createAudit(opts: { db: Db; now?: () => Date }): Audit {
  const now = opts.now ?? (() => new Date());
  const append = async (tx: Queryable, actor: AuditActor, entry: AuditEntry) => {
    // Serialise writers so each row links to the true previous one; released at commit.
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx.select({ chainNo: kernelAuditLog.chainNo, hash: kernelAuditLog.hash })
      .from(kernelAuditLog).orderBy(desc(kernelAuditLog.chainNo)).limit(1);
    const occurredAt = new Date(Math.floor(now().getTime())); // ms precision survives the round trip
    const fields: ChainFields = {
      chainNo: (last?.chainNo ?? 0) + 1,
      occurredAt,
      userId: actor.userId ?? null,
      username: actor.username ?? null,
      positionId: actor.positionId ?? null,
      orgId: actor.orgId ?? null,
      clientIp: actor.clientIp ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetIds: entry.targetIds ?? [],
      result: entry.result ?? 'success',
      detail: JSON.parse(canonicalJson(entry.detail ?? {})) as Record<string, unknown>,
      traceId: actor.traceId ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await tx.insert(kernelAuditLog).values({ ...fields, hash: hashAuditRow(fields) });
  };
  const record: Audit['record'] = async (q, actor, entry) => {
    // Inside a caller's transaction this opens a savepoint; the lock still lasts until the outer commit.
    await (q as Db).transaction((tx) => append(tx, actor, entry));
  };
  return {
    record,
    recordFor: async (q, ctx, entry) => {
      await record(q, actorOf(ctx), entry);
      ctx.audited = entry.result ?? 'success';
    },
  };
}

export type AuditVerification = { ok: boolean; checked: number; firstBrokenSeq: number | null; reason: string | null };

/** Walks the whole chain in order and names the first row whose hash or link does not match. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedNo = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(kernelAuditLog)
      .where(gt(kernelAuditLog.chainNo, expectedNo - 1)).orderBy(asc(kernelAuditLog.chainNo)).limit(batchSize);
    if (!rows.length) break;
    for (const row of rows) {
      if (row.chainNo !== expectedNo) {
        return { ok: false, checked, firstBrokenSeq: expectedNo, reason: `第 ${expectedNo} 条审计记录缺失（已被删除）` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBrokenSeq: row.chainNo, reason: `第 ${row.chainNo} 条审计记录与前一条的链接不一致（前一条被修改或删除）` };
      }
      if (hashAuditRow(row) !== row.hash) {
        return { ok: false, checked, firstBrokenSeq: row.chainNo, reason: `第 ${row.chainNo} 条审计记录内容被篡改` };
      }
      prevHash = row.hash;
      expectedNo++;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}

export type AuditSearch = {
  page: number; pageSize: number; keyword?: string; action?: string; username?: string; result?: 'success' | 'failure';
  from?: string; to?: string; scope: DataScope;
  /** Only actions starting with this (a module's own log, e.g. `archive.`). */
  actionPrefix?: string;
  /** Only rows naming this target. */
  targetId?: string;
};

/** Newest first, filtered, and limited to the caller's data scope (by the actor's org, or own rows for 本人). */
export async function searchAuditLogs(db: Db, s: AuditSearch) {
  const t = kernelAuditLog;
  const like = (v: string) => `%${escapeLike(v)}%`;
  const where = and(
    scopeWhere(s.scope, { org: t.orgId, owner: t.userId }),
    s.action ? ilike(t.action, like(s.action)) : undefined,
    s.actionPrefix ? ilike(t.action, `${escapeLike(s.actionPrefix)}%`) : undefined,
    s.targetId ? arrayContains(t.targetIds, [s.targetId]) : undefined,
    s.username ? eq(t.username, s.username) : undefined,
    s.result ? eq(t.result, s.result) : undefined,
    s.from ? gte(t.occurredAt, new Date(s.from)) : undefined,
    s.to ? lte(t.occurredAt, new Date(s.to)) : undefined,
    s.keyword ? or(ilike(t.action, like(s.keyword)), ilike(t.username, like(s.keyword)), ilike(t.clientIp, like(s.keyword))) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(t).where(where);
  const rows = await db.select().from(t).where(where).orderBy(desc(t.chainNo)).limit(s.pageSize).offset((s.page - 1) * s.pageSize);
  return {
    total,
    items: rows.map((r) => ({
      seq: r.chainNo, occurredAt: r.occurredAt.toISOString(), userId: r.userId, username: r.username, positionId: r.positionId,
      orgId: r.orgId, clientIp: r.clientIp, action: r.action, targetType: r.targetType, targetIds: r.targetIds,
      result: r.result as 'success' | 'failure', detail: r.detail, traceId: r.traceId,
    })),
  };
}
