import type { Principal } from '@lumbung/identity';

export interface CopRow {
  id: string;
  name: string;
  theme: string;
  opd_id: string;
  opd_code: string;
  description: string;
  status: string;
  sk_reference: string | null;
  created_at: Date;
  updated_at: Date;
  lead_ids: string[];
  member_count: number;
}

/** Host OPD admins (and system admins) manage a CoP: its details and leads. */
export function administersCop(p: Principal, cop: { opd_id: string }): boolean {
  return p.isAdmin || p.opdsWhere('opd_admin').includes(cop.opd_id);
}

/** Leads of this CoP and its host OPD's admins log meetings and manage members. */
export function runsCop(p: Principal, cop: { id: string; opd_id: string }): boolean {
  return p.ledCopIds.includes(cop.id) || p.opdsWhere('opd_admin').includes(cop.opd_id);
}

/** Who sees a CoP's meetings and activity: members, the host OPD, assessors and admins. */
export function seesCopActivity(p: Principal, cop: { id: string; opd_id: string }): boolean {
  return p.copIds.includes(cop.id) || p.opdId === cop.opd_id || p.isAssessor || p.isAdmin;
}
