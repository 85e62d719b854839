import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LocalDiskStorage, migrationHead, runMigrations } from '@lumbung/platform';
import { rebuildSearchIndex } from '../search-reindex';
import { backupFiles, diskKeys, restoreFiles } from './file-snapshot';
import type { Installation } from './installation';
import {
  appVersion,
  BACKUP_FORMAT,
  type BackupManifest,
  BackupError,
  inside,
  MANIFEST_FILE,
  readManifest,
  verifyBackup,
} from './manifest';
import { dumpDatabase, loadDatabase } from './pg-snapshot';
import { applySearchSettings, backupSearchSettings, searchSettings } from './search-snapshot';

/**
 * Writes a backup of `installation` into `outDir` (new or empty): the database snapshot, the
 * stored files, the search settings, then the manifest (written last: its presence marks a
 * complete backup). Returns the manifest.
 */
export async function backup(installation: Installation, outDir: string): Promise<BackupManifest> {
  const dir = resolve(outDir);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new BackupError(`${dir} is not empty: give a new folder for each backup`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { config } = installation;
  const createdAt = new Date().toISOString();
  const db = await dumpDatabase(config.database.url, dir);
  const storage = new LocalDiskStorage(config);
  const items = await backupFiles(storage, diskKeys(config.storage.uploadDir), dir);
  const search = await backupSearchSettings(config, dir);
  const copied = new Set(items.map((f) => f.key));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt,
    appVersion: appVersion(),
    migrationHead: db.migrationHead,
    database: {
      format: 'json-lines/1',
      serverVersion: db.serverVersion,
      tables: db.tables,
      sequences: db.sequences,
    },
    files: {
      storage: 'disk',
      count: items.length,
      bytes: items.reduce((n, f) => n + f.size, 0),
      items,
      notInBackup: db.objects.filter((o) => !copied.has(o.key)),
    },
    search,
  };
  writeFileSync(inside(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1), { mode: 0o600 });
  return manifest;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  files: number;
  /** Objects the database refers to that the backup does not hold (see the manifest). */
  notInBackup: number;
  indexed: number;
}

/**
 * What a restore checks before it touches anything: the manifest, every checksum, and that this
 * build's newest migration is the backup's (rows only load into the schema they came from).
 */
export async function checkBackup(fromDir: string): Promise<BackupManifest> {
  const dir = resolve(fromDir);
  const manifest = readManifest(dir);
  await verifyBackup(dir, manifest);
  const head = migrationHead();
  if (head !== manifest.migrationHead)
    throw new BackupError(
      `The backup was made at migration ${manifest.migrationHead}; this build is at ${head}. Restore with the build that made it, then upgrade.`,
    );
  return manifest;
}

/**
 * Brings an empty installation back to a checked backup (checkBackup): migrates the database,
 * loads the rows, copies the files back (each hash checked again), rebuilds the search index
 * from the restored database and applies the saved index settings.
 */
export async function restore(
  installation: Installation,
  fromDir: string,
  manifest: BackupManifest,
): Promise<RestoreResult> {
  const dir = resolve(fromDir);
  const { config } = installation;
  await runMigrations(config.database.url);
  const loaded = await loadDatabase(config.database.url, dir, manifest.database);
  const files = await restoreFiles(new LocalDiskStorage(config), manifest.files.items, dir);
  const indexed = await rebuildSearchIndex(config);
  if (manifest.search) {
    const saved = JSON.parse(readFileSync(inside(dir, manifest.search.file), 'utf8')) as Record<
      string,
      unknown
    >;
    if (JSON.stringify(await searchSettings(config)) !== JSON.stringify(saved))
      await applySearchSettings(config, saved);
  }
  return {
    tables: Object.keys(loaded).length,
    rows: Object.values(loaded).reduce((a, b) => a + b, 0),
    files,
    notInBackup: manifest.files.notInBackup.length,
    indexed,
  };
}
