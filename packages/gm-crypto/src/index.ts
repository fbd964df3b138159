/**
 * @jsga/gm-crypto: national cryptography (SM2 / SM3 / SM4) and RSA, interoperable with OpenSSL 3.
 *
 *   import { sm2, sm3, sm4, rsa, createSigner, verifySignature } from '@jsga/gm-crypto';
 *
 * Node's built-in SM2 signs with an empty user ID and is not conforming (shared/notes/traps.md), so SM2
 * runs on sm-crypto-v2's curve arithmetic; SM3, SM4 and RSA run on Node's OpenSSL.
 */
export { GmCryptoError, type GmCryptoErrorCode } from './errors';
export { bytesEqual, concatBytes, fromBase64, fromHex, toBase64, toHex, utf8, utf8Text, type BytesOrText } from './encoding';
export { decodePem, encodePem } from './pem';
export { sm2 } from './sm2';
export type {
  Sm2CipherMode, Sm2CipherOptions, Sm2KeyPair, Sm2PrivateKey, Sm2PublicKey, Sm2SignOptions, Sm2SignatureEncoding, Sm2VerifyOptions, UserId,
} from './sm2';
export { sm3 } from './sm3';
export { SM4_BLOCK_LENGTH, SM4_KEY_LENGTH, sm4, type Sm4Mode, type Sm4Options } from './sm4';
export { rsa, type RsaKey, type RsaKeyPairPem } from './rsa';
export {
  SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHM_OIDS, createSigner, createVerifier, generateSigningKeyPair, verifySignature,
  type SignatureAlgorithm, type SignatureOptions, type Signer, type Verifier,
} from './signer';
