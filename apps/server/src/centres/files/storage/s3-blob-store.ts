import { createHash } from 'node:crypto';
import { filesErrors } from '../files.errors';
import { digestBlob, type BlobStore } from './blob-store';
import { EMPTY_SHA256, encodeS3Path, signV4 } from './sigv4';

export type S3BlobStoreOptions = {
  /** e.g. `https://s3.cn-north-1.amazonaws.com.cn`, `http://minio:9000`; a path after the host is kept as a prefix. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, Ceph, IP endpoints) instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
  /** Per request; default 60 s. */
  timeoutMs?: number;
  /** For tests. */
  now?: () => Date;
  fetch?: typeof fetch;
};

/** A blob store that can also remove a blob: only safe once no file row refers to the digest any more. */
export interface S3BlobStore extends BlobStore {
  delete(sha256: string): Promise<void>;
}

type Operation = 'put' | 'get' | 'head' | 'delete';

const SHA256 = /^[0-9a-f]{64}$/;
const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Same layout as the local store: `ab/cd/<sha256>`. */
const keyOf = (sha: string) => {
  if (!SHA256.test(sha)) throw new Error('invalid digest');
  return `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
};

/** The S3 error code from an XML error body (`<Code>NoSuchBucket</Code>`), if it looks like one. */
const s3CodeOf = (xml: string) => /<Code>([A-Za-z.]{1,64})<\/Code>/.exec(xml)?.[1];

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, 华为云 OBS, 阿里云 OSS S3 接口 …), addressed
 * by SHA-256 like the other stores, signed with AWS Signature V4. Uploads carry their SHA-256 as
 * `x-amz-content-sha256`, so the store itself refuses a body altered in transit; reads are checked
 * against the digest before anyone sees them.
 *
 * Failures become AppErrors: FILE_STORE_UNAVAILABLE (network, timeout, 5xx, throttling),
 * FILE_STORE_REJECTED (credentials, permissions, missing bucket, clock skew), FILE_STORE_CORRUPT.
 * Their details name the operation, status and S3 error code — never the credentials or the request.
 */
export function createS3BlobStore(opts: S3BlobStoreOptions): S3BlobStore {
  const endpoint = new URL(opts.endpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const now = opts.now ?? (() => new Date());
  // Kept in this closure only: the returned object has nothing that would print the secret.
  const credentials = { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey };

  const urlOf = (key: string) => {
    const path = `${basePath}/${opts.forcePathStyle ? `${encodeS3Path(opts.bucket)}/` : ''}${encodeS3Path(key)}`;
    const host = opts.forcePathStyle ? endpoint.host : `${opts.bucket}.${endpoint.host}`;
    return new URL(`${endpoint.protocol}//${host}${path}`);
  };

  async function send(operation: Operation, method: string, key: string, body?: { bytes: Uint8Array; sha256: string }) {
    const url = urlOf(key);
    const signed = signV4({
      method, url, region: opts.region, date: now(),
      payloadHash: body ? body.sha256 : EMPTY_SHA256,
      headers: body ? { 'content-type': 'application/octet-stream' } : {},
    }, credentials);
    const { host: _host, ...headers } = signed.headers; // the HTTP client sends the same host itself
    try {
      return await doFetch(url, { method, headers, body: body?.bytes, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw filesErrors.STORE_UNAVAILABLE({ operation, reason: timedOut ? 'timeout' : 'network' });
    }
  }

  /** Reads (and so releases) the error body and turns the response into an AppError. */
  async function failure(operation: Operation, res: Response) {
    const text = res.body ? await res.text().catch(() => '') : '';
    const s3Code = s3CodeOf(text.slice(0, 8192));
    const requestId = res.headers.get('x-amz-request-id') ?? undefined;
    const details = { operation, status: res.status, s3Code, requestId };
    if (res.status >= 500 || res.status === 429 || s3Code === 'SlowDown') return filesErrors.STORE_UNAVAILABLE(details);
    switch (s3Code) {
      case 'NoSuchBucket':
        return filesErrors.STORE_REJECTED(details, '文件存储桶不存在，请联系管理员检查存储配置');
      case 'PermanentRedirect':
      case 'AuthorizationHeaderMalformed':
        return filesErrors.STORE_REJECTED(details, '文件存储的区域或地址配置有误，请联系管理员检查存储配置');
      case 'RequestTimeTooSkewed':
        return filesErrors.STORE_REJECTED(details, '服务器时间与文件存储相差过大，请联系管理员校准时间');
      case 'InvalidAccessKeyId':
      case 'SignatureDoesNotMatch':
      case 'AccessDenied':
        return filesErrors.STORE_REJECTED(details, '文件存储拒绝访问（访问密钥或权限有误），请联系管理员检查存储配置');
    }
    if (res.status === 401 || res.status === 403) return filesErrors.STORE_REJECTED(details, '文件存储拒绝访问（访问密钥或权限有误），请联系管理员检查存储配置');
    return filesErrors.STORE_REJECTED(details);
  }

  /** A 404 for a missing object is an answer; a 404 for a missing bucket is a misconfiguration. */
  async function missingObject(operation: Operation, res: Response) {
    const err = await failure(operation, res);
    if ((err.details as { s3Code?: string }).s3Code === 'NoSuchBucket') throw err;
  }

  const has = async (sha: string) => {
    const res = await send('head', 'HEAD', keyOf(sha));
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw await failure('head', res);
  };

  return {
    has,
    async put(bytes) {
      const blob = digestBlob(bytes);
      const key = keyOf(blob.sha256);
      if (await has(blob.sha256)) return blob; // same content, same key: idempotent
      const res = await send('put', 'PUT', key, { bytes, sha256: blob.sha256 });
      if (!res.ok) throw await failure('put', res);
      await res.body?.cancel();
      return blob;
    },
    async get(sha) {
      const res = await send('get', 'GET', keyOf(sha));
      if (res.status === 404) {
        await missingObject('get', res);
        return null;
      }
      if (!res.ok) throw await failure('get', res);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (sha256Hex(bytes) !== sha) throw filesErrors.STORE_CORRUPT({ operation: 'get', sha256: sha, size: bytes.length });
      return bytes;
    },
    async delete(sha) {
      const res = await send('delete', 'DELETE', keyOf(sha));
      if (res.status === 404) return missingObject('delete', res);
      if (res.ok) return void (await res.body?.cancel());
      throw await failure('delete', res);
    },
  };
}
