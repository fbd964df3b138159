// `npm start`: run the server (demo data on embedded PGlite by default) and, when the web app's
// sources changed since the last build, build it alongside; the server shows a "building" page meanwhile.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildWebInBackground, root } from './web-build.mjs';

const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'apps/server/src/main.ts')], {
  cwd: root, stdio: 'inherit', env: process.env,
});
const build = buildWebInBackground();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { build?.kill(sig); child.kill(sig); });
child.on('exit', (code, signal) => { build?.kill('SIGTERM'); process.exit(code ?? (signal ? 1 : 0)); });
