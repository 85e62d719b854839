import { DataSource } from 'typeorm';
import { dataSourceOptions, JobRunner, JobsService } from '@lumbung/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '../support/test-app';

describe('job leases: a killed worker’s jobs come back, a live one’s do not', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let jobs: JobsService;
  const config = () => testConfig(db.url, { JOBS_LEASE_MS: '3000' });

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

  const statusOf = async () =>
    (await ds.query<{ status: string }[]>(`SELECT status FROM jobs`)).map((r) => r.status);

  it('takes back a job whose worker stopped renewing its lease, and runs it once more', async () => {
    await jobs.enqueue(ds.manager, 'q.lease', { n: 1 });
    // Claimed by a worker that was then killed: its lease is older than JOBS_LEASE_MS.
    await ds.query(
      `UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'killed',
              locked_at = now() - interval '4 seconds'`,
    );
    const runs: number[] = [];
    const runner = new JobRunner(ds, config());
    runner.register({
      queue: 'q.lease',
      handle: (p) => Promise.resolve(void runs.push(p.n as number)),
    });
    await runner.runOnce();
    await runner.runOnce();
    expect(runs).toEqual([1]);
    const [row] = await ds.query<{ status: string; attempts: number; last_error: string | null }[]>(
      `SELECT status, attempts, last_error FROM jobs`,
    );
    expect(row).toEqual({ status: 'done', attempts: 2, last_error: null });
  });

  it('leaves a job leased while its worker still runs it, however long it takes', async () => {
    await jobs.enqueue(ds.manager, 'q.slow', { n: 1 });
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const busy = new JobRunner(ds, config());
    busy.register({ queue: 'q.slow', handle: () => slow });
    const running = busy.runOnce();
    // Past the lease: only renewal keeps it.
    await new Promise((r) => setTimeout(r, 4500));
    const other = new JobRunner(ds, config());
    other.register({ queue: 'q.slow', handle: () => Promise.reject(new Error('ran twice')) });
    await other.runOnce();
    expect(await statusOf()).toEqual(['running']);
    finish();
    await running;
    expect(await statusOf()).toEqual(['done']);
  });
});
