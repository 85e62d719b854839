import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets an admin starts and the user completes: one-time codes stored as SHA-256 only,
 * each with its expiry, its single use and its revocation (a newer code, the user's own password
 * change). Rows are kept as the record of who started which reset.
 */
export class PasswordResets1765152000000 implements MigrationInterface {
  name = 'PasswordResets1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT "UQ_password_resets_token" UNIQUE (token_hash),
        CONSTRAINT "CHK_password_resets_expiry" CHECK (expires_at > created_at),
        CONSTRAINT "CHK_password_resets_ended_once" CHECK (used_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(
      `CREATE INDEX "IDX_password_resets_open" ON password_resets (user_id)
        WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_resets`);
  }
}
