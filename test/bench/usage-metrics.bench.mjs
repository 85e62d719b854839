// Benchmark: award usage metrics over a year of raw usage events (goals A1–A3 in the table it
// prints), plus the event-capture cost on the real API (issue #7).
//
//   BENCH_PROFILE=full (default) 10,000,000 events · BENCH_PROFILE=ci 1,000,000 · BENCH_EVENTS=n
//   BENCH_ONLY=capture: only the API capture comparison · BENCH_API_NODE_ARGS: node flags of the API
//
// Steps: embedded PostgreSQL with the migrated, seeded schema; 25k users and 20k published assets;
// the events by COPY (pg-copy-streams); the rollup backfill (UsageRollupService.rebuild); then,
// side by side in interleaved rounds, the per-OPD award numbers from the rollups vs straight from
// the raw log with the same counting rules (asserted identical row by row); the nightly fold of
// one weekday; opdMetrics alone vs the whole award recompute; and, on a separate small database
// served by the built API, asset reads (which record a `view`) vs GET /auth/me.
//
// Both databases are prepared with the demo users and CoPs but without the demo year of usage
// (`demoYear: false`), so the events measured are exactly the generated ones.
//
// PostgreSQL settings (the same for both sides of every comparison; fsync=off and
// full_page_writes=off come from the embedded, non-persistent server):
//   ALTER SYSTEM max_wal_size=8GB, checkpoint_timeout=30min  – no checkpoint storms during COPY;
//   ALTER SYSTEM work_mem=64MB, maintenance_work_mem=512MB  – sorts of a day's events and of the raw
//   baseline stay sane on a 2-core box; shared_buffers stays at the default (needs a restart).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { apiEnv, Client, dist, ROOT, timed, waitHealthy } from './support.mjs';
import { COPY_COLUMNS, eventChunks, makeAssets, makeUsers } from './usage-events-gen.mjs';

const require = createRequire(import.meta.url);
const { from: copyFrom } = require('pg-copy-streams');
const { DataSource } = require('typeorm');
// Keep the services' Nest logger (info lines of the rebuild) out of the benchmark output.
require('@nestjs/common').Logger.overrideLogger(['error', 'warn']);
const { startPostgres, startMeili } = dist('apps/cli/src/local/local-services.js');
const { freePort } = dist('apps/cli/src/local/free-port.js');
const { ensureDatabase, prepareDatabase } = dist('apps/cli/src/local/database-setup.js');
const { dataSourceOptions } = dist('libs/platform/src/database/data-source.js');
const { UsageRollupService, MetricsService } = dist('libs/metrics/src/index.js');
const { NUMERIC_INPUT_FIELDS, DEFAULT_RUBRIC, computeDataScores, combineScores, rankOpds } = dist(
  'libs/award/src/scoring/index.js',
);
const { makeNip, makeName } = dist('libs/identity/src/seed/demo-people.js');

const PASSWORD = 'Lumbung#2025';
const PROFILE = process.env.BENCH_PROFILE === 'ci' ? 'ci' : 'full';
const EVENTS = Number(process.env.BENCH_EVENTS) || (PROFILE === 'ci' ? 1_000_000 : 10_000_000);
const USERS = 25_000;
const ASSETS = 20_000;
const YEAR = 2025;
const FOLD_DAY = '2025-06-18';
const CAPTURE_ONLY = process.env.BENCH_ONLY === 'capture';
const QUERY_ROUNDS = PROFILE === 'ci' ? 5 : 3;
const AWARD_ROUNDS = 5;
const API_ROUNDS = 5;
const API_LEG_MS = 5_000;
const CONCURRENCY = 8;
const ROBOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';

