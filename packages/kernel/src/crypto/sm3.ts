import { createHash } from 'node:crypto';

/** SM3 (GB/T 32905) digest as lowercase hex; Node's OpenSSL build provides it. */
export const sm3Hex = (data: string | Uint8Array) => createHash('sm3').update(data).digest('hex');
export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
