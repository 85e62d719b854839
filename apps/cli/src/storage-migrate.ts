import { DataSource } from 'typeorm';
import { storedFilesPage } from '@lumbung/knowledge';
import {
  type AppConfig,
  ConfigError,
  copyBlobToS3,
  type CopyOutcome,
  dataSourceOptions,
  LocalDiskStorage,
  S3BlobStorage,
} from '@lumbung/platform';

export interface StorageMigrationSummary {
  total: number;
  copied: number;
  present: number;
  /** Keys whose bytes on disk no longer have the recorded SHA-256 (not copied). */
  corrupt: string[];
  /** Keys with a row but no file on disk. */
  missing: string[];
  /** Keys whose copy in the bucket did not read back with the recorded SHA-256. */
  failed: string[];
}

const PAGE = 200;

/**
 * `npm run storage:migrate-to-s3`: copies every stored file from `UPLOAD_DIR` to the bucket the
 * S3_* variables name, under the same key (so no row changes), verifying each by its recorded
 * SHA-256. Safe to stop and run again: verified copies are kept, the rest is (re)sent. The disk
 * is left as it was; switch the API and worker to STORAGE=s3 once a run reports no problem.
 */
export async function migrateStorageToS3(
  config: AppConfig,
  progress: (done: number, outcome: CopyOutcome, key: string) => void = () => undefined,
): Promise<StorageMigrationSummary> {
  if (config.storage.driver !== 's3') {
    throw new ConfigError(['STORAGE must be s3 (with S3_*) to name the bucket to copy into']);
  }
  const source = new LocalDiskStorage(config);
  const target = new S3BlobStorage(config);
  const ds = new DataSource(dataSourceOptions(config.database.url));
  await ds.initialize();
  const summary: StorageMigrationSummary = {
    total: 0,
    copied: 0,
    present: 0,
    corrupt: [],
    missing: [],
    failed: [],
  };
  try {
    let after = '';
    for (;;) {
      const page = await storedFilesPage(ds.manager, after, PAGE);
      if (page.length === 0) break;
      for (const file of page) {
        const outcome = await copyBlobToS3(source, target, file);
        if (outcome === 'copied' || outcome === 'present') summary[outcome] += 1;
        else summary[outcome].push(file.key);
        summary.total += 1;
        progress(summary.total, outcome, file.key);
      }
      after = page[page.length - 1].key;
    }
    return summary;
  } finally {
    target.close();
    await ds.destroy();
  }
}

/** The CLI's wrapper: a line per problem, then the summary; exit status 1 when any file is not safe. */
export async function runStorageMigration(config: AppConfig): Promise<void> {
  const summary = await migrateStorageToS3(config, (done, outcome, key) => {
    if (outcome !== 'copied' && outcome !== 'present') {
      process.stdout.write(`${JSON.stringify({ msg: 'file not migrated', outcome, key })}\n`);
    }
  });
  process.stdout.write(`${JSON.stringify({ msg: 'storage migrated to s3', ...summary })}\n`);
  const problems = summary.corrupt.length + summary.missing.length + summary.failed.length;
  if (problems > 0) process.exitCode = 1;
}
