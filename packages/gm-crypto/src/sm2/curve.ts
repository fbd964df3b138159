/**
 * The SM2 recommended curve (GB/T 32918.5) and access to sm-crypto-v2's point arithmetic
 * (noble-curves underneath). All curve math goes through sm-crypto-v2.
 */
import { sm2 as lib } from 'sm-crypto-v2';
import { bigintToBytes, bytesToBigint, fromHex, toHex } from '../encoding';
import { GmCryptoError, fail } from '../errors';

export const CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
} as const;

export const OID = {
  /** id-ecPublicKey (RFC 5480): the key algorithm OpenSSL writes for SM2 keys. */
  ecPublicKey: '1.2.840.10045.2.1',
  /** SM2 curve / algorithm (GM/T 0006, GB/T 33560). */
  sm2: '1.2.156.10197.1.301',
  /** SM2 signature with SM3 (GM/T 0006), as used in certificates and GB/T 38540 seals. */
  sm2WithSm3: '1.2.156.10197.1.501',
} as const;

export type Point = ReturnType<typeof lib.precomputePublicKey>;
interface PointStatic {
  BASE: Point;
  /** Parses SEC1 bytes (uncompressed or compressed) and checks the point lies on the curve. */
  fromHex(hex: string): Point;
}

let pointClass: PointStatic | undefined;
/** sm-crypto-v2 exposes its point type only through precomputePublicKey; the class is that point's constructor. */
function points(): PointStatic {
  if (!pointClass) {
    const g = lib.precomputePublicKey(`04${CURVE.gx.toString(16)}${CURVE.gy.toString(16)}`, 2);
    pointClass = g.constructor as unknown as PointStatic;
    if (pointClass.BASE.toAffine().x !== CURVE.gx) throw new Error('sm-crypto-v2 did not give the SM2 curve');
  }
  return pointClass;
}

export const basePoint = (): Point => points().BASE;

/** A public point from SEC1 bytes (65-byte uncompressed or 33-byte compressed), checked to be on the curve. */
export function parsePoint(bytes: Uint8Array, what = 'SM2 public key'): Point {
  if (!((bytes.length === 65 && bytes[0] === 4) || (bytes.length === 33 && (bytes[0] === 2 || bytes[0] === 3)))) {
    fail('INVALID_KEY', `${what}: expected a 65-byte uncompressed (04||x||y) or 33-byte compressed point, got ${bytes.length} bytes`);
  }
  try {
    return points().fromHex(toHex(bytes));
  } catch (error) {
    throw new GmCryptoError('INVALID_KEY', `${what}: not a point on the SM2 curve`, { cause: error });
  }
}

export const pointToBytes = (point: Point): Uint8Array => fromHex(point.toHex(false));

/** d must lie in [1, n-2] (GB/T 32918.1 6.1: 1 + d must be invertible mod n). */
export function privateScalar(privateKey: Uint8Array): bigint {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32) fail('INVALID_KEY', 'SM2 private key must be 32 bytes');
  const d = bytesToBigint(privateKey);
  if (d < 1n || d > CURVE.n - 2n) fail('INVALID_KEY', 'SM2 private key out of range [1, n-2]');
  return d;
}

export const scalarToHex = (value: bigint): string => toHex(bigintToBytes(value, 32));
