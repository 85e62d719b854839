import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

/** How often each process deletes windows that no longer count. */
const SWEEP_EVERY_MS = 60_000;

export interface RateLimitHit {
  /** Hits in the sliding window ending now, this one included (the previous window weighted). */
  hits: number;
  /** Milliseconds until the current fixed window ends (when the count starts to fall). */
  resetMs: number;
}

/**
 * Rate limits every API process shares (kept in PostgreSQL, table rate_limit_hits): one upsert
 * per hit, counting into fixed windows, and the sliding-window estimate `previous × (share of the
 * previous window still inside the sliding one) + current`, which needs no per-hit rows. Time is
 * the database's, so processes on different hosts agree on the windows.
 */
@Injectable()
export class RateLimiter {
  private sweptAt = Date.now();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Counts a hit of `key` and returns the hits in the sliding window of `windowMs`. */
  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const [row] = await preparedQuery<{ hits: number; previous: number; elapsed: string }>(
      this.ds,
      `WITH w AS (SELECT (extract(epoch FROM now()) * 1000)::bigint AS ms),
            cur AS (
              INSERT INTO rate_limit_hits AS r (key, window_no, hits, expires_at)
              SELECT $1, w.ms / $2, 1, to_timestamp(((w.ms / $2) + 2) * $2 / 1000.0) FROM w
              ON CONFLICT (key, window_no) DO UPDATE SET hits = r.hits + 1
              RETURNING hits)
       SELECT (SELECT hits FROM cur) AS hits,
              COALESCE((SELECT p.hits FROM rate_limit_hits p, w
                         WHERE p.key = $1 AND p.window_no = w.ms / $2 - 1), 0) AS previous,
              (SELECT w.ms % $2 FROM w) AS elapsed`,
      [key.slice(0, 300), windowMs],
    );
    if (Date.now() - this.sweptAt > SWEEP_EVERY_MS) this.sweep();
    const elapsed = Number(row.elapsed);
    const hits = Math.ceil(row.hits + row.previous * (1 - elapsed / windowMs));
    return { hits, resetMs: windowMs - elapsed };
  }

  private sweep(): void {
    this.sweptAt = Date.now();
    // Not awaited: a hit never waits for the sweep; a failed sweep is retried next minute.
    this.ds.query(`DELETE FROM rate_limit_hits WHERE expires_at < now()`).catch(() => undefined);
  }
}
