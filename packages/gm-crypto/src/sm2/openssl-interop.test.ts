/**
 * Interoperability with OpenSSL 3 (the command line), which follows GM/T 0009 when given
 * `-pkeyopt distid:1234567812345678`. Skipped, with a message, only when `openssl` is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_WITHOUT_OPENSSL, opensslVersion, scratch, type Scratch } from '../testing/openssl';
import { utf8Text } from '../encoding';
import { sm2 } from './index';

const DISTID = 'distid:1234567812345678';
const message = '电子证照 sign test: 苏证通 2025';

describe.skipIf(!opensslVersion)(`SM2 interoperability with OpenSSL (${opensslVersion ?? 'not installed'})${SKIP_WITHOUT_OPENSSL}`, () => {
  let dir: Scratch;
  beforeAll(() => {
    dir = scratch();
  });
  afterAll(() => dir?.remove());

  it('OpenSSL verifies our DER signature with the standard user ID, and not with its empty default', () => {
    const { privateKey, publicKey } = sm2.generateKeyPair();
    dir.write('ours.pub.pem', sm2.exportPublicKeyPem(publicKey));
    dir.write('ours.msg', message);
    dir.write('ours.sig', sm2.sign(message, privateKey));
    const verify = ['pkeyutl', '-verify', '-pubin', '-inkey', 'ours.pub.pem', '-rawin', '-in', 'ours.msg', '-digest', 'sm3', '-sigfile', 'ours.sig'];
    const standard = dir.openssl(...verify, '-pkeyopt', DISTID);
    expect(standard.stdout + standard.stderr).toContain('Signature Verified Successfully');
    expect(standard.status).toBe(0);
    expect(dir.openssl(...verify).status).not.toBe(0);
  });

  it('we verify an OpenSSL signature with the key OpenSSL generated, loaded from its PEM', () => {
    expect(dir.openssl('genpkey', '-algorithm', 'SM2', '-out', 'openssl.key.pem').status).toBe(0);
    expect(dir.openssl('pkey', '-in', 'openssl.key.pem', '-pubout', '-out', 'openssl.pub.pem').status).toBe(0);
    dir.write('openssl.msg', message);
    const signed = dir.openssl('pkeyutl', '-sign', '-inkey', 'openssl.key.pem', '-rawin', '-in', 'openssl.msg', '-digest', 'sm3', '-pkeyopt', DISTID, '-out', 'openssl.sig');
    expect(signed.status, signed.stderr).toBe(0);

    const keyPem = utf8Text(dir.read('openssl.key.pem'));
    const { privateKey, publicKey } = sm2.importPrivateKeyPem(keyPem);
    expect(sm2.importPublicKeyPem(utf8Text(dir.read('openssl.pub.pem')))).toEqual(publicKey);
    const signature = dir.read('openssl.sig');
    expect(sm2.verify(message, signature, publicKey)).toBe(true);
    expect(sm2.verify(`${message}.`, signature, publicKey)).toBe(false);
    expect(sm2.verify(message, signature, publicKey, { userId: '' })).toBe(false);
    // and the private key, back in PEM, is byte-identical to what OpenSSL wrote
    expect(sm2.exportPrivateKeyPem(privateKey)).toBe(keyPem);
  });

  it('OpenSSL reads our private key PEM, signs with it, and we verify', () => {
    const { privateKey, publicKey } = sm2.generateKeyPair();
    dir.write('ours.key.pem', sm2.exportPrivateKeyPem(privateKey));
    const pub = dir.openssl('pkey', '-in', 'ours.key.pem', '-pubout');
    expect(pub.stdout).toBe(sm2.exportPublicKeyPem(publicKey));
    dir.write('m2', message);
    expect(dir.openssl('pkeyutl', '-sign', '-inkey', 'ours.key.pem', '-rawin', '-in', 'm2', '-digest', 'sm3', '-pkeyopt', DISTID, '-out', 's2').status).toBe(0);
    expect(sm2.verify(message, dir.read('s2'), publicKey)).toBe(true);
  });

  it('encrypts for OpenSSL and decrypts what OpenSSL encrypts (GM/T 0009 SM2Cipher)', () => {
    const { privateKey, publicKey } = sm2.generateKeyPair();
    dir.write('enc.key.pem', sm2.exportPrivateKeyPem(privateKey));
    dir.write('enc.pub.pem', sm2.exportPublicKeyPem(publicKey));
    dir.write('ours.ct', sm2.encrypt(message, publicKey, { encoding: 'asn1' }));
    const decrypted = dir.openssl('pkeyutl', '-decrypt', '-inkey', 'enc.key.pem', '-in', 'ours.ct');
    expect(decrypted.status, decrypted.stderr).toBe(0);
    expect(decrypted.stdout).toBe(message);

    dir.write('plain', message);
    expect(dir.openssl('pkeyutl', '-encrypt', '-pubin', '-inkey', 'enc.pub.pem', '-in', 'plain', '-out', 'openssl.ct').status).toBe(0);
    expect(utf8Text(sm2.decrypt(dir.read('openssl.ct'), privateKey, { encoding: 'asn1' }))).toBe(message);
  });
});
