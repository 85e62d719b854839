import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request limits shared by every API process (issue #19 item 5): hits per key and fixed window,
 * which RateLimiter weighs into a sliding window. UNLOGGED: no WAL for a counter bumped on every
 * request, at the price of emptying after a crash (a minute of limits forgotten). `expires_at`
 * lets stale windows be swept without knowing each key's window length.
 */
export class SharedRateLimits1765756800500 implements MigrationInterface {
  name = 'SharedRateLimits1765756800500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_hits (
        key varchar(300) NOT NULL,
        window_no bigint NOT NULL,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT "PK_rate_limit_hits" PRIMARY KEY (key, window_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_hits`);
  }
}
