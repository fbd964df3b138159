import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Tag, readBitString, readChildren, readDerExact } from '../der';
import { concatBytes, fromHex, toHex } from '../encoding';
import { sm2 } from './index';
import { CURVE } from './curve';
import { signDigest } from './signature';

// GB/T 32918.5-2017 (= GM/T 0003.5-2012) Annex A: signature on the recommended curve, ID 1234567812345678.
const ANNEX_A = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  publicKey: '04' + '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' + 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  message: 'message digest',
  z: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  e: 'F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640',
  k: '59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};
const lower = (hex: string) => hex.toLowerCase();

describe('SM2 signature: GB/T 32918.5 Annex A known answer', () => {
  const privateKey = fromHex(ANNEX_A.d);
  const publicKey = fromHex(ANNEX_A.publicKey);

  it('derives the published public key, Z value and e', () => {
    expect(toHex(sm2.publicKeyFromPrivateKey(privateKey))).toBe(lower(ANNEX_A.publicKey));
    expect(toHex(sm2.computeZ(publicKey))).toBe(lower(ANNEX_A.z));
    expect(toHex(sm2.digest(ANNEX_A.message, publicKey))).toBe(lower(ANNEX_A.e));
  });

  it('signs to the published (r, s) with the published k', () => {
    const raw = signDigest(fromHex(ANNEX_A.e), BigInt(`0x${ANNEX_A.d}`), BigInt(`0x${ANNEX_A.k}`));
    expect(toHex(raw)).toBe(lower(ANNEX_A.r + ANNEX_A.s));
  });

  it('verifies the published signature, raw and DER, and rejects it for another message', () => {
    const raw = fromHex(ANNEX_A.r + ANNEX_A.s);
    expect(sm2.verify(ANNEX_A.message, raw, publicKey, { encoding: 'raw' })).toBe(true);
    expect(sm2.verify(ANNEX_A.message, sm2.signatureToDer(raw), publicKey)).toBe(true);
    expect(sm2.verify('message digesT', raw, publicKey, { encoding: 'raw' })).toBe(false);
  });
});

