import { DataSource } from 'typeorm';
import { dataSourceOptions, JobRunner, JobsService } from '@lumbung/platform';
import { givenUser, login } from '../support/factories';
import { createTestApp, createTestDatabase, type TestDatabase } from '../support/test-app';

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
