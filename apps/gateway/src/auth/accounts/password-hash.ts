import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/** A salted scrypt hash; the clear password is never kept. */
export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

// scrypt's recommended interactive cost (N = 2^15): ~50 ms per guess on one core, and ~32 MiB of
// memory per guess, which is what makes GPUs and ASICs expensive for an attacker.
const COST: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, COST, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  return { salt, hash: await derive(password, salt) };
}

/** Compares in constant time, so response timing says nothing about how close a guess was. */
export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  return timingSafeEqual(await derive(password, stored.salt), stored.hash);
}
