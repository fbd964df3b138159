import { sm3 as jsSm3 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex } from './encoding';
import { sm3 } from './sm3';
import { SKIP_WITHOUT_OPENSSL, opensslVersion, scratch, type Scratch } from './testing/openssl';

describe('SM3 (GB/T 32905)', () => {
  it('matches the standard examples', () => {
    expect(sm3.hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3.hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(sm3.digest(new TextEncoder().encode('abc'))).toEqual(fromHex('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'));
    expect(toHex(sm3.digestParts(new TextEncoder().encode('ab'), new TextEncoder().encode('c')))).toBe(sm3.hex('abc'));
  });

  it('HMAC-SM3 agrees with an independent implementation (sm-crypto-v2, pure JS) for short and long keys', () => {
    for (const key of [fromHex('0b'.repeat(20)), fromHex('aa'.repeat(100))]) {
      const data = 'Hi There, 政务服务';
      expect(toHex(sm3.hmac(key, data))).toBe(jsSm3(data, { key, mode: 'hmac' }));
    }
  });
});

describe.skipIf(!opensslVersion)(`HMAC-SM3 against OpenSSL${SKIP_WITHOUT_OPENSSL}`, () => {
  let dir: Scratch;
  beforeAll(() => {
    dir = scratch();
  });
  afterAll(() => dir?.remove());
  it('gives the tag that `openssl mac HMAC -digest SM3` gives', () => {
    const key = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
    dir.write('data', 'audit log line 42');
    const r = dir.openssl('mac', '-digest', 'SM3', '-macopt', `hexkey:${toHex(key)}`, '-in', 'data', 'HMAC');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().toLowerCase()).toBe(toHex(sm3.hmac(key, 'audit log line 42')));
  });
});
