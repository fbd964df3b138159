import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmCryptoError } from './errors';
import { rsa } from './rsa';
import { sm2 } from './sm2';
import { SKIP_WITHOUT_OPENSSL, opensslVersion, scratch, type Scratch } from './testing/openssl';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GmCryptoError).code;
  }
  return 'no error';
};

const keys = rsa.generateKeyPair();
const data = new TextEncoder().encode('archive package 2025-000123');

describe('RSA-SHA256 (RSASSA-PKCS1-v1_5)', () => {
  it('round-trips and fails for a tampered message or another key', () => {
    const signature = rsa.sign(data, keys.privateKeyPem);
    expect(signature).toHaveLength(256);
    expect(rsa.verify(data, signature, keys.publicKeyPem)).toBe(true);
    expect(rsa.verify('archive package 2025-000124', signature, keys.publicKeyPem)).toBe(false);
    expect(rsa.verify(data, signature.subarray(1), keys.publicKeyPem)).toBe(false);
    expect(rsa.verify(data, signature, rsa.generateKeyPair().publicKeyPem)).toBe(false);
    expect(rsa.publicKeyPemFromPrivateKey(keys.privateKeyPem)).toBe(keys.publicKeyPem);
  });

  it('gives clear errors for malformed PEM and for non-RSA keys', () => {
    expect(codeOf(() => rsa.verify(data, new Uint8Array(256), 'not a pem'))).toBe('INVALID_PEM');
    expect(() => rsa.sign(data, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(/Malformed PEM: cannot read an RSA private key/);
    const sm2Key = sm2.exportPrivateKeyPem(sm2.generateKeyPair().privateKey);
    expect(() => rsa.sign(data, sm2Key)).toThrow(/Expected an RSA private key, got a non-RSA key/);
  });
});

describe.skipIf(!opensslVersion)(`RSA-SHA256 against OpenSSL${SKIP_WITHOUT_OPENSSL}`, () => {
  let dir: Scratch;
  beforeAll(() => {
    dir = scratch();
  });
  afterAll(() => dir?.remove());

  it('OpenSSL verifies our signature with `openssl dgst -sha256 -verify`, and we verify OpenSSL\'s', () => {
    dir.write('pub.pem', keys.publicKeyPem);
    dir.write('key.pem', keys.privateKeyPem);
    dir.write('data', data);
    dir.write('ours.sig', rsa.sign(data, keys.privateKeyPem));
    const verified = dir.openssl('dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'ours.sig', 'data');
    expect(verified.stdout.trim()).toBe('Verified OK');
    expect(verified.status).toBe(0);

    expect(dir.openssl('dgst', '-sha256', '-sign', 'key.pem', '-out', 'openssl.sig', 'data').status).toBe(0);
    expect(rsa.verify(data, dir.read('openssl.sig'), keys.publicKeyPem)).toBe(true);
  });
});
