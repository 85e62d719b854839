/** The next instant after `now` at which the WIB clock shows `hour`:00. */
export function nextDailyRun(now: Date, hourWib: number): Date {
  const wibMs = now.getTime() + 7 * 3_600_000;
  const day = Math.floor(wibMs / 86_400_000) * 86_400_000;
  let run = day + hourWib * 3_600_000;
  if (run <= wibMs) run += 86_400_000;
  return new Date(run - 7 * 3_600_000);
}
