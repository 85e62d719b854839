import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** What `backup` writes last into the folder: a backup without it is incomplete. */
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'lumbung-backup/1';

/** One file of the backup (a table's rows, the sequences, the search settings). */
export interface BackupPart {
  /** Path inside the backup folder. */
  file: string;
  sha256: string;
  bytes: number;
}

export interface TablePart extends BackupPart {
  table: string;
  rows: number;
}

/** A stored object (an attachment), by storage key. */
export interface FileEntry {
  key: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  appVersion: string;
  /** The newest migration applied in the dumped database: a restore needs the same build. */
  migrationHead: string;
  database: {
    /** Rows as JSON lines per table, read in one repeatable-read snapshot (see pg-snapshot.ts). */
    format: 'json-lines/1';
    serverVersion: string;
    tables: TablePart[];
    sequences: BackupPart;
  };
  files: {
    storage: 'disk';
    count: number;
    bytes: number;
    items: FileEntry[];
    /**
     * Objects the database refers to that were not on the local disk, with the hashes the
     * database holds: with object storage (STORAGE=s3) the listing of what stays in the bucket;
     * on disk, files that are missing.
     */
    notInBackup: { key: string; sha256: string | null; size: number | null }[];
  };
  search: (BackupPart & { indexUid: string }) | null;
}

/** SHA-256 (hex) and size of a file, streamed. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(createReadStream(path), async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      bytes += chunk.length;
      hash.update(chunk);
    }
    yield* [];
  });
  return { sha256: hash.digest('hex'), bytes };
}

export class BackupError extends Error {}

export function readManifest(dir: string): BackupManifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new BackupError(`${path} is missing: not a (complete) backup`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new BackupError(`Unknown backup format ${String(manifest.format)}`);
  return manifest;
}

/** Every part and every stored file is hashed against the manifest; any mismatch refuses. */
export async function verifyBackup(dir: string, manifest: BackupManifest): Promise<void> {
  const parts: { file: string; sha256: string; bytes: number }[] = [
    ...manifest.database.tables,
    manifest.database.sequences,
    ...(manifest.search ? [manifest.search] : []),
    ...manifest.files.items.map((f) => ({
      file: filePath(f.key),
      sha256: f.sha256,
      bytes: f.size,
    })),
  ];
  const bad: string[] = [];
  for (const part of parts) {
    const path = inside(dir, part.file);
    if (!existsSync(path)) {
      bad.push(`${part.file} is missing`);
      continue;
    }
    const got = await hashFile(path);
    if (got.sha256 !== part.sha256 || got.bytes !== part.bytes) bad.push(`${part.file} differs`);
  }
  if (bad.length > 0)
    throw new BackupError(
      `The backup does not match its manifest (checksums): ${bad.slice(0, 10).join('; ')}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''}`,
    );
}

/** Where a stored object lives inside the backup folder. */
export function filePath(key: string): string {
  return `files/${key}`;
}

/** A manifest path resolved inside the backup folder (never outside it). */
export function inside(dir: string, file: string): string {
  const root = resolve(dir);
  const path = resolve(root, file);
  if (!path.startsWith(`${root}/`)) throw new BackupError(`${file} points outside the backup`);
  return path;
}

/** The version in the root package.json (found upwards from here: source or dist). */
export function appVersion(): string {
  let dir = __dirname;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lumbung') return pkg.version ?? '0.0.0';
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}
