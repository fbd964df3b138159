/**
 * SM2 keys as OpenSSL 3 writes them: SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo with the algorithm
 * id-ecPublicKey and the named curve 1.2.156.10197.1.301 (GM/T 0009 / GB/T 35275). Import also accepts
 * the SM2 OID as the algorithm itself (some Chinese CAs) and SEC1 "EC PRIVATE KEY" files with SM2 parameters.
 */
import {
  Tag, encodeBitString, encodeOctetString, encodeOid, encodeSequence, encodeTlv, encodeUnsignedInteger,
  expectTag, readBitString, readChildren, readDerExact, readOid, readUnsignedInteger, type DerNode,
} from '../der';
import { bytesEqual, concatBytes } from '../encoding';
import { GmCryptoError, fail } from '../errors';
import { decodePem, encodePem } from '../pem';
import { OID } from './curve';
import { normalizePublicKey, publicKeyFromPrivateKey, type Sm2KeyPair, type Sm2PrivateKey, type Sm2PublicKey } from './keys';

const KNOWN_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.3.101.112': 'Ed25519',
  '1.3.101.110': 'X25519',
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'secp256k1',
};
const describe = (oid: string) => (KNOWN_ALGORITHMS[oid] ? `${KNOWN_ALGORITHMS[oid]} (${oid})` : oid);

const algorithmIdentifier = () => encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(OID.sm2));

/** Accepts {id-ecPublicKey, sm2 curve} and {sm2, absent | NULL | sm2}. */
function checkAlgorithm(node: DerNode, what: string): void {
  const [algorithm, parameters, ...rest] = readChildren(expectTag(node, Tag.SEQUENCE, `${what} algorithm`));
  const oid = readOid(algorithm, `${what} algorithm`);
  if (rest.length > 0) fail('INVALID_DER', `${what}: malformed AlgorithmIdentifier`);
  if (oid === OID.ecPublicKey) {
    if (!parameters || parameters.tag !== Tag.OID) fail('UNSUPPORTED_KEY', `${what}: EC key without a named curve; expected the SM2 curve ${OID.sm2}`);
    const curve = readOid(parameters, `${what} curve`);
    if (curve !== OID.sm2) fail('UNSUPPORTED_KEY', `${what}: EC key on curve ${describe(curve)}, expected SM2 (${OID.sm2})`);
    return;
  }
  if (oid === OID.sm2) {
    if (parameters && parameters.tag !== Tag.NULL && !(parameters.tag === Tag.OID && readOid(parameters, what) === OID.sm2)) {
      fail('UNSUPPORTED_KEY', `${what}: unexpected parameters for the SM2 algorithm`);
    }
    return;
  }
  fail('UNSUPPORTED_KEY', `${what}: ${describe(oid)} key, expected SM2 (${OID.ecPublicKey} with curve ${OID.sm2})`);
}

export const exportPublicKeyDer = (publicKey: Sm2PublicKey): Uint8Array =>
  encodeSequence(algorithmIdentifier(), encodeBitString(normalizePublicKey(publicKey)));

export function importPublicKeyDer(der: Uint8Array): Sm2PublicKey {
  const [algorithm, key, ...rest] = readChildren(readDerExact(der, Tag.SEQUENCE, 'SubjectPublicKeyInfo'));
  if (!algorithm || !key || rest.length > 0) fail('INVALID_DER', 'SubjectPublicKeyInfo: expected SEQUENCE { algorithm, subjectPublicKey }');
  checkAlgorithm(algorithm, 'SubjectPublicKeyInfo');
  return normalizePublicKey(readBitString(key, 'SubjectPublicKeyInfo key'));
}

/** PKCS#8, byte-identical to `openssl genpkey -algorithm SM2` output (ECPrivateKey with the public key, no parameters). */
export function exportPrivateKeyDer(privateKey: Sm2PrivateKey, publicKey?: Sm2PublicKey): Uint8Array {
  const pub = publicKey ? normalizePublicKey(publicKey) : publicKeyFromPrivateKey(privateKey);
  const ecPrivateKey = encodeSequence(encodeUnsignedInteger(1n), encodeOctetString(privateKey), encodeTlv(Tag.context(1), encodeBitString(pub)));
  return encodeSequence(encodeUnsignedInteger(0n), algorithmIdentifier(), encodeOctetString(ecPrivateKey));
}

