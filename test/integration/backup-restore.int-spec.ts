import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, QUEUES } from '@lumbung/platform';
import { freePort } from '../../apps/cli/src/local/free-port';
import { prepareDatabase } from '../../apps/cli/src/local/database-setup';
import { backup, checkBackup } from '../../apps/cli/src/backup/backup';
import { diskKeys } from '../../apps/cli/src/backup/file-snapshot';
import {
  type Installation,
  openForBackup,
  openForRestore,
} from '../../apps/cli/src/backup/installation';
import { type BackupManifest, hashFile, readManifest } from '../../apps/cli/src/backup/manifest';
import { givenAttachment, login, publishAsset } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
const PASSWORD = 'Lumbung#2025';
const QUERIES = ['penandatanganan', 'pompa banjir', 'retribusi'];
type Results = Record<string, { engine: string; ids: string[] }>;

/** The built CLI (what `npm run backup` / `npm run restore` run), bounded in time. */
function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      cwd: ROOT,
      env,
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

/** `npm start` on a data folder; resolves once it prints its banner. */
async function startPortal(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], { cwd: ROOT, env });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 180_000;
  while (!out.includes('Lumbung is running at')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`start failed:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

async function stopPortal(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A connection to the embedded PostgreSQL a running portal serves from `dataDir`. */
function embeddedUrl(dataDir: string): string {
  const port = readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
  const { pgPassword } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
    pgPassword: string;
  };
  return `postgres://lumbung:${encodeURIComponent(pgPassword)}@127.0.0.1:${port}/lumbung`;
}

/** Rows per table, all of them, from the database itself. */
async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables = await ds.query<{ t: string }[]>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const [{ n }] = await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}"`);
    out[t] = n;
  }
  return out;
}

/** Every stored file's SHA-256, by key. */
async function fileHashes(uploadDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of diskKeys(uploadDir))
    out[key] = (await hashFile(join(uploadDir, 'objects', key))).sha256;
  return out;
}

async function searchIds(base: string, token: string): Promise<Results> {
  const out: Results = {};
  for (const q of QUERIES) {
    const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { engine: string; hits: { id: string }[] };
    out[q] = { engine: body.engine, ids: body.hits.map((h) => h.id) };
  }
  return out;
}

/**
 * issue #19 item 4: a backup of a running installation restores into an empty data folder with
 * the same rows, the same files and the same search results.
 */
