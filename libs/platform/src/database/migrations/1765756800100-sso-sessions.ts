import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions remember how they began (a password or single sign-on) and, for single sign-on, the
 * provider's ID token: logout hands it back to the provider as `id_token_hint`, so the provider
 * ends its own session without asking who is leaving.
 */
export class SsoSessions1765756800100 implements MigrationInterface {
  name = 'SsoSessions1765756800100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE auth_sessions
        ADD COLUMN method varchar(16) NOT NULL DEFAULT 'password'
          CONSTRAINT "CHK_auth_sessions_method" CHECK (method IN ('password', 'oidc')),
        ADD COLUMN oidc_id_token text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_sessions DROP COLUMN oidc_id_token, DROP COLUMN method`);
  }
}
