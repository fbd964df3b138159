import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Span } from '@opentelemetry/api';
import { AppError, commonErrors } from '../errors/app-error';
import type { Metrics } from '../telemetry/metrics';
import { endSpan, type Tracing } from '../telemetry/tracing';
import type { RequestCtx } from './request-context';

z.config(z.locales.zhCN());

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestCtx;
  }
}

export type HttpServerOptions = {
  logLevel: string;
  trustProxy: boolean;
  bodyLimit: number;
  tracing: Tracing;
  metrics: Metrics;
  /** Fields never written to logs. */
  redact?: string[];
};

const spans = new WeakMap<IncomingMessage, Span>();
const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * A Fastify instance with the platform's cross-cutting behaviour: zod schemas, trace ids in every log
 * line and error body, metrics, security headers, and one error handler that turns everything into
 * `{code, message, details?, traceId}`.
 */
export function createHttpServer(opts: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    logger: {
      level: opts.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', ...(opts.redact ?? [])], censor: '[已屏蔽]' },
      // Query strings may carry personal data (an ID number looked up): request logs keep the path only.
      serializers: {
        req: (req: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) => ({
          method: req.method, url: req.url.includes('?') ? `${req.url.split('?')[0]}?…` : req.url, host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort,
        }),
      },
    },
    logController: new LogController({ requestIdLogLabel: 'traceId' }),
    genReqId: (raw) => {
      const span = opts.tracing.startRequestSpan(`${raw.method} ${raw.url?.split('?')[0] ?? ''}`, raw.headers);
      spans.set(raw, span);
      const id = span.spanContext().traceId;
      return TRACE_ID.test(id) && id !== '0'.repeat(32) ? id : randomBytes(16).toString('hex');
    },
    trustProxy: opts.trustProxy,
    bodyLimit: opts.bodyLimit,
    ajv: { customOptions: { coerceTypes: true } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('ctx', null as unknown as RequestCtx);
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = { traceId: req.id, clientIp: req.ip, userAgent: req.headers['user-agent']?.slice(0, 200) };
    reply.header('x-trace-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    opts.metrics.observeHttp({ method: req.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
    const span = spans.get(req.raw);
    if (span) endSpan(span, reply.statusCode, `${req.method} ${route}`);
  });

  app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'], // PDFs the page fetched itself (打印模板预览), shown in an iframe through an object URL
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false, // switched on by the TLS terminator; plain-HTTP loopback must not pin HSTS
    crossOriginEmbedderPolicy: false,
  });

  app.setNotFoundHandler((req, reply) => {
    const err = commonErrors.ROUTE_NOT_FOUND({ method: req.method, url: req.url.split('?')[0] });
    reply.status(err.status).send({ code: err.code, message: err.message, details: err.details, traceId: req.id });
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const appError = toAppError(error);
    if (appError.category === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
    else req.log.info({ code: appError.code }, appError.message);
    reply.status(appError.status).send({ code: appError.code, message: appError.message, details: appError.details, traceId: req.id });
  });

  return app;
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    return commonErrors.VALIDATION_FAILED({
      fields: error.validation.map((v) => ({
        path: [where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
        message: v.message ?? '格式不正确',
      })),
    }, `请求参数不正确：${error.validation.map((v) => v.message).filter(Boolean).slice(0, 3).join('；')}`);
  }
  if (isResponseSerializationError(error)) return commonErrors.INTERNAL();
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return commonErrors.PAYLOAD_TOO_LARGE();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return commonErrors.UNSUPPORTED_MEDIA_TYPE();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return commonErrors.MALFORMED_JSON();
    case 'FST_ERR_RATE_LIMITED': return commonErrors.RATE_LIMITED();
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return commonErrors.MALFORMED_JSON();
  if (error.statusCode === 429) return commonErrors.RATE_LIMITED();
  if (error.statusCode === 413) return commonErrors.PAYLOAD_TOO_LARGE();
  if (error.statusCode === 415) return commonErrors.UNSUPPORTED_MEDIA_TYPE();
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return commonErrors.VALIDATION_FAILED(undefined, '请求不正确');
  }
  return commonErrors.INTERNAL();
}

export type { FastifyInstance, FastifyRequest };