/** SEC1 ECPrivateKey (RFC 5915); `curveKnown` when the enclosing PKCS#8 already named the SM2 curve. */
function readEcPrivateKey(der: Uint8Array, curveKnown: boolean): Sm2KeyPair {
  const [version, secret, ...optional] = readChildren(readDerExact(der, Tag.SEQUENCE, 'ECPrivateKey'));
  if (!secret || readUnsignedInteger(version, 'ECPrivateKey version') !== 1n) fail('INVALID_DER', 'ECPrivateKey: expected version 1');
  const d = expectTag(secret, Tag.OCTET_STRING, 'ECPrivateKey privateKey').content;
  if (d.length === 0 || d.length > 32) fail('INVALID_KEY', `SM2 private key must be 32 bytes, got ${d.length}`);
  const privateKey = concatBytes(new Uint8Array(32 - d.length), d);
  let embedded: Uint8Array | undefined;
  let named = curveKnown;
  for (const field of optional) {
    if (field.tag === Tag.context(0)) {
      const [curve] = readChildren(field);
      const oid = curve?.tag === Tag.OID ? readOid(curve, 'ECPrivateKey parameters') : 'explicit parameters';
      if (oid !== OID.sm2) fail('UNSUPPORTED_KEY', `EC private key on curve ${describe(oid)}, expected SM2 (${OID.sm2})`);
      named = true;
    } else if (field.tag === Tag.context(1)) {
      const [bits] = readChildren(field);
      if (!bits) fail('INVALID_DER', 'ECPrivateKey: empty publicKey field');
      embedded = readBitString(bits, 'ECPrivateKey publicKey');
    } else {
      fail('INVALID_DER', `ECPrivateKey: unexpected field with tag 0x${field.tag.toString(16)}`);
    }
  }
  if (!named) fail('UNSUPPORTED_KEY', 'EC private key does not name its curve; expected SM2 parameters');
  const publicKey = publicKeyFromPrivateKey(privateKey); // validates d in [1, n-2]
  if (embedded && !bytesEqual(normalizePublicKey(embedded), publicKey)) fail('INVALID_KEY', 'The public key stored with the SM2 private key does not match it');
  return { privateKey, publicKey };
}

export function importPrivateKeyDer(der: Uint8Array): Sm2KeyPair {
  const top = readDerExact(der, Tag.SEQUENCE, 'PrivateKeyInfo');
  const [version, algorithm, key] = readChildren(top);
  if (version?.tag === Tag.INTEGER && readUnsignedInteger(version, 'version') === 1n && algorithm?.tag === Tag.OCTET_STRING) {
    return readEcPrivateKey(der, false); // a bare SEC1 key given as DER
  }
  if (!algorithm || !key) fail('INVALID_DER', 'PrivateKeyInfo: expected SEQUENCE { version, algorithm, privateKey }');
  const v = readUnsignedInteger(version, 'PrivateKeyInfo version');
  if (v !== 0n && v !== 1n) fail('INVALID_DER', `PrivateKeyInfo: unsupported version ${v}`);
  checkAlgorithm(algorithm, 'PrivateKeyInfo');
  return readEcPrivateKey(expectTag(key, Tag.OCTET_STRING, 'PrivateKeyInfo privateKey').content, true);
}

export const exportPublicKeyPem = (publicKey: Sm2PublicKey): string => encodePem('PUBLIC KEY', exportPublicKeyDer(publicKey));
export const exportPrivateKeyPem = (privateKey: Sm2PrivateKey, publicKey?: Sm2PublicKey): string =>
  encodePem('PRIVATE KEY', exportPrivateKeyDer(privateKey, publicKey));

/** Reads a "PUBLIC KEY" (SPKI) or "CERTIFICATE" PEM; a certificate yields its subject's key. */
export function importPublicKeyPem(pem: string): Sm2PublicKey {
  const { label, der } = decodePem(pem, ['PUBLIC KEY', 'CERTIFICATE']);
  return label === 'CERTIFICATE' ? importPublicKeyDer(spkiFromCertificate(der)) : importPublicKeyDer(der);
}

/** Reads "PRIVATE KEY" (PKCS#8) or "EC PRIVATE KEY" (SEC1 with SM2 parameters); encrypted keys are refused. */
export function importPrivateKeyPem(pem: string): Sm2KeyPair {
  if (typeof pem === 'string' && pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    fail('UNSUPPORTED_KEY', 'Encrypted PKCS#8 private keys are not supported; decrypt with "openssl pkey" first');
  }
  const { label, der } = decodePem(pem, ['PRIVATE KEY', 'EC PRIVATE KEY']);
  return label === 'EC PRIVATE KEY' ? readEcPrivateKey(der, false) : importPrivateKeyDer(der);
}

/** The SubjectPublicKeyInfo of an X.509 certificate (DER), as its exact encoded bytes. */
export function spkiFromCertificate(certificate: Uint8Array): Uint8Array {
  try {
    const [tbs] = readChildren(readDerExact(certificate, Tag.SEQUENCE, 'Certificate'));
    const fields = readChildren(expectTag(tbs, Tag.SEQUENCE, 'TBSCertificate'));
    const start = fields[0]?.tag === Tag.context(0) ? 1 : 0; // [0] version is optional (v1)
    // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
    return expectTag(fields[start + 5], Tag.SEQUENCE, 'subjectPublicKeyInfo').bytes;
  } catch (error) {
    if (error instanceof GmCryptoError) throw error;
    throw new GmCryptoError('INVALID_DER', 'Not an X.509 certificate', { cause: error });
  }
}

export const publicKeyFromCertificate = (certificate: Uint8Array): Sm2PublicKey => importPublicKeyDer(spkiFromCertificate(certificate));
