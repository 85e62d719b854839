import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workers wake when work arrives instead of at their next poll: every statement that inserts
 * jobs notifies the channel `lumbung_jobs` (delivered when the transaction commits, once per
 * transaction). Polling stays as the fallback while a worker's listening connection is down.
 */
export class JobsNotify1765670400001 implements MigrationInterface {
  name = 'JobsNotify1765670400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('lumbung_jobs', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER jobs_notify AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER jobs_notify ON jobs`);
    await q.query(`DROP FUNCTION jobs_notify()`);
  }
}
