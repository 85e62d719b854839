import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 24;
const VALID = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

/**
 * A one-time password-reset code: 24 random base32 characters (120 bits), in the canonical form
 * that is hashed and stored. Each character takes the low five bits of its own random byte (256
 * is a multiple of 32, so every character is equally likely).
 */
export function newResetCode(): string {
  return [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
}

/** The code as shown to people: groups of four, `7KQ2-M9XD-…`. */
export function formatResetCode(code: string): string {
  return code.replace(/(.{4})(?!$)/g, '$1-');
}

/**
 * The code as stored (hashed) and compared: case, spaces and dashes ignored, the look-alikes
 * O → 0 and I/L → 1 read as Crockford decodes them. Undefined when it cannot be a code at all.
 */
export function normalizeResetCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return VALID.test(code) ? code : undefined;
}
