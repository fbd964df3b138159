// Fails when the Drizzle schema and the committed migrations disagree: generates into a scratch copy
// of the migrations folder and checks that nothing new appears.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './web-build.mjs';

mkdirSync(path.join(root, '.tmp'), { recursive: true });
// drizzle-kit only takes an output folder relative to the working directory
const scratch = mkdtempSync(path.join(root, '.tmp', 'dbcheck-'));
try {
  const out = path.join(scratch, 'drizzle');
  cpSync(path.join(root, 'apps/server/drizzle'), out, { recursive: true });
  const before = readdirSync(out).filter((f) => f.endsWith('.sql'));
  const config = path.join(scratch, 'drizzle.config.mjs');
  writeFileSync(config, `export default ${JSON.stringify({
    dialect: 'postgresql',
    schema: ['./packages/kernel/src/**/*.schema.ts', './apps/server/src/{centres,modules}/*/db/*.schema.ts'],
    out: `./${path.relative(root, out)}`,
  })};\n`);
  let output = '';
  try {
    output = execFileSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config, '--name', 'drift'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    output = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  const added = readdirSync(out).filter((f) => f.endsWith('.sql') && !before.includes(f));
  if (added.length) {
    console.error(`数据库 schema 与已提交的迁移不一致：请运行 npm run db:generate -- --name <verb_object> 并提交 (${added.join(', ')})`);
    process.exit(1);
  }
  if (!/No schema changes/i.test(output)) {
    console.error(`无法确认迁移与 schema 一致：\n${output}`);
    process.exit(1);
  }
  console.log(`迁移与 schema 一致（${before.length} 个迁移）`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
