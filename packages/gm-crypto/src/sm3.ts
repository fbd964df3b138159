import { createHash, createHmac } from 'node:crypto';
import { asBytes, toBytes, toHex, type BytesOrText } from './encoding';

/** SM3 (GB/T 32905) on Node's OpenSSL; text is hashed as UTF-8. */
export const sm3 = {
  /** 32-byte digest. */
  digest: (data: BytesOrText): Uint8Array => asBytes(createHash('sm3').update(toBytes(data)).digest()),
  /** Digest of several parts in order, without concatenating them first. */
  digestParts: (...parts: Uint8Array[]): Uint8Array => {
    const hash = createHash('sm3');
    for (const part of parts) hash.update(part);
    return asBytes(hash.digest());
  },
  hex: (data: BytesOrText): string => toHex(sm3.digest(data)),
  /** HMAC-SM3 (RFC 2104 with SM3, block size 64): 32-byte tag. */
  hmac: (key: Uint8Array, data: BytesOrText): Uint8Array => asBytes(createHmac('sm3', key).update(toBytes(data)).digest()),
} as const;
