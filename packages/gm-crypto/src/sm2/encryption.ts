/**
 * SM2 public-key encryption (GB/T 32918.4). Ciphertext layouts:
 * - 'raw': C1 || C3 || C2 (the 2016 standard order; 'C1C2C3' for the 2012 order), C1 = 04 || x1 || y1;
 * - 'asn1': GM/T 0009 SM2Cipher SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING, cipherText OCTET STRING },
 *   which is what OpenSSL's `pkeyutl -encrypt` writes and reads.
 */
import { sm2 as lib } from 'sm-crypto-v2';
import { Tag, encodeOctetString, encodeSequence, encodeUnsignedInteger, expectTag, readChildren, readDerExact, readUnsignedInteger } from '../der';
import { bigintToBytes, bytesToBigint, concatBytes, fromHex, toBytes, toHex, type BytesOrText } from '../encoding';
import { GmCryptoError, fail } from '../errors';
import { CURVE, parsePoint, privateScalar, scalarToHex } from './curve';
import { cachedPublicPoint, type Sm2PrivateKey, type Sm2PublicKey } from './keys';

export type Sm2CipherMode = 'C1C3C2' | 'C1C2C3';
export interface Sm2CipherOptions {
  encoding?: 'raw' | 'asn1';
  /** Only for 'raw'; SM2Cipher fixes the order. */
  mode?: Sm2CipherMode;
}

interface Parts {
  c1: Uint8Array; // 04 || x || y
  c3: Uint8Array; // SM3 hash, 32 bytes
  c2: Uint8Array; // masked message
}

function checkOptions(options: Sm2CipherOptions): { asn1: boolean; c1c2c3: boolean } {
  const asn1 = (options.encoding ?? 'raw') === 'asn1';
  if (options.encoding && !['raw', 'asn1'].includes(options.encoding)) fail('INVALID_ARGUMENT', `Unknown SM2 ciphertext encoding "${options.encoding}"`);
  if (options.mode && !['C1C3C2', 'C1C2C3'].includes(options.mode)) fail('INVALID_ARGUMENT', `Unknown SM2 cipher mode "${options.mode}"`);
  if (asn1 && options.mode === 'C1C2C3') fail('INVALID_ARGUMENT', 'SM2Cipher (asn1) has a fixed C1 C3 C2 order');
  return { asn1, c1c2c3: options.mode === 'C1C2C3' };
}

export function encrypt(plaintext: BytesOrText, publicKey: Sm2PublicKey, options: Sm2CipherOptions = {}): Uint8Array {
  const { asn1, c1c2c3 } = checkOptions(options);
  const message = toBytes(plaintext);
  if (message.length === 0) fail('INVALID_ARGUMENT', 'SM2 encryption needs a non-empty message');
  const hex = lib.doEncrypt(message, cachedPublicPoint(publicKey).point, 1); // x1 y1 (no 04) || C3 || C2
  const c1 = fromHex(`04${hex.slice(0, 128)}`);
  const c3 = fromHex(hex.slice(128, 192));
  const c2 = fromHex(hex.slice(192));
  if (asn1) {
    return encodeSequence(
      encodeUnsignedInteger(bytesToBigint(c1.subarray(1, 33))),
      encodeUnsignedInteger(bytesToBigint(c1.subarray(33))),
      encodeOctetString(c3),
      encodeOctetString(c2),
    );
  }
  return c1c2c3 ? concatBytes(c1, c2, c3) : concatBytes(c1, c3, c2);
}

function split(ciphertext: Uint8Array, asn1: boolean, c1c2c3: boolean): Parts {
  if (asn1) {
    const fields = readChildren(readDerExact(ciphertext, Tag.SEQUENCE, 'SM2Cipher'));
    if (fields.length !== 4) fail('INVALID_DER', 'SM2Cipher: expected SEQUENCE { x, y, hash, cipherText }');
    const [x, y] = fields.slice(0, 2).map((f) => readUnsignedInteger(f, 'SM2Cipher coordinate'));
    if (x >= CURVE.p || y >= CURVE.p) fail('INVALID_DER', 'SM2Cipher: coordinate out of range');
    return {
      c1: concatBytes(Uint8Array.of(4), bigintToBytes(x, 32), bigintToBytes(y, 32)),
      c3: expectTag(fields[2], Tag.OCTET_STRING, 'SM2Cipher hash').content,
      c2: expectTag(fields[3], Tag.OCTET_STRING, 'SM2Cipher cipherText').content,
    };
  }
  if (ciphertext.length < 65 + 32 + 1 || ciphertext[0] !== 4) fail('INVALID_ARGUMENT', 'Raw SM2 ciphertext must start with an uncompressed C1 (04 || x || y)');
  const rest = ciphertext.subarray(65);
  return c1c2c3
    ? { c1: ciphertext.subarray(0, 65), c2: rest.subarray(0, rest.length - 32), c3: rest.subarray(rest.length - 32) }
    : { c1: ciphertext.subarray(0, 65), c3: rest.subarray(0, 32), c2: rest.subarray(32) };
}

/** Throws DECRYPTION_FAILED for a malformed ciphertext, a C1 off the curve, or a C3 mismatch (wrong key, tampering). */
export function decrypt(ciphertext: Uint8Array, privateKey: Sm2PrivateKey, options: Sm2CipherOptions = {}): Uint8Array {
  const { asn1, c1c2c3 } = checkOptions(options);
  const d = privateScalar(privateKey);
  let parts: Parts;
  try {
    parts = split(ciphertext, asn1, c1c2c3);
    if (parts.c3.length !== 32 || parts.c2.length === 0) fail('INVALID_ARGUMENT', 'SM2 ciphertext has a wrong hash length or no message');
    parsePoint(parts.c1, 'SM2 ciphertext C1'); // refuse points off the curve (invalid-curve attacks)
  } catch (error) {
    throw new GmCryptoError('DECRYPTION_FAILED', `SM2 decryption failed: ${(error as Error).message}`, { cause: error });
  }
  const result = lib.doDecrypt(toHex(parts.c1.subarray(1)) + toHex(parts.c3) + toHex(parts.c2), scalarToHex(d), 1, { output: 'array' });
  if (!(result instanceof Uint8Array) || result.length !== parts.c2.length) {
    fail('DECRYPTION_FAILED', 'SM2 decryption failed: the ciphertext does not match this private key or was altered');
  }
  return result;
}
