import { DataSource, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { dataSourceOptions, isDatabaseUnavailable } from '@lumbung/platform';
import { createTestDatabase, type TestDatabase } from '../support/test-app';

const limits = { max: 4, connectTimeoutMs: 2000, statementTimeoutMs: 0, queryTimeoutMs: 400 };

/** What a transaction meets when its connection is lost part-way, on real PostgreSQL. */
describe('a transaction whose connection is lost', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let other: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, [], limits));
    await ds.initialize();
    other = new DataSource(dataSourceOptions(db.url));
    await other.initialize();
    await other.query('CREATE TABLE loss_probe (n int)');
  });
  afterAll(async () => {
    await ds.destroy();
    await other.destroy();
    await db.drop();
  });

  it('between two statements (backend killed): the next one fails as "database unavailable", nothing commits', async () => {
    const failure = await ds
      .transaction(async (tx) => {
        await tx.query('INSERT INTO loss_probe VALUES (1)');
        const [{ pid }] = await tx.query<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
        await other.query('SELECT pg_terminate_backend($1)', [pid]);
        // pg reports the closed socket as an 'error' event; TypeORM releases the runner on it.
        await new Promise((r) => setTimeout(r, 300));
        await tx.query('INSERT INTO loss_probe VALUES (2)');
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(failure).toBeInstanceOf(QueryRunnerProviderAlreadyReleasedError);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(await other.query('SELECT n FROM loss_probe')).toEqual([]);
  });

  it('on a query timeout: the connection is closed, so no later query runs inside the failed transaction', async () => {
    const blocker = other.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE loss_probe IN ACCESS EXCLUSIVE MODE');
    let failure: unknown;
    try {
      failure = await ds
        .transaction(async (tx) => {
          await tx.query('CREATE TEMP TABLE mark (n int)');
          await tx.query('INSERT INTO loss_probe VALUES (3)');
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect(isDatabaseUnavailable(failure)).toBe(true);
    // Every pooled connection is outside any transaction and never saw the failed one's work.
    for (let i = 0; i < limits.max * 2; i++) {
      const [row] = await ds.query<{ open: boolean; mark: string | null }[]>(
        `SELECT now() <> statement_timestamp() AS open, to_regclass('pg_temp.mark')::text AS mark`,
      );
      expect(row).toEqual({ open: false, mark: null });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await other.query('SELECT n FROM loss_probe')).toEqual([]);
  });
});
