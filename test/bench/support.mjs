// Shared harness for the benchmarks: embedded PostgreSQL + Meilisearch, the built API as a real
// process, an admin token, timing, and multipart uploads. Everything stops in `stop()`.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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

export async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

/** Polls a health route until it answers 200; fails at once if `child` exits meanwhile. */
export async function waitHealthy(url, child, label = 'API') {
  for (let i = 0; i < 300; i++) {
    if (child && child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label} did not start`);
}

/** The environment of an API process the benchmarks start: development mode, bench secrets. */
export function apiEnv({ port, databaseUrl, meili, uploadDir, ...extra }) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    MEILI_HOST: meili.host,
    MEILI_MASTER_KEY: meili.masterKey,
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-000000',
    LOG_LEVEL: 'warn',
    DB_RUN_MIGRATIONS: 'false',
    UPLOAD_DIR: uploadDir,
    ...extra,
  };
}

/**
 * Starts the services, a migrated `api` database with demo data (served by the real API
 * process) and a migrated empty `floor` database for the side-by-side baseline.
 */
export async function startStack() {
  const root = mkdtempSync(join(tmpdir(), 'lumbung-bench-'));
  chmodSync(root, 0o755);
  const pg = await startPostgres({ dir: join(root, 'pg'), password: 'bench', persistent: false });
  const meili = await startMeili({
    dir: join(root, 'meili'),
    masterKey: 'bench-master-key-0123456789',
  });
  let api;
  const stop = async () => {
    api?.kill('SIGTERM');
    await meili.stop();
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(pg.adminUrl, 'api');
    await ensureDatabase(pg.adminUrl, 'floor');
    await prepareDatabase(pg.urlFor('api'), { seed: true, password: 'Lumbung#2025' });
    await prepareDatabase(pg.urlFor('floor'), { seed: true, password: 'Lumbung#2025' });
    const port = await freePort();
    api = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
      env: apiEnv({
        port,
        databaseUrl: pg.urlFor('api'),
        meili,
        uploadDir: join(root, 'uploads'),
        RATE_LIMIT_PER_MINUTE: '100000',
      }),
      stdio: 'inherit',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(`${base}/api/v1/health`, api);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin@lumbung.test', password: 'Lumbung#2025' }),
    });
    const { accessToken } = await login.json();
    const upload = (path, text, name, type) =>
      timed(async () => {
        const form = new FormData();
        form.append('file', new Blob([text], { type }), name);
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}` },
          body: form,
        });
        if (res.status !== 200)
          throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
        return (await res.json()).summary;
      });
    return { pg, upload, stop, floorUrl: pg.urlFor('floor') };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One report line: time, ratio to the floor, share of the one-minute budget, the summary. */
export function reportLine(label, r, floorMs) {
  return `${label.padEnd(34)} ${r.ms.toFixed(0).padStart(7)} ms   ${(r.ms / floorMs).toFixed(1).padStart(6)}× floor   ${(r.ms / 60000).toFixed(3)} of the 60 s budget   ${JSON.stringify(r.result ?? {})}`;
}
