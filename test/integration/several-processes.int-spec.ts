import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { claimPeriodicRun, dataSourceOptions } from '@lumbung/platform';
import { freePort } from '../../apps/cli/src/local/free-port';
import { givenUser, LESSON_SECTIONS, TEST_PASSWORD } from '../support/factories';
import { createTestDatabase, TEST_JWT_SECRET, type TestDatabase } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
/** The per-address limit both APIs share (per route, per minute). */
const RATE = 12;
/** One word per asset, far apart for typo tolerance, so a search for it finds that asset only. */
const WORDS = [
  'kenari',
  'merpati',
  'cendrawasih',
  'rajawali',
  'kakatua',
  'jalak',
  'kutilang',
  'perkutut',
  'bangau',
  'camar',
  'kepodang',
  'pelatuk',
  'tekukur',
  'belibis',
  'flamingo',
  'gagak',
];
const ASSETS = WORDS.length;

interface Proc {
  child: ChildProcess;
  log: () => string;
}

function run(script: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  return { child, log: () => log };
}

async function stop(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 90_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let address = 0;
/** A distinct client address per request (TRUST_PROXY_HOPS=1), unless one is given. */
async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; ip?: string } = {},
): Promise<{ status: number; body: unknown }> {
  address += 1;
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      'x-forwarded-for':
        options.ip ?? `10.3.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/**
 * issue #19 item 5: two API processes and two workers on one PostgreSQL and one Meilisearch
 * behave like one: a mixed load spread over both APIs gets no error, every write is stored and
 * found once, every job runs once, and the per-address limit counts across both.
 */
describe('two APIs and two workers', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const procs: Proc[] = [];
  const bases: string[] = [];
  const uploadDir = mkdtempSync(join(tmpdir(), 'lumbung-procs-'));
  const prefix = `t_${randomBytes(4).toString('hex')}`;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const people = {
      authorA: await givenUser(ds),
      authorB: await givenUser(ds),
      reader: await givenUser(ds, { opd: 'DINKES' }),
      verifier: await givenUser(ds, { roles: ['verifier'] }),
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      DB_RUN_MIGRATIONS: 'false',
      MEILI_HOST: process.env.MEILI_HOST,
      MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY,
      MEILI_INDEX_PREFIX: prefix,
      JWT_SECRET: TEST_JWT_SECRET,
      UPLOAD_DIR: uploadDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_PER_MINUTE: String(RATE),
      WORKER_POLL_INTERVAL_MS: '250',
      USAGE_ROLLUP_INTERVAL_MS: '1000',
      WEB_DIST_DIR: join(uploadDir, 'no-portal'),
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      procs.push(run('dist/apps/api/src/main.js', { ...env, PORT: String(port) }));
      bases.push(`http://127.0.0.1:${port}`);
      procs.push(run('dist/apps/worker/src/main.js', env));
    }
    for (const base of bases)
      await until(`${base} health`, async () =>
        (await fetch(`${base}/api/v1/health`)).ok ? true : undefined,
      );
    // Each person signs in on one API and uses the token on both (the session is shared).
    let i = 0;
    for (const [name, user] of Object.entries(people)) {
      const res = await call(bases[i++ % 2], 'POST', '/auth/login', {
        body: { username: user.email, password: TEST_PASSWORD },
      });
      expect(res.status).toBe(200);
      tokens[name] = (res.body as { accessToken: string }).accessToken;
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(procs.map(stop));
    await ds?.destroy();
    await db?.drop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('runs a mixed load over both APIs: no error, every write stored and found once, jobs run once', async () => {
    // Every refusal with its body, so a failure names its cause (code and message).
    const refusals: { status: number; body: unknown }[] = [];
    const api = (n: number) => bases[n % 2];
    const ok = async (p: Promise<{ status: number; body: unknown }>) => {
      const res = await p;
      if (res.status >= 400) refusals.push(res);
      return res;
    };
    // Writes: each asset drafted on one API, submitted on the other, approved on the first.
    const ids = await Promise.all(
      Array.from({ length: ASSETS }, async (_, n) => {
        const author = n % 2 ? tokens.authorA : tokens.authorB;
        const draft = await ok(
          call(api(n), 'POST', '/assets', {
            token: author,
            body: {
              type: 'pelajaran',
              sections: LESSON_SECTIONS,
              title: `Pelajaran proses ganda ${WORDS[n]}`,
              summary: `Ringkasan pelajaran ${WORDS[n]} dari beban campuran dua proses.`,
            },
          }),
        );
        const id = (draft.body as { id: string }).id;
        await ok(call(api(n + 1), 'POST', `/assets/${id}/submit`, { token: author }));
        await ok(call(api(n), 'POST', `/assets/${id}/approve`, { token: tokens.verifier }));
        // Reads and searches interleaved with the writes, on both APIs.
        await ok(call(api(n + 1), 'GET', `/assets/${id}`, { token: tokens.reader }));
        await ok(call(api(n), 'GET', `/search?q=${WORDS[n]}`, { token: tokens.reader }));
        return id;
      }),
    );
    expect(refusals).toEqual([]);
    // Stored once each.
    const [stored] = await ds.query<{ n: number; titles: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT title)::int AS titles FROM assets
        WHERE id = ANY($1::uuid[]) AND status = 'published'`,
      [ids],
    );
    expect(stored).toEqual({ n: ASSETS, titles: ASSETS });
    // The workers deliver every search job, each claimed exactly once (attempts counts claims).
    const jobs = await until('search jobs done', async () => {
      const rows = await ds.query<{ status: string; attempts: number; n: number }[]>(
        `SELECT status, attempts, count(*)::int AS n FROM jobs
          WHERE queue LIKE 'search.%' GROUP BY status, attempts`,
      );
      return rows.every((r) => r.status === 'done') ? rows : undefined;
    });
    expect(jobs.map((r) => r.attempts)).toEqual([1]);
    // Found once each, whichever API is asked.
    for (let n = 0; n < ASSETS; n++) {
      const res = await call(api(n + 1), 'GET', `/search?q=${WORDS[n]}`, {
        token: tokens.reader,
      });
      expect(res.status).toBe(200);
      const hits = (res.body as { engine: string; hits: { id: string }[] }).hits;
      expect(hits.map((h) => h.id)).toEqual([ids[n]]);
    }
    // Every view was logged once and folded into the rollups once, whichever worker folded it.
    const views = await until('rollups', async () => {
      const [r] = await ds.query<{ n: number }[]>(
        `SELECT COALESCE(sum(views), 0)::int AS n FROM usage_daily_asset WHERE asset_id = ANY($1::uuid[])`,
        [ids],
      );
      return r.n === ASSETS ? r.n : undefined;
    });
    expect(views).toBe(ASSETS);
    const logs = procs.map((p) => p.log()).join('\n');
    expect(logs).not.toMatch(/"level":(50|60)/);
  });

  it('keeps one search-log row for a burst typed across both APIs', async () => {
    for (const [n, q] of ['peng', 'pengad', 'pengadaan'].entries())
      expect(
        (await call(bases[n % 2], 'GET', `/search?q=${q}`, { token: tokens.authorA })).status,
      ).toBe(200);
    const rows = await ds.query<{ query: string; keystrokes: number }[]>(
      `SELECT query, keystrokes FROM search_log WHERE query LIKE 'peng%' ORDER BY started_at`,
    );
    expect(rows).toEqual([{ query: 'pengadaan', keystrokes: 3 }]);
  });

  it('counts the per-address limit across both APIs', async () => {
    const results: number[] = [];
    for (let n = 0; n < RATE + 6; n++)
      results.push((await call(bases[n % 2], 'GET', '/opds', { ip: '10.250.0.1' })).status);
    // Per process, each API would have allowed RATE (2 × RATE in all).
    expect(results.filter((s) => s === 200)).toHaveLength(RATE);
    expect(results.slice(RATE)).toEqual(Array(6).fill(429));
    // Another address is not affected.
    expect((await call(bases[0], 'GET', '/opds', { ip: '10.250.0.2' })).status).toBe(200);
  });

  it('gives a periodic task (the search drift check, pseudonymisation) to one worker per round', async () => {
    // Both workers claimed the drift check at start: one row, one holder.
    const [drift] = await ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_meta WHERE key = 'run:search-drift'`,
    );
    expect(drift.n).toBe(1);
    const other = new DataSource(dataSourceOptions(db.url));
    await other.initialize();
    try {
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, n) => claimPeriodicRun(n % 2 ? ds : other, 'probe', 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await claimPeriodicRun(other, 'probe', 60_000)).toBe(false);
      // Once the period has passed, the next caller gets the round.
      await ds.query(
        `UPDATE app_meta SET updated_at = now() - interval '2 minutes' WHERE key = 'run:probe'`,
      );
      expect(await claimPeriodicRun(other, 'probe', 60_000)).toBe(true);
    } finally {
      await other.destroy();
    }
  });
});
