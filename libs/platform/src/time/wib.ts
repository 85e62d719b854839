/** Jakarta time (WIB) is UTC+7 all year (no daylight saving): every date-to-period mapping uses it. */
const WIB_OFFSET_MS = 7 * 3_600_000;

export interface WibPeriod {
  /** YYYY-MM-DD in WIB. */
  date: string;
  year: number;
  /** Triwulan 1–4 (TW I = Jan–Mar). */
  quarter: 1 | 2 | 3 | 4;
}

/** The instant shifted so that its UTC fields (getUTCFullYear, getUTCDate…) read Jakarta time. */
export function wibClock(instant: Date): Date {
  return new Date(instant.getTime() + WIB_OFFSET_MS);
}

/** The WIB calendar day (YYYY-MM-DD) of an instant. */
export function wibDay(instant: Date = new Date()): string {
  return wibClock(instant).toISOString().slice(0, 10);
}

export function wibPeriod(instant: Date): WibPeriod {
  const wib = wibClock(instant);
  const year = wib.getUTCFullYear();
  const month = wib.getUTCMonth();
  return {
    date: wib.toISOString().slice(0, 10),
    year,
    quarter: (Math.floor(month / 3) + 1) as WibPeriod['quarter'],
  };
}

/** [start, end) of a year or one of its quarters, as UTC instants of the WIB boundaries. */
export function wibRange(year: number, quarter?: number): { from: Date; to: Date } {
  const startMonth = quarter ? (quarter - 1) * 3 : 0;
  const endMonth = quarter ? startMonth + 3 : 12;
  return {
    from: new Date(Date.UTC(year, startMonth, 1) - WIB_OFFSET_MS),
    to: new Date(Date.UTC(year, endMonth, 1) - WIB_OFFSET_MS),
  };
}
