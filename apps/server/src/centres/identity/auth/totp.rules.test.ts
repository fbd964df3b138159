import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, totpAt, verifyTotp } from './totp.rules';

// RFC 6238 appendix B test secret "12345678901234567890" (SHA-1).
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(totpAt(rfcSecret, Math.floor(59 / 30))).toBe('287082');
    expect(totpAt(rfcSecret, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpAt(rfcSecret, Math.floor(2000000000 / 30))).toBe('279037');
  });
  it('round-trips base32', () => {
    expect(base32Decode(base32Encode(Buffer.from('hello world'))).toString()).toBe('hello world');
  });
  it('accepts one step of clock drift but refuses a code that was already used', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    const prev = totpAt(rfcSecret, step - 1);
    expect(verifyTotp(rfcSecret, prev, now, null)).toBe(step - 1);
    expect(verifyTotp(rfcSecret, prev, now, step - 1)).toBeNull();
    expect(verifyTotp(rfcSecret, totpAt(rfcSecret, step - 3), now, null)).toBeNull();
  });
});
