import { hash, verify } from '@node-rs/argon2';

/**
 * OWASP minimum for Argon2id: 19 MiB memory, 2 iterations, parallelism 1. Argon2id is the
 * library's default algorithm (its const enum cannot be referenced under isolatedModules).
 */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a random secret, verified against when the account does not exist (equal timing). */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword(`dummy-${Math.random()}`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Why a new password is refused (the problem code of WEAK_PASSWORD). */
export type PasswordProblem = 'too_short' | 'too_long' | 'personal_data' | 'too_simple';

/** Returns why a new password is refused, or undefined when it qualifies. */
export function passwordProblem(
  password: string,
  user: { nip: string; email: string },
): PasswordProblem | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (lower.includes(user.nip) || lower === user.email.toLowerCase()) return 'personal_data';
  if (new Set(password).size < 4) return 'too_simple';
  return undefined;
}
