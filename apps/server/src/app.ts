import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createAudit, createEventBus, createHttpServer, createMetrics, createTracing, installAccessControl, installAuditHook, setupModules,
  type AppConfig, type Database, type ModuleInstance,
} from '@jsga/kernel';
import type { CitizenApi } from './centres/citizen';
import type { IdentityApi } from './centres/identity';
import { moduleDefinitions } from './registry';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const migrationsFolder = path.resolve(here, '../drizzle');
export const appVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

const webBuildingPage = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>正在启动</title></head>'
  + '<body style="font-family:sans-serif;text-align:center;padding-top:20vh"><h2>江苏公安政务服务综合管理平台</h2><p>前端正在构建，页面将自动刷新…</p></body></html>';

export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;

/** Builds the platform's HTTP app on an open database; used by main.ts and by every integration test. */
export async function buildApp({ config, database }: { config: AppConfig; database: Database }) {
  const tracing = createTracing({ serviceName: config.OTEL_SERVICE_NAME, version: config.version, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const metrics = createMetrics({ poolStats: database.poolStats });
  const app = createHttpServer({ logLevel: config.LOG_LEVEL, trustProxy: config.TRUST_PROXY, bodyLimit: config.BODY_LIMIT_BYTES, tracing, metrics });
  const { db } = database;
  const audit = createAudit({ db });
  const events = createEventBus({ db, log: app.log });
  const modules = setupModules(moduleDefinitions, { db, audit, events, config, log: app.log });
  for (const m of modules.values()) for (const s of m.subscribers ?? []) events.subscribe(s);
  const identity = modules.get('identity')!.api as IdentityApi;

  await app.register(rateLimit, { global: true, max: config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute', allowList: ['127.0.0.2'] });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '江苏省公安政务服务综合管理平台 API', version: config.version, description: '错误响应统一为 {code, message, details?, traceId}' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const citizen = modules.get('citizen')!.api as CitizenApi;
  installAccessControl(app, { authenticate: identity.authenticate, authenticateCitizen: citizen.authenticate, exemptPrefixes: ['/api/docs'] });
  installAuditHook(app, audit, db);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', {
    config: { access: 'public', rateLimit: false },
    schema: { tags: ['运维'], summary: '健康检查', security: [],
      response: { 200: z.object({ status: z.literal('ok'), db: z.literal('ok'), version: z.string() }),
        503: z.object({ status: z.literal('degraded'), db: z.literal('error'), version: z.string() }) } },
  }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ok' as const, db: 'ok' as const, version: config.version };
    } catch {
      return reply.status(503).send({ status: 'degraded' as const, db: 'error' as const, version: config.version });
    }
  });

  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  for (const m of modules.values()) for (const r of m.routes ?? []) await app.register(r.plugin as FastifyPluginAsync, { prefix: r.prefix });

  const webDist = config.WEB_DIST_DIR ? path.resolve(config.WEB_DIST_DIR) : path.join(repoRoot, 'apps/web/dist');
  mkdirSync(webDist, { recursive: true }); // `npm start` may still be building it
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  // Client-side routes fall back to index.html; unknown /api paths still get the JSON 404.
  app.get('/*', { config: { rateLimit: false }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    if (!existsSync(path.join(webDist, 'index.html'))) {
      return reply.status(503).header('retry-after', '5').type('text/html; charset=utf-8').send(webBuildingPage);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return {
    app,
    modules: modules as Map<string, ModuleInstance>,
    events,
    /** Every background job: the modules' and the outbox dispatcher. */
    jobSources: [...modules.values(), { jobs: [{ name: 'kernel.events', everyMs: 1_000, run: () => events.dispatch() }] }] as Array<Pick<ModuleInstance, 'jobs'>>,
    async close() {
      await app.close();
      await tracing.shutdown();
    },
  };
}

const SEED_LOCK_KEY = 7_320_000_003;

/** Reference data on every start; demo data when asked. One instance at a time, so parallel starts do not collide. */
export async function seedDatabase(database: Database, modules: Map<string, ModuleInstance>, opts: { demo: boolean; demoPassword: string }) {
  await database.exclusive(SEED_LOCK_KEY, async () => {
    for (const m of modules.values()) await m.seedReference?.();
    if (opts.demo) for (const m of modules.values()) await m.seedDemo?.({ password: opts.demoPassword });
  });
}
