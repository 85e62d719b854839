import { Permission, type Principal } from '@lumbung/identity';

/**
 * Who may do what in a community of practice. Pure: each rule decides from the caller and the
 * CoP's ids, reads nothing; services call them first and answer 403 or 404 as the route says.
 */
interface CopRef {
  id: string;
  opdId: string;
}

/** Host OPD admins (and system admins) manage a CoP: its details and leads. */
export function administersCop(p: Principal, cop: { opdId: string }): boolean {
  return p.isAdmin || p.opdsWhere('opd_admin').includes(cop.opdId);
}

/** Leads of this CoP and its host OPD's admins log meetings and manage members. */
export function runsCop(p: Principal, cop: CopRef): boolean {
  return p.ledCopIds.includes(cop.id) || p.opdsWhere('opd_admin').includes(cop.opdId);
}

/** Who adds and removes members and decides join requests: those who run it, and admins. */
export function managesMembers(p: Principal, cop: CopRef): boolean {
  return runsCop(p, cop) || p.isAdmin;
}

/** Who sees a CoP's meetings and activity: members, the host OPD, assessors and admins. */
export function seesCopActivity(p: Principal, cop: CopRef): boolean {
  return p.copIds.includes(cop.id) || p.opdId === cop.opdId || p.isAssessor || p.isAdmin;
}

/** Who sees an OPD's activity: its own people, assessors and admins. */
export function seesOpdActivity(p: Principal, opdId: string): boolean {
  return p.opdId === opdId || p.isAdmin || p.isAssessor;
}

/** What the caller is and may do in this CoP, as its detail page shows it. */
export function copViewer(
  p: Principal,
  cop: CopRef,
): { member: boolean; lead: boolean; runs: boolean; seesActivity: boolean; mayJoin: boolean } {
  const member = p.copIds.includes(cop.id);
  return {
    member,
    lead: p.ledCopIds.includes(cop.id),
    runs: runsCop(p, cop),
    seesActivity: seesCopActivity(p, cop),
    mayJoin: p.can(Permission.CopParticipate) && !member,
  };
}
