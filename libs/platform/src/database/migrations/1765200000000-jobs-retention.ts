import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Done jobs are deleted after their retention period: find them by when they finished. */
export class JobsRetention1765200000000 implements MigrationInterface {
  name = 'JobsRetention1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_jobs_done_finished" ON jobs (finished_at) WHERE status = 'done'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_jobs_done_finished"`);
  }
}
