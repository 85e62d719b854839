// Benchmark: CSV user import of 10,000 rows through the real API (issue: "10,000 rows in well
// under a minute"), side by side with the database floor (one set-based INSERT of the same rows)
// measured in the same run on the same embedded PostgreSQL.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../..');
const dist = (p) => join(ROOT, 'dist', p);
const { startPostgres, startMeili } = require(dist('apps/cli/src/local/local-services.js'));
const { freePort } = require(dist('apps/cli/src/local/free-port.js'));
const { ensureDatabase, prepareDatabase } = require(dist('apps/cli/src/local/database-setup.js'));
const { makeNip, makeName, prng } = require(dist('libs/identity/src/seed/demo-people.js'));
const { OPD_DIRECTORY } = require(dist('libs/identity/src/opds/opd-directory.data.js'));
const { Client } = require('pg');

const ROWS = 10_000;
const CATS = [
  'administrasi',
  'pimpinan_tinggi',
  'fungsional_ahli_madya',
  'fungsional_ahli_utama',
  'fungsional_lain',
];

function makeRows() {
  const rand = prng(42);
  const seen = new Set();
  const rows = [];
  for (let i = 0; rows.length < ROWS; i++) {
    const nip = makeNip(rand, i);
    if (seen.has(nip)) continue;
    seen.add(nip);
    const opd = OPD_DIRECTORY[i % OPD_DIRECTORY.length].code;
    rows.push({
      nip,
      name: makeName(rand),
      email: `bench.${nip}@jakarta.go.id`,
      opd,
      cat: CATS[i % 5],
    });
  }
  return rows;
}

const toCsv = (rows, suffix = '') =>
  'nip;name;email;opd_code;jabatan;jabatan_kategori;roles\r\n' +
  rows
    .map((r) => `${r.nip};${r.name}${suffix};${r.email};${r.opd};Analis Kebijakan;${r.cat};asn`)
    .join('\r\n');

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

async function waitHealthy(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not start');
}

export default async function run() {
  const root = mkdtempSync(join(tmpdir(), 'lumbung-bench-'));
  chmodSync(root, 0o755);
  const pg = await startPostgres({ dir: join(root, 'pg'), password: 'bench', persistent: false });
  const meili = await startMeili({
    dir: join(root, 'meili'),
    masterKey: 'bench-master-key-0123456789',
  });
  let api;
  try {
    await ensureDatabase(pg.adminUrl, 'api');
    await ensureDatabase(pg.adminUrl, 'floor');
    await prepareDatabase(pg.urlFor('api'), { seed: true, password: 'Lumbung#2025' });
    await prepareDatabase(pg.urlFor('floor'), { seed: false, password: '' });
    const rows = makeRows();

    // Floor: the same rows in one set-based INSERT, straight into PostgreSQL.
    const db = new Client({ connectionString: pg.urlFor('floor') });
    await db.connect();
    const floor = await timed(async () => {
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO users (nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex)
         SELECT v.nip, v.name, v.email, o.id, 'Analis Kebijakan', v.cat,
                to_date(substr(v.nip, 1, 8), 'YYYYMMDD'),
                CASE substr(v.nip, 15, 1) WHEN '1' THEN 'male' ELSE 'female' END
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(nip, name, email, opd, cat)
           JOIN opds o ON o.code = v.opd`,
        [
          rows.map((r) => r.nip),
          rows.map((r) => r.name),
          rows.map((r) => r.email),
          rows.map((r) => r.opd),
          rows.map((r) => r.cat),
        ],
      );
      await db.query(
        `INSERT INTO user_roles (user_id, role) SELECT id, 'asn' FROM users WHERE email LIKE 'bench.%'`,
      );
      await db.query('COMMIT');
    });
    await db.end();

    const port = await freePort();
    api = spawn(process.execPath, [dist('apps/api/src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: pg.urlFor('api'),
        MEILI_HOST: meili.host,
        MEILI_MASTER_KEY: meili.masterKey,
        JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-000000',
        LOG_LEVEL: 'warn',
        DB_RUN_MIGRATIONS: 'false',
      },
      stdio: 'inherit',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(`${base}/api/v1/health`);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin@lumbung.test', password: 'Lumbung#2025' }),
    });
    const { accessToken } = await login.json();
    const upload = (csv) =>
      timed(async () => {
        const form = new FormData();
        form.append('file', new Blob([csv], { type: 'text/csv' }), 'pegawai.csv');
        const res = await fetch(`${base}/api/v1/users/import`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}` },
          body: form,
        });
        if (res.status !== 200)
          throw new Error(`import answered ${res.status}: ${await res.text()}`);
        return (await res.json()).summary;
      });

    const create = await upload(toCsv(rows));
    const again = await upload(toCsv(rows));
    const update = await upload(toCsv(rows, ' S.Kom'));

    const line = (label, r) =>
      `${label.padEnd(34)} ${r.ms.toFixed(0).padStart(7)} ms   ${(r.ms / floor.ms).toFixed(1).padStart(6)}× floor   ${(r.ms / 60000).toFixed(3)} of the 60 s budget   ${JSON.stringify(r.result ?? {})}`;
    process.stdout.write(`CSV import of ${ROWS} rows (API over HTTP vs set-based INSERT floor)\n`);
    process.stdout.write(
      `${'floor: one INSERT … unnest'.padEnd(34)} ${floor.ms.toFixed(0).padStart(7)} ms\n`,
    );
    process.stdout.write(`${line('API import (all created)', create)}\n`);
    process.stdout.write(`${line('API re-import (all unchanged)', again)}\n`);
    process.stdout.write(`${line('API import (all updated)', update)}\n`);
  } finally {
    api?.kill('SIGTERM');
    await meili.stop();
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
