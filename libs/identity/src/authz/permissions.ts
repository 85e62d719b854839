/**
 * The one permission vocabulary. Routes declare the coarse permission they need; services then
 * decide which rows the caller may touch (scope: own OPD, own CoP, own asset…).
 */
export enum Permission {
  /** Own session and profile: me, logout, password change. */
  SessionManage = 'session:manage',
  /** Edit the OPD directory (names, headcount). */
  OpdManage = 'opd:manage',
  /** Read user records (admins: all OPDs; OPD admins: their OPD). */
  UserRead = 'user:read',
  /** Create, update, deactivate users and import them from CSV (scoped as above). */
  UserManage = 'user:manage',
}

export const ROLES = ['asn', 'verifier', 'cop_lead', 'opd_admin', 'assessor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles scoped to an OPD, to a CoP, or global. */
export const OPD_SCOPED_ROLES: readonly Role[] = ['verifier', 'opd_admin'];
export const COP_SCOPED_ROLES: readonly Role[] = ['cop_lead'];
export const GLOBAL_ROLES: readonly Role[] = ['asn', 'assessor', 'admin'];

const BASE: readonly Permission[] = [Permission.SessionManage];

/** What each role may do at all; scope is checked in the services. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  asn: BASE,
  verifier: BASE,
  cop_lead: BASE,
  opd_admin: [...BASE, Permission.UserRead, Permission.UserManage],
  assessor: BASE,
  admin: [...BASE, Permission.OpdManage, Permission.UserRead, Permission.UserManage],
};

/**
 * Rank used for "nobody grants a role above their own": a grantor may grant roles whose rank is
 * at most their own highest rank (and, for scoped roles, only within their scope).
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  asn: 0,
  cop_lead: 1,
  verifier: 1,
  opd_admin: 2,
  assessor: 3,
  admin: 4,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
