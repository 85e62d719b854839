import type { QueryRunner } from 'typeorm';
import { givenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const line = (externalId: string): string =>
  JSON.stringify({
    externalId,
    type: 'dokumen',
    title: `SOP ${externalId}`,
    opdCode: 'BPSDM',
    visibility: 'internal',
  });

/**
 * The drill's 500: a statement of the import's transaction outlived the client-side query timeout
 * (DB_QUERY_TIMEOUT_MS) under load. pg answered "Query read timeout" but left the statement
 * running and the connection open inside the transaction; that connection went back to the pool
 * holding the import's uncommitted rows, and later requests ran on it.
 */
describe('bulk import when the database does not answer in time', () => {
  let t: TestApp;
  let admin: Session;

  const upload = (key: string, body: string) =>
    t
      .http()
      .post('/api/v1/assets/import')
      .set(admin.auth)
      .set('Idempotency-Key', key)
      .attach('file', Buffer.from(body), {
        filename: 'lama.jsonl',
        contentType: 'application/x-ndjson',
      });

  /** Holds audit_log locked (the import's last statement waits for it) while `work` runs. */
  async function withAuditLocked<T>(work: () => Promise<T>): Promise<T> {
    const blocker: QueryRunner = t.ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query('LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE');
      return await work();
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
  }

  beforeAll(async () => {
    // The client-side timeout fires while the server still waits (as when load delays the answer
    // past DB_QUERY_TIMEOUT_MS before DB_STATEMENT_TIMEOUT_MS ends it).
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '0', DB_QUERY_TIMEOUT_MS: '400' });
    admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
  });
  afterAll(() => t.close());

  it('answers 503 DATABASE_UNAVAILABLE, writes nothing, and a retry then imports the line', async () => {
    const res = await withAuditLocked(() => upload('impor-lambat-1', line('lambat-001')));
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      message: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
      details: { retryAfterSeconds: 2 },
    });

    // Requests that follow must not run on a connection still inside the failed transaction:
    // each sees no trace of it, and none commits it.
    for (let i = 0; i < 6; i++) {
      const dry = await upload(`impor-cek-${i}`, line('lambat-001')).query({ dryRun: 'true' });
      expect(dry.status).toBe(200);
      expect(dry.body.summary).toMatchObject({ created: 1, unchanged: 0 });
    }
    expect(await t.ds.query(`SELECT id FROM assets WHERE external_id = 'lambat-001'`)).toEqual([]);

    // The key was released, so the same retry runs and writes the asset once.
    const retry = await upload('impor-lambat-1', line('lambat-001')).expect(200);
    expect(retry.body.summary).toMatchObject({ total: 1, created: 1 });
    const rows = await t.ds.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM assets WHERE external_id = 'lambat-001'`,
    );
    expect(rows).toEqual([{ id: retry.body.lines[0].assetId, status: 'published' }]);
    const jobs = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM jobs WHERE dedupe_key = $1`,
      [rows[0].id],
    );
    expect(jobs[0].n).toBe(1);
  });
});
