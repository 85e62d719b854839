/** The dashboard's choices as kept in the URL (`/dasbor?opd=DINKES&tahun=2025&tw=2`). */
export interface DashboardSearch {
  /** OPD code (people who see every OPD choose; others see their own OPD). */
  opd?: string;
  tahun?: number;
  /** Triwulan 1–4; absent for the whole year. */
  tw?: number;
}

/** Only values the API takes survive a hand-edited or stale link. */
export function validateDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = {};
  if (typeof search.opd === 'string' && /^[A-Za-z][A-Za-z0-9]{1,15}$/.test(search.opd))
    out.opd = search.opd.toUpperCase();
  const year = Number(search.tahun);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.tahun = year;
  const quarter = Number(search.tw);
  if ([1, 2, 3, 4].includes(quarter)) out.tw = quarter;
  return out;
}

/** The calendar year in Jakarta (WIB, UTC+7) at `now`. */
export function wibYear(now: number = Date.now()): number {
  return new Date(now + 7 * 3_600_000).getUTCFullYear();
}

/** The years offered: this year and the four before it, newest first. */
export function yearChoices(now: number = Date.now()): number[] {
  const year = wibYear(now);
  return [0, 1, 2, 3, 4].map((i) => year - i);
}
