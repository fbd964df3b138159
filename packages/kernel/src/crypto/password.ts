import { hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's minimum profile (19 MiB, 2 passes); parameters travel inside the hash string,
// so raising them later only affects new hashes.
const params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, params);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // malformed stored hash: treat as a mismatch, never as a match
  }
}

/** A valid hash of a random password, verified against when the user does not exist, so timing reveals nothing. */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummy ??= hash(`dummy-${Math.random()}`, params));
