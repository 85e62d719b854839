import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, dataSourceOptions, IdempotencyStore } from '@lumbung/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '../support/test-app';

const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ran',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('IdempotencyStore on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: IdempotencyStore;
  const userId = randomUUID();
  let n = 0;
  const scope = () => ({ userId, route: 'POST /api/v1/assets', key: `k-${++n}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    store = new IdempotencyStore(ds, testConfig(db.url, { IDEMPOTENCY_LEASE_MS: '60000' }));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('lets the first request run, then replays its stored answer', async () => {
    const s = scope();
    const first = await store.begin(s, 'fp');
    expect(first.kind).toBe('execute');
    if (first.kind !== 'execute') return;
    await store.complete(first.attempt, { id: 'a-1' });
    expect(await store.begin(s, 'fp')).toEqual({ kind: 'replay', response: { id: 'a-1' } });
  });

  it('refuses the key with another fingerprint, and while its attempt still runs', async () => {
    const s = scope();
    await store.begin(s, 'fp');
    expect(await codeOf(store.begin(s, 'other'))).toBe('IDEMPOTENCY_KEY_REUSED');
    const running = await store.begin(s, 'fp').catch((e: AppError) => e);
    expect(running).toBeInstanceOf(AppError);
    expect((running as AppError).code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((running as AppError).details).toEqual({ retryAfterSeconds: 60 });
  });

  it('gives exactly one of many concurrent first requests the right to run', async () => {
    const s = scope();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => codeOf(store.begin(s, 'fp'))),
    );
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    expect(results.filter((r) => r === 'IDEMPOTENCY_IN_PROGRESS')).toHaveLength(7);
  });

  it('frees a key whose attempt died (lease over) for one retry', async () => {
    const s = scope();
    await store.begin(s, 'fp');
    await ds.query(
      `UPDATE idempotency_keys SET lease_until = now() - interval '1 second' WHERE key = $1`,
      [s.key],
    );
    const retried = await store.begin(s, 'fp');
    expect(retried.kind).toBe('execute');
    expect(await codeOf(store.begin(s, 'fp'))).toBe('IDEMPOTENCY_IN_PROGRESS');
  });

  it('marks the key applied inside the caller’s transaction, and refuses a second application', async () => {
    const s = scope();
    const first = await store.begin(s, 'fp');
    if (first.kind !== 'execute') throw new Error('expected to run');
    // Rolled back with the write: not applied.
    await ds
      .transaction((tx) =>
        store.run(first.attempt, async () => {
          await store.markApplied(tx);
          throw new Error('roll back');
        }),
      )
      .catch(() => undefined);
    const [rolledBack] = await ds.query<{ applied_at: Date | null }[]>(
      `SELECT applied_at FROM idempotency_keys WHERE key = $1`,
      [s.key],
    );
    expect(rolledBack.applied_at).toBeNull();
    await ds.transaction((tx) => store.run(first.attempt, () => store.markApplied(tx)));
    // A takeover after a crash between commit and answer: its application is refused.
    await ds.query(
      `UPDATE idempotency_keys SET lease_until = now() - interval '1 second' WHERE key = $1`,
      [s.key],
    );
    const second = await store.begin(s, 'fp');
    if (second.kind !== 'execute') throw new Error('expected to run');
    const refused = ds.transaction((tx) => store.run(second.attempt, () => store.markApplied(tx)));
    expect(await codeOf(refused)).toBe('IDEMPOTENCY_ALREADY_APPLIED');
  });

  it('does nothing in markApplied outside an attempt', async () => {
    const before = await ds.query(`SELECT key, applied_at FROM idempotency_keys ORDER BY key`);
    await expect(ds.transaction((tx) => store.markApplied(tx))).resolves.toBeUndefined();
    expect(await ds.query(`SELECT key, applied_at FROM idempotency_keys ORDER BY key`)).toEqual(
      before,
    );
  });

  it('abandons a failed attempt: forgotten unless applied', async () => {
    const s = scope();
    const first = await store.begin(s, 'fp');
    if (first.kind !== 'execute') throw new Error('expected to run');
    await store.abandon(first.attempt);
    expect(await ds.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [s.key])).toEqual([]);
    expect((await store.begin(s, 'another body now')).kind).toBe('execute');
  });

  it('treats an expired key as new and purges expired keys only', async () => {
    const old = scope();
    const fresh = scope();
    const a = await store.begin(old, 'fp');
    if (a.kind !== 'execute') throw new Error('expected to run');
    await store.complete(a.attempt, { id: 'old' });
    await store.begin(fresh, 'fp');
    await ds.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [old.key],
    );
    expect((await store.begin(old, 'changed')).kind).toBe('execute');
    await ds.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [old.key],
    );
    expect(await store.purgeExpired()).toBe(1);
    const keys = await ds.query<{ key: string }[]>(
      `SELECT key FROM idempotency_keys WHERE key = ANY($1)`,
      [[old.key, fresh.key]],
    );
    expect(keys).toEqual([{ key: fresh.key }]);
  });

  it('accepts visible ASCII keys of 1–255 characters only', () => {
    expect(IdempotencyStore.isValidKey('a')).toBe(true);
    expect(IdempotencyStore.isValidKey('x'.repeat(255))).toBe(true);
    expect(IdempotencyStore.isValidKey('x'.repeat(256))).toBe(false);
    expect(IdempotencyStore.isValidKey('')).toBe(false);
    expect(IdempotencyStore.isValidKey('dengan spasi')).toBe(false);
    expect(IdempotencyStore.isValidKey('kunci-é')).toBe(false);
  });
});
