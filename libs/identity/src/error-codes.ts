/**
 * Codes of sign-in, passwords and user administration (SSO refusals: `SSO_REFUSALS`). The one place this lib's error codes are written:
 * errors are made with these constants, and test/structure/error-codes.mjs fails on a code
 * written as a literal elsewhere or registered by two libs.
 */
export const IdentityErrorCode = {
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  LOCAL_LOGIN_DISABLED: 'LOCAL_LOGIN_DISABLED',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  WRONG_CURRENT_PASSWORD: 'WRONG_CURRENT_PASSWORD',
  PASSWORD_RESET_INVALID: 'PASSWORD_RESET_INVALID',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  NIP_TAKEN: 'NIP_TAKEN',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  PASSWORD_ALREADY_SET: 'PASSWORD_ALREADY_SET',
  PASSWORD_ADMIN_ONLY: 'PASSWORD_ADMIN_ONLY',
  CANNOT_CHANGE_OWN_ACCESS: 'CANNOT_CHANGE_OWN_ACCESS',
} as const;

export type IdentityErrorCode = (typeof IdentityErrorCode)[keyof typeof IdentityErrorCode];
