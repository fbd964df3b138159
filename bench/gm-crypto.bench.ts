/**
 * gm-crypto: SM2 signature throughput (pure JS on sm-crypto-v2), with SM3 / SM4 / RSA on Node's OpenSSL for scale.
 *
 *   npx tsx bench/gm-crypto.bench.ts [seconds-per-case=1]
 *
 * Prints operations per second on one core. "verify, new key" parses the key each time (a stream of
 * different signers); "verify, same key" hits the per-key precomputed table (one seal or signer, many files).
 */
import { rsa, sm2, sm3, sm4 } from '@jsga/gm-crypto';

const seconds = Number(process.argv[2] ?? 1);

function rate(label: string, op: (i: number) => unknown, unit = 'ops/s', perOp = 1): void {
  for (let i = 0; i < 20; i++) op(i); // warm-up
  let count = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) op(count++);
  const perSecond = (count * perOp * 1000) / (performance.now() - start);
  console.log(`${label.padEnd(40)} ${perSecond.toFixed(perSecond < 100 ? 1 : 0).padStart(9)} ${unit}`);
}

const message = new TextEncoder().encode('<Signature>'.padEnd(1024, 'x'));
const pair = sm2.generateKeyPair();
const signature = sm2.sign(message, pair.privateKey, { publicKey: pair.publicKey });
const signers = Array.from({ length: 64 }, () => sm2.generateKeyPair());
const signed = signers.map((k) => sm2.sign(message, k.privateKey, { publicKey: k.publicKey }));

rate('SM2 key pair generation', () => sm2.generateKeyPair());
rate('SM2 sign, 1 KiB (public key given)', () => sm2.sign(message, pair.privateKey, { publicKey: pair.publicKey }));
rate('SM2 sign, 1 KiB (public key derived)', () => sm2.sign(message, pair.privateKey));
rate('SM2 verify, 1 KiB, new key each time', (i) => sm2.verify(message, signed[i % 64], signers[i % 64].publicKey));
rate('SM2 verify, 1 KiB, same key', () => sm2.verify(message, signature, pair.publicKey));
rate('SM2 encrypt 32 bytes', () => sm2.encrypt(message.subarray(0, 32), pair.publicKey));

const mib = new Uint8Array(1 << 20);
const key = sm4.generateKey();
const iv = sm4.generateIv();
rate('SM3 (1 MiB chunks)', () => sm3.digest(mib), 'MiB/s');
rate('SM4-CBC encrypt (1 MiB chunks)', () => sm4.encrypt(mib, key, { mode: 'cbc', iv }), 'MiB/s');

const rsaKeys = rsa.generateKeyPair();
const rsaPrivate = rsa.importPrivateKeyPem(rsaKeys.privateKeyPem);
const rsaPublic = rsa.importPublicKeyPem(rsaKeys.publicKeyPem);
const rsaSignature = rsa.sign(message, rsaPrivate);
rate('RSA-2048-SHA256 sign (for comparison)', () => rsa.sign(message, rsaPrivate));
rate('RSA-2048-SHA256 verify (for comparison)', () => rsa.verify(message, rsaSignature, rsaPublic));
