/** The register's filters, order and page, as kept in the URL (`/berisiko?tinggi=1&urut=keluar`). */
export const REGISTER_SORTS = ['risk', 'departure', 'name', 'criticality', 'attrition'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];
export const PLAN_FILTERS = [
  'none',
  'direncanakan',
  'diwawancarai',
  'aset_terbit',
  'dibatalkan',
] as const;
export type PlanFilter = (typeof PLAN_FILTERS)[number];
export const WITHIN_CHOICES = [6, 12, 24, 36, 60] as const;

export interface RegisterSearch {
  /** OPD code (assessors and admins choose; others see their own OPD). */
  opd?: string;
  q?: string;
  tinggi?: boolean;
  jenis?: 'bup' | 'rencana';
  rencana?: PlanFilter;
  dalam?: number;
  urut?: RegisterSort;
  arah?: 'asc' | 'desc';
  hal?: number;
}

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === value);

/** Only values the API takes survive a hand-edited or stale link. */
export function validateRegisterSearch(search: Record<string, unknown>): RegisterSearch {
  const out: RegisterSearch = {};
  if (typeof search.opd === 'string' && /^[A-Za-z0-9_-]{2,20}$/.test(search.opd))
    out.opd = search.opd.toUpperCase();
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.trim().slice(0, 100);
  if (search.tinggi === true || search.tinggi === '1' || search.tinggi === 1) out.tinggi = true;
  const jenis = pick(['bup', 'rencana'] as const, search.jenis);
  if (jenis) out.jenis = jenis;
  const rencana = pick(PLAN_FILTERS, search.rencana);
  if (rencana) out.rencana = rencana;
  const dalam = Number(search.dalam);
  if ((WITHIN_CHOICES as readonly number[]).includes(dalam)) out.dalam = dalam;
  const urut = pick(REGISTER_SORTS, search.urut);
  if (urut && urut !== 'risk') out.urut = urut;
  const arah = pick(['asc', 'desc'] as const, search.arah);
  if (arah) out.arah = arah;
  const hal = Number(search.hal);
  if (Number.isInteger(hal) && hal > 1 && hal <= 10_000) out.hal = hal;
  return out;
}
