import { describe, expect, it } from 'vitest';
import { Tag, encodeOid, encodeSequence, encodeUnsignedInteger, readChildren, readDer, readDerExact, readOid, readUnsignedInteger } from './der';
import { fromBase64, fromHex, toBase64, toHex } from './encoding';
import { decodePem, encodePem } from './pem';

describe('DER and PEM helpers', () => {
  it('encodes and decodes the OIDs in use', () => {
    for (const [oid, hex] of [
      ['1.2.156.10197.1.301', '06082a811ccf5501822d'],
      ['1.2.156.10197.1.501', '06082a811ccf55018375'],
      ['1.2.840.10045.2.1', '06072a8648ce3d0201'],
      ['1.2.840.113549.1.1.11', '06092a864886f70d01010b'],
    ]) {
      expect(toHex(encodeOid(oid))).toBe(hex);
      expect(readOid(readDer(fromHex(hex)), 'oid')).toBe(oid);
    }
  });

  it('encodes integers minimally and long lengths in long form', () => {
    expect(toHex(encodeUnsignedInteger(0n))).toBe('020100');
    expect(toHex(encodeUnsignedInteger(0x80n))).toBe('02020080');
    const long = encodeSequence(new Uint8Array(200));
    expect(toHex(long.subarray(0, 3))).toBe('3081c8');
    expect(readDerExact(long, Tag.SEQUENCE, 'seq').content).toHaveLength(200);
    expect(readUnsignedInteger(readDer(fromHex('02020080')), 'int')).toBe(0x80n);
  });

  it('rejects BER and truncation', () => {
    expect(() => readDer(fromHex('3080'))).toThrow(/indefinite/);
    expect(() => readDer(fromHex('30810100'))).toThrow(/long-form length for a short value/);
    expect(() => readDer(fromHex('3005020100'))).toThrow(/Truncated/);
    expect(() => readDerExact(fromHex('30000000'), Tag.SEQUENCE, 'x')).toThrow(/trailing bytes/);
    expect(() => readUnsignedInteger(readDer(fromHex('020200ff').map((b, i) => (i === 3 ? 0x7f : b))), 'int')).toThrow(/minimally/);
    expect(() => readChildren(readDer(fromHex('0400')))).toThrow(/constructed/);
  });

  it('writes PEM in 64-column lines and reads it back, with CRLF and surrounding text', () => {
    const der = new Uint8Array(100).map((_, i) => i);
    const pem = encodePem('PUBLIC KEY', der);
    expect(pem.split('\n')[1]).toHaveLength(64);
    expect(decodePem(`junk\r\n${pem.replace(/\n/g, '\r\n')}more`, ['PUBLIC KEY']).der).toEqual(der);
    expect(fromBase64(toBase64(der))).toEqual(der);
    expect(() => fromBase64('abc')).toThrow(/Invalid base64/);
    expect(() => fromHex('abc')).toThrow(/Invalid hex/);
  });
});
