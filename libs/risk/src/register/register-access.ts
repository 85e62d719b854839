import type { Principal } from '@lumbung/identity';

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
