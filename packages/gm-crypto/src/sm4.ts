import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { asBytes, concatBytes } from './encoding';
import { GmCryptoError, fail } from './errors';

/**
 * SM4 (GB/T 32907) block cipher modes that this Node's OpenSSL provides (sm4-ecb, sm4-cbc, sm4-ctr).
 * SM4-GCM is absent from Node 20's OpenSSL 3.0 build, so it is not offered here.
 */
export type Sm4Mode = 'ecb' | 'cbc' | 'ctr';

export interface Sm4Options {
  mode: Sm4Mode;
  /** 16 bytes; required for cbc and ctr (never reuse one with the same key in ctr), absent for ecb. */
  iv?: Uint8Array;
  /** PKCS#7 by default for ecb/cbc; 'none' requires whole 16-byte blocks. ctr never pads. */
  padding?: 'pkcs7' | 'none';
}

export const SM4_KEY_LENGTH = 16;
export const SM4_BLOCK_LENGTH = 16;

function cipherArgs(key: Uint8Array, options: Sm4Options): [string, Uint8Array, Uint8Array | null, boolean] {
  if (!['ecb', 'cbc', 'ctr'].includes(options?.mode)) fail('INVALID_ARGUMENT', `Unsupported SM4 mode "${options?.mode}" (ecb, cbc or ctr)`);
  if (key.length !== SM4_KEY_LENGTH) fail('INVALID_ARGUMENT', `SM4 key must be 16 bytes, got ${key.length}`);
  const iv = options.mode === 'ecb' ? null : options.iv;
  if (options.mode === 'ecb' && options.iv) fail('INVALID_ARGUMENT', 'SM4-ECB takes no IV');
  if (options.mode !== 'ecb' && iv?.length !== SM4_BLOCK_LENGTH) fail('INVALID_ARGUMENT', `SM4-${options.mode.toUpperCase()} needs a 16-byte IV`);
  return [`sm4-${options.mode}`, key, iv ?? null, options.mode !== 'ctr' && options.padding !== 'none'];
}

export const sm4 = {
  generateKey: (): Uint8Array => asBytes(randomBytes(SM4_KEY_LENGTH)),
  generateIv: (): Uint8Array => asBytes(randomBytes(SM4_BLOCK_LENGTH)),

  encrypt(plaintext: Uint8Array, key: Uint8Array, options: Sm4Options): Uint8Array {
    const [algorithm, k, iv, padding] = cipherArgs(key, options);
    if (!padding && options.mode !== 'ctr' && plaintext.length % SM4_BLOCK_LENGTH !== 0) {
      fail('INVALID_ARGUMENT', 'SM4 without padding needs a whole number of 16-byte blocks');
    }
    const cipher = createCipheriv(algorithm, k, iv).setAutoPadding(padding);
    return concatBytes(cipher.update(plaintext), cipher.final());
  },

  /** Throws DECRYPTION_FAILED on bad padding (wrong key, IV or corrupted data in ecb/cbc). */
  decrypt(ciphertext: Uint8Array, key: Uint8Array, options: Sm4Options): Uint8Array {
    const [algorithm, k, iv, padding] = cipherArgs(key, options);
    try {
      const decipher = createDecipheriv(algorithm, k, iv).setAutoPadding(padding);
      return concatBytes(decipher.update(ciphertext), decipher.final());
    } catch (error) {
      throw new GmCryptoError('DECRYPTION_FAILED', 'SM4 decryption failed (wrong key or IV, or corrupted data)', { cause: error });
    }
  },
} as const;
