import { fromBase64, toBase64 } from './encoding';
import { GmCryptoError, fail } from './errors';

export function encodePem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Decodes the first PEM block whose label is one of `accepted` (other blocks, such as OpenSSL's
 * "EC PARAMETERS" before an "EC PRIVATE KEY", are skipped). Errors say what was found instead.
 */
export function decodePem(pem: string, accepted: readonly string[]): { label: string; der: Uint8Array } {
  if (typeof pem !== 'string') fail('INVALID_PEM', 'Malformed PEM: expected a string');
  const blocks = [...pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g)];
  const wanted = accepted.map((l) => `"${l}"`).join(' or ');
  if (blocks.length === 0) fail('INVALID_PEM', `Malformed PEM: no "-----BEGIN …-----" / "-----END …-----" block found (expected ${wanted})`);
  const block = blocks.find((b) => accepted.includes(b[1]));
  if (!block) fail('INVALID_PEM', `Malformed PEM: found ${blocks.map((b) => `"${b[1]}"`).join(', ')}, expected ${wanted}`);
  const [, label, body, endLabel] = block;
  if (endLabel !== label) fail('INVALID_PEM', `Malformed PEM: "BEGIN ${label}" closed by "END ${endLabel}"`);
  if (body.includes(':')) fail('UNSUPPORTED_KEY', `PEM "${label}" has headers (a legacy encrypted key?); convert it with "openssl pkey" first`);
  let der: Uint8Array;
  try {
    der = fromBase64(body);
  } catch (error) {
    throw new GmCryptoError('INVALID_PEM', `Malformed PEM: the body of "${label}" is not valid base64`, { cause: error });
  }
  if (der.length === 0) fail('INVALID_PEM', `Malformed PEM: "${label}" block is empty`);
  return { label, der };
}
