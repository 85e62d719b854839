import type { Principal } from '@lumbung/identity';

/**
 * Who may do what with the knowledge-at-risk register, its retention plans and the expertise
 * map. Pure: each rule decides from the caller and the ids of what is asked for, reads nothing.
 */

/**
 * Who reads an OPD's knowledge-at-risk register (departures are personal data): its OPD admins
 * and verifiers, assessors and system admins. Anyone else is answered as if the OPD had none.
 */
export function readsRegisterOf(p: Principal, opdId: string): boolean {
  return (
    p.isAdmin ||
    p.isAssessor ||
    p.opdsWhere('opd_admin').includes(opdId) ||
    p.opdsWhere('verifier').includes(opdId)
  );
}

/** Who plans retention interviews and overrides criticality: the OPD's admins, system admins. */
export function managesRegisterOf(p: Principal, opdId: string): boolean {
  return p.isAdmin || p.opdsWhere('opd_admin').includes(opdId);
}

/** Who reads one retention plan: the register's readers, the person it is for, the interviewer. */
export function readsPlan(
  p: Principal,
  plan: { opdId: string; userId: string; interviewerId: string | null },
): boolean {
  return (
    readsRegisterOf(p, plan.opdId) || plan.userId === p.userId || plan.interviewerId === p.userId
  );
}

/**
 * As whom the caller declares a person's expertise: `self` for their own, `opd_admin` for someone
 * of an OPD they administer; undefined when they may not.
 */
export function declaresExpertiseAs(
  p: Principal,
  person: { id: string; opdId: string },
): 'self' | 'opd_admin' | undefined {
  if (person.id === p.userId) return 'self';
  return managesRegisterOf(p, person.opdId) ? 'opd_admin' : undefined;
}
