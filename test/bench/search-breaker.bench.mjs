// Benchmark: search while Meilisearch hangs (SIGSTOP: it accepts connections and never answers),
// side by side in one run, on one corpus and one query list:
//   fallback   an API whose Meilisearch is a closed port: the PostgreSQL fallback's normal latency
//   hung       the app's API (default breaker settings) from the moment Meilisearch is stopped:
//              the first searches wait SEARCH_TIMEOUT_MS, then the breaker opens
//   no breaker an API with SEARCH_BREAKER_FAILURES=0 on the same stopped engine (the old behaviour)
// Goal: hung p95 ≤ 2× fallback p95. Also reported: how many searches of the hung leg waited on
// the engine, and how long after SIGCONT searches are answered by Meilisearch again.
// Each leg is a fixed number of requests (closed loop), so the few searches that trip the breaker
// weigh the same in every run whatever the machine's speed: with c=2 and 400 requests they are
// 0.5% of the leg. Overrides: BENCH_DOCS, BENCH_REQUESTS, BENCH_CONCURRENCY.
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { generateAssets, makeQueries } from './search-corpus.mjs';
import { apiTarget, request } from './search-load.mjs';
import { dist, now, percentile, sleep, startSearchStack, table } from './search-stack.mjs';

const DOCS = Number(process.env.BENCH_DOCS ?? 2_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
/** Each of these waits the whole timeout: a few rounds are enough to show it. */
const NO_BREAKER_REQUESTS = 3 * CONCURRENCY;

const out = (s = '') => process.stdout.write(`${s}\n`);
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : String(x));

/**
 * `n` requests by `CONCURRENCY` closed-loop workers over the query list; latencies, which engine
 * answered each search, and non-2xx responses.
 */
