/** The admin pages' state as kept in the URL (filters, page), validated so a stale link still works. */
export const ROLE_FILTERS = [
  'asn',
  'verifier',
  'cop_lead',
  'opd_admin',
  'assessor',
  'admin',
] as const;
export type RoleFilter = (typeof ROLE_FILTERS)[number];

const OPD = /^[A-Za-z][A-Za-z0-9]{1,15}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
const page = (value: unknown): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n <= 10_000 ? n : undefined;
};
const opd = (value: unknown): string | undefined =>
  typeof value === 'string' && OPD.test(value) ? value.toUpperCase() : undefined;
const day = (value: unknown): string | undefined =>
  typeof value === 'string' && DAY.test(value) ? value : undefined;

/** Drops keys whose value is undefined, so links stay short. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export interface UsersSearch {
  q?: string;
  opd?: string;
  peran?: RoleFilter;
  /** 'ya' active only, 'tidak' deactivated only; absent: both. */
  aktif?: 'ya' | 'tidak';
  hal?: number;
}

export function validateUsersSearch(search: Record<string, unknown>): UsersSearch {
  return defined({
    q: text(search.q, 100),
    opd: opd(search.opd),
    peran: ROLE_FILTERS.find((r) => r === search.peran),
    aktif: search.aktif === 'ya' || search.aktif === 'tidak' ? search.aktif : undefined,
    hal: page(search.hal),
  });
}

export interface InsightsSearch {
  opd?: string;
  dari?: string;
  sampai?: string;
}

export function validateInsightsSearch(search: Record<string, unknown>): InsightsSearch {
  return defined({ opd: opd(search.opd), dari: day(search.dari), sampai: day(search.sampai) });
}

export interface AuditSearch {
  pelaku?: string;
  tindakan?: string;
  jenis?: string;
  id?: string;
  dari?: string;
  sampai?: string;
  hal?: number;
}

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  const match = (value: unknown, re: RegExp) =>
    typeof value === 'string' && re.test(value.trim()) ? value.trim() : undefined;
  return defined({
    pelaku: match(search.pelaku, /^\d{18}$/),
    tindakan: match(search.tindakan, /^[a-z_]{2,64}$/),
    jenis: match(search.jenis, /^[a-z_]{2,32}$/),
    id: match(search.id, /^[A-Za-z0-9_.:-]{1,64}$/),
    dari: day(search.dari),
    sampai: day(search.sampai),
    hal: page(search.hal),
  });
}
