import { z } from 'zod';
import { ListQuery } from '../common';

export const AuditLogView = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  positionId: z.string().nullable(),
  orgId: z.string().nullable(),
  clientIp: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetIds: z.array(z.string()),
  result: z.enum(['success', 'failure']),
  detail: z.record(z.string(), z.unknown()),
  traceId: z.string().nullable(),
});
export type AuditLogView = z.infer<typeof AuditLogView>;

export const AuditListQuery = ListQuery.extend({
  action: z.string().max(100).optional(),
  username: z.string().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
