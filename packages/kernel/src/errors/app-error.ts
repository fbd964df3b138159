import type { ErrorCategory } from '@jsga/contracts';

export const categoryStatus: Record<ErrorCategory, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_STATE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_FAILED: 502,
};

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
  get status() {
    return categoryStatus[this.category];
  }
}

type ErrorSpec = { category: ErrorCategory; message: string };
type ErrorFactories<P extends string, T extends Record<string, ErrorSpec>> = {
  [K in keyof T & string]: ((details?: unknown, message?: string) => AppError) & { code: `${P}_${K}` };
};

/**
 * Declares a module's error codes once, with category and Chinese message:
 * `const errs = defineErrors('HUKOU', { NOT_ELIGIBLE: { category: 'INVALID_STATE', message: '不符合条件' } })`.
 */
export function defineErrors<P extends string, T extends Record<string, ErrorSpec>>(prefix: P, specs: T): ErrorFactories<P, T> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const code = `${prefix}_${key}`;
    const factory = (details?: unknown, message?: string) => new AppError(code, spec.category, message ?? spec.message, details);
    out[key] = Object.assign(factory, { code });
  }
  return out as ErrorFactories<P, T>;
}

/** Errors the kernel itself raises. */
export const commonErrors = defineErrors('COMMON', {
  VALIDATION_FAILED: { category: 'INVALID_INPUT', message: '请求参数不正确' },
  MALFORMED_JSON: { category: 'INVALID_INPUT', message: '请求体不是合法的 JSON' },
  UNSUPPORTED_MEDIA_TYPE: { category: 'INVALID_INPUT', message: '不支持的请求内容类型' },
  PAYLOAD_TOO_LARGE: { category: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  ROUTE_NOT_FOUND: { category: 'NOT_FOUND', message: '接口不存在' },
  RATE_LIMITED: { category: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' },
  UNAUTHENTICATED: { category: 'UNAUTHENTICATED', message: '请先登录' },
  FORBIDDEN: { category: 'FORBIDDEN', message: '没有执行此操作的权限' },
  INTERNAL: { category: 'INTERNAL', message: '系统内部错误，请稍后重试或联系管理员' },
});
