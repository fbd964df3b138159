import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Content-addressed by SHA-256; the SM3 digest is kept alongside for archiving (GB/T 42727 fixity). */
export type StoredBlob = { sha256: string; sm3: string; size: number };

export interface BlobStore {
  put(bytes: Uint8Array): Promise<StoredBlob>;
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

export const digestBlob = (bytes: Uint8Array): StoredBlob => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  sm3: createHash('sm3').update(bytes).digest('hex'),
  size: bytes.length,
});

const SHA256 = /^[0-9a-f]{64}$/;

/** Files under `root/ab/cd/<sha256>`, written to a temporary name and renamed, so readers never see half a file. */
export function createLocalBlobStore(root: string): BlobStore {
  const where = (sha: string) => {
    if (!SHA256.test(sha)) throw new Error('invalid digest');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  const has = async (sha: string) => stat(where(sha)).then(() => true, () => false);
  return {
    has,
    async put(bytes) {
      const blob = digestBlob(bytes);
      const file = where(blob.sha256);
      if (await has(blob.sha256)) return blob; // same content, same name: idempotent
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes, { flag: 'wx' });
      await rename(tmp, file);
      return blob;
    },
    async get(sha) {
      try {
        return new Uint8Array(await readFile(where(sha)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

export function createMemoryBlobStore(): BlobStore {
  const blobs = new Map<string, Uint8Array>();
  return {
    has: async (sha) => blobs.has(sha),
    put: async (bytes) => { const b = digestBlob(bytes); blobs.set(b.sha256, new Uint8Array(bytes)); return b; },
    get: async (sha) => blobs.get(sha) ?? null,
  };
}
