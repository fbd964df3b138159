/** Test helper: runs the OpenSSL 3 command line in a scratch directory. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
/** "OpenSSL 3.0.x …", or undefined when the openssl command is missing. */
export const opensslVersion: string | undefined = probe.status === 0 ? probe.stdout.trim() : undefined;
export const SKIP_WITHOUT_OPENSSL = opensslVersion ? '' : ' [SKIPPED: the openssl command is not installed; CI installs it]';
if (!opensslVersion) console.warn(`gm-crypto interop tests skipped: 'openssl' not found on PATH`);

export interface Scratch {
  dir: string;
  write(name: string, data: Uint8Array | string): string;
  read(name: string): Uint8Array;
  /** Runs openssl with cwd = the scratch directory; returns exit status and output. */
  openssl(...args: string[]): { status: number | null; stdout: string; stderr: string };
  remove(): void;
}

export function scratch(): Scratch {
  const dir = mkdtempSync(path.join(tmpdir(), 'gm-crypto-'));
  return {
    dir,
    write: (name, data) => {
      writeFileSync(path.join(dir, name), data);
      return name;
    },
    read: (name) => new Uint8Array(readFileSync(path.join(dir, name))),
    openssl: (...args) => {
      const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
