import { z } from 'zod';

/**
 * Every environment variable the platform reads, with its default and description. `sensitive`
 * variables are never logged. Nothing else in the code reads process.env.
 */
type VarDoc = { description: string; sensitive?: boolean };
const vars = {
  NODE_ENV: { schema: z.enum(['development', 'production', 'test']).default('development'), description: '运行模式' },
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(8080), description: 'HTTP 监听端口' },
  HOST: { schema: z.string().default('0.0.0.0'), description: 'HTTP 监听地址' },
  DATA_DIR: { schema: z.string().default('./data'), description: '嵌入式数据库(PGlite)与文件的目录；memory:// 为内存库' },
  DATABASE_URL: { schema: z.string().url().optional(), description: 'PostgreSQL 连接串；设置后不使用嵌入式数据库', sensitive: true },
  DB_POOL_MAX: { schema: z.coerce.number().int().min(1).max(200).default(10), description: 'PostgreSQL 连接池上限' },
  MIGRATE_ON_START: { schema: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'), description: '启动时执行数据库迁移' },
  SEED_DEMO: { schema: z.enum(['auto', 'true', 'false']).default('auto'), description: '加载演示数据：auto 为非生产模式加载' },
  DEMO_PASSWORD: { schema: z.string().min(8).default('Jsga@2026'), description: '演示账号统一密码', sensitive: true },
  SESSION_TTL_MINUTES: { schema: z.coerce.number().int().min(5).max(7 * 24 * 60).default(480), description: '登录会话有效期(分钟)' },
  LOGIN_MAX_FAILURES: { schema: z.coerce.number().int().min(1).max(100).default(5), description: '连续登录失败多少次后锁定' },
  LOGIN_LOCK_MINUTES: { schema: z.coerce.number().int().min(1).max(1440).default(15), description: '锁定时长(分钟)' },
  LOGIN_ATTEMPTS_PER_MINUTE: { schema: z.coerce.number().int().min(1).default(10), description: '同一 IP 对同一用户名每分钟的登录尝试上限' },
  JOBS_ENABLED: { schema: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'), description: '本实例是否运行后台任务（定时器、重试）；多实例时可全部开启' },
  UPLOAD_MAX_BYTES: { schema: z.coerce.number().int().min(1024).default(50 * 1024 * 1024), description: '单个上传文件大小上限(字节)' },
  SMS_GATEWAY_URL: { schema: z.string().url().optional(), description: '短信网关地址（HTTP POST JSON）；不设置时只写日志不发送' },
  SMS_GATEWAY_TOKEN: { schema: z.string().optional(), description: '短信网关访问令牌', sensitive: true },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), description: '日志级别' },
  OTEL_EXPORTER_OTLP_ENDPOINT: { schema: z.string().url().optional(), description: 'OTLP/HTTP 链路追踪导出地址，如 http://collector:4318' },
  OTEL_SERVICE_NAME: { schema: z.string().default('jsga-platform'), description: '链路追踪服务名' },
  WEB_DIST_DIR: { schema: z.string().optional(), description: '前端构建产物目录(默认 apps/web/dist)' },
  TRUST_PROXY: { schema: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'), description: '信任反向代理的 X-Forwarded-For' },
  RATE_LIMIT_PER_MINUTE: { schema: z.coerce.number().int().min(1).default(1200), description: '每个客户端 IP 每分钟请求上限' },
  BODY_LIMIT_BYTES: { schema: z.coerce.number().int().min(1024).default(1_048_576), description: 'JSON 请求体上限(字节)' },
} satisfies Record<string, VarDoc & { schema: z.ZodTypeAny }>;

type Vars = typeof vars;
export type AppConfig = Readonly<{ [K in keyof Vars]: z.output<Vars[K]['schema']> }> & { version: string };

export class ConfigError extends Error {}

/** Parses the environment once, reporting every invalid variable together. */
export function loadConfig(env: Record<string, string | undefined>, version = '0.0.0'): AppConfig {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, def] of Object.entries(vars)) {
    const raw = env[name] === '' ? undefined : env[name];
    const parsed = def.schema.safeParse(raw);
    if (parsed.success) out[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(`配置无效:\n  ${problems.join('\n  ')}`);
  return Object.freeze({ ...out, version }) as AppConfig;
}

export function describeConfig(): Array<{ name: string; description: string; sensitive: boolean }> {
  return Object.entries(vars).map(([name, d]) => ({ name, description: d.description, sensitive: 'sensitive' in d && !!d.sensitive }));
}

/** Whether demo data is loaded: explicit setting wins, otherwise everywhere but production. */
export const shouldSeedDemo = (config: AppConfig) =>
  config.SEED_DEMO === 'true' || (config.SEED_DEMO === 'auto' && config.NODE_ENV !== 'production');
