import { Permission, type Principal } from '@lumbung/identity';

/**
 * Who sees what of the award (README, "Domain rules"). Pure: decided from the caller's
 * permissions, nothing read. The routes declare the coarse permission; these decide the rows.
 */

/**
 * Before a year is finalised only assessors and admins (`metrics:read_all`) see it and its
 * ranking; to anyone else an open year looks like one that does not exist.
 */
export function seesOpenYears(p: Principal): boolean {
  return p.can(Permission.MetricsReadAll);
}

/** Whose scores carry the assessor's name: assessors and admins (`metrics:read_all`) only. */
export function seesAssessorNames(p: Principal): boolean {
  return p.can(Permission.MetricsReadAll);
}
