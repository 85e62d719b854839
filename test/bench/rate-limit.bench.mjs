// Benchmark: what counting the per-address request limit in PostgreSQL (shared by every API
// process, RATE_LIMIT_STORE=postgres, the default) costs against counting it in the process's
// memory (RATE_LIMIT_STORE=memory, the old behaviour), side by side in one run: two API
// processes on one database, the same cheap public route (GET /api/v1/opds), closed loop,
// rounds interleaved (order rotating), medians of per-round numbers. Two cases: every request
// from one address (one counter row updated by every request: an office behind one NAT), and
// every request from its own address (TRUST_PROXY_HOPS=1, a fresh row per request).
// Overrides: BENCH_REQUESTS (per leg and round), BENCH_CONCURRENCY, BENCH_ROUNDS.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiEnv, dist, ROOT, waitHealthy } from './support.mjs';
import { now, percentile } from './search-stack.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const out = (s = '') => process.stdout.write(`${s}\n`);
const median = (xs) => percentile(xs, 50);

async function leg(port, distinctAddresses) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let issued = 0;
  let refused = 0;
  const worker = async () => {
    while (issued < REQUESTS) {
      const n = issued++;
      const headers = distinctAddresses
        ? { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }
        : {};
      const t0 = now();
      const status = await new Promise((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port, path: '/api/v1/opds', agent, headers },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
          },
        );
        req.on('error', reject);
      });
      latencies.push(now() - t0);
      if (status !== 200) refused += 1;
    }
  };
  const t0 = now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (now() - t0) / 1000;
  agent.destroy();
  if (refused > 0) throw new Error(`${refused} requests were not 200`);
  return {
    rps: REQUESTS / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

export default async function main() {
  const { startPostgres, startMeili } = dist('apps/cli/src/local/local-services.js');
  const { freePort } = dist('apps/cli/src/local/free-port.js');
  const { ensureDatabase, prepareDatabase } = dist('apps/cli/src/local/database-setup.js');
  const root = mkdtempSync(join(tmpdir(), 'lumbung-bench-rate-'));
  chmodSync(root, 0o755);
  const pg = await startPostgres({ dir: join(root, 'pg'), password: 'bench', persistent: false });
  const meili = await startMeili({
    dir: join(root, 'meili'),
    masterKey: 'bench-master-key-0123456789',
  });
  const apis = [];
  try {
    await ensureDatabase(pg.adminUrl, 'api');
    await prepareDatabase(pg.urlFor('api'), { seed: false, password: '' });
    const ports = {};
    for (const store of ['memory', 'postgres']) {
      const port = await freePort();
      const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
        env: apiEnv({
          port,
          databaseUrl: pg.urlFor('api'),
          meili,
          uploadDir: join(root, 'uploads'),
          RATE_LIMIT_PER_MINUTE: '1000000',
          RATE_LIMIT_STORE: store,
          TRUST_PROXY_HOPS: '1',
        }),
        stdio: 'inherit',
      });
      apis.push(child);
      await waitHealthy(`http://127.0.0.1:${port}/api/v1/health`, child);
      ports[store] = port;
    }
    out(
      `GET /api/v1/opds, ${REQUESTS} requests per leg, c=${CONCURRENCY}, ${ROUNDS} rounds (medians)`,
    );
    for (const distinct of [false, true]) {
      // Warm-up: connections, prepared statements, JIT.
      for (const port of Object.values(ports)) await leg(port, distinct);
      const rounds = { memory: [], postgres: [] };
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 2 ? ['postgres', 'memory'] : ['memory', 'postgres'];
        for (const store of order) rounds[store].push(await leg(ports[store], distinct));
      }
      const m = (store, k) => median(rounds[store].map((x) => x[k]));
      const ratio = median(rounds.postgres.map((p, i) => p.rps / rounds.memory[i].rps));
      out(`\n${distinct ? 'a new address per request' : 'one address for every request'}`);
      for (const store of ['memory', 'postgres'])
        out(
          `  ${store.padEnd(9)} ${m(store, 'rps').toFixed(0).padStart(6)} req/s   p50 ${m(store, 'p50').toFixed(2)} ms   p95 ${m(store, 'p95').toFixed(2)} ms`,
        );
      out(`  postgres / memory throughput: ${ratio.toFixed(2)}×`);
    }
  } finally {
    for (const a of apis) a.kill('SIGTERM');
    await meili.stop();
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
