import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export const FAKE_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders; signatureOk: boolean };

const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const mac = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Recomputes the SigV4 header signature of a request as it arrived (host with port, path as sent),
 * independently of the adapter's signer. s3rver itself only checks the access key id, not V4 signatures.
 */
function verifySigV4(method: string, url: string, headers: IncomingHttpHeaders, secret: string): boolean {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(String(headers.authorization ?? ''));
  if (!auth) return false;
  const [, , day, region, signedHeaders, signature] = auth;
  const amzDate = String(headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(day)) return false;
  const u = new URL(url, 'http://placeholder');
  const query = [...u.searchParams].map(([k, v]) => `${enc(k)}=${enc(v)}`).sort().join('&');
  const names = signedHeaders.split(';');
  const canonical = [
    method, u.pathname, query,
    names.map((n) => `${n}:${String(headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join(''),
    signedHeaders, String(headers['x-amz-content-sha256'] ?? ''),
  ].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, `${day}/${region}/s3/aws4_request`, hex(canonical)].join('\n');
  const key = mac(mac(mac(mac(`AWS4${secret}`, day), region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

/**
 * s3rver on a free loopback port with a temporary directory and one bucket, behind a thin front that
 * records every request and refuses (403 SignatureDoesNotMatch, as S3 does) any whose V4 signature is wrong.
 */
export async function startFakeS3(bucket = 'jsga-files') {
  const directory = mkdtempSync(path.join(tmpdir(), 'jsga-s3rver-'));
  const s3 = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket }] });
  await s3.configureBuckets();
  const handle = s3.callback();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const signatureOk = verifySigV4(method, url, req.headers, FAKE_S3_CREDENTIALS.secretAccessKey);
    requests.push({ method, url, headers: req.headers, signatureOk });
    if (!signatureOk && req.headers.authorization?.includes(`Credential=${FAKE_S3_CREDENTIALS.accessKeyId}/`)) {
      res.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': 'FAKE0001' });
      res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>');
      req.resume();
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
export type FakeS3 = Awaited<ReturnType<typeof startFakeS3>>;
