import type { Principal, RoleGrant } from '../authz/principal';
import { isRole, OPD_SCOPED_ROLES, type Role, ROLE_RANK } from '../authz/permissions';

/** Roles this user-administration API sets; cop_lead is granted by the CoP module. */
export const USER_API_ROLES: readonly Role[] = [
  'asn',
  'verifier',
  'opd_admin',
  'assessor',
  'admin',
];

/** OPDs whose users the actor administers; undefined means every OPD (system admin). */
export function administeredOpds(actor: Principal): string[] | undefined {
  return actor.isAdmin ? undefined : actor.opdsWhere('opd_admin');
}

export function administers(actor: Principal, opdId: string): boolean {
  const opds = administeredOpds(actor);
  return opds === undefined || opds.includes(opdId);
}

function highestRank(grants: readonly { role: Role }[]): number {
  return Math.max(0, ...grants.map((g) => ROLE_RANK[g.role]));
}

/**
 * The role a user-admin request may not grant, if any. Nobody grants a role ranked above their own;
 * OPD-scoped roles are scoped to the target's OPD, which the actor must administer.
 */
export function forbiddenRole(
  actor: Principal,
  roles: readonly string[],
  targetOpdId: string,
): string | undefined {
  const actorRank = highestRank(actor.grants);
  for (const role of roles) {
    if (!isRole(role) || !USER_API_ROLES.includes(role)) return role;
    if (ROLE_RANK[role] > actorRank) return role;
    if (!actor.isAdmin && !administers(actor, targetOpdId)) return role;
    if (!actor.isAdmin && !OPD_SCOPED_ROLES.includes(role) && role !== 'asn') return role;
  }
  return undefined;
}

/** Whether the actor may edit a user who holds these grants (never someone ranked above them). */
export function mayManage(actor: Principal, targetGrants: readonly { role: Role }[]): boolean {
  return actor.isAdmin || highestRank(targetGrants) <= highestRank(actor.grants);
}

/**
 * Whether the actor may put a credential of this account in their own hands (start a password
 * reset, whose code they receive, or set a first password). OPD admins may for plain ASN only:
 * holding a verifier's, a CoP lead's or another admin's credential would let them act as that
 * person (approve their own assets as the verifier). System admins may for anyone.
 */
export function mayHandCredentials(
  actor: Principal,
  targetGrants: readonly { role: Role }[],
): boolean {
  return actor.isAdmin || targetGrants.every((g) => g.role === 'asn');
}

/**
 * Role names → grants, scoping OPD roles to the user's OPD. Every civil servant is an `asn`,
 * except an account that is only an assessor (external reviewers read and score, nothing else).
 */
export function grantsFor(roles: readonly string[], opdId: string): RoleGrant[] {
  const given = roles.filter((r): r is Role => isRole(r) && USER_API_ROLES.includes(r));
  const assessorOnly = given.length > 0 && given.every((r) => r === 'assessor');
  const names = new Set<Role>(assessorOnly ? given : ['asn', ...given]);
  return [...names].map((role) => (OPD_SCOPED_ROLES.includes(role) ? { role, opdId } : { role }));
}
