/**
 * SM2 digital signatures (GB/T 32918.2) with the Z value of GM/T 0009: e = SM3(Z || M),
 * Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA), default ID "1234567812345678".
 */
import { sm2 as lib } from 'sm-crypto-v2';
import { Tag, encodeSequence, encodeUnsignedInteger, readChildren, readDerExact, readUnsignedInteger } from '../der';
import { bigintToBytes, bytesToBigint, concatBytes, fromHex, toBytes, type BytesOrText } from '../encoding';
import { GmCryptoError, fail } from '../errors';
import { sm3 } from '../sm3';
import { CURVE, basePoint, privateScalar, scalarToHex, type Point } from './curve';
import { cachedPublicPoint, normalizePublicKey, publicKeyFromPrivateKey, type Sm2PrivateKey, type Sm2PublicKey } from './keys';

/** The default signer ID of GM/T 0009-2012 §10 (also GB/T 35275, GB/T 38540). */
export const DEFAULT_USER_ID = '1234567812345678';

/** A user ID as text (UTF-8) or bytes; at most 8191 bytes, since ENTL counts bits in 16 bits. */
export type UserId = string | Uint8Array;
/** 'der': SEQUENCE { r INTEGER, s INTEGER } as OpenSSL, CMS and GB/T 38540 use; 'raw': r || s, 64 bytes. */
export type Sm2SignatureEncoding = 'der' | 'raw';

export interface Sm2SignOptions {
  userId?: UserId;
  encoding?: Sm2SignatureEncoding;
  /** The matching public key, saving its derivation (one scalar multiplication) on every signature. */
  publicKey?: Sm2PublicKey;
}
export interface Sm2VerifyOptions {
  userId?: UserId;
  encoding?: Sm2SignatureEncoding;
}

const CURVE_BYTES = [CURVE.a, CURVE.b, CURVE.gx, CURVE.gy].map((v) => bigintToBytes(v, 32));

/** Z_A for an uncompressed public key (65 bytes). */
function zValue(uncompressed: Uint8Array, userId: UserId): Uint8Array {
  const id = toBytes(userId);
  if (id.length > 8191) fail('INVALID_ARGUMENT', 'SM2 user ID longer than 8191 bytes');
  const entl = id.length * 8;
  return sm3.digestParts(Uint8Array.of(entl >> 8, entl & 0xff), id, ...CURVE_BYTES, uncompressed.subarray(1));
}

export const computeZ = (publicKey: Sm2PublicKey, userId: UserId = DEFAULT_USER_ID): Uint8Array =>
  zValue(normalizePublicKey(publicKey), userId);

/** e = SM3(Z || M): the value actually signed. */
export const digest = (message: BytesOrText, publicKey: Sm2PublicKey, userId: UserId = DEFAULT_USER_ID): Uint8Array =>
  sm3.digestParts(computeZ(publicKey, userId), toBytes(message));

/**
 * Signs a 32-byte e. `nonce` fixes k and exists only for the standard's known-answer test:
 * a signature with a known or repeated k reveals the private key.
 */
export function signDigest(e: Uint8Array, d: bigint, nonce?: bigint): Uint8Array {
  const pointPool = nonce === undefined ? undefined : [{ k: nonce, x1: bytesToBigint(fromHex(lib.getPublicKeyFromPrivateKey(scalarToHex(nonce)).slice(2, 66))) }];
  return fromHex(lib.doSignature(e, scalarToHex(d), { pointPool }));
}

export function sign(message: BytesOrText, privateKey: Sm2PrivateKey, options: Sm2SignOptions = {}): Uint8Array {
  const d = privateScalar(privateKey);
  const publicKey = options.publicKey ? normalizePublicKey(options.publicKey) : publicKeyFromPrivateKey(privateKey);
  const e = sm3.digestParts(zValue(publicKey, options.userId ?? DEFAULT_USER_ID), toBytes(message));
  const raw = signDigest(e, d);
  return (options.encoding ?? 'der') === 'raw' ? raw : signatureToDer(raw);
}

/** GB/T 32918.2 §7: r, s in [1, n-1], t = r + s ≠ 0, (x1, y1) = sG + tP_A, accept iff r = e + x1 (mod n). */
export function verifyDigest(e: Uint8Array, r: bigint, s: bigint, point: Point): boolean {
  const { n } = CURVE;
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const t = (r + s) % n;
  if (t === 0n) return false;
  const sum = basePoint().multiplyAndAddUnsafe(point, s, t); // public values only: variable time is fine
  return sum !== undefined && (bytesToBigint(e) + sum.toAffine().x) % n === r;
}

/** False for a wrong or malformed signature; throws GmCryptoError only for an invalid public key or user ID. */
export function verify(message: BytesOrText, signature: Uint8Array, publicKey: Sm2PublicKey, options: Sm2VerifyOptions = {}): boolean {
  const key = cachedPublicPoint(publicKey);
  let raw: Uint8Array;
  try {
    raw = (options.encoding ?? 'der') === 'raw' ? checkRaw(signature) : signatureFromDer(signature);
  } catch {
    return false;
  }
  const e = sm3.digestParts(zValue(key.bytes, options.userId ?? DEFAULT_USER_ID), toBytes(message));
  return verifyDigest(e, bytesToBigint(raw.subarray(0, 32)), bytesToBigint(raw.subarray(32)), key.point);
}

function checkRaw(signature: Uint8Array): Uint8Array {
  if (!(signature instanceof Uint8Array) || signature.length !== 64) fail('INVALID_SIGNATURE_ENCODING', 'Raw SM2 signature must be 64 bytes (r || s)');
  return signature;
}

/** r || s (64 bytes) → DER SEQUENCE { r INTEGER, s INTEGER }. */
export function signatureToDer(raw: Uint8Array): Uint8Array {
  checkRaw(raw);
  return encodeSequence(encodeUnsignedInteger(bytesToBigint(raw.subarray(0, 32))), encodeUnsignedInteger(bytesToBigint(raw.subarray(32))));
}

/** Strict DER SEQUENCE { r INTEGER, s INTEGER } → r || s (64 bytes). */
export function signatureFromDer(der: Uint8Array): Uint8Array {
  try {
    const parts = readChildren(readDerExact(der, Tag.SEQUENCE, 'SM2 signature'));
    if (parts.length !== 2) fail('INVALID_DER', 'SM2 signature: expected two INTEGERs');
    return concatBytes(...parts.map((p) => bigintToBytes(readUnsignedInteger(p, 'SM2 signature'), 32)));
  } catch (error) {
    throw new GmCryptoError('INVALID_SIGNATURE_ENCODING', 'Not a DER SM2 signature (SEQUENCE { r INTEGER, s INTEGER })', { cause: error });
  }
}
