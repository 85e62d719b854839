// Harness for the search benchmarks, modelled on support.mjs: embedded PostgreSQL + Meilisearch,
// a migrated and seeded `api` database, the built API and the built outbox worker as real
// processes, logins, JSON Lines import, and helpers to wait for the outbox and for Meilisearch.
// A second API instance whose MEILI_HOST points at a closed port answers from the PostgreSQL
// fallback. Everything started here is stopped in `stop()`.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
export const ROOT = resolve(import.meta.dirname, '../..');
export const dist = (p) => require(join(ROOT, 'dist', p));
const { startPostgres, startMeili } = dist('apps/cli/src/local/local-services.js');
const { freePort } = dist('apps/cli/src/local/free-port.js');
const { ensureDatabase, prepareDatabase } = dist('apps/cli/src/local/database-setup.js');
export const { Client } = require('pg');

export const PASSWORD = 'Lumbung#2025';
export const ASN_EMAIL = 'asn.bpsdm@lumbung.test';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Keeps a child's output out of the benchmark tables: remembers the last lines, forwards
 * error/fatal log lines (at most 20 per process), counts warnings.
 */
function watchOutput(child, label) {
  const tail = [];
  const counts = { warn: 0, error: 0 };
  // The server's own 500s ("unhandled error"), kept whole for a drill to quote.
  const unhandled = [];
  let forwarded = 0;
  let partial = '';
  const onData = (chunk) => {
    const text = partial + chunk.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const level = /"level":\s*(\d+|"[a-z]+")/.exec(line)?.[1]?.replace(/"/g, '');
      const severe = level === 'error' || level === 'fatal' || Number(level) >= 50;
      if (level === 'warn' || Number(level) === 40) counts.warn += 1;
      if (line.includes('"unhandled error"') && unhandled.length < 20) unhandled.push(line);
      // Nest's own start-up lines (" LOG ") are noise; anything else unstructured may matter.
      if (severe || (!level && !/ LOG /.test(line))) {
        if (severe) counts.error += 1;
        if (forwarded++ < 20) process.stderr.write(`[${label}] ${line.slice(0, 400)}\n`);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return { tail, counts, unhandled };
}

function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

async function waitHealthy(url, child, label) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${label} did not start`);
}

/**
 * Starts PostgreSQL, Meilisearch, the API and (unless `worker: false`) the worker.
 * `uploadTmpfsMb`: the upload folder is a tmpfs of that size when this process may mount one
 * (root); otherwise `uploadTmpfsError` says why not (the storage-full drill shrinks it to fill
 * the disk). Returns handles and helpers; call `stop()` in a finally
 * block.
 */
export async function startSearchStack(options = {}) {
  const indexPrefix = options.indexPrefix ?? 'lumbung';
  const root = mkdtempSync(join(tmpdir(), 'lumbung-search-bench-'));
  chmodSync(root, 0o755);
  let uploadTmpfs;
  let uploadTmpfsError;
  if (options.uploadTmpfsMb) {
    uploadTmpfs = join(root, 'uploads');
    mkdirSync(uploadTmpfs);
    try {
      execFileSync(
        'mount',
        ['-t', 'tmpfs', '-o', `size=${options.uploadTmpfsMb}m,mode=0755`, 'tmpfs', uploadTmpfs],
        { stdio: 'pipe' },
      );
    } catch (error) {
      // Not root, or no mounting in this container: the stack runs on the plain disk and the
      // drills that need the tmpfs say so.
      uploadTmpfsError = String(error.stderr || error.message)
        .replace(/\s+/g, ' ')
        .trim();
      uploadTmpfs = undefined;
    }
  }
  const unmount = () => {
    // Lazily: a file some dying process still holds must not keep the folder from going.
    if (uploadTmpfs) execFileSync('umount', ['-l', uploadTmpfs]);
    uploadTmpfs = undefined;
  };
  let pg;
  try {
    pg = await startPostgres({ dir: join(root, 'pg'), password: 'bench', persistent: false });
  } catch (error) {
    unmount();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  let meili;
  try {
    meili = await startMeili({
      dir: join(root, 'meili'),
      masterKey: 'bench-master-key-0123456789',
    });
  } catch (error) {
    await pg.stop();
    unmount();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const apiDbUrl = pg.urlFor('api');
  const children = new Set();
  const outputs = new Map();
  let db;
  let worker;

  const env = (extra = {}) => ({
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    DATABASE_URL: apiDbUrl,
    MEILI_HOST: meili.host,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: indexPrefix,
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-000000',
    LOG_LEVEL: 'warn',
    DB_RUN_MIGRATIONS: 'false',
    UPLOAD_DIR: join(root, 'uploads'),
    RATE_LIMIT_PER_MINUTE: '1000000',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    WORKER_POLL_INTERVAL_MS: '200',
    ...extra,
  });

  const launch = (script, label, extraEnv) => {
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): node flags of the API and worker.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], {
      env: env(extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    outputs.set(label, watchOutput(child, label));
    return child;
  };

  /** Starts an API instance; `extraEnv` overrides (e.g. MEILI_HOST for the fallback). */
  const startApi = async (label = 'api', extraEnv = {}) => {
    const port = await freePort();
    const child = launch('dist/apps/api/src/main.js', label, { PORT: String(port), ...extraEnv });
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(`${base}/api/v1/health`, child, label);
    return { base, child, output: outputs.get(label), stop: () => stopChild(child) };
  };

  const stop = async () => {
    await Promise.all([...children].map((c) => stopChild(c)));
    await db?.end().catch(() => undefined);
    await meili.stop();
    await pg.stop();
    unmount();
    rmSync(root, { recursive: true, force: true });
  };

  /**
   * A new connection for the harness's own queries (after a drill restarted PostgreSQL, the old
   * one is gone). Errors of an idle connection (the server shutting down) are left to the next
   * query, which fails by itself, instead of crashing this process.
   */
  const connectDb = async () => {
    await db?.end().catch(() => undefined);
    db = new Client({ connectionString: apiDbUrl });
    db.on('error', () => undefined);
    await db.connect();
    if (handle) handle.db = db;
    return db;
  };
  let handle;

  try {
    await ensureDatabase(pg.adminUrl, 'api');
    // Demo users for logging in; no demo year unless asked (`demoYear: true`, the portal's demo
    // data), so the corpus is the benchmark's own.
    await prepareDatabase(apiDbUrl, {
      seed: true,
      demoYear: options.demoYear === true,
      password: PASSWORD,
    });
    await connectDb();
    const api = await startApi('api');

    const login = async (username, base = api.base) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`login ${username} answered ${res.status}`);
      return (await res.json()).accessToken;
    };

    /** Starts the worker; resolves once it wrote its heartbeat (or after 30 s). */
    const startWorker = async () => {
      if (worker && worker.exitCode === null) return { ready: now() };
      const before = (await db.query(`SELECT now() AS t`)).rows[0].t;
      const t0 = now();
      worker = launch('dist/apps/worker/src/main.js', 'worker');
      for (let i = 0; i < 1500; i++) {
        if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}`);
        const { rows } = await db.query(
          `SELECT 1 FROM app_meta WHERE key = 'worker_heartbeat' AND updated_at >= $1`,
          [before],
        );
        if (rows.length > 0) return { spawned: t0, ready: now() };
        await sleep(20);
      }
      return { spawned: t0, ready: now() };
    };
    const stopWorker = async () => {
      await stopChild(worker);
      worker = undefined;
    };
    if (options.worker !== false) await startWorker();

    const user = async (email) => {
      const { rows } = await db.query(
        `SELECT u.id, u.opd_id, o.code FROM users u JOIN opds o ON o.id = u.opd_id WHERE u.email = $1`,
        [email],
      );
      if (!rows[0]) throw new Error(`no user ${email}`);
      return { id: rows[0].id, email, opdId: rows[0].opd_id, opdCode: rows[0].code };
    };

    const adminToken = await login('admin@lumbung.test');
    const asnToken = await login(ASN_EMAIL);
    const asn = await user(ASN_EMAIL);

    /** Imports objects as JSON Lines in files of `chunk` lines; returns externalId → assetId. */
    const importLines = async (lines, chunk = 10_000) => {
      const ids = new Map();
      const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      const rejected = [];
      const token = await login('admin@lumbung.test');
      for (let i = 0; i < lines.length; i += chunk) {
        const part = lines.slice(i, i + chunk);
        const form = new FormData();
        const text = part.map((l) => JSON.stringify(l)).join('\n');
        form.append('file', new Blob([text], { type: 'application/x-ndjson' }), 'bench.jsonl');
        const res = await fetch(`${api.base}/api/v1/assets/import`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
        if (res.status !== 200)
          throw new Error(`import answered ${res.status}: ${await res.text()}`);
        const report = await res.json();
        for (const k of Object.keys(summary)) summary[k] += report.summary[k] ?? 0;
        for (const l of report.lines) {
          if (l.assetId) ids.set(l.externalId, l.assetId);
          else if (rejected.length < 5) rejected.push(l);
        }
      }
      return { ids, summary, rejected };
    };

    // Jobs due or running, by status: one scheduled for later (the next daily digest, due at
    // 07:00 WIB) is not work still to do, and counting it kept a bench waiting for hours.
    const jobCounts = async () => {
      const { rows } = await db.query(
        `SELECT status, count(*)::int AS n FROM jobs
          WHERE NOT (status = 'pending' AND run_at > now()) GROUP BY status`,
      );
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    };

    const meiliFetch = async (path, init = {}) => {
      const res = await fetch(`${meili.host}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${meili.masterKey}`,
          'accept-encoding': 'identity',
          ...(init.body && typeof init.body === 'string'
            ? { 'content-type': 'application/json' }
            : {}),
          ...init.headers,
        },
      });
      const text = await res.text();
      const body = text ? JSON.parse(text) : undefined;
      if (!res.ok && !init.allowError) {
        throw new Error(`Meilisearch ${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
      }
      return { status: res.status, body };
    };

    const waitTask = async (taskUid, timeoutMs = 600_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const { body } = await meiliFetch(`/tasks/${taskUid}`);
        if (body.status === 'succeeded') return body;
        if (body.status === 'failed' || body.status === 'canceled')
          throw new Error(
            `Meilisearch task ${taskUid} ${body.status}: ${JSON.stringify(body.error)}`,
          );
        await sleep(50);
      }
      throw new Error(`Meilisearch task ${taskUid} still running after ${timeoutMs} ms`);
    };

    /** Number of enqueued or processing Meilisearch tasks (of one index, or all). */
    const meiliBusy = async (uid) => {
      const filter = uid ? `&indexUids=${encodeURIComponent(uid)}` : '';
      const { body } = await meiliFetch(`/tasks?statuses=enqueued,processing&limit=1${filter}`);
      return body.total ?? body.results.length;
    };

    const indexUid = `${indexPrefix}_assets`;
    const indexStats = async (uid = indexUid) => {
      const { status, body } = await meiliFetch(`/indexes/${uid}/stats`, { allowError: true });
      return status === 200 ? body : { numberOfDocuments: 0, isIndexing: false };
    };

    /**
     * Waits until the outbox has no pending or running job, Meilisearch has no task left for the
     * index and (when given) the index holds at least `minDocs` documents.
     */
    const waitIndexed = async ({ minDocs = 0, timeoutMs = 3_600_000, pollMs = 100 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const jobs = await jobCounts();
        const open = (jobs.pending ?? 0) + (jobs.running ?? 0);
        if (open === 0 && (await meiliBusy(indexUid)) === 0) {
          const stats = await indexStats();
          if (stats.numberOfDocuments >= minDocs) return { at: now(), jobs, stats };
        }
        if (Date.now() > deadline) {
          throw new Error(
            `indexing not done after ${timeoutMs} ms: jobs ${JSON.stringify(jobs)}, ` +
              `documents ${(await indexStats()).numberOfDocuments} of ${minDocs}`,
          );
        }
        await sleep(pollMs);
      }
    };

    /** A second API instance whose Meilisearch is a closed port: search uses PostgreSQL. */
    const startFallbackApi = async () => {
      const closed = await freePort();
      const fallback = await startApi('api-fallback', { MEILI_HOST: `http://127.0.0.1:${closed}` });
      return { ...fallback, asnToken: await login(ASN_EMAIL, fallback.base) };
    };

    handle = {
      root,
      uploadTmpfs,
      uploadTmpfsError,
      pg,
      apiDbUrl,
      db,
      meili: { host: meili.host, masterKey: meili.masterKey, pid: meili.pid },
      indexPrefix,
      indexUid,
      api,
      base: api.base,
      adminToken,
      asnToken,
      asn,
      login,
      user,
      startApi,
      startFallbackApi,
      startWorker,
      stopWorker,
      importLines,
      jobCounts,
      meiliFetch,
      waitTask,
      meiliBusy,
      indexStats,
      waitIndexed,
      outputs,
      connectDb,
      stop,
    };
    return handle;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Percentile (nearest rank) of an array of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

/** A fixed-width text table: rows are arrays of cells; the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])));
  const out = [line(rows[0]).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r).join('  '));
  return `${out.join('\n')}\n`;
}
