import { checkNumberPattern } from '../numbering/numbering';
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
  CASE_NO_PATTERN: { schema: z.string().default('{region}{yyyy}{MM}{dd}{seq:6}').refine((p) => checkNumberPattern(p, ['region']).length === 0, { message: '办件编号规则须含一个 {seq:N}（N 为 3–12），可用 {region} {yyyy} {yy} {MM} {dd}' }), description: '办件编号规则：{region} 受理单位行政区划代码、{yyyy}{MM}{dd} 申报日期、{seq:N} N 位日流水号' },
  HUKOU_DEMO_PERSONS: { schema: z.coerce.number().int().min(0).max(200_000).default(3000), description: '演示数据：生成的人口数（户籍人口库，0 表示不生成）' },
  ARCHIVE_FONDS_CODE: { schema: z.string().trim().regex(/^[A-Z0-9]{1,8}$/, '全宗号为1–8位大写字母或数字').default('J032'), description: '电子档案全宗号（档号第一段，由档案部门分配）' },
  ARCHIVE_CODE_PATTERN: {
    schema: z.string().default('{fonds}-{category}·{type}-{year}-{retention}-{seq:4}')
      .refine((p) => /\{seq:(\d+)\}/.test(p) && ['{fonds}', '{year}', '{retention}'].every((x) => p.includes(x)), { message: '档号规则须含 {fonds} {year} {retention} 和一个 {seq:N}，可用 {category} {type}' }),
    description: '档号规则（DA/T 13 风格）：{fonds} 全宗号、{category} 门类代码、{type} 事项类型代码、{year} 年度、{retention} 保管期限（Y/D30/D10）、{seq:N} N 位件号',
  },
  ARCHIVE_SIGNING_KEY_FILE: { schema: z.string().min(1).optional(), description: '签署归档信息包清单的 SM2 私钥文件（PKCS#8 PEM）；未配置时首次归档生成密钥并保存在数据库中' },
  ARCHIVE_CATEGORY_CODE: { schema: z.string().trim().regex(/^[A-Z]{1,4}$/, '门类代码为1–4位大写字母').default('ZW'), description: '电子档案门类代码（政务服务）' },
  SLA_WARN_DAYS: { schema: z.coerce.number().int().min(0).max(30).default(1), description: '办件和环节到期前多少个工作日开始超期预警' },
  BLOB_STORE: { schema: z.enum(['local', 's3']).default('local'), description: '上传文件的存储方式：local 为 DATA_DIR/files 目录（DATA_DIR 为 memory:// 时存于内存），s3 为 S3 兼容对象存储（须设置 S3_ENDPOINT、S3_BUCKET 与访问密钥）' },
  S3_ENDPOINT: { schema: z.string().url().optional(), description: 'S3 兼容对象存储地址，如 https://s3.cn-north-1.amazonaws.com.cn 或 http://minio:9000' },
  S3_REGION: { schema: z.string().trim().regex(/^[a-z0-9-]{1,64}$/, '区域只能包含小写字母、数字和短横线').default('us-east-1'), description: '对象存储区域（用于 SigV4 签名）；MinIO 等私有部署一般为 us-east-1' },
  S3_BUCKET: { schema: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, '存储桶名称只能包含字母、数字、点、下划线和短横线').optional(), description: '存放上传文件的存储桶（须预先创建）' },
  S3_ACCESS_KEY_ID: { schema: z.string().trim().min(1).optional(), description: '对象存储访问密钥 ID（Access Key ID）', sensitive: true },
  S3_SECRET_ACCESS_KEY: { schema: z.string().min(1).optional(), description: '对象存储访问密钥（Secret Access Key）', sensitive: true },
  S3_FORCE_PATH_STYLE: { schema: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'), description: '使用路径形式地址 endpoint/桶/对象（MinIO、Ceph 及 IP 地址须为 true）；false 为虚拟主机形式 桶.endpoint/对象' },
  SMS_GATEWAY_URL: { schema: z.string().url().optional(), description: '短信网关地址（HTTP POST JSON）；不设置时只写日志不发送' },
  SMS_GATEWAY_TOKEN: { schema: z.string().optional(), description: '短信网关访问令牌', sensitive: true },
  ELICENSE_PROVIDER: { schema: z.enum(['local']).default('local'), description: '电子证照数据来源：local 为本平台数据库中的证照与人口数据（演示与测试）；对接省电子证照库的适配器接入后在此切换' },
  CITIZEN_IDENTITY_PROVIDER: { schema: z.enum(['local']).default('local'), description: '公众身份认证来源：local 为本平台模拟苏证通（人口库实名核验、短信验证码、扫码登录）；苏证通适配器接入后在此切换' },
  CITIZEN_SMS_DEMO: { schema: z.enum(['auto', 'true', 'false']).default('auto'), description: '公众登录短信验证码演示模式：验证码直接显示在页面上、不发短信；auto 为非生产模式且未配置短信网关时开启' },
  CITIZEN_SESSION_TTL_MINUTES: { schema: z.coerce.number().int().min(5).max(7 * 24 * 60).default(120), description: '公众登录会话有效期(分钟)' },
  PUBLIC_BASE_URL: { schema: z.string().url().default('http://localhost:8080'), description: '门户对外访问地址（扫码登录二维码、短信中的链接使用）' },
  PRINT_FONT_PATH: { schema: z.string().optional(), description: '打印中心使用的中文字体文件（TTF/OTF/TTC，TTC 取第一个字形）；不设置时使用随依赖安装的思源宋体（Noto Serif SC）' },
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
  const invalid = new Set<string>();
  for (const [name, def] of Object.entries(vars)) {
    const raw = env[name] === '' ? undefined : env[name];
    const parsed = def.schema.safeParse(raw);
    if (parsed.success) out[name] = parsed.data;
    else {
      invalid.add(name);
      problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
  }
  problems.push(...crossCheck(out, invalid));
  if (problems.length) throw new ConfigError(`配置无效:\n  ${problems.join('\n  ')}`);
  return Object.freeze({ ...out, version }) as AppConfig;
}

/** Rules between variables; messages name variables, never their values. */
function crossCheck(c: Record<string, unknown>, invalid: Set<string>): string[] {
  const problems: string[] = [];
  if (c.BLOB_STORE === 's3') {
    for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      if (c[name] === undefined && !invalid.has(name)) problems.push(`${name}: BLOB_STORE=s3 时必须设置`);
    }
  }
  return problems;
}

export function describeConfig(): Array<{ name: string; description: string; sensitive: boolean }> {
  return Object.entries(vars).map(([name, d]) => ({ name, description: d.description, sensitive: 'sensitive' in d && !!d.sensitive }));
}

/** Whether demo data is loaded: explicit setting wins, otherwise everywhere but production. */
export const shouldSeedDemo = (config: AppConfig) =>
  config.SEED_DEMO === 'true' || (config.SEED_DEMO === 'auto' && config.NODE_ENV !== 'production');
