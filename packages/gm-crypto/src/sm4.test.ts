import { sm4 as jsSm4 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './encoding';
import { GmCryptoError } from './errors';
import { sm4 } from './sm4';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GmCryptoError).code;
  }
  return 'no error';
};

describe('SM4 (GB/T 32907)', () => {
  const key = fromHex('0123456789abcdeffedcba9876543210');

  it('matches the standard example (one block, ECB, no padding)', () => {
    const ciphertext = sm4.encrypt(key, key, { mode: 'ecb', padding: 'none' });
    expect(toHex(ciphertext)).toBe('681edf34d206965e86b3e94f536e4246');
    expect(sm4.decrypt(ciphertext, key, { mode: 'ecb', padding: 'none' })).toEqual(key);
  });

  it('CBC with PKCS#7 agrees with an independent implementation (sm-crypto-v2, pure JS)', () => {
    const iv = fromHex('000102030405060708090a0b0c0d0e0f');
    const plaintext = new TextEncoder().encode('户口迁移证明 20 bytes+');
    const ours = sm4.encrypt(plaintext, key, { mode: 'cbc', iv });
    expect(toHex(ours)).toBe(jsSm4.encrypt(plaintext, key, { mode: 'cbc', iv, padding: 'pkcs#7' }));
    expect(sm4.decrypt(ours, key, { mode: 'cbc', iv })).toEqual(plaintext);
  });

  it('round-trips ECB, CBC and CTR with generated keys', () => {
    const k = sm4.generateKey();
    const iv = sm4.generateIv();
    const plaintext = new TextEncoder().encode('x'.repeat(33));
    expect(sm4.decrypt(sm4.encrypt(plaintext, k, { mode: 'ecb' }), k, { mode: 'ecb' })).toEqual(plaintext);
    expect(sm4.decrypt(sm4.encrypt(plaintext, k, { mode: 'cbc', iv }), k, { mode: 'cbc', iv })).toEqual(plaintext);
    const ctr = sm4.encrypt(plaintext, k, { mode: 'ctr', iv });
    expect(ctr).toHaveLength(33);
    expect(sm4.decrypt(ctr, k, { mode: 'ctr', iv })).toEqual(plaintext);
  });

  it('rejects bad keys, IVs and modes, and reports a wrong key as a decryption failure', () => {
    const iv = sm4.generateIv();
    expect(codeOf(() => sm4.encrypt(key, key.subarray(0, 15), { mode: 'ecb' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => sm4.encrypt(key, key, { mode: 'cbc' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => sm4.encrypt(key, key, { mode: 'ecb', iv }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => sm4.encrypt(key, key, { mode: 'gcm' as 'cbc', iv }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => sm4.encrypt(key.subarray(0, 5), key, { mode: 'ecb', padding: 'none' }))).toBe('INVALID_ARGUMENT');
    const ciphertext = sm4.encrypt(new TextEncoder().encode('some secret text'), key, { mode: 'cbc', iv });
    expect(codeOf(() => sm4.decrypt(ciphertext, sm4.generateKey(), { mode: 'cbc', iv }))).toBe('DECRYPTION_FAILED');
  });
});
