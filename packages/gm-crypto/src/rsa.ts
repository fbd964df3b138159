import { KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { asBytes, toBytes, type BytesOrText } from './encoding';
import { GmCryptoError } from './errors';

/** RSA key pair as PEM: SPKI "PUBLIC KEY" and PKCS#8 "PRIVATE KEY", the forms OpenSSL 3 writes. */
export interface RsaKeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A PEM string, or a KeyObject loaded once with importPublicKeyPem / importPrivateKeyPem. */
export type RsaKey = string | KeyObject;

function loadKey(input: RsaKey, kind: 'public' | 'private'): KeyObject {
  let key: KeyObject;
  if (input instanceof KeyObject) {
    if (kind === 'private' && input.type !== 'private') throw new GmCryptoError('INVALID_ARGUMENT', `Expected an RSA private key, got a ${input.type} key`);
    key = input;
  } else {
    try {
      if (typeof input !== 'string' || !input.includes('-----BEGIN ')) throw new Error('no "-----BEGIN …-----" line');
      key = kind === 'public' ? createPublicKey(input) : createPrivateKey(input);
    } catch (error) {
      throw new GmCryptoError('INVALID_PEM', `Malformed PEM: cannot read an RSA ${kind} key (${(error as Error).message})`, { cause: error });
    }
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new GmCryptoError('UNSUPPORTED_KEY', `Expected an RSA ${kind} key, got ${key.asymmetricKeyType ?? 'a non-RSA key (SM2, or another type Node does not name)'}`);
  }
  return key;
}

/** RSASSA-PKCS1-v1_5 with SHA-256 (sha256WithRSAEncryption, 1.2.840.113549.1.1.11) on Node's OpenSSL. */
export const rsa = {
  generateKeyPair(modulusLength = 2048): RsaKeyPairPem {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    return { privateKeyPem: privateKey, publicKeyPem: publicKey };
  },
  importPublicKeyPem: (pem: string): KeyObject => loadKey(pem, 'public'),
  importPrivateKeyPem: (pem: string): KeyObject => loadKey(pem, 'private'),
  /** The SPKI PEM of a private key's public half. */
  publicKeyPemFromPrivateKey: (privateKeyPem: RsaKey): string =>
    createPublicKey(loadKey(privateKeyPem, 'private')).export({ type: 'spki', format: 'pem' }).toString(),
  sign: (data: BytesOrText, privateKeyPem: RsaKey): Uint8Array => asBytes(nodeSign('sha256', toBytes(data), loadKey(privateKeyPem, 'private'))),
  /** False for a wrong signature; throws GmCryptoError for an unreadable or non-RSA key. A certificate PEM is accepted too. */
  verify(data: BytesOrText, signature: Uint8Array, publicKeyPem: RsaKey): boolean {
    const key = loadKey(publicKeyPem, 'public');
    try {
      return nodeVerify('sha256', toBytes(data), key, signature);
    } catch {
      return false;
    }
  },
} as const;
