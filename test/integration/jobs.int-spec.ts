import { DataSource } from 'typeorm';
import { dataSourceOptions, JobRunner, JobsService } from '@lumbung/platform';
import { JobPoller } from '../../apps/worker/src/job-poller.service';
import { givenUser, login } from '../support/factories';
import {
  createTestApp,
  createTestDatabase,
  type TestDatabase,
  testConfig,
} from '../support/test-app';

describe('durable jobs on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let jobs: JobsService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    jobs = new JobsService(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });
  beforeEach(() => ds.query(`DELETE FROM jobs`));

  const rows = () =>
    ds.query<{ queue: string; status: string; attempts: number; last_error: string | null }[]>(
      `SELECT queue, status, attempts, last_error FROM jobs ORDER BY id`,
    );

  it('enqueues inside the caller’s transaction: a rollback leaves no job', async () => {
    await ds
      .transaction(async (tx) => {
        await jobs.enqueue(tx, 'q.test', { n: 1 });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await rows()).toEqual([]);
    await ds.transaction((tx) => jobs.enqueue(tx, 'q.test', { n: 2 }));
    expect(await rows()).toEqual([
      { queue: 'q.test', status: 'pending', attempts: 0, last_error: null },
    ]);
  });

  it('collapses pending jobs with the same dedupe key', async () => {
    await jobs.enqueue(ds.manager, 'q.test', { n: 1 }, { dedupeKey: 'a' });
    await jobs.enqueue(ds.manager, 'q.test', { n: 2 }, { dedupeKey: 'a' });
    await jobs.enqueue(ds.manager, 'q.test', { n: 3 }, { dedupeKey: 'b' });
    expect(await rows()).toHaveLength(2);
  });

  it('marks done on success, retries with backoff, and parks as dead after max attempts', async () => {
    const runner = new JobRunner(ds);
    const seen: unknown[] = [];
    runner.register({ queue: 'q.ok', handle: (p) => Promise.resolve(void seen.push(p.n)) });
    runner.register({
      queue: 'q.fail',
      handle: () => Promise.reject(new Error('selalu gagal')),
    });
    await jobs.enqueue(ds.manager, 'q.ok', { n: 7 });
    await jobs.enqueue(ds.manager, 'q.fail', { n: 8 }, { maxAttempts: 2 });
    await runner.runOnce();
    expect(seen).toEqual([7]);
    const [ok, failed] = await rows();
    expect(ok).toMatchObject({ status: 'done', attempts: 1 });
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: 'selalu gagal' });
    const [{ delay }] = await ds.query<{ delay: number }[]>(
      `SELECT EXTRACT(EPOCH FROM run_at - now())::int AS delay FROM jobs WHERE queue = 'q.fail'`,
    );
    expect(delay).toBeGreaterThanOrEqual(1);
    // Not due yet: nothing runs.
    expect(await runner.runOnce()).toBe(0);
    await ds.query(`UPDATE jobs SET run_at = now() WHERE queue = 'q.fail'`);
    await runner.runOnce();
    expect((await rows())[1]).toMatchObject({
      status: 'dead',
      attempts: 2,
      last_error: 'selalu gagal',
    });
  });

  it('never hands the same job to two workers (FOR UPDATE SKIP LOCKED)', async () => {
    const ds2 = new DataSource(dataSourceOptions(db.url));
    await ds2.initialize();
    try {
      const handled: number[] = [];
      const slow = async (p: Record<string, unknown>) => {
        handled.push(p.n as number);
        await new Promise((r) => setTimeout(r, 5));
      };
      const a = new JobRunner(ds);
      const b = new JobRunner(ds2);
      a.register({ queue: 'q.many', handle: slow });
      b.register({ queue: 'q.many', handle: slow });
      for (let n = 0; n < 40; n++) await jobs.enqueue(ds.manager, 'q.many', { n });
      await Promise.all([a.drain(), b.drain()]);
      expect(handled.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, n) => n));
      expect(new Set((await rows()).map((r) => r.status))).toEqual(new Set(['done']));
    } finally {
      await ds2.destroy();
    }
  });

  it('gives a job back when its worker died mid-run', async () => {
    await jobs.enqueue(ds.manager, 'q.stale', { n: 1 });
    await ds.query(
      `UPDATE jobs SET status = 'running', locked_at = now() - interval '11 minutes', attempts = 1`,
    );
    const runner = new JobRunner(ds);
    const seen: unknown[] = [];
    runner.register({ queue: 'q.stale', handle: (p) => Promise.resolve(void seen.push(p.n)) });
    await runner.runOnce();
    expect(seen).toEqual([1]);
    expect((await rows())[0]).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('parks a job whose worker keeps dying as dead once its attempts are used up', async () => {
    await jobs.enqueue(ds.manager, 'q.poison', { n: 1 }, { maxAttempts: 3 });
    // A claim whose worker then died: running, one more attempt, the lease long expired.
    const claimAndDie = () =>
      ds.query(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1,
                locked_at = now() - interval '11 minutes', locked_by = 'dead-worker'`,
      );
    // A fresh runner (no handler of its own) looks for expired leases on its first round.
    const release = () => new JobRunner(ds).runOnce();
    for (const attempt of [1, 2]) {
      await claimAndDie();
      await release();
      expect((await rows())[0]).toMatchObject({
        status: 'pending',
        attempts: attempt,
        last_error: expect.stringContaining('lease'),
      });
    }
    await claimAndDie();
    await release();
    const [row] = await ds.query<{ status: string; attempts: number; finished: boolean }[]>(
      `SELECT status, attempts, finished_at IS NOT NULL AS finished FROM jobs`,
    );
    expect(row).toEqual({ status: 'dead', attempts: 3, finished: true });
    // Dead stays dead: a runner with a handler for the queue no longer takes it.
    const runner = new JobRunner(ds);
    const seen: unknown[] = [];
    runner.register({ queue: 'q.poison', handle: (p) => Promise.resolve(void seen.push(p.n)) });
    expect(await runner.runOnce()).toBe(0);
    expect(seen).toEqual([]);
  });

  it('refuses a second handler for a queue', () => {
    const runner = new JobRunner(ds);
    const handle = () => Promise.resolve();
    runner.register({ queue: 'q.one', handle });
    expect(() => runner.register({ queue: 'q.one', handle })).toThrow(/q\.one/);
    expect(() =>
      runner.registerBatch({ queue: 'q.one', batchSize: 10, handleBatch: handle }),
    ).toThrow(/q\.one/);
    runner.registerBatch({ queue: 'q.batch', batchSize: 10, handleBatch: handle });
    expect(() => runner.register({ queue: 'q.batch', handle })).toThrow(/q\.batch/);
  });

  it('deletes done jobs older than the retention period and keeps everything else', async () => {
    await ds.query(
      `INSERT INTO jobs (queue, payload, status, finished_at, created_at) VALUES
         ('q.old', '{"k":"done-old"}', 'done', now() - interval '8 days', now() - interval '8 days'),
         ('q.old', '{"k":"done-recent"}', 'done', now() - interval '6 days', now() - interval '6 days'),
         ('q.old', '{"k":"dead-old"}', 'dead', now() - interval '30 days', now() - interval '30 days'),
         ('q.old', '{"k":"pending-old"}', 'pending', NULL, now() - interval '30 days'),
         ('q.old', '{"k":"running"}', 'running', NULL, now() - interval '30 days')`,
    );
    expect(await jobs.purgeFinished(7)).toBe(1);
    const left = await ds.query<{ k: string }[]>(`SELECT payload->>'k' AS k FROM jobs ORDER BY id`);
    expect(left.map((r) => r.k)).toEqual(['done-recent', 'dead-old', 'pending-old', 'running']);
    expect(await jobs.purgeFinished(7)).toBe(0);
  });

  it('the worker’s poller purges old done jobs by itself', async () => {
    await ds.query(
      `INSERT INTO jobs (queue, payload, status, finished_at) VALUES
         ('q.old', '{"k":"done-old"}', 'done', now() - interval '3 days'),
         ('q.old', '{"k":"done-recent"}', 'done', now() - interval '1 hour')`,
    );
    const config = testConfig(db.url, { WORKER_POLL_INTERVAL_MS: '20', JOBS_RETENTION_DAYS: '2' });
    const poller = new JobPoller(new JobRunner(ds), jobs, config);
    poller.onApplicationBootstrap();
    try {
      const kept = async () =>
        (await ds.query<{ k: string }[]>(`SELECT payload->>'k' AS k FROM jobs`)).map((r) => r.k);
      for (let i = 0; i < 100 && (await kept()).length > 1; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await kept()).toEqual(['done-recent']);
    } finally {
      await poller.onApplicationShutdown();
    }
  });
});

describe('workers wake when a job arrives', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const listening = async () =>
    (
      await ds.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'lumbung-worker-listen'
            AND query ILIKE 'LISTEN%'`,
      )
    ).map((r) => r.pid);
  const until = async (what: () => Promise<boolean>) => {
    for (let i = 0; i < 300 && !(await what()); i++) await new Promise((r) => setTimeout(r, 50));
    return what();
  };

  it('runs a committed job long before the next poll, and again after its listening connection was killed', async () => {
    // A poll a minute: only the notification can get these jobs done within the wait below.
    const config = testConfig(db.url, { WORKER_POLL_INTERVAL_MS: '60000' });
    const runner = new JobRunner(ds);
    const seen: number[] = [];
    runner.register({
      queue: 'q.wake',
      handle: (p) => Promise.resolve(void seen.push(p.n as number)),
    });
    const jobs = new JobsService(ds);
    const poller = new JobPoller(runner, jobs, config);
    poller.onApplicationBootstrap();
    try {
      expect(await until(async () => (await listening()).length === 1)).toBe(true);
      // Give the loop time to finish its first round and fall asleep for the minute.
      await new Promise((r) => setTimeout(r, 300));
      await ds.transaction((tx) => jobs.enqueue(tx, 'q.wake', { n: 1 }));
      expect(await until(() => Promise.resolve(seen.includes(1)))).toBe(true);

      // The listening connection dies (a PostgreSQL restart, a proxy timeout): it comes back.
      const [pid] = await listening();
      await ds.query(`SELECT pg_terminate_backend($1)`, [pid]);
      expect(
        await until(async () => {
          const now = await listening();
          return now.length === 1 && now[0] !== pid;
        }),
      ).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      await jobs.enqueue(ds.manager, 'q.wake', { n: 2 });
      expect(await until(() => Promise.resolve(seen.includes(2)))).toBe(true);
      expect(seen).toEqual([1, 2]);
    } finally {
      await poller.onApplicationShutdown();
    }
    expect(await listening()).toEqual([]);
  });
});

describe('operators retry dead jobs over HTTP', () => {
  it('lists dead jobs with their error and retries one', async () => {
    const t = await createTestApp();
    try {
      await t.ds.query(
        `INSERT INTO jobs (queue, payload, status, attempts, last_error) VALUES ('search.asset', '{"assetId":"x"}', 'dead', 8, 'boom')`,
      );
      const admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
      const list = await t.http().get('/api/v1/admin/jobs').set(admin.auth).expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          queue: 'search.asset',
          status: 'dead',
          attempts: 8,
          lastError: 'boom',
        }),
      ]);
      await t
        .http()
        .post(`/api/v1/admin/jobs/${list.body[0].id}/retry`)
        .set(admin.auth)
        .expect(204);
      const [row] = await t.ds.query<{ status: string; attempts: number }[]>(
        `SELECT status, attempts FROM jobs`,
      );
      expect(row).toEqual({ status: 'pending', attempts: 0 });
      await t.http().post('/api/v1/admin/jobs/abc/retry').set(admin.auth).expect(404);
      await t.http().get('/api/v1/admin/jobs?status=zombie').set(admin.auth).expect(400);
    } finally {
      await t.close();
    }
  });
});
