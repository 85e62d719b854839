import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers to requests sent with an `Idempotency-Key` (owned by platform's IdempotencyStore): one
 * row per caller, route and key. `lease_until` bounds how long a running attempt holds the key
 * (renewed while it runs, so a killed API frees it); `applied_at` is set in the same transaction
 * as the write, so a retry after a crash between commit and answer can never write twice.
 */
export class IdempotencyKeys1765756800400 implements MigrationInterface {
  name = 'IdempotencyKeys1765756800400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        route text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        attempt uuid NOT NULL,
        lease_until timestamptz NOT NULL,
        applied_at timestamptz,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, route, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
