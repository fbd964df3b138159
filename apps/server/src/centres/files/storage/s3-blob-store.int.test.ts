import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@jsga/kernel';
import { FAKE_S3_CREDENTIALS, startFakeS3, type FakeS3 } from '../testing/fake-s3';
import { createS3BlobStore, type S3BlobStoreOptions } from './s3-blob-store';

let s3: FakeS3;
beforeAll(async () => { s3 = await startFakeS3(); });
afterAll(() => s3?.close());

const storeWith = (over: Partial<S3BlobStoreOptions> = {}) => createS3BlobStore({
  endpoint: s3.endpoint, region: 'us-east-1', bucket: s3.bucket, forcePathStyle: true, ...FAKE_S3_CREDENTIALS, ...over,
});

/** The AppError a promise rejects with. */
const failureOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

const freePort = () => new Promise<number>((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address() as net.AddressInfo; srv.close(() => resolve(port)); });
});

describe('S3 blob store against s3rver', () => {
  it('round-trips put, head, get and delete, content-addressed by SHA-256, every request correctly signed', async () => {
    const store = storeWith();
    const data = new TextEncoder().encode('abc');
    const blob = await store.put(data);
    expect(blob).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      size: 3,
    });
    const put = s3.requests.find((r) => r.method === 'PUT')!;
    expect(put.url).toBe(`/${s3.bucket}/ba/78/${blob.sha256}`); // same ab/cd/<sha256> layout as the local store
    expect(put.headers['x-amz-content-sha256']).toBe(blob.sha256); // the signed payload hash is the content address
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request,SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
    // s3rver keeps the object on disk under the bucket
    expect(existsSync(path.join(s3.directory, s3.bucket))).toBe(true);

    expect(await store.has(blob.sha256)).toBe(true);
    expect(new TextDecoder().decode((await store.get(blob.sha256))!)).toBe('abc');

    const before = s3.requests.filter((r) => r.method === 'PUT').length;
    expect(await store.put(data)).toEqual(blob); // same content again: HEAD finds it, no second upload
    expect(s3.requests.filter((r) => r.method === 'PUT').length).toBe(before);

    await store.delete(blob.sha256);
    expect(await store.has(blob.sha256)).toBe(false);
    expect(await store.get(blob.sha256)).toBeNull();
    await store.delete(blob.sha256); // deleting what is gone is not an error

    expect(s3.requests.map((r) => r.method)).toEqual(expect.arrayContaining(['HEAD', 'PUT', 'GET', 'DELETE']));
    expect(s3.requests.every((r) => r.signatureOk)).toBe(true);
  });

  it('stores binary content of some size byte for byte', async () => {
    const store = storeWith();
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    const blob = await store.put(bytes);
    expect(blob.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Buffer.from((await store.get(blob.sha256))!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses digests that are not SHA-256 before any request', async () => {
    const store = storeWith();
    const n = s3.requests.length;
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid digest/);
    await expect(store.has('0'.repeat(63))).rejects.toThrow(/invalid digest/);
    expect(s3.requests.length).toBe(n);
  });

  it('maps S3 failures to stable FILE_STORE_* errors whose details carry no secret', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const data = new TextEncoder().encode('payload');

    const wrongSecret = await failureOf(storeWith({ secretAccessKey: secret }).put(data));
    expect(wrongSecret).toMatchObject({ code: 'FILE_STORE_REJECTED', category: 'UPSTREAM_FAILED', status: 502 });
    expect(wrongSecret.message).toBe('文件存储拒绝访问（访问密钥或权限有误），请联系管理员检查存储配置');
    expect(wrongSecret.details).toEqual({ operation: 'head', status: 403, s3Code: undefined, requestId: 'FAKE0001' });

    const unknownKey = await failureOf(storeWith({ accessKeyId: 'NOBODY', secretAccessKey: secret }).get('a'.repeat(64)));
    expect(unknownKey).toMatchObject({ code: 'FILE_STORE_REJECTED', details: { operation: 'get', status: 403, s3Code: 'InvalidAccessKeyId' } });

    const noBucket = await failureOf(storeWith({ bucket: 'no-such-bucket' }).put(data));
    expect(noBucket).toMatchObject({ code: 'FILE_STORE_REJECTED', message: '文件存储桶不存在，请联系管理员检查存储配置', details: { operation: 'put', status: 404, s3Code: 'NoSuchBucket' } });
    await expect(storeWith({ bucket: 'no-such-bucket' }).get('a'.repeat(64))).rejects.toMatchObject({ code: 'FILE_STORE_REJECTED' });

    const down = await failureOf(storeWith({ endpoint: `http://127.0.0.1:${await freePort()}` }).put(data));
    expect(down).toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', message: '文件存储服务暂时不可用，请稍后重试', details: { operation: 'head', reason: 'network' } });

    for (const e of [wrongSecret, unknownKey, noBucket, down]) {
      const shown = JSON.stringify({ message: e.message, details: e.details });
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain('S3RVER');
      expect(shown).not.toMatch(/Signature=|Credential=/);
    }
  });

  it('refuses content that does not match its digest (FILE_STORE_CORRUPT)', async () => {
    const good = await storeWith().put(new TextEncoder().encode('original'));
    // a store whose bucket answers every GET with other bytes
    const tampering: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      return (init?.method ?? 'GET') === 'GET' ? new Response('tampered', { status: 200 }) : res;
    };
    const e = await failureOf(storeWith({ fetch: tampering }).get(good.sha256));
    expect(e).toMatchObject({ code: 'FILE_STORE_CORRUPT', details: { operation: 'get', sha256: good.sha256 } });
  });

  it('times out a store that does not answer', async () => {
    const silent = net.createServer(() => { /* accepts and never answers */ });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const e = await failureOf(storeWith({ endpoint: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, timeoutMs: 200 }).has('a'.repeat(64)));
      expect(e).toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', details: { operation: 'head', reason: 'timeout' } });
    } finally {
      silent.close();
    }
  });
});

describe('S3 blob store addressing', () => {
  it('uses virtual-host style unless path style is forced, and keeps an endpoint path prefix', async () => {
    const seen: string[] = [];
    const record: typeof fetch = async (input) => { seen.push(String(input)); return new Response(null, { status: 404 }); };
    const opts = { region: 'cn-north-1', bucket: 'files', ...FAKE_S3_CREDENTIALS, fetch: record };
    const sha = 'b'.repeat(64);
    await createS3BlobStore({ ...opts, endpoint: 'https://s3.example.cn', forcePathStyle: false }).has(sha);
    await createS3BlobStore({ ...opts, endpoint: 'http://minio.internal:9000/storage/', forcePathStyle: true }).has(sha);
    expect(seen).toEqual([`https://files.s3.example.cn/bb/bb/${sha}`, `http://minio.internal:9000/storage/files/bb/bb/${sha}`]);
  });
});
