import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalBlobStore } from './blob-store';

const dir = mkdtempSync(path.join(tmpdir(), 'jsga-blobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local blob store', () => {
  it('stores by SHA-256, records SM3, and reads back the same bytes', async () => {
    const store = createLocalBlobStore(dir);
    const data = new TextEncoder().encode('abc');
    const blob = await store.put(data);
    expect(blob).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      size: 3,
    });
    expect(new TextDecoder().decode((await store.get(blob.sha256))!)).toBe('abc');
    await store.put(data); // same content twice: one file, no temp left behind
    expect(readdirSync(path.join(dir, 'ba', '78'))).toEqual([blob.sha256]);
    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid digest/);
  });
});