describe('SM2 sign / verify', () => {
  const alice = sm2.generateKeyPair();
  const bob = sm2.generateKeyPair();
  const message = new TextEncoder().encode('苏证通 电子印章 test message');

  it('signs with the default user ID 1234567812345678, as DER unless raw is asked for', () => {
    const der = sm2.sign(message, alice.privateKey);
    expect(der[0]).toBe(0x30);
    expect(sm2.verify(message, der, alice.publicKey)).toBe(true);
    expect(sm2.verify(message, der, alice.publicKey, { userId: '1234567812345678' })).toBe(true);
    const raw = sm2.sign(message, alice.privateKey, { encoding: 'raw', publicKey: alice.publicKey });
    expect(raw).toHaveLength(64);
    expect(sm2.verify(message, raw, alice.publicKey, { encoding: 'raw' })).toBe(true);
  });

  it('uses a fresh k each time', () => {
    expect(toHex(sm2.sign(message, alice.privateKey))).not.toBe(toHex(sm2.sign(message, alice.privateKey)));
  });

  it('fails for a tampered message, a wrong key and a wrong user ID', () => {
    const signature = sm2.sign(message, alice.privateKey);
    const tampered = message.slice();
    tampered[3] ^= 1;
    expect(sm2.verify(tampered, signature, alice.publicKey)).toBe(false);
    expect(sm2.verify(message, signature, bob.publicKey)).toBe(false);
    expect(sm2.verify(message, signature, alice.publicKey, { userId: 'ALICE123@YAHOO.COM' })).toBe(false);
    expect(sm2.verify(message, signature, alice.publicKey, { userId: '' })).toBe(false);
  });

  it('accepts an explicit user ID given as text or bytes', () => {
    const signature = sm2.sign(message, alice.privateKey, { userId: 'ALICE123@YAHOO.COM' });
    expect(sm2.verify(message, signature, alice.publicKey, { userId: new TextEncoder().encode('ALICE123@YAHOO.COM') })).toBe(true);
    expect(sm2.verify(message, signature, alice.publicKey)).toBe(false);
  });

  it('returns false for malformed or out-of-range signatures instead of throwing', () => {
    const raw = sm2.sign(message, alice.privateKey, { encoding: 'raw' });
    const der = sm2.signatureToDer(raw);
    const n = fromHex(CURVE.n.toString(16));
    expect(sm2.verify(message, der.subarray(0, der.length - 1), alice.publicKey)).toBe(false);
    expect(sm2.verify(message, concatBytes(der, Uint8Array.of(0)), alice.publicKey)).toBe(false);
    expect(sm2.verify(message, raw, alice.publicKey)).toBe(false); // raw given where DER is expected
    expect(sm2.verify(message, raw.subarray(0, 63), alice.publicKey, { encoding: 'raw' })).toBe(false);
    expect(sm2.verify(message, new Uint8Array(64), alice.publicKey, { encoding: 'raw' })).toBe(false); // r = s = 0
    expect(sm2.verify(message, concatBytes(raw.subarray(0, 32), n), alice.publicKey, { encoding: 'raw' })).toBe(false); // s = n
  });

  it('converts between r||s and strict DER', () => {
    const raw = fromHex(`00${'11'.repeat(31)}${'ff'.repeat(32)}`);
    const der = sm2.signatureToDer(raw);
    // r loses its leading zero byte; s gains one because its top bit is set
    expect(toHex(der)).toBe(`3044021f${'11'.repeat(31)}022100${'ff'.repeat(32)}`);
    expect(toHex(sm2.signatureFromDer(der))).toBe(toHex(raw));
    expect(() => sm2.signatureFromDer(fromHex('3006020100020101'))).not.toThrow(); // zero is encodable; verify rejects it
    expect(() => sm2.signatureFromDer(fromHex('30070202000102010101'))).toThrow(/Not a DER SM2 signature/); // non-minimal INTEGER
    expect(() => sm2.signatureFromDer(fromHex('3080020101020101'))).toThrow(/Not a DER SM2 signature/); // indefinite length
  });

  it('verifies what Node\'s built-in SM2 signs only with the empty user ID (the trap in traps.md)', () => {
    const nodeKey = createPrivateKey(sm2.exportPrivateKeyPem(alice.privateKey));
    const signature = new Uint8Array(nodeSign('sm3', message, nodeKey));
    expect(sm2.verify(message, signature, alice.publicKey, { userId: '' })).toBe(true);
    expect(sm2.verify(message, signature, alice.publicKey)).toBe(false);
  });
});

// A GB/T 38540 seal written by ofdrw (Java, BouncyCastle): the maker's SM2 signature over DER(SES_SealInfo).
const sealFile = path.resolve(fileURLToPath(import.meta.url), '../../../../../../shared/fixtures/interop/seals/ofdrw-test-v4.esl');
describe('SM2 signature from another implementation', () => {
  it.skipIf(!existsSync(sealFile))('verifies the maker signature of an ofdrw GB/T 38540 seal with its certificate key', () => {
    const [sealInfo, certificate, algorithm, signedValue] = readChildren(readDerExact(new Uint8Array(readFileSync(sealFile)), Tag.SEQUENCE, 'SESeal'));
    expect(toHex(algorithm.content)).toBe('2a811ccf55018375'); // 1.2.156.10197.1.501 SM2-with-SM3
    const makerKey = sm2.publicKeyFromCertificate(certificate.content);
    const signature = readBitString(signedValue, 'signedValue');
    expect(sm2.verify(sealInfo.bytes, signature, makerKey)).toBe(true);
    const altered = sealInfo.bytes.slice();
    altered[20] ^= 1;
    expect(sm2.verify(altered, signature, makerKey)).toBe(false);
  });
});