const out = (line = '') => process.stdout.write(`${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
const list = (xs, f = (x) => x.toFixed(0)) => xs.map(f).join(' / ');
const PERIODS = [
  { key: String(YEAR), first: `${YEAR}-01-01`, last: `${YEAR}-12-31` },
  ...[1, 2, 3, 4].map((q) => {
    const first = new Date(Date.UTC(YEAR, (q - 1) * 3, 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(YEAR, q * 3, 0)).toISOString().slice(0, 10);
    return { key: `${YEAR}-Q${q}`, first, last };
  }),
];

/** Goals and their results, printed as the final table. */
const goals = [];
function goal(name, measured, pass) {
  goals.push({ name, measured, verdict: pass === null ? 'info' : pass ? 'PASS' : 'FAIL' });
}

// ---------------------------------------------------------------------------------------------
// Data

async function insertPeopleAndAssets(db) {
  const opds = (await db.query(`SELECT id, code, headcount FROM opds ORDER BY code`)).rows;
  const taken = (await db.query(`SELECT nip FROM users`)).rows.map((r) => r.nip);
  const users = makeUsers(opds, USERS, { makeNip, makeName }, taken);
  const assets = makeAssets(opds, users, ASSETS);
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO users (id, nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex)
     SELECT v.id, v.nip, v.name, v.email, v.opd, 'Analis Kebijakan', v.cat,
            to_date(substr(v.nip, 1, 8), 'YYYYMMDD'),
            CASE substr(v.nip, 15, 1) WHEN '1' THEN 'male' ELSE 'female' END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[])
            AS v(id, nip, name, email, opd, cat)`,
    [
      users.map((u) => u.id),
      users.map((u) => u.nip),
      users.map((u) => u.name),
      users.map((u) => u.email),
      users.map((u) => opds[u.opd].id),
      users.map((u) => u.cat),
    ],
  );
  await db.query(`INSERT INTO user_roles (user_id, role) SELECT unnest($1::uuid[]), 'asn'`, [
    users.map((u) => u.id),
  ]);
  await db.query(
    `INSERT INTO assets (id, type, title, summary, opd_id, author_ids, visibility, status,
                         completeness, created_by, created_at, submitted_at, published_at,
                         verified_at, review_due_at)
     SELECT v.id, v.type, v.title, 'Ringkasan ' || v.title, v.opd, ARRAY[v.author], v.visibility,
            'published', v.completeness, v.author, v.published, v.published, v.published,
            v.published, v.review_due
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[],
                   $7::numeric[], $8::timestamptz[], $9::timestamptz[])
            AS v(id, type, title, opd, author, visibility, completeness, published, review_due)`,
    [
      assets.map((a) => a.id),
      assets.map((a) => a.type),
      assets.map((a) => a.title),
      assets.map((a) => opds[a.opd].id),
      assets.map((a) => users[a.author].id),
      assets.map((a) => a.visibility),
      assets.map((a) => a.completeness),
      assets.map((a) => a.publishedAt),
      assets.map((a) => a.reviewDueAt),
    ],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE users; ANALYZE assets');
  return { opds, users, assets };
}

