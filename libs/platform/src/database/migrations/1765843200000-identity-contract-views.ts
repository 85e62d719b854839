import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/identity's public contract for SQL in other libs (issue #18 item 1): the views below are
 * what another lib may join; the tables behind them stay identity's to change. Each view names
 * only the columns others need (no NIP, email, birth date or password). Changing a view's
 * columns is a change of contract: add columns freely, remove or rename them only with every
 * reader (`grep identity_ libs`).
 */
export class IdentityContractViews1765843200000 implements MigrationInterface {
  name = 'IdentityContractViews1765843200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW identity_opds AS
        SELECT id, code, name, headcount, updated_at FROM opds`);
    await q.query(`
      CREATE VIEW identity_people AS
        SELECT id, name, opd_id, active, service_account FROM users`);
    await q.query(`
      CREATE VIEW identity_role_grants AS
        SELECT user_id, role, opd_id, cop_id, granted_at FROM user_roles`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW identity_role_grants`);
    await q.query(`DROP VIEW identity_people`);
    await q.query(`DROP VIEW identity_opds`);
  }
}
