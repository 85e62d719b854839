import { Client } from 'pg';
import { createTestApp, type TestApp } from '../support/test-app';

/** Cuts every session of the app's database and refuses new ones (or lets them in again). */
async function setDatabaseReachable(t: TestApp, reachable: boolean): Promise<void> {
  const dbName = new URL(t.config.database.url).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.LUMBUNG_TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS ${reachable}`);
    if (!reachable) {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [dbName],
      );
    }
  } finally {
    await admin.end();
  }
}

describe('platform: the database goes away and comes back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' });
  });
  afterAll(async () => {
    await setDatabaseReachable(t, true);
    await t.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE (not 500) while it is gone, then recovers without a restart', async () => {
    await t.http().get('/api/v1/opds').expect(200);
    await setDatabaseReachable(t, false);

    // Sessions cut under the pool, then new ones refused: both are retryable 503s.
    for (let i = 0; i < 3; i++) {
      const res = await t.http().get('/api/v1/opds').expect(503);
      expect(res.body).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
        details: { retryAfterSeconds: 2 },
      });
      expect(res.headers['retry-after']).toBe('2');
    }
    const en = await t.http().get('/api/v1/opds').set('Accept-Language', 'en').expect(503);
    expect(en.body.message).toBe('The database cannot be reached right now. Try again shortly.');

    await setDatabaseReachable(t, true);
    const res = await t.http().get('/api/v1/opds').expect(200);
    expect(Array.isArray(res.body.items ?? res.body)).toBe(true);
  });
});
