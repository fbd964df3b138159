// Builds the web app when its sources are newer than the last build (or there is none).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function webBuildNeeded() {
  const index = path.join(root, 'apps/web/dist/index.html');
  const sources = Math.max(newestMtime(path.join(root, 'apps/web')), newestMtime(path.join(root, 'packages/contracts/src')));
  return !(existsSync(index) && statSync(index).mtimeMs >= sources);
}

/** Starts `vite build` when needed and returns the child process (or null). */
export function buildWebInBackground() {
  if (!webBuildNeeded()) return null;
  console.log('[start] 正在后台构建前端（约一分钟），完成前页面显示“正在构建”…');
  const child = spawn('npm', ['run', 'build', '-w', '@jsga/web', '--', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => console.log(code === 0 ? '[start] 前端构建完成' : `[start] 前端构建失败（退出码 ${code}）`));
  return child;
}

export function ensureWebBuilt({ force = false } = {}) {
  if (!force && !webBuildNeeded()) return false;
  console.log('[start] 正在构建前端（首次启动约需一分钟）…');
  execFileSync('npm', ['run', 'build', '-w', '@jsga/web'], { cwd: root, stdio: 'inherit' });
  return true;
}
