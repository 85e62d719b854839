/** A typed day `dd/mm/yyyy` (also `d/m/yyyy`, `-` or `.` between) as `yyyy-mm-dd`, if it is a real day. */
export function parseDay(text: string): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A typed time `hh:mm` (also `hh.mm`, as Indonesians write it) as `hh:mm`, if it is a time. */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  if (h > 23 || mi > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

/** The moment the API takes: that day and time in WIB (UTC+7, no daylight saving). */
export function wibInstant(day: string, time: string): string {
  return `${day}T${time}:00+07:00`;
}
