import { timingSafeEqual } from 'node:crypto';
import { fail } from './errors';

/** Messages may be given as bytes or as text, which is encoded as UTF-8. */
export type BytesOrText = Uint8Array | string;

/** A plain Uint8Array view of a Buffer (no copy), so results compare equal to Uint8Array literals. */
export const asBytes = (buffer: Uint8Array): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export const utf8 = (text: string): Uint8Array => asBytes(Buffer.from(text, 'utf8'));
export const utf8Text = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
export const toBytes = (data: BytesOrText): Uint8Array => (typeof data === 'string' ? utf8(data) : data);

export const toHex = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

/** Strict hex decoding (even length, hex digits only; either case; spaces are not allowed). */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) fail('INVALID_ARGUMENT', 'Invalid hex string: expected an even number of hex digits');
  return asBytes(Buffer.from(hex, 'hex'));
}

export const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Strict base64 decoding (standard alphabet, padded); whitespace is ignored. */
export function fromBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) fail('INVALID_ARGUMENT', 'Invalid base64 string');
  return asBytes(Buffer.from(compact, 'base64'));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Constant-time comparison for equal lengths (MACs, tags); different lengths are simply unequal. */
export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

export const bigintToBytes = (value: bigint, length: number): Uint8Array => {
  const hex = value.toString(16);
  if (value < 0n || hex.length > length * 2) fail('INVALID_ARGUMENT', `Integer does not fit in ${length} bytes`);
  return fromHex(hex.padStart(length * 2, '0'));
};
export const bytesToBigint = (bytes: Uint8Array): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`));
