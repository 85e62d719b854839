import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AttachmentsService } from '../../libs/knowledge/src/attachments/attachments.service';
import type { Slots } from '@lumbung/platform';
import { givenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A burst of uploads to one asset (a person dropping many files at once, or the slow-clients
 * drill's 50 large uploads). Each upload's transaction takes the asset's row lock. Uploads
 * waiting for that lock used to wait inside their transactions, each holding a pool connection,
 * so under load the rest of the API waited out the pool (503 DATABASE_UNAVAILABLE). Now they take
 * turns before opening the transaction: no connection of the API ever sits in a lock wait.
 */
describe('attachments: a burst of uploads to one asset', () => {
  let t: TestApp;
  let author: Session;
  let watcher: Client;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '4', UPLOAD_CONCURRENCY: '2' });
    author = await login(t.http, await givenUser(t.ds));
    watcher = new Client({ connectionString: t.config.database.url });
    await watcher.connect();
  });
  afterAll(async () => {
    await watcher.end();
    await t.close();
  });

  it('stores every file of 24 concurrent uploads once, reading two bodies at a time, no connection waiting on the row lock', async () => {
    const draft = await t
      .http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({ type: 'pelajaran', title: 'Unggahan serentak' })
      .expect(201);
    const id = draft.body.id as string;
    const files = Array.from({ length: 24 }, (_, i) =>
      Buffer.from(`Catatan ${i}\n${randomBytes(96 * 1024).toString('hex')}`),
    );
    // The API's connections waiting for a lock, and the upload bodies it reads at once, sampled
    // all through the burst.
    const service: unknown = t.app.get(AttachmentsService);
    const bodies = (service as { bodySlots: Slots }).bodySlots;
    let watching = true;
    let lockWaits = 0;
    let samples = 0;
    let mostRead = 0;
    let mostWaiting = 0;
    const sampler = setInterval(() => {
      mostRead = Math.max(mostRead, bodies.load.running);
      mostWaiting = Math.max(mostWaiting, bodies.load.waiting);
    }, 2);
    const watch = (async () => {
      while (watching) {
        const { rows } = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE application_name = 'lumbung' AND wait_event_type = 'Lock'`,
        );
        lockWaits = Math.max(lockWaits, rows[0].n);
        samples += 1;
      }
    })();
    const answers = await Promise.all(
      files.map((data, i) =>
        t
          .http()
          .post(`/api/v1/assets/${id}/attachments`)
          .set(author.auth)
          .attach('files', data, { filename: `catatan-${i}.txt`, contentType: 'text/plain' })
          .then((res) => res.status),
      ),
    );
    watching = false;
    clearInterval(sampler);
    await watch;
    // UPLOAD_CONCURRENCY=2: two bodies read at a time, the others waited (sockets paused).
    expect(mostRead).toBe(2);
    expect(mostWaiting).toBeGreaterThan(0);
    expect(answers.filter((s) => s !== 201)).toEqual([]);
    expect(samples).toBeGreaterThan(5);
    expect(lockWaits).toBe(0);
    const rows = await t.ds.query<{ n: number }[]>(
      `SELECT count(DISTINCT sha256)::int AS n FROM attachments WHERE asset_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(24);
  });
});
