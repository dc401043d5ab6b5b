import argon2 from '@node-rs/argon2';

// OWASP's argon2id recommendation (m=19 MiB, t=2, p=1). Algorithm.Argon2id is a const enum (2),
// which isolated-module compilers cannot inline, hence the literal.
const OPTIONS = { algorithm: 2 as argon2.Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Verified when the email is unknown, so a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('factdesk-timing-equaliser');
  return dummyHash;
}
