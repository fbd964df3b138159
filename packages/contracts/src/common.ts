import { z } from 'zod';

/** Error body of every failed request. */
export const ErrorBody = z.object({
  code: z.string().describe('稳定错误码，如 AUTH_INVALID_CREDENTIALS'),
  message: z.string().describe('中文错误信息'),
  details: z.unknown().optional(),
  traceId: z.string().describe('链路追踪号，报障时提供'),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ErrorCategory = z.enum([
  'INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT',
  'INVALID_STATE', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'UPSTREAM_FAILED', 'INTERNAL',
]);
export type ErrorCategory = z.infer<typeof ErrorCategory>;

export const ListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  keyword: z.string().trim().max(100).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;

export const OkResult = z.object({ ok: z.literal(true) });
