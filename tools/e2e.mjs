// `npm run e2e [-- spec files]`: build, start the system on a free port with a fresh data directory,
// run the Playwright specs in e2e/ against Debian's chromium, stop the system.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureWebBuilt, root } from './web-build.mjs';

const freePort = () => new Promise((resolve, reject) => {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  srv.on('error', reject);
});

ensureWebBuilt();
const port = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 'jsga-e2e-'));
const baseURL = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'apps/server/src/main.ts')], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000' },
});
let exited = false;
server.on('exit', () => { exited = true; });

const stop = async () => {
  if (!exited) {
    server.kill('SIGTERM');
    await new Promise((r) => { server.once('exit', r); setTimeout(r, 10_000); });
  }
  rmSync(dataDir, { recursive: true, force: true });
};

try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error('服务启动失败');
    try { if ((await fetch(`${baseURL}/api/health`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('服务在 120 秒内未就绪');
    await new Promise((r) => setTimeout(r, 500));
  }
  const code = await new Promise((resolve) => {
    const pw = spawn(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)], {
      cwd: root, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: baseURL },
    });
    pw.on('exit', (c) => resolve(c ?? 1));
  });
  await stop();
  process.exit(code);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await stop();
  process.exit(1);
}