describe('backup and restore', () => {
  let t: TestApp;
  let source: Installation;
  let sourceEnv: Record<string, string>;
  let sourceCounts: Record<string, number>;
  let sourceFiles: Record<string, string>;
  const sourceSearch: Results = {};
  let manifest: BackupManifest;
  const root = mkdtempSync(join(tmpdir(), 'lumbung-backup-'));
  // As root, the embedded PostgreSQL runs as `postgres`, which must reach the data folder.
  chmodSync(root, 0o755);
  const backupDir = join(root, 'backup');
  const restoredDir = join(root, 'restored');
  /** The restored installation's environment: an empty data folder, embedded servers. */
  const restoredEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LUMBUNG_DATA_DIR: restoredDir,
      MEILI_INDEX_PREFIX: t.config.search.indexPrefix,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ...extra,
    };
    for (const name of ['DATABASE_URL', 'MEILI_HOST', 'MEILI_MASTER_KEY', 'NODE_ENV', 'UPLOAD_DIR'])
      delete env[name];
    return env;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await prepareDatabase(t.config.database.url, {
      seed: true,
      password: PASSWORD,
      demoYear: false,
    });
    const author = await login(t.http, { email: 'asn.bpsdm@lumbung.test', password: PASSWORD });
    const verifier = await login(t.http, {
      email: 'verifier.bpsdm@lumbung.test',
      password: PASSWORD,
    });
    const titles = [
      'Prosedur penandatanganan naskah dinas elektronik',
      'Perawatan pompa banjir di rumah pompa Pluit',
      'Pemungutan retribusi parkir tepi jalan',
      'Retribusi pelayanan persampahan dan penandatanganan berita acara',
    ];
    for (const title of titles) {
      const id = await publishAsset(t.http, author, verifier, {
        title,
        summary: `${title}: ringkasan untuk uji cadangan dan pemulihan.`,
      });
      await givenAttachment(t.http, author, id);
      await givenAttachment(t.http, author, id);
    }
    await t.drainJobs();
    for (const q of QUERIES) {
      const res = await t.http().get('/api/v1/search').query({ q }).set(author.auth).expect(200);
      const body = res.body as { engine: string; hits: { id: string }[] };
      sourceSearch[q] = { engine: body.engine, ids: body.hits.map((h) => h.id) };
    }
    sourceEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: t.config.database.url,
      MEILI_HOST: t.config.search.host,
      MEILI_MASTER_KEY: t.config.search.apiKey,
      MEILI_INDEX_PREFIX: t.config.search.indexPrefix,
      UPLOAD_DIR: t.config.storage.uploadDir,
      JWT_SECRET: t.config.auth.jwtSecret,
      LOG_LEVEL: 'silent',
    };
    sourceCounts = await rowCounts(t.ds);
    sourceFiles = await fileHashes(t.config.storage.uploadDir);
    // External servers (DATABASE_URL, MEILI_HOST): nothing is started for the backup.
    source = await openForBackup(sourceEnv);
    manifest = await backup(source, backupDir);
  }, 300_000);

  afterAll(async () => {
    await source?.stop();
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes a manifest with row counts, migration head and every file with its hash', () => {
    const rows = Object.fromEntries(manifest.database.tables.map((p) => [p.table, p.rows]));
    expect(rows).toEqual(sourceCounts);
    expect(Object.fromEntries(manifest.files.items.map((f) => [f.key, f.sha256]))).toEqual(
      sourceFiles,
    );
    expect(manifest.files.count).toBe(8);
    // Every object the rows refer to is in the backup.
    expect(manifest.files.notInBackup).toEqual([]);
    expect(manifest.migrationHead).toMatch(/\d{13}$/);
    expect(manifest.search?.indexUid).toBe(`${t.config.search.indexPrefix}_assets`);
    for (const p of manifest.database.tables) expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The searches the restore is compared on find something.
    expect(sourceSearch.penandatanganan.ids).toHaveLength(2);
    expect(sourceSearch.retribusi.engine).toBe('meilisearch');
  });

  it('restores into an empty data folder: same rows, files and search results', async () => {
    const restored = await cli(['restore', '--from', backupDir], restoredEnv());
    expect(restored.out).toContain('"msg":"restored"');
    expect(restored.code).toBe(0);
    const port = await freePort();
    let portal: ChildProcess | undefined;
    let ds: DataSource | undefined;
    try {
      // `npm start` on the restored data folder.
      portal = await startPortal(restoredEnv({ PORT: String(port) }));
      ds = new DataSource(dataSourceOptions(embeddedUrl(restoredDir)));
      await ds.initialize();
      const counts = await rowCounts(ds);
      // The rebuild queued one job (other owners of search documents re-deliver theirs), and
      // the search-index check keeps its last report in app_meta.
      const [rebuilt] = await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM jobs WHERE queue = $1`,
        [QUEUES.searchRebuilt],
      );
      expect(rebuilt.n).toBe(1);
      const metaKeys = (rows: { key: string }[]) => rows.map((r) => r.key);
      expect(metaKeys(await ds.query(`SELECT key FROM app_meta`))).toEqual(
        expect.arrayContaining(metaKeys(await t.ds.query(`SELECT key FROM app_meta`))),
      );
      expect({ ...counts, jobs: counts.jobs - 1, app_meta: 0 }).toEqual({
        ...sourceCounts,
        app_meta: 0,
      });
      expect(await fileHashes(join(restoredDir, 'uploads'))).toEqual(sourceFiles);
      // A backup of the running embedded installation holds the same rows and files.
      const again = await cli(['backup', '--out', join(root, 'again')], restoredEnv());
      expect(again.code).toBe(0);
      const second = readManifest(join(root, 'again'));
      expect(second.files.items).toEqual(manifest.files.items);
      const rowsOf = (m: BackupManifest) =>
        Object.fromEntries(m.database.tables.map((p) => [p.table, p.rows]));
      expect({ ...rowsOf(second), jobs: rowsOf(second).jobs - 1, app_meta: 0 }).toEqual({
        ...rowsOf(manifest),
        app_meta: 0,
      });
      // Same answers from the restored portal (its own PostgreSQL and Meilisearch).
      const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'asn.bpsdm@lumbung.test', password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      expect(await searchIds(`http://127.0.0.1:${port}`, accessToken)).toEqual(sourceSearch);
    } finally {
      await ds?.destroy();
      await stopPortal(portal);
    }
  });

  it('refuses a target that is not empty unless forced, and replaces it when forced', async () => {
    const again = await cli(['restore', '--from', backupDir], restoredEnv());
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/not empty.*--force/);
    await expect(openForRestore(sourceEnv, false)).rejects.toThrow(/the database has tables/);
    // --force replaces the installation (database and files) with the backup.
    const forced = await cli(['restore', '--from', backupDir, '--force'], restoredEnv());
    expect(forced.code).toBe(0);
    const result = JSON.parse(forced.out.trim().split('\n').pop()!) as {
      rows: number;
      files: number;
    };
    expect(result).toMatchObject({
      rows: manifest.database.tables.reduce((n, p) => n + p.rows, 0),
      files: 8,
    });
    expect(await fileHashes(join(restoredDir, 'uploads'))).toEqual(sourceFiles);
  });

  it('refuses a backup whose files or rows do not match the manifest checksums', async () => {
    const damaged = join(root, 'damaged');
    cpSync(backupDir, damaged, { recursive: true });
    appendFileSync(join(damaged, 'files', manifest.files.items[0].key), 'x');
    await expect(checkBackup(damaged)).rejects.toThrow(/checksums/);
    const rowsDamaged = join(root, 'damaged-rows');
    cpSync(backupDir, rowsDamaged, { recursive: true });
    const users = manifest.database.tables.find((p) => p.table === 'users')!;
    appendFileSync(join(rowsDamaged, users.file), '{}\n');
    const refused = await cli(
      ['restore', '--from', rowsDamaged],
      restoredEnv({ LUMBUNG_DATA_DIR: join(root, 'empty') }),
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/users\.jsonl differs/);
  });
});
