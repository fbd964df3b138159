/**
 * A small strict DER reader and writer: enough for SPKI, PKCS#8, SEC1, X.509 certificates and the
 * SM2 signature / ciphertext structures. Low tag numbers only (< 31); lengths must be definite and minimal.
 */
import { bigintToBytes, bytesToBigint, concatBytes } from './encoding';
import { fail } from './errors';

export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [n] context-specific tag, constructed by default (EXPLICIT tagging). */
  context: (n: number, constructed = true) => (constructed ? 0xa0 : 0x80) | n,
} as const;

export interface DerNode {
  tag: number;
  /** The whole encoding (tag, length and content). */
  bytes: Uint8Array;
  content: Uint8Array;
  /** Offset just past this node in the input it was read from. */
  end: number;
}

export function readDer(input: Uint8Array, offset = 0): DerNode {
  if (offset + 2 > input.length) fail('INVALID_DER', 'Truncated DER: missing tag or length');
  const tag = input[offset];
  if ((tag & 0x1f) === 0x1f) fail('INVALID_DER', 'Unsupported DER: high tag number');
  let length = input[offset + 1];
  let header = 2;
  if (length === 0x80) fail('INVALID_DER', 'Not DER: indefinite length');
  if (length > 0x80) {
    const count = length & 0x7f;
    if (count > 4 || offset + 2 + count > input.length) fail('INVALID_DER', 'Truncated or oversized DER length');
    if (input[offset + 2] === 0) fail('INVALID_DER', 'Not DER: length has a leading zero byte');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + input[offset + 2 + i];
    if (length < 0x80) fail('INVALID_DER', 'Not DER: long-form length for a short value');
    header += count;
  }
  const end = offset + header + length;
  if (end > input.length) fail('INVALID_DER', 'Truncated DER: content runs past the end of the input');
  return { tag, bytes: input.subarray(offset, end), content: input.subarray(offset + header, end), end };
}

/** Reads a node that must span the whole input, with the expected tag. */
export function readDerExact(input: Uint8Array, tag: number, what: string): DerNode {
  const node = readDer(input);
  if (node.end !== input.length) fail('INVALID_DER', `${what}: trailing bytes after the DER value`);
  return expectTag(node, tag, what);
}

export function expectTag(node: DerNode, tag: number, what: string): DerNode {
  if (node.tag !== tag) fail('INVALID_DER', `${what}: expected tag 0x${tag.toString(16)}, found 0x${node.tag.toString(16)}`);
  return node;
}

/** The nodes inside a constructed node (SEQUENCE, SET, [n] EXPLICIT). */
export function readChildren(node: DerNode): DerNode[] {
  if ((node.tag & 0x20) === 0) fail('INVALID_DER', 'Expected a constructed DER value');
  const children: DerNode[] = [];
  for (let offset = 0; offset < node.content.length; ) {
    const child = readDer(node.content, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** A non-negative INTEGER in minimal encoding. */
export function readUnsignedInteger(node: DerNode, what: string): bigint {
  const c = expectTag(node, Tag.INTEGER, what).content;
  if (c.length === 0) fail('INVALID_DER', `${what}: empty INTEGER`);
  if (c[0] & 0x80) fail('INVALID_DER', `${what}: negative INTEGER`);
  if (c.length > 1 && c[0] === 0 && (c[1] & 0x80) === 0) fail('INVALID_DER', `${what}: INTEGER not minimally encoded`);
  return bytesToBigint(c);
}

/** The bytes of a BIT STRING with no unused bits. */
export function readBitString(node: DerNode, what: string): Uint8Array {
  const c = expectTag(node, Tag.BIT_STRING, what).content;
  if (c.length === 0 || c[0] !== 0) fail('INVALID_DER', `${what}: BIT STRING with unused bits`);
  return c.subarray(1);
}

export function readOid(node: DerNode, what: string): string {
  const c = expectTag(node, Tag.OID, what).content;
  if (c.length === 0 || (c[c.length - 1] & 0x80) !== 0) fail('INVALID_DER', `${what}: malformed OBJECT IDENTIFIER`);
  const arcs: bigint[] = [];
  let value = 0n;
  for (let i = 0; i < c.length; i++) {
    if (value === 0n && c[i] === 0x80) fail('INVALID_DER', `${what}: OBJECT IDENTIFIER arc not minimally encoded`);
    value = (value << 7n) | BigInt(c[i] & 0x7f);
    if ((c[i] & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
    }
  }
  const first = arcs[0] < 80n ? arcs[0] / 40n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join('.');
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let l = length; l > 0; l = Math.floor(l / 256)) bytes.unshift(l & 0xff);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

export const encodeTlv = (tag: number, content: Uint8Array): Uint8Array => concatBytes(Uint8Array.of(tag), encodeLength(content.length), content);
export const encodeSequence = (...items: Uint8Array[]): Uint8Array => encodeTlv(Tag.SEQUENCE, concatBytes(...items));
export const encodeOctetString = (bytes: Uint8Array): Uint8Array => encodeTlv(Tag.OCTET_STRING, bytes);
export const encodeBitString = (bytes: Uint8Array): Uint8Array => encodeTlv(Tag.BIT_STRING, concatBytes(Uint8Array.of(0), bytes));

export function encodeUnsignedInteger(value: bigint): Uint8Array {
  if (value < 0n) fail('INVALID_ARGUMENT', 'Negative INTEGER');
  let bytes = bigintToBytes(value, Math.max(1, Math.ceil(value.toString(16).length / 2)));
  if (bytes[0] & 0x80) bytes = concatBytes(Uint8Array.of(0), bytes);
  return encodeTlv(Tag.INTEGER, bytes);
}

export function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map((a) => BigInt(a));
  if (arcs.length < 2) fail('INVALID_ARGUMENT', `Invalid OID ${oid}`);
  const body: number[] = [];
  for (const arc of [arcs[0] * 40n + arcs[1], ...arcs.slice(2)]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    body.push(...chunk);
  }
  return encodeTlv(Tag.OID, Uint8Array.from(body));
}
