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
    t = await createTestApp({ DB_POOL_MAX: '4', UPLOAD_CONCURRENCY: '2', UPLOAD_QUEUE: '32' });
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

/**
 * More uploads than one process reads and lets wait: the rest are answered 503 UPLOADS_BUSY at
 * once (line full) or after half the request timeout (waited too long), before Node's own request
 * timeout would cut them with a 408 and a dropped connection. Nothing of a refused upload is kept.
 */
describe('attachments: uploads beyond the line are refused cleanly', () => {
  let t: TestApp;
  let author: Session;
  let bodies: Slots;
  let assetId: string;

  beforeAll(async () => {
    t = await createTestApp({
      UPLOAD_CONCURRENCY: '1',
      UPLOAD_QUEUE: '2',
      HTTP_HEADERS_TIMEOUT_MS: '4000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
    });
    author = await login(t.http, await givenUser(t.ds));
    const service: unknown = t.app.get(AttachmentsService);
    bodies = (service as { bodySlots: Slots }).bodySlots;
    const draft = await t
      .http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({ type: 'pelajaran', title: 'Unggahan melebihi antrean' })
      .expect(201);
    assetId = draft.body.id as string;
  });
  afterAll(() => t.close());

  /** The one body slot taken by other work until `release` is called. */
  const holdTheSlot = async () => {
    let release!: () => void;
    const held = bodies.run(() => new Promise<void>((r) => (release = r)));
    while (bodies.load.running === 0) await new Promise((r) => setImmediate(r));
    return { release: () => (release(), held) };
  };
  const upload = (n: number) =>
    t
      .http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .set(author.auth)
      .set('Accept-Language', 'id')
      .attach('files', Buffer.from(`Berkas ${n}\n${randomBytes(256 * 1024).toString('hex')}`), {
        filename: `berkas-${n}.txt`,
        contentType: 'text/plain',
      });
  const stored = async () =>
    (
      await t.ds.query<{ name: string }[]>(
        `SELECT display_name AS name FROM attachments WHERE asset_id = $1 ORDER BY 1`,
        [assetId],
      )
    ).map((r) => r.name);

  it('answers 503 UPLOADS_BUSY with Retry-After at once when the line is full; those waiting are stored', async () => {
    const slot = await holdTheSlot();
    const waiting = [upload(1), upload(2)].map((r) => r.then((res) => res));
    while (bodies.load.waiting < 2) await new Promise((r) => setTimeout(r, 10));
    const refused = await upload(3);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('UPLOADS_BUSY');
    expect(refused.body.message).toMatch(/banyak unggahan/);
    expect(refused.headers['retry-after']).toBe('5');
    expect(bodies.load).toEqual({ running: 1, waiting: 2 });
    await slot.release();
    expect((await Promise.all(waiting)).map((r) => r.status)).toEqual([201, 201]);
    expect(await stored()).toEqual(['berkas-1.txt', 'berkas-2.txt']);
    // Tried again once there is room, the refused upload is taken.
    expect((await upload(3)).status).toBe(201);
    expect(await stored()).toEqual(['berkas-1.txt', 'berkas-2.txt', 'berkas-3.txt']);
  });

  it('refuses an upload that waited half the request timeout, before the server would cut it', async () => {
    const slot = await holdTheSlot();
    const pending = upload(4).then((res) => res);
    // It waits in the line (room for two), then is refused by the line's wait limit (half of
    // HTTP_REQUEST_TIMEOUT_MS): a 503 with the API's code, not Node's 408.
    while (bodies.load.waiting < 1) await new Promise((r) => setTimeout(r, 10));
    const late = await pending;
    expect(late.status).toBe(503);
    expect(late.body.code).toBe('UPLOADS_BUSY');
    expect(bodies.load).toEqual({ running: 1, waiting: 0 });
    await slot.release();
    expect(await stored()).not.toContain('berkas-4.txt');
    expect(bodies.load).toEqual({ running: 0, waiting: 0 });
  });
});
