import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toHex } from '../encoding';
import { GmCryptoError } from '../errors';
import { encodePem } from '../pem';
import { sm2 } from './index';

// Written by `openssl genpkey -algorithm SM2` and `openssl pkey -pubout` (OpenSSL 3.0.19).
const OPENSSL_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg60dVxGshPpDuWbFi
p8MrfnC0S1rJgfybpku5VnYDeXuhRANCAARjctBUD1H/+8abzpP3w63bZOtXYBDX
L6za6iAq5+1NCu4AGfy5YzzRA8H7Qt+TdXKibLTX79P87UrXW/eswAob
-----END PRIVATE KEY-----
`;
const OPENSSL_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEY3LQVA9R//vGm86T98Ot22TrV2AQ
1y+s2uogKuftTQruABn8uWM80QPB+0Lfk3Vyomy01+/T/O1K11v3rMAKGw==
-----END PUBLIC KEY-----
`;

const errorOf = (fn: () => unknown): GmCryptoError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof GmCryptoError) return error;
    throw error;
  }
  throw new Error('expected a GmCryptoError');
};

describe('SM2 key import / export', () => {
  it('reads OpenSSL PEM keys and writes them back byte for byte', () => {
    const { privateKey, publicKey } = sm2.importPrivateKeyPem(OPENSSL_PRIVATE_PEM);
    expect(toHex(privateKey)).toBe('eb4755c46b213e90ee59b162a7c32b7e70b44b5ac981fc9ba64bb9567603797b');
    expect(sm2.importPublicKeyPem(OPENSSL_PUBLIC_PEM)).toEqual(publicKey);
    expect(sm2.exportPrivateKeyPem(privateKey)).toBe(OPENSSL_PRIVATE_PEM);
    expect(sm2.exportPublicKeyPem(publicKey)).toBe(OPENSSL_PUBLIC_PEM);
  });

  it('round-trips generated keys through PEM and DER', () => {
    const pair = sm2.generateKeyPair();
    expect(sm2.importPrivateKeyPem(sm2.exportPrivateKeyPem(pair.privateKey))).toEqual(pair);
    expect(sm2.importPrivateKeyDer(sm2.exportPrivateKeyDer(pair.privateKey, pair.publicKey))).toEqual(pair);
    expect(sm2.importPublicKeyDer(sm2.exportPublicKeyDer(pair.publicKey))).toEqual(pair.publicKey);
    expect(pair.publicKey).toHaveLength(65);
  });

  it('accepts SEC1 "EC PRIVATE KEY" files with SM2 parameters, after an "EC PARAMETERS" block', () => {
    const pair = sm2.importPrivateKeyPem(OPENSSL_PRIVATE_PEM);
    // SEQUENCE { 1, OCTET STRING d, [0] { sm2 OID }, [1] { BIT STRING pub } }, as `openssl ecparam -name SM2 -genkey` writes
    const sec1 = fromHex(`30770201010420${toHex(pair.privateKey)}a00a06082a811ccf5501822da144034200${toHex(pair.publicKey)}`);
    const pem = `${encodePem('EC PARAMETERS', fromHex('06082a811ccf5501822d'))}${encodePem('EC PRIVATE KEY', sec1)}`;
    expect(sm2.importPrivateKeyPem(pem)).toEqual(pair);
  });

  it('accepts a compressed public point and the SM2 OID as the algorithm', () => {
    const { publicKey } = sm2.importPrivateKeyPem(OPENSSL_PRIVATE_PEM);
    const compressed = Uint8Array.from([2 + (publicKey[64] & 1), ...publicKey.subarray(1, 33)]);
    expect(sm2.normalizePublicKey(compressed)).toEqual(publicKey);
    // SEQUENCE { SEQUENCE { OID 1.2.156.10197.1.301 }, BIT STRING pub }
    expect(sm2.importPublicKeyDer(fromHex(`3050300a06082a811ccf5501822d034200${toHex(publicKey)}`))).toEqual(publicKey);
  });

  it('gives clear errors for malformed PEM', () => {
    expect(errorOf(() => sm2.importPublicKeyPem('hello')).message).toMatch(/Malformed PEM: no "-----BEGIN …-----"/);
    expect(errorOf(() => sm2.importPublicKeyPem('-----BEGIN PUBLIC KEY-----\nMFkw!!\n-----END PUBLIC KEY-----')).message).toMatch(/not valid base64/);
    expect(errorOf(() => sm2.importPublicKeyPem(OPENSSL_PRIVATE_PEM)).message).toMatch(/found "PRIVATE KEY", expected "PUBLIC KEY" or "CERTIFICATE"/);
    expect(errorOf(() => sm2.importPublicKeyPem('-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----')).message).toMatch(/empty/);
    const truncated = OPENSSL_PUBLIC_PEM.replace('1y+s2uogKuftTQruABn8uWM80QPB+0Lfk3Vyomy01+/T/O1K11v3rMAKGw==\n', '');
    expect(errorOf(() => sm2.importPublicKeyPem(truncated)).code).toBe('INVALID_DER');
    expect(errorOf(() => sm2.importPrivateKeyPem('-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----')).code).toBe('UNSUPPORTED_KEY');
  });

  it('refuses keys of other algorithms and curves, naming them', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const p256Pem = p256.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(errorOf(() => sm2.importPublicKeyPem(p256Pem)).message).toMatch(/curve P-256 \(1\.2\.840\.10045\.3\.1\.7\), expected SM2/);
    expect(errorOf(() => sm2.importPrivateKeyPem(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).code).toBe('UNSUPPORTED_KEY');
    expect(errorOf(() => sm2.importPublicKeyPem(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).message).toMatch(/RSA \(1\.2\.840\.113549\.1\.1\.1\) key, expected SM2/);
  });

  it('refuses invalid key material', () => {
    const pair = sm2.importPrivateKeyPem(OPENSSL_PRIVATE_PEM);
    const offCurve = pair.publicKey.slice();
    offCurve[64] ^= 1;
    expect(errorOf(() => sm2.importPublicKeyDer(sm2.exportPublicKeyDer(pair.publicKey).map((b, i, a) => (i === a.length - 1 ? b ^ 1 : b)))).message).toMatch(/not a point on the SM2 curve/);
    expect(errorOf(() => sm2.normalizePublicKey(offCurve)).code).toBe('INVALID_KEY');
    const n1 = fromHex('fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122'); // n - 1 is not a valid SM2 key
    expect(errorOf(() => sm2.publicKeyFromPrivateKey(n1)).message).toMatch(/out of range/);
    expect(errorOf(() => sm2.publicKeyFromPrivateKey(new Uint8Array(32))).code).toBe('INVALID_KEY');
    const other = sm2.generateKeyPair();
    expect(errorOf(() => sm2.importPrivateKeyDer(sm2.exportPrivateKeyDer(pair.privateKey, other.publicKey))).message).toMatch(/does not match/);
  });

  it('reads the subject key of an SM2 certificate', () => {
    // The certificate inside ofdrw's test seal (shared/fixtures/interop/seals/ofdrw-test-v4.esl), base64 of its DER.
    const certificate = fromBase64(CERTIFICATE_B64);
    expect(toHex(sm2.publicKeyFromCertificate(certificate))).toBe(
      '047e580cf8c4b5d80623e49a392cf4730ba2cc463bbe19e4c9e38f412d55fcd11e29f4b9a9dd31db5fbb059ad2ceed53554255daaed939b7e4e8ac08a20f659cc3',
    );
    expect(sm2.importPublicKeyPem(encodePem('CERTIFICATE', certificate))).toEqual(sm2.publicKeyFromCertificate(certificate));
    expect(errorOf(() => sm2.publicKeyFromCertificate(fromHex('3003020100'))).code).toBe('INVALID_DER');
  });
});

const CERTIFICATE_B64 =
  'MIICCjCCAbGgAwIBAgIGAXGdLiAdMAoGCCqBHM9VAYN1MHUxCzAJBgNVBAYTAkNOMRAwDgYDVQQKDAdPRkQgUiZXMREwDwYDVQQIDAhaaGVqaWFuZzERMA8GA1UEBwwISGFuZ3pob3UxLjAsBgNVBAMMJU9GRCBSZWFkZXIgYW5kIFdyaXRlclJPT1QgQ2VydGlmaWNhdGUwHhcNMjAwNDIxMTQzOTM4WhcNMjIwNDIxMTQzOTM4WjBgMQswCQYDVQQGEwJDTjEQMA4GA1UECgwHT0ZEIFImVzERMA8GA1UECAwIWmhlamlhbmcxETAPBgNVBAcMCEhhbmd6aG91MRkwFwYDVQQDDBBUZXN0IENlcnRpZmljYXRlMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEflgM+MS12AYj5Jo5LPRzC6LMRju+GeTJ449BLVX80R4p9Lmp3THbX7sFmtLO7VNVQlXartk5t+TorAiiD2Wcw6NCMEAwCwYDVR0PBAQDAgLEMBMGA1UdJQQMMAoGCCsGAQUFBwMCMAkGA1UdEwQCMAAwEQYJYIZIAYb4QgEBBAQDAgeAMAoGCCqBHM9VAYN1A0cAMEQCIFa6Z7ik/Dd3B4B0dUQNn+anMr7+VX+a1QpcpuT9RQCLAiALzDyDKtQGm/w1Avt6Y2CAb63dT8jEcHffD2IYf9ILMQ==';
