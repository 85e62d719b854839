import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Minta bergabung": an ASN asks to join a CoP; its leads (or the host OPD's admins) accept, which
 * makes a membership dated that day, or decline. One open request per person and CoP.
 */
export class CopJoinRequests1765670400000 implements MigrationInterface {
  name = 'CopJoinRequests1765670400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cop_join_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cop_id uuid NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_cop_join_requests_pending" ON cop_join_requests (cop_id, user_id) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cop_join_requests`);
  }
}