async function leg(target, n, queries) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  const engines = {};
  let non2xx = 0;
  let issued = 0;
  const worker = async () => {
    while (issued < n) {
      const q = queries[issued++ % queries.length];
      const t0 = now();
      const res = await target.send(agent, q);
      latencies.push(now() - t0);
      if (res.status !== 200) non2xx += 1;
      const engine = res.status === 200 ? JSON.parse(res.body.toString('utf8')).engine : 'error';
      engines[engine] = (engines[engine] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return {
    latencies,
    n: latencies.length,
    engines,
    non2xx,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
  };
}

async function health(base) {
  const agent = new http.Agent();
  const res = await request(agent, `${base}/api/v1/health`);
  agent.destroy();
  return JSON.parse(res.body.toString('utf8'));
}

export default async function run() {
  const { OPD_DIRECTORY } = dist('libs/identity/src/opds/opd-directory.data.js');
  const { loadConfig } = dist('libs/platform/src/config/app-config.js');
  const defaults = loadConfig({
    DATABASE_URL: 'postgres://x@127.0.0.1/x',
    MEILI_HOST: 'http://127.0.0.1:1',
    JWT_SECRET: 'x'.repeat(32),
  }).search;
  const load0 = loadavg()[0];
  const stack = await startSearchStack();
  let stopped = false;
  try {
    out(
      `${DOCS} assets, concurrency ${CONCURRENCY}, ${REQUESTS} requests per leg; ${cpus().length} CPUs, load ` +
        `${load0.toFixed(2)}; Node ${process.version}; defaults SEARCH_TIMEOUT_MS ${defaults.timeoutMs}, ` +
        `SEARCH_BREAKER_FAILURES ${defaults.breaker.failures}, SEARCH_BREAKER_OPEN_MS ${defaults.breaker.openMs}`,
    );
    const codes = OPD_DIRECTORY.map((o) => o.code);
    const { summary } = await stack.importLines([
      ...generateAssets(DOCS, { seed: 42, opdCodes: codes }),
    ]);
    if (summary.rejected > 0) throw new Error(`import rejected ${summary.rejected} lines`);
    await stack.waitIndexed({ minDocs: DOCS });

    const queries = makeQueries(300, 7);
    const fallbackApi = await stack.startFallbackApi();
    const noBreakerApi = await stack.startApi('api-no-breaker', { SEARCH_BREAKER_FAILURES: '0' });
    const email = stack.asn.email;
    const hungTarget = apiTarget(stack.base, await stack.login(email));
    const fallbackTarget = apiTarget(fallbackApi.base, fallbackApi.asnToken);
    const noBreakerTarget = apiTarget(
      noBreakerApi.base,
      await stack.login(email, noBreakerApi.base),
    );

    // Warm-up of every API (and the fallback's breaker opens on its closed port, as it would).
    for (const t of [hungTarget, fallbackTarget, noBreakerTarget]) await leg(t, 40, queries);
    const engineUp = await leg(hungTarget, REQUESTS, queries);
    const fallback = await leg(fallbackTarget, REQUESTS, queries);

    process.kill(stack.meili.pid, 'SIGSTOP');
    stopped = true;
    const hung = await leg(hungTarget, REQUESTS, queries);
    const hungHealth = await health(stack.base);
    const noBreaker = await leg(noBreakerTarget, NO_BREAKER_REQUESTS, queries);

    process.kill(stack.meili.pid, 'SIGCONT');
    stopped = false;
    const resumed = now();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let recoveredMs = NaN;
    while (now() - resumed < 120_000) {
      const res = await hungTarget.send(agent, queries[0]);
      if (res.status === 200 && JSON.parse(res.body.toString('utf8')).engine === 'meilisearch') {
        recoveredMs = now() - resumed;
        break;
      }
      await sleep(100);
    }
    agent.destroy();
    const recoveredHealth = await health(stack.base);

    const waited = (r) => r.latencies.filter((l) => l >= defaults.timeoutMs * 0.9).length;
    const row = (label, r) => [
      label,
      r.n,
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      ms(r.max),
      waited(r),
      JSON.stringify(r.engines),
      r.non2xx,
    ];
    out(
      `\nGET /api/v1/search as ${email}, ${queries.length} queries of 1–3 words, closed loop at c=${CONCURRENCY}`,
    );
    out(
      table([
        [
          'leg',
          'requests',
          'p50',
          'p95',
          'p99',
          'max',
          'waited ≥ 0.9 × timeout',
          'engines',
          'non-2xx',
        ],
        row('Meilisearch up (reference)', engineUp),
        row('fallback (closed port)', fallback),
        row('hung engine, breaker (default)', hung),
        row('hung engine, no breaker', noBreaker),
      ]),
    );
    out(
      `health while hung: status ${hungHealth.status}, search ${hungHealth.search}, breaker ${hungHealth.searchBreaker}; ` +
        `after SIGCONT: Meilisearch answers again after ${ms(recoveredMs)}, health ${recoveredHealth.status}, ` +
        `breaker ${recoveredHealth.searchBreaker}`,
    );
    const ratio = hung.p95 / fallback.p95;
    out(`\nGoals (load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)})`);
    out(
      table([
        ['goal', 'threshold', 'measured', 'result'],
        [
          'B1 hung-engine p95 / fallback p95',
          '≤ 2.0×',
          `${ratio.toFixed(2)}× (${ms(hung.p95)} vs ${ms(fallback.p95)}; no breaker ${ms(noBreaker.p95)})`,
          ratio <= 2 ? 'PASS' : 'FAIL',
        ],
        [
          'B2 recovery after SIGCONT',
          `≤ SEARCH_BREAKER_OPEN_MS + timeout`,
          ms(recoveredMs),
          recoveredMs <= defaults.breaker.openMs + defaults.timeoutMs ? 'PASS' : 'FAIL',
        ],
        [
          'B3 non-2xx responses',
          '= 0',
          String(engineUp.non2xx + fallback.non2xx + hung.non2xx + noBreaker.non2xx),
          engineUp.non2xx + fallback.non2xx + hung.non2xx + noBreaker.non2xx === 0
            ? 'PASS'
            : 'FAIL',
        ],
      ]),
    );
  } finally {
    // Never leave a stopped process behind (it would ignore SIGTERM until continued).
    if (stopped) process.kill(stack.meili.pid, 'SIGCONT');
    await stack.stop();
  }
}
