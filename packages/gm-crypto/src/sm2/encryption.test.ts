import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8Text } from '../encoding';
import { GmCryptoError } from '../errors';
import { sm2 } from './index';

// GB/T 32918.5-2017 (= GM/T 0003.5-2012) Annex C: encryption of "encryption standard" on the recommended curve.
const ANNEX_C = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  c1: '04' + '04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73' + 'E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0',
  c3: '59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766',
  c2: '21886CA989CA9C7D58087307CA93092D651EFA',
  // the same values as a GM/T 0009 SM2Cipher
  asn1:
    '307C' + '0220' + '04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73' + '022100' + 'E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0' +
    '0420' + '59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766' + '0413' + '21886CA989CA9C7D58087307CA93092D651EFA',
};

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GmCryptoError).code;
  }
  return 'no error';
};

describe('SM2 encryption', () => {
  const d = fromHex(ANNEX_C.d);

  it('decrypts the GB/T 32918.5 Annex C ciphertext in every layout', () => {
    expect(utf8Text(sm2.decrypt(fromHex(ANNEX_C.c1 + ANNEX_C.c3 + ANNEX_C.c2), d))).toBe('encryption standard');
    expect(utf8Text(sm2.decrypt(fromHex(ANNEX_C.c1 + ANNEX_C.c2 + ANNEX_C.c3), d, { mode: 'C1C2C3' }))).toBe('encryption standard');
    expect(utf8Text(sm2.decrypt(fromHex(ANNEX_C.asn1), d, { encoding: 'asn1' }))).toBe('encryption standard');
  });

  it('round-trips in every layout, with a fresh C1 each time', () => {
    const { privateKey, publicKey } = sm2.generateKeyPair();
    const message = new TextEncoder().encode('身份证号 320102199001011234');
    for (const options of [{}, { mode: 'C1C2C3' as const }, { encoding: 'asn1' as const }]) {
      const a = sm2.encrypt(message, publicKey, options);
      const b = sm2.encrypt(message, publicKey, options);
      expect(toHex(a)).not.toBe(toHex(b));
      expect(sm2.decrypt(a, privateKey, options)).toEqual(message);
    }
    expect(sm2.encrypt(message, publicKey)).toHaveLength(65 + 32 + message.length);
  });

  it('fails cleanly for tampering, a wrong key, a C1 off the curve and bad input', () => {
    const { privateKey, publicKey } = sm2.generateKeyPair();
    const ciphertext = sm2.encrypt('secret', publicKey);
    const flip = (index: number) => ciphertext.map((b, i) => (i === index ? b ^ 1 : b));
    expect(failure(() => sm2.decrypt(flip(ciphertext.length - 1), privateKey))).toBe('DECRYPTION_FAILED');
    expect(failure(() => sm2.decrypt(flip(70), privateKey))).toBe('DECRYPTION_FAILED');
    expect(failure(() => sm2.decrypt(flip(10), privateKey))).toBe('DECRYPTION_FAILED'); // C1 no longer on the curve
    expect(failure(() => sm2.decrypt(ciphertext, d))).toBe('DECRYPTION_FAILED');
    expect(failure(() => sm2.decrypt(ciphertext.subarray(0, 97), privateKey))).toBe('DECRYPTION_FAILED');
    expect(failure(() => sm2.decrypt(concatBytes(ciphertext, Uint8Array.of(0)), privateKey, { encoding: 'asn1' }))).toBe('DECRYPTION_FAILED');
    expect(failure(() => sm2.encrypt('', publicKey))).toBe('INVALID_ARGUMENT');
    expect(failure(() => sm2.encrypt('x', publicKey, { encoding: 'asn1', mode: 'C1C2C3' }))).toBe('INVALID_ARGUMENT');
  });
});
