import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, encodeS3Path, signV4 } from './sigv4';

/**
 * The worked examples of "Authenticating Requests: Using the Authorization Header (AWS Signature
 * Version 4)" in the Amazon S3 API reference (sig-v4-header-based-auth.html). The documentation's
 * own credentials and time; the expected values are the published ones.
 */
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const date = new Date('2013-05-24T00:00:00Z');
const base = 'https://examplebucket.s3.amazonaws.com';
const example = (method: string, path: string, payloadHash = EMPTY_SHA256, headers?: Record<string, string>) =>
  signV4({ method, url: new URL(base + path), headers, payloadHash, region: 'us-east-1', date }, credentials);

describe('AWS Signature V4 (S3 documentation examples)', () => {
  it('GET Object with Range: canonical request, string to sign, signature and Authorization header', () => {
    const signed = example('GET', '/test.txt', EMPTY_SHA256, { Range: 'bytes=0-9' });
    expect(signed.canonicalRequest).toBe([
      'GET',
      '/test.txt',
      '',
      'host:examplebucket.s3.amazonaws.com',
      'range:bytes=0-9',
      'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-amz-date:20130524T000000Z',
      '',
      'host;range;x-amz-content-sha256;x-amz-date',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ].join('\n'));
    expect(signed.stringToSign).toBe([
      'AWS4-HMAC-SHA256',
      '20130524T000000Z',
      '20130524/us-east-1/s3/aws4_request',
      '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    ].join('\n'));
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
      'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
      'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(signed.headers['x-amz-date']).toBe('20130524T000000Z');
    expect(signed.headers['x-amz-content-sha256']).toBe(EMPTY_SHA256);
  });

  it('PUT Object: signed payload hash, a caller header and a key that needs encoding', () => {
    const body = 'Welcome to Amazon S3.';
    const payloadHash = createHash('sha256').update(body).digest('hex');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const path = `/${encodeS3Path('test$file.text')}`;
    expect(path).toBe('/test%24file.text');
    const signed = example('PUT', path, payloadHash, { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' });
    expect(signed.headers.authorization).toContain('SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET Bucket lifecycle and list objects: query strings, a parameter without value and sorting', () => {
    expect(example('GET', '/?lifecycle').signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
    expect(example('GET', '/?prefix=J&max-keys=2').signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});

describe('signing details', () => {
  it('signs a non-default port in the host header and encodes key segments once, keeping slashes', () => {
    const signed = signV4({ method: 'HEAD', url: new URL(`http://127.0.0.1:9000/jsga/${encodeS3Path('ab/cd/a b+c')}`), payloadHash: EMPTY_SHA256, region: 'us-east-1', date }, credentials);
    expect(signed.headers.host).toBe('127.0.0.1:9000');
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/jsga/ab/cd/a%20b%2Bc');
  });

  it('never puts the secret in anything it returns', () => {
    const signed = example('GET', '/test.txt');
    expect(JSON.stringify(signed)).not.toContain(credentials.secretAccessKey);
  });
});
