import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAudit, describeConfig, verifyAuditChain } from '@jsga/kernel';
import { buildApp, migrationsFolder, repoRoot, seedDatabase } from './app';
import { openConfiguredDatabase, readConfig } from './bootstrap';
import { createUserFromCli } from './centres/identity/cli';
import type { ArchiveApi } from './modules/archive';

const usage = `用法: npm run cli -- <命令> [选项]
  migrate                         执行数据库迁移
  seed [--demo]                   写入参考数据（--demo 同时写入演示数据）
  create-user --username U --password P --name 姓名 --org-code 机构代码 --role 角色代码 [--type police|auxiliary|admin] [--police-no 警号]
  verify-audit                    校验审计哈希链，发现篡改时以非零状态退出并指出记录
  archive verify <信息包.zip>      对归档信息包重做四性检测（摘要、签名、结构、格式），未通过时以非零状态退出并指出文件
  config-docs                     生成 docs/configuration.md`;

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env, out = console): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') { out.log(usage); return command ? 0 : 1; }
  if (command === 'config-docs') {
    const rows = describeConfig().map((v) => `| \`${v.name}\` | ${v.description} | ${v.sensitive ? '是' : ''} |`);
    const file = path.join(repoRoot, 'docs/configuration.md');
    writeFileSync(file, `# 配置项\n\n由 \`npm run cli -- config-docs\` 生成。\n\n| 变量 | 说明 | 敏感 |\n|---|---|---|\n${rows.join('\n')}\n`);
    out.log(`已写入 ${file}`);
    return 0;
  }
  const config = readConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
  const database = await openConfiguredDatabase(config);
  try {
    switch (command) {
      case 'migrate':
        await database.migrate(migrationsFolder);
        out.log('数据库迁移完成');
        return 0;
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
        const built = await buildApp({ config, database });
        await seedDatabase(database, built.modules, { demo: !!values.demo, demoPassword: config.DEMO_PASSWORD });
        await built.close();
        out.log(values.demo ? '参考数据与演示数据已写入' : '参考数据已写入');
        return 0;
      }
      case 'create-user': {
        const { values } = parseArgs({ args: rest, options: {
          username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, 'org-code': { type: 'string' },
          role: { type: 'string' }, type: { type: 'string', default: 'admin' }, 'police-no': { type: 'string' },
        } });
        const id = await createUserFromCli(database.db, createAudit({ db: database.db }), {
          username: values.username ?? '', password: values.password ?? '', displayName: values.name ?? '', orgCode: values['org-code'] ?? '',
          roleCode: values.role ?? '', userType: values.type ?? 'admin', policeNo: values['police-no'],
        });
        out.log(`用户已创建: ${values.username} (${id})`);
        return 0;
      }
      case 'verify-audit': {
        const result = await verifyAuditChain(database.db);
        if (result.ok) { out.log(`审计链完整：共校验 ${result.checked} 条记录`); return 0; }
        out.error(`审计链校验失败：${result.reason}（记录序号 ${result.firstBrokenSeq}；此前 ${result.checked} 条完好）`);
        return 2;
      }
      case 'archive': {
        const [sub, file] = rest;
        if (sub !== 'verify' || !file) { out.error(`用法: npm run cli -- archive verify <信息包.zip>`); return 1; }
        const bytes = new Uint8Array(readFileSync(file));
        const built = await buildApp({ config, database });
        try {
          const report = await (built.modules.get('archive')!.api as ArchiveApi).verifyPackage(bytes);
          const mark = { pass: '通过', fail: '未通过', warn: '警告', manual: '需人工' } as const;
          for (const c of report.checks) out.log(`[${mark[c.status]}] ${c.id} ${c.name}：${c.detail}${c.files?.length ? `（${c.files.join('、')}）` : ''}`);
          if (report.ok) { out.log(`信息包 ${path.basename(file)} 检测通过`); return 0; }
          out.error(`信息包 ${path.basename(file)} 检测未通过：${report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id} ${c.name}${c.files?.length ? `（${c.files.join('、')}）` : ''}`).join('；')}`);
          return 2;
        } finally {
          await built.close();
        }
      }
      default:
        out.error(`未知命令: ${command}\n${usage}`);
        return 1;
    }
  } catch (err) {
    out.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  process.exitCode = await runCli(process.argv.slice(2));
}
