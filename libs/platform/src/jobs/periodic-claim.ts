import type { DataSource } from 'typeorm';

/**
 * Claims this round of a periodic task for one process among several (workers on a schedule of
 * their own): true for the first caller, false for anyone else until `everyMs` (less a tenth, so
 * the claimant's own timer jitter never skips its turn) has passed. The claim is a row in
 * app_meta (`run:<name>`), updated only when stale, so concurrent callers serialise on it.
 */
export async function claimPeriodicRun(
  ds: DataSource,
  name: string,
  everyMs: number,
): Promise<boolean> {
  const rows = await ds.query<{ key: string }[]>(
    `INSERT INTO app_meta AS m (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       WHERE m.updated_at <= now() - make_interval(secs => $3)
     RETURNING key`,
    [`run:${name}`, JSON.stringify({ pid: process.pid }), (everyMs * 0.9) / 1000],
  );
  return rows.length > 0;
}
