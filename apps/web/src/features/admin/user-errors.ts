import { ApiError } from '@/lib/api/errors';
import { fieldErrors } from '@/lib/api/field-errors';
import type { SessionUser } from '@/lib/api/types';

/** Refusals that are about one field although they are not validation errors. */
const CODE_FIELDS: Record<string, string> = {
  NIP_TAKEN: 'nip',
  EMAIL_TAKEN: 'email',
  WEAK_PASSWORD: 'password',
  ROLE_NOT_ALLOWED: 'roles',
  PASSWORD_ALREADY_SET: 'password',
  PASSWORD_ADMIN_ONLY: 'password',
  CANNOT_CHANGE_OWN_ACCESS: 'roles',
};

/**
 * The API's problems with a user form, keyed by the form's field: validation details in words,
 * and coded refusals (NIP taken, weak password…) with the API's own message beside their field.
 * `rest` is true when the error belongs to no field (show it in an alert).
 */
export function userFormErrors(error: unknown): { fields: Record<string, string>; rest: boolean } {
  const fields = fieldErrors(error);
  if (error instanceof ApiError) {
    const field = CODE_FIELDS[error.code];
    if (field) fields[field] = error.message;
  }
  return { fields, rest: error !== null && error !== undefined && !Object.keys(fields).length };
}

/** The roles this admin may grant (asn is always held and never chosen). */
export function grantableRoles(user: SessionUser | undefined): string[] {
  if (!user) return [];
  return user.roles.includes('admin')
    ? ['verifier', 'opd_admin', 'assessor', 'admin']
    : ['verifier', 'opd_admin'];
}

/**
 * Whether this admin gets a credential of the account (reset code, first password): system
 * admins for anyone, OPD admins for plain ASN only (the API refuses the rest, PASSWORD_ADMIN_ONLY).
 */
export function mayHandCredentials(user: SessionUser | undefined, targetRoles: string[]): boolean {
  return !!user?.roles.includes('admin') || targetRoles.every((r) => r === 'asn');
}
