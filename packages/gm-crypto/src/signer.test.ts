import { describe, expect, it } from 'vitest';
import { GmCryptoError } from './errors';
import {
  SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHM_OIDS, createSigner, createVerifier, generateSigningKeyPair, verifySignature, type SignatureAlgorithm,
} from './signer';
import { sm2 } from './sm2';

const data = new TextEncoder().encode('<Signature>电子印章</Signature>');

describe('Signer / verifySignature', () => {
  it.each(SIGNATURE_ALGORITHMS)('%s: signs with a PEM key and verifies by algorithm name', async (algorithm) => {
    const keys = generateSigningKeyPair(algorithm);
    const signer = createSigner(algorithm, keys.privateKeyPem);
    expect(signer.algorithm).toBe(algorithm);
    expect(signer.publicKeyPem).toBe(keys.publicKeyPem);
    const signature = await signer.sign(data);
    expect(verifySignature(algorithm, keys.publicKeyPem, data, signature)).toBe(true);
    expect(createVerifier(algorithm, keys.publicKeyPem).verify(data, signature)).toBe(true);
    expect(verifySignature(algorithm, keys.publicKeyPem, data.subarray(1), signature)).toBe(false);
    expect(verifySignature(algorithm, generateSigningKeyPair(algorithm).publicKeyPem, data, signature)).toBe(false);
  });

  it('SM2-SM3 signatures are DER with the standard user ID unless another is configured', async () => {
    const keys = generateSigningKeyPair('SM2-SM3');
    const signature = await createSigner('SM2-SM3', keys.privateKeyPem).sign(data);
    expect(signature[0]).toBe(0x30);
    expect(sm2.verify(data, signature, sm2.importPublicKeyPem(keys.publicKeyPem), { userId: '1234567812345678' })).toBe(true);
    const custom = await createSigner('SM2-SM3', keys.privateKeyPem, { userId: 'seal-officer-7' }).sign(data);
    expect(verifySignature('SM2-SM3', keys.publicKeyPem, data, custom)).toBe(false);
    expect(verifySignature('SM2-SM3', keys.publicKeyPem, data, custom, { userId: 'seal-officer-7' })).toBe(true);
  });

  it('refuses a key of the other algorithm, an unknown algorithm and malformed PEM with GmCryptoError', () => {
    const sm2Keys = generateSigningKeyPair('SM2-SM3');
    const rsaKeys = generateSigningKeyPair('RSA-SHA256');
    expect(() => createSigner('RSA-SHA256', sm2Keys.privateKeyPem)).toThrow(GmCryptoError);
    expect(() => createSigner('SM2-SM3', rsaKeys.privateKeyPem)).toThrow(/RSA \(1\.2\.840\.113549\.1\.1\.1\) key, expected SM2/);
    expect(() => verifySignature('SM2-SM3', rsaKeys.publicKeyPem, data, new Uint8Array(64))).toThrow(GmCryptoError);
    expect(() => createSigner('ECDSA' as SignatureAlgorithm, sm2Keys.privateKeyPem)).toThrow(/Unknown signature algorithm "ECDSA"/);
    expect(() => verifySignature('SM2-SM3', 'garbage', data, new Uint8Array(64))).toThrow(/Malformed PEM/);
  });

  it('names the algorithm OIDs that certificates and seals use', () => {
    expect(SIGNATURE_ALGORITHM_OIDS).toEqual({ 'SM2-SM3': '1.2.156.10197.1.501', 'RSA-SHA256': '1.2.840.113549.1.1.11' });
  });
});
