/**
 * One shape for every signature algorithm, so callers (e-seal, elicense, audit exports) pick one by name.
 * SM2 signatures are DER SEQUENCE { r, s } with the default user ID unless told otherwise;
 * RSA signatures are the raw PKCS#1 v1.5 signature bytes.
 */
import { toBytes, type BytesOrText } from './encoding';
import { fail } from './errors';
import { rsa } from './rsa';
import { exportPrivateKeyPem, exportPublicKeyPem, importPrivateKeyPem, importPublicKeyPem } from './sm2/key-encoding';
import { generateKeyPair } from './sm2/keys';
import { sign as sm2Sign, verify as sm2Verify, type UserId } from './sm2/signature';

export const SIGNATURE_ALGORITHMS = ['SM2-SM3', 'RSA-SHA256'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

/** The AlgorithmIdentifier OIDs that certificates, CMS and GB/T 38540 seals write for each algorithm. */
export const SIGNATURE_ALGORITHM_OIDS: Record<SignatureAlgorithm, string> = {
  'SM2-SM3': '1.2.156.10197.1.501',
  'RSA-SHA256': '1.2.840.113549.1.1.11',
};

export interface SignatureOptions {
  /** SM2 only: the signer ID in Z (default "1234567812345678"). */
  userId?: UserId;
}

export interface Signer {
  readonly algorithm: SignatureAlgorithm;
  /** SPKI "PUBLIC KEY" PEM of the signing key. */
  readonly publicKeyPem: string;
  /** Asynchronous so that a signer backed by a signing server or HSM fits the same shape. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface Verifier {
  readonly algorithm: SignatureAlgorithm;
  readonly publicKeyPem: string;
  verify(data: Uint8Array, signature: Uint8Array): boolean;
}

const checkAlgorithm = (algorithm: SignatureAlgorithm) => {
  if (!SIGNATURE_ALGORITHMS.includes(algorithm)) fail('INVALID_ARGUMENT', `Unknown signature algorithm "${algorithm}" (${SIGNATURE_ALGORITHMS.join(', ')})`);
};

/** Loads the private key once; throws GmCryptoError if the PEM is malformed or holds another algorithm's key. */
export function createSigner(algorithm: SignatureAlgorithm, privateKeyPem: string, options: SignatureOptions = {}): Signer {
  checkAlgorithm(algorithm);
  if (algorithm === 'SM2-SM3') {
    const { privateKey, publicKey } = importPrivateKeyPem(privateKeyPem);
    return {
      algorithm,
      publicKeyPem: exportPublicKeyPem(publicKey),
      sign: async (data) => sm2Sign(data, privateKey, { publicKey, userId: options.userId, encoding: 'der' }),
    };
  }
  const privateKey = rsa.importPrivateKeyPem(privateKeyPem);
  return { algorithm, publicKeyPem: rsa.publicKeyPemFromPrivateKey(privateKey), sign: async (data) => rsa.sign(data, privateKey) };
}

/** False for a wrong or malformed signature; throws GmCryptoError for a malformed or mismatched key. */
export function verifySignature(
  algorithm: SignatureAlgorithm,
  publicKeyPem: string,
  data: BytesOrText,
  signature: Uint8Array,
  options: SignatureOptions = {},
): boolean {
  return createVerifier(algorithm, publicKeyPem, options).verify(toBytes(data), signature);
}

export function createVerifier(algorithm: SignatureAlgorithm, publicKeyPem: string, options: SignatureOptions = {}): Verifier {
  checkAlgorithm(algorithm);
  if (algorithm === 'SM2-SM3') {
    const publicKey = importPublicKeyPem(publicKeyPem);
    return { algorithm, publicKeyPem, verify: (data, signature) => sm2Verify(data, signature, publicKey, { userId: options.userId, encoding: 'der' }) };
  }
  const publicKey = rsa.importPublicKeyPem(publicKeyPem);
  return { algorithm, publicKeyPem, verify: (data, signature) => rsa.verify(data, signature, publicKey) };
}

/** A fresh key pair as PEM for the named algorithm (RSA: 2048 bits). */
export function generateSigningKeyPair(algorithm: SignatureAlgorithm): { privateKeyPem: string; publicKeyPem: string } {
  checkAlgorithm(algorithm);
  if (algorithm === 'RSA-SHA256') return rsa.generateKeyPair();
  const { privateKey, publicKey } = generateKeyPair();
  return { privateKeyPem: exportPrivateKeyPem(privateKey, publicKey), publicKeyPem: exportPublicKeyPem(publicKey) };
}
