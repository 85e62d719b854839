/** Period keys and WIB day arithmetic shared by the rollups and the metric queries. */

export type Quarter = 1 | 2 | 3 | 4;

/** `2025` for a year, `2025-Q2` for a Triwulan (the keys of the reader sets). */
export function periodKey(year: number, quarter?: number): string {
  return quarter ? `${year}-Q${quarter}` : String(year);
}

/** The period keys a WIB day belongs to: its quarter and its year. */
export function periodsOfDay(day: string): [string, string] {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return [periodKey(year, quarter), periodKey(year)];
}

/** First and last WIB day (inclusive, YYYY-MM-DD) of a year or one of its quarters. */
export function periodDays(year: number, quarter?: number): { first: string; last: string } {
  const startMonth = quarter ? (quarter - 1) * 3 : 0;
  const months = quarter ? 3 : 12;
  const first = new Date(Date.UTC(year, startMonth, 1));
  const last = new Date(Date.UTC(year, startMonth + months, 0));
  return { first: isoDay(first), last: isoDay(last) };
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Every day from `first` to `last` inclusive. */
export function eachDay(first: string, last: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${first}T00:00:00Z`);
    t <= Date.parse(`${last}T00:00:00Z`);
    t += 86_400_000
  )
    days.push(isoDay(new Date(t)));
  return days;
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDay(new Date(`${value}T00:00:00Z`)) === value;
}
