import { OID } from './curve';
import { decrypt, encrypt } from './encryption';
import {
  exportPrivateKeyDer, exportPrivateKeyPem, exportPublicKeyDer, exportPublicKeyPem, importPrivateKeyDer, importPrivateKeyPem,
  importPublicKeyDer, importPublicKeyPem, publicKeyFromCertificate, spkiFromCertificate,
} from './key-encoding';
import { generateKeyPair, normalizePublicKey, publicKeyFromPrivateKey } from './keys';
import { DEFAULT_USER_ID, computeZ, digest, sign, signatureFromDer, signatureToDer, verify } from './signature';

export type { Sm2CipherMode, Sm2CipherOptions } from './encryption';
export type { Sm2KeyPair, Sm2PrivateKey, Sm2PublicKey } from './keys';
export type { Sm2SignOptions, Sm2SignatureEncoding, Sm2VerifyOptions, UserId } from './signature';

/** SM2 (GB/T 32918) on sm-crypto-v2's curve arithmetic, with OpenSSL-compatible key and signature encodings. */
export const sm2 = {
  DEFAULT_USER_ID,
  OID,
  generateKeyPair,
  publicKeyFromPrivateKey,
  normalizePublicKey,
  sign,
  verify,
  digest,
  computeZ,
  signatureToDer,
  signatureFromDer,
  encrypt,
  decrypt,
  exportPublicKeyDer,
  exportPublicKeyPem,
  importPublicKeyDer,
  importPublicKeyPem,
  exportPrivateKeyDer,
  exportPrivateKeyPem,
  importPrivateKeyDer,
  importPrivateKeyPem,
  spkiFromCertificate,
  publicKeyFromCertificate,
} as const;