async function copyEvents(db, data) {
  const stats = {};
  const source = Readable.from(eventChunks({ ...data, total: EVENTS, stats }), {
    objectMode: false,
    // Let the generator run up to ~16 MB ahead of the COPY, so both cores work.
    highWaterMark: 16 * 1024 * 1024,
  });
  const cpu0 = process.cpuUsage();
  const t = await timed(() =>
    pipeline(source, db.query(copyFrom(`COPY usage_events (${COPY_COLUMNS}) FROM STDIN`))),
  );
  const cpu = process.cpuUsage(cpu0);
  return { ms: t.ms, stats, generatorCpuMs: (cpu.user + cpu.system) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// The two ways to the award's usage numbers

const ZERO = { views: 0, downloads: 0, readers: 0, other: 0 };

/** Every (period, OPD) row, zero-filled, so both sides compare over the same 255 keys. */
function normalise(opds, rows) {
  const byKey = new Map(rows.map((r) => [`${r.period}|${r.opd}`, r]));
  const result = [];
  for (const p of PERIODS)
    for (const o of opds) {
      const r = byKey.get(`${p.key}|${o.id}`) ?? ZERO;
      result.push({
        period: p.key,
        opd: o.code,
        views: Number(r.views),
        downloads: Number(r.downloads),
        readers: Number(r.readers),
        other: Number(r.other),
      });
    }
  return result;
}

/**
 * The rollup path: the per-OPD daily counters summed per period, and the reader counts the
 * period reader sets keep per asset OPD and reader OPD (the grain MetricsService reads).
 */
async function rollupPath(db) {
  const rows = new Map();
  const row = (period, opd) => {
    const key = `${period}|${opd}`;
    if (!rows.has(key)) rows.set(key, { period, opd, ...ZERO });
    return rows.get(key);
  };
  for (const p of PERIODS) {
    const counters = await db.query(
      `SELECT asset_opd_id AS opd, sum(views) AS views, sum(downloads) AS downloads
         FROM usage_daily_opd WHERE day BETWEEN $1 AND $2 GROUP BY asset_opd_id`,
      [p.first, p.last],
    );
    for (const r of counters.rows) Object.assign(row(p.key, r.opd), r, { period: p.key });
    const readers = await db.query(
      `SELECT asset_opd_id AS opd, sum(readers) AS readers,
              coalesce(sum(readers) FILTER (WHERE reader_opd_id <> asset_opd_id), 0) AS other
         FROM usage_period_reader_counts WHERE period = $1 GROUP BY asset_opd_id`,
      [p.key],
    );
    for (const r of readers.rows) Object.assign(row(p.key, r.opd), r, { period: p.key });
  }
  return [...rows.values()];
}

/**
 * The raw path: one pass over the year's events with the rollup's counting rules (COUNTED_EVENTS:
 * not excluded, double clicks within 30 s per actor, type and object within a WIB day count once),
 * grouped per quarter and per year at once (GROUPING SETS), readers by count(DISTINCT).
 */
const RAW_SQL = `
  WITH c AS (
    SELECT e.type, e.occurred_on, e.asset_opd_id, e.actor_user_id, e.actor_opd_id,
           (lead(e.occurred_at) OVER w IS NULL
            OR lead(e.occurred_at) OVER w > e.occurred_at + interval '30 seconds') AS counted
      FROM usage_events e
     WHERE e.occurred_on BETWEEN $1 AND $2 AND e.asset_id IS NOT NULL AND e.excluded IS NULL
    WINDOW w AS (PARTITION BY e.occurred_on, e.actor_key, e.type,
                              CASE WHEN e.type = 'download' THEN e.object_id ELSE e.asset_id END
                 ORDER BY e.occurred_at, e.id))
  SELECT asset_opd_id AS opd, extract(quarter FROM occurred_on)::int AS quarter,
         count(*) FILTER (WHERE type = 'view' AND counted) AS views,
         count(*) FILTER (WHERE type = 'download' AND counted) AS downloads,
         count(DISTINCT actor_user_id) FILTER (WHERE type IN ('view', 'download')
                                                 AND actor_opd_id IS NOT NULL) AS readers,
         count(DISTINCT actor_user_id) FILTER (WHERE type IN ('view', 'download')
                                                 AND actor_opd_id <> asset_opd_id) AS other
    FROM c
   GROUP BY GROUPING SETS ((asset_opd_id, extract(quarter FROM occurred_on)::int), (asset_opd_id))`;

async function rawPath(db) {
  const { rows } = await db.query(RAW_SQL, [`${YEAR}-01-01`, `${YEAR}-12-31`]);
  return rows.map((r) => ({ ...r, period: r.quarter ? `${YEAR}-Q${r.quarter}` : String(YEAR) }));
}

/** Per-query times of the rollup path and the plans' top lines for the year (diagnostics). */
async function explainRollup(db) {
  const year = PERIODS[0];
  const lines = [];
  for (const [label, sql, params] of [
    [
      'counters (year)',
      `SELECT asset_opd_id, sum(views), sum(downloads) FROM usage_daily_opd
        WHERE day BETWEEN $1 AND $2 GROUP BY asset_opd_id`,
      [year.first, year.last],
    ],
    [
      'readers (year)',
      `SELECT asset_opd_id, sum(readers), sum(readers) FILTER (WHERE reader_opd_id <> asset_opd_id)
         FROM usage_period_reader_counts WHERE period = $1 GROUP BY asset_opd_id`,
      [year.key],
    ],
    [
      'readers (Q2)',
      `SELECT asset_opd_id, sum(readers), sum(readers) FILTER (WHERE reader_opd_id <> asset_opd_id)
         FROM usage_period_reader_counts WHERE period = $1 GROUP BY asset_opd_id`,
      [PERIODS[2].key],
    ],
  ]) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    const plan = rows.map((r) => r['QUERY PLAN']);
    lines.push(`  plan ${label}:`);
    const keep = /Scan|Execution Time|Heap Fetches|Buffers: shared .*read|Workers Launched|Disk/;
    for (const l of plan.filter((x) => keep.test(x))) lines.push(`    ${l}`);
  }
  return lines;
}

/**
 * Where opdMetrics spends its time: its queries recorded through a thin DataSource stand-in,
 * then each run alone, and the plans of the two slowest.
 */
async function explainOpdMetrics(db, ds) {
  const recorded = [];
  const recorder = {
    query: (sql, params) => {
      recorded.push({ sql, params });
      return ds.query(sql, params);
    },
  };
  await new MetricsService(recorder).opdMetrics({ year: YEAR });
  const timedQueries = [];
  for (const q of recorded) {
    const r = await timed(() => db.query(q.sql, q.params));
    const from = /FROM\s+(\w+)/i.exec(q.sql)?.[1] ?? '?';
    timedQueries.push({ ...q, ms: r.ms, label: from });
  }
  const lines = [
    `  opdMetrics queries run one by one: ${timedQueries.map((q) => `${q.label} ${fmtMs(q.ms)}`).join(', ')}`,
  ];
  const keep = /Scan on|Sort Method|Aggregate \(|Execution Time|Disk|Workers Launched/;
  for (const q of [...timedQueries].sort((a, b) => b.ms - a.ms).slice(0, 2)) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`, q.params);
    lines.push(`  plan of the opdMetrics query on ${q.label}:`);
    for (const l of rows.map((r) => r['QUERY PLAN']).filter((x) => keep.test(x)))
      lines.push(`    ${l}`);
  }
  return lines;
}

function compare(a, b) {
  const diffs = [];
  for (let i = 0; i < a.length; i++)
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) diffs.push([a[i], b[i]]);
  return diffs;
}

/** Waits (≤ 60 s) until no autovacuum worker runs, so it does not steal a core mid-round. */
async function quiet(db) {
  for (let i = 0; i < 120; i++) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
    );
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

// ---------------------------------------------------------------------------------------------
// API capture

async function call(base, path, { token, method = 'GET', body, ua = BROWSER_UA } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'user-agent': ua,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const login = async (base, email) =>
  await call(base, '/api/v1/auth/login', {
    method: 'POST',
    body: { username: email, password: PASSWORD },
  }).then((r) => r.accessToken);

/** Closed-loop load: `CONCURRENCY` workers, each with its own token, for `ms`. */
async function load(base, path, tokens, ms, ua = BROWSER_UA) {
  const end = performance.now() + ms;
  const start = performance.now();
  const statuses = new Map();
  let ok = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      const headers = { authorization: `Bearer ${tokens[w % tokens.length]}`, 'user-agent': ua };
      while (performance.now() < end) {
        try {
          const res = await fetch(`${base}${path}`, { headers });
          await res.arrayBuffer();
          if (res.ok) ok += 1;
          else statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const non2xx = [...statuses.values()].reduce((a, b) => a + b, 0);
  return { ok, non2xx, errors, statuses: Object.fromEntries(statuses), rps: ok / seconds };
}

/** CPU seconds used so far by a process and (for PostgreSQL) all its children, from /proc. */
function cpuSeconds(pids) {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) / tick; // utime + stime
    } catch {
      /* exited */
    }
  }
  return total;
}

/** Every PostgreSQL process (postmaster and backends), by name. */
function postgresPids() {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}

/** Where the CPU of one leg went: API, PostgreSQL, this load generator, per successful request. */
async function withCpu(apiPid, leg) {
  const pgPids = postgresPids();
  const before = { api: cpuSeconds([apiPid]), pg: cpuSeconds(pgPids), self: process.cpuUsage() };
  const r = await leg();
  const self = process.cpuUsage(before.self);
  const per = (sec) => (r.ok ? (sec * 1000) / r.ok : 0);
  return {
    ...r,
    cpu: {
      api: per(cpuSeconds([apiPid]) - before.api),
      pg: per(cpuSeconds(pgPids) - before.pg),
      client: per((self.user + self.system) / 1e6),
    },
  };
}

async function apiCapture(pg, meili, root, stopList) {
  await ensureDatabase(pg.adminUrl, 'api');
  await prepareDatabase(pg.urlFor('api'), { seed: true, password: PASSWORD, demoYear: false });
  const port = await freePort();
  const tail = [];
  // BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API under load.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/api/src/main.js')], {
    env: apiEnv({
      port,
      databaseUrl: pg.urlFor('api'),
      meili,
      uploadDir: join(root, 'uploads'),
      // The API applies what its own build knows (safe if dist was rebuilt during the run).
      DB_RUN_MIGRATIONS: 'true',
      RATE_LIMIT_PER_MINUTE: '1000000',
      // The config's ceiling is 100,000 per account per minute (1,000,000 is refused at start);
      // each load worker reads as its own account, so this is far above the load.
      USAGE_EVENTS_PER_MINUTE: '100000',
      USAGE_ROLLUP_INTERVAL_MS: '0',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stopList.push(async () => {
    if (api.exitCode !== null || api.signalCode !== null) return;
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
  });
  const keep = (chunk) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 30));
  };
  api.stdout.on('data', keep);
  api.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(`${base}/api/v1/health`, api);
  } catch (error) {
    out(tail.join('\n'));
    throw error;
  }
  const apiDb = new Client({ connectionString: pg.urlFor('api') });
  await apiDb.connect();
  stopList.push(() => apiDb.end());

  // A published asset the readers may read: the demo seed has none, so create, submit, approve.
  const author = await login(base, 'asn.dinkes@lumbung.test');
  const page = await call(base, '/api/v1/assets?status=published&limit=20', { token: author });
  let asset = page.items?.[0];
  if (!asset) {
    const draft = await call(base, '/api/v1/assets', {
      token: author,
      method: 'POST',
      body: {
        type: 'pelajaran',
        title: 'Pelajaran dari uji beban pencatatan pemakaian',
        summary: 'Aset uji untuk mengukur biaya pencatatan event view di API.',
        visibility: 'internal',
        tags: ['uji-beban'],
        sections: {
          rencana: 'Mengukur throughput baca aset dengan pencatatan event.',
          yang_terjadi: 'Setiap baca aset yang terbit mencatat satu event view.',
          mengapa_berbeda: 'Pencatatan menambah satu INSERT per permintaan.',
          lain_kali: 'Bandingkan dengan endpoint terautentikasi tanpa pencatatan.',
        },
      },
    });
    await call(base, `/api/v1/assets/${draft.id}/submit`, {
      token: author,
      method: 'POST',
      body: {},
    });
    const verifier = await login(base, 'verifier.dinkes@lumbung.test');
    asset = await call(base, `/api/v1/assets/${draft.id}/approve`, {
      token: verifier,
      method: 'POST',
      body: {},
    });
  }
  // Readers: plain ASN accounts other than the author, one per worker.
  const emails = (
    await apiDb.query(
      `SELECT u.email FROM users u
        WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'asn')
          AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role <> 'asn')
          AND u.email <> 'asn.dinkes@lumbung.test' AND u.password_hash IS NOT NULL
        ORDER BY u.email LIMIT $1`,
      [CONCURRENCY],
    )
  ).rows.map((r) => r.email);
  const tokens = [];
  for (const email of emails) tokens.push(await login(base, email));
  out(
    `API: asset ${asset.id} (${asset.status}), ${tokens.length} reader accounts, c=${CONCURRENCY}`,
  );

  const events = async () =>
    Number((await apiDb.query(`SELECT count(*) AS n FROM usage_events`)).rows[0].n);
  // Warm-up (JIT, pools, caches), not measured.
  await load(base, `/api/v1/assets/${asset.id}`, tokens, 3000);
  await load(base, `/api/v1/assets/${asset.id}`, tokens, 2000, ROBOT_UA);
  await load(base, '/api/v1/auth/me', tokens, 3000);
  const legs = {
    view: async () => {
      const before = await events();
      const r = await withCpu(api.pid, () =>
        load(base, `/api/v1/assets/${asset.id}`, tokens, API_LEG_MS),
      );
      return { ...r, captured: (await events()) - before };
    },
    me: () => withCpu(api.pid, () => load(base, '/api/v1/auth/me', tokens, API_LEG_MS)),
    robot: async () => {
      const before = await events();
      const r = await withCpu(api.pid, () =>
        load(base, `/api/v1/assets/${asset.id}`, tokens, API_LEG_MS, ROBOT_UA),
      );
      return { ...r, captured: (await events()) - before };
    },
  };
  const orders = [
    ['view', 'me', 'robot'],
    ['me', 'robot', 'view'],
    ['robot', 'view', 'me'],
  ];
  const results = { view: [], me: [], robot: [] };
  for (let round = 0; round < API_ROUNDS; round++) {
    const line = [];
    for (const leg of orders[round % orders.length]) {
      const r = await legs[leg]();
      results[leg].push(r);
      line.push(
        `${leg} ${r.rps.toFixed(0)}/s${r.captured === undefined ? '' : ` (+${r.captured} events)`}`,
      );
    }
    out(`  round ${round + 1}: ${line.join(' · ')}`);
  }
  const ratios = results.view.map((v, i) => v.rps / results.me[i].rps);
  const robotRatios = results.robot.map((v, i) => v.rps / results.me[i].rps);
  const captureRatios = results.view.map((v, i) => v.rps / results.robot[i].rps);
  const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
  const viewsOk = sum(results.view, 'ok');
  const captured = sum(results.view, 'captured');
  const robotCaptured = sum(results.robot, 'captured');
  const bad = ['view', 'me', 'robot'].map((leg) => ({
    leg,
    non2xx: sum(results[leg], 'non2xx'),
    errors: sum(results[leg], 'errors'),
    statuses: results[leg].map((r) => r.statuses),
  }));
  const nonOk = bad.reduce((a, b) => a + b.non2xx + b.errors, 0);
  out(
    `  views/s ${list(results.view.map((r) => r.rps))} · /auth/me req/s ${list(results.me.map((r) => r.rps))} · robot reads/s ${list(results.robot.map((r) => r.rps))}`,
  );
  out(
    `  views/me ratio per round ${list(ratios, (x) => x.toFixed(2))} → median ${median(ratios).toFixed(2)}; robot/me ${median(robotRatios).toFixed(2)}`,
  );
  const cpu = (leg) =>
    ['api', 'pg', 'client']
      .map((k) => `${k} ${median(results[leg].map((r) => r.cpu[k])).toFixed(2)}`)
      .join(' + ');
  out(
    `  CPU ms per request (median): view ${cpu('view')} · me ${cpu('me')} · robot ${cpu('robot')}`,
  );
  out(
    `  capture: ${captured} view events for ${viewsOk} successful reads; robot reads recorded ${robotCaptured}; non-2xx/errors ${nonOk}${nonOk ? ` ${JSON.stringify(bad)}` : ''}`,
  );
  goal(
    'API views/s ≥ 70% of /auth/me req/s (c=8)',
    `${(median(ratios) * 100).toFixed(0)}% (${median(results.view.map((r) => r.rps)).toFixed(0)} vs ${median(results.me.map((r) => r.rps)).toFixed(0)} req/s)`,
    median(ratios) >= 0.7,
  );
  goal(
    'API robot reads/s vs /auth/me (no capture)',
    `${(median(robotRatios) * 100).toFixed(0)}%; views/robot reads ${median(captureRatios).toFixed(2)} (per round ${list(captureRatios, (x) => x.toFixed(2))})`,
    null,
  );
  goal(
    'every successful read captured once, robots never',
    `${captured}/${viewsOk} captured, robot ${robotCaptured}`,
    captured === viewsOk && robotCaptured === 0,
  );
  goal('API zero non-2xx / errors', String(nonOk), nonOk === 0);
}

// ---------------------------------------------------------------------------------------------

export default async function run() {
  const root = mkdtempSync(join(tmpdir(), 'lumbung-usage-bench-'));
  chmodSync(root, 0o755);
  const stopList = [];
  let pg;
  let meili;
  try {
    out(
      `Usage metrics: profile ${PROFILE}, ${EVENTS.toLocaleString('en')} events, ${USERS} users, ${ASSETS} assets, ${QUERY_ROUNDS} query rounds`,
    );
    pg = await startPostgres({ dir: join(root, 'pg'), password: 'bench', persistent: false });
    await ensureDatabase(pg.adminUrl, 'usage');
    await prepareDatabase(pg.urlFor('usage'), { seed: true, password: PASSWORD, demoYear: false });
    const db = new Client({ connectionString: pg.urlFor('usage') });
    await db.connect();
    stopList.push(() => db.end());
    for (const sql of [
      `ALTER SYSTEM SET max_wal_size = '8GB'`,
      `ALTER SYSTEM SET checkpoint_timeout = '30min'`,
      `ALTER SYSTEM SET work_mem = '64MB'`,
      `ALTER SYSTEM SET maintenance_work_mem = '512MB'`,
      `SELECT pg_reload_conf()`,
    ])
      await db.query(sql);
    // pg_reload_conf() only signals: wait until this session sees the new values.
    for (let i = 0; i < 50; i++) {
      const { rows } = await db.query(`SELECT current_setting('work_mem') AS w`);
      if (rows[0].w === '64MB') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const settings = (
      await db.query(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN
           ('shared_buffers','work_mem','max_wal_size','fsync','max_parallel_workers_per_gather','jit')
         ORDER BY name`,
      )
    ).rows;
    out(`PostgreSQL: ${settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', ')}`);

    // BENCH_ONLY=capture skips steps 2–6 (the event-capture comparison alone, ~1.5 minutes).
    if (!CAPTURE_ONLY) {
      // 2. Data.
      const seeded = await timed(() => insertPeopleAndAssets(db));
      const data = seeded.result;
      out(`users + assets inserted in ${fmtMs(seeded.ms)}`);
      const copy = await copyEvents(db, data);
      const rate = EVENTS / (copy.ms / 1000);
      out(
        `COPY ${EVENTS.toLocaleString('en')} events in ${fmtMs(copy.ms)} = ${(rate / 1000).toFixed(0)}k rows/s (generator CPU ${(copy.generatorCpuMs / 1000).toFixed(1)} s of ${(copy.ms / 1000).toFixed(1)} s wall) ${JSON.stringify(copy.stats)}`,
      );
      // Info, not a goal: the 150k rows/s anchor is for an integer-only table with a primary key;
      // ours parses five uuid columns and keeps three indexes.
      goal(
        'ingest: COPY rows/s (info; anchor 150k/s)',
        `${(rate / 1000).toFixed(0)}k rows/s`,
        null,
      );
      const vac = await timed(() => db.query('VACUUM ANALYZE usage_events'));
      const size = (
        await db.query(
          `SELECT pg_size_pretty(pg_table_size('usage_events')) AS t,
                pg_size_pretty(pg_indexes_size('usage_events')) AS i`,
        )
      ).rows[0];
      out(`VACUUM ANALYZE in ${fmtMs(vac.ms)}; usage_events ${size.t} + indexes ${size.i}`);

      // 3. Backfill.
      const ds = new DataSource(dataSourceOptions(pg.urlFor('usage')));
      await ds.initialize();
      stopList.push(() => ds.destroy());
      const rollups = new UsageRollupService(ds);
      let lastMonth = '';
      const rebuild = await timed(() =>
        rollups.rebuild(`${YEAR}-01-01`, `${YEAR}-12-31`, (done, total, day) => {
          if (day.slice(0, 7) !== lastMonth) {
            lastMonth = day.slice(0, 7);
            process.stdout.write(`  rebuild ${day} (${done}/${total} days)\n`);
          }
        }),
      );
      // What autovacuum would do after a backfill (visibility map, statistics), done now so it
      // does not run in the middle of the measured rounds.
      await db.query(
        'VACUUM ANALYZE usage_daily_asset, usage_daily_opd, usage_period_readers, usage_period_reader_counts, usage_period_clicked, usage_daily_asset_readers, usage_rollup_days',
      );
      const sizes = (
        await db.query(
          `SELECT (SELECT count(*) FROM usage_daily_asset) AS daily,
                pg_size_pretty(pg_total_relation_size('usage_daily_asset')) AS daily_size,
                (SELECT count(*) FROM usage_period_readers) AS readers,
                pg_size_pretty(pg_total_relation_size('usage_period_readers')) AS readers_size,
                (SELECT count(*) FROM usage_daily_asset_readers) AS asset_readers`,
        )
      ).rows[0];
      out(
        `rebuild ${rebuild.result.days} days / ${rebuild.result.events.toLocaleString('en')} events in ${(rebuild.ms / 1000).toFixed(1)} s; usage_daily_asset ${sizes.daily} rows (${sizes.daily_size}), usage_period_readers ${sizes.readers} rows (${sizes.readers_size}), usage_daily_asset_readers ${sizes.asset_readers} rows`,
      );
      goal('rollup backfill (rebuild of the year)', `${(rebuild.ms / 1000).toFixed(1)} s`, null);

      // 4. Rollup vs raw, interleaved.
      await quiet(db);
      const opds = data.opds;
      const times = { rollup: [], raw: [] };
      let first;
      let mismatch = null;
      for (let round = 0; round < QUERY_ROUNDS; round++) {
        const order = round % 2 === 0 ? ['rollup', 'raw'] : ['raw', 'rollup'];
        const got = {};
        for (const path of order) {
          const r = await timed(() => (path === 'rollup' ? rollupPath(db) : rawPath(db)));
          times[path].push(r.ms);
          got[path] = normalise(opds, r.result);
        }
        const diffs = compare(got.rollup, got.raw);
        if (diffs.length && !mismatch) mismatch = diffs;
        first ??= got.rollup;
        out(
          `  round ${round + 1} (${order.join(' → ')}): rollup ${fmtMs(times.rollup[round])}, raw ${fmtMs(times.raw[round])}, ratio ${(times.raw[round] / times.rollup[round]).toFixed(1)}×, ${diffs.length ? `${diffs.length} rows differ` : 'MATCH'}`,
        );
      }
      const ratios = times.raw.map((r, i) => r / times.rollup[i]);
      const tot = first.filter((r) => r.period === String(YEAR));
      const sumOf = (k) => tot.reduce((a, r) => a + r[k], 0);
      out(
        `  year totals: views ${sumOf('views')}, downloads ${sumOf('downloads')}, readers (Σ per OPD) ${sumOf('readers')}, from other OPD ${sumOf('other')}`,
      );
      if (mismatch) {
        out(`  FIRST DIFFERING ROWS (rollup | raw):`);
        for (const [a, b] of mismatch.slice(0, 5))
          out(`    ${JSON.stringify(a)} | ${JSON.stringify(b)}`);
      } else
        out(`  MATCH: ${first.length} rows (51 OPD × year + 4 Triwulan) identical in every round`);
      for (const line of await explainRollup(db)) out(line);
      goal(
        'A1 rollup path ≤ 2 s (year + 4 Triwulan, 51 OPD)',
        `${fmtMs(median(times.rollup))} (${list(times.rollup)})`,
        median(times.rollup) <= 2000,
      );
      goal(
        'A1 rollup ≥ 20× faster than raw GROUP BY',
        `${median(ratios).toFixed(1)}× (raw ${list(times.raw)} ms; ratios ${list(ratios, (x) => x.toFixed(1))})`,
        median(ratios) >= 20,
      );
      goal(
        'A2 rollup result identical to raw',
        mismatch ? `${mismatch.length} rows differ` : 'MATCH',
        !mismatch,
      );

      // 5. Nightly fold of one weekday.
      const folds = [];
      let folded;
      for (let i = 0; i < 3; i++) {
        const r = await timed(() => rollups.foldDay(FOLD_DAY));
        folds.push(r.ms);
        folded = r.result;
      }
      out(`foldDay(${FOLD_DAY}) of ${folded.events} events: ${list(folds)} ms`);
      goal(
        `A3 fold of one weekday ≤ 2 s (${folded.events} events)`,
        `${fmtMs(median(folds))} (${list(folds)})`,
        median(folds) <= 2000,
      );
      const again = normalise(opds, await rollupPath(db));
      if (compare(again, first).length)
        out('  WARNING: refolding the day changed the rollup numbers');

      // 6. Award recompute: opdMetrics alone vs opdMetrics + scoring.
      const metrics = new MetricsService(ds);
      const fields = ['opdCode', 'opdName', ...NUMERIC_INPUT_FIELDS];
      const scoring = [];
      const recompute = async () => {
        const rows = await metrics.opdMetrics({ year: YEAR });
        const t0 = performance.now();
        const inputs = rows.map((m) => Object.fromEntries(fields.map((f) => [f, m[f]])));
        const scores = combineScores(computeDataScores(inputs), new Map(), DEFAULT_RUBRIC);
        const result = rankOpds(scores, 15);
        scoring.push(performance.now() - t0);
        return result;
      };
      await recompute();
      scoring.length = 0;
      const award = { alone: [], full: [] };
      let ranked;
      for (let round = 0; round < AWARD_ROUNDS; round++) {
        const order = round % 2 === 0 ? ['alone', 'full'] : ['full', 'alone'];
        for (const leg of order) {
          const r = await timed(() =>
            leg === 'alone' ? metrics.opdMetrics({ year: YEAR }) : recompute(),
          );
          award[leg].push(r.ms);
          if (leg === 'full') ranked = r.result;
        }
      }
      const awardRatios = award.full.map((f, i) => f / award.alone[i]);
      out(
        `award: opdMetrics ${list(award.alone)} ms; + scoring ${list(award.full)} ms; ratio median ${median(awardRatios).toFixed(2)}; top 3 ${ranked
          .slice(0, 3)
          .map((r) => `${r.opdCode} ${r.total}`)
          .join(', ')}`,
      );
      goal(
        'award recompute ≤ 1.5× opdMetrics alone',
        `${median(awardRatios).toFixed(2)}× (${fmtMs(median(award.alone))} → ${fmtMs(median(award.full))}; ratios ${list(awardRatios, (x) => x.toFixed(2))}; the scoring step itself ${fmtMs(median(scoring))})`,
        median(awardRatios) <= 1.5,
      );
      goal('opdMetrics({year}) over the rollups', fmtMs(median(award.alone)), null);
      for (const line of await explainOpdMetrics(db, ds)) out(line);
    }
    // 7. Capture through the API (a separate small database), once the big one is quiet.
    await db.query('CHECKPOINT');
    await quiet(db);
    meili = await startMeili({
      dir: join(root, 'meili'),
      masterKey: 'bench-master-key-0123456789',
    });
    await apiCapture(pg, meili, root, stopList);
  } finally {
    for (const stop of stopList.reverse()) {
      try {
        await stop();
      } catch {
        /* best effort */
      }
    }
    await meili?.stop().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    if (goals.length) {
      out('\nSummary');
      const w = Math.max(...goals.map((g) => g.name.length));
      for (const g of goals) out(`  ${g.name.padEnd(w)}  ${g.verdict.padEnd(4)}  ${g.measured}`);
    }
  }
}
