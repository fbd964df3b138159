/** Stable codes: callers (server, seal) map them to their own AppError categories. */
export type GmCryptoErrorCode =
  | 'INVALID_ARGUMENT' // wrong length, bad hex, unknown option
  | 'INVALID_PEM' // not PEM, wrong label, bad base64
  | 'INVALID_DER' // ASN.1 that is not strict DER or not the expected structure
  | 'INVALID_KEY' // well-formed but mathematically invalid key (point off the curve, d out of range, mismatched pair)
  | 'UNSUPPORTED_KEY' // a key of another algorithm or curve, or an encrypted private key
  | 'INVALID_SIGNATURE_ENCODING' // a signature that is neither r||s nor DER SEQUENCE{r, s}
  | 'DECRYPTION_FAILED';

export class GmCryptoError extends Error {
  override readonly name = 'GmCryptoError';
  constructor(
    readonly code: GmCryptoErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function fail(code: GmCryptoErrorCode, message: string, cause?: unknown): never {
  throw new GmCryptoError(code, message, cause === undefined ? undefined : { cause });
}
