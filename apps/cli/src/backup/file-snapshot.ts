import { createReadStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { type BlobStorage, writeHashing } from '@lumbung/platform';
import { BackupError, type FileEntry, filePath, inside } from './manifest';

/** Storage keys as LocalDiskStorage makes them (`ab/cd/<uuid>`). */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** Keys of the objects on the local disk store, sorted. */
export function diskKeys(uploadDir: string): string[] {
  const root = join(uploadDir, 'objects');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .filter((key) => KEY.test(key))
    .sort();
}

/** Streams `source` into `target` (through a temp name), returning the bytes' SHA-256 and size. */
async function copyHashing(
  source: NodeJS.ReadableStream,
  target: string,
): Promise<{ sha256: string; size: number }> {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.part`;
  const written = await writeHashing(source, temp);
  await rename(temp, target);
  return written;
}

/**
 * Copies every stored object into `dir/files/<key>` through the storage port, hashing each.
 * Objects are written once under a fresh key and never changed, so copying after the database
 * snapshot yields every file it references (plus any uploaded since, which is harmless).
 */
export async function backupFiles(
  storage: BlobStorage,
  keys: string[],
  dir: string,
): Promise<FileEntry[]> {
  const items: FileEntry[] = [];
  for (const key of keys) {
    const opened = await storage.open(key).catch(() => undefined);
    if (!opened) continue; // deleted since it was listed
    const got = await copyHashing(opened.stream, inside(dir, filePath(key)));
    items.push({ key, size: got.size, sha256: got.sha256 });
  }
  return items;
}

/** Copies the backup's files back to where the storage keeps them, checking every hash. */
export async function restoreFiles(
  storage: BlobStorage,
  items: FileEntry[],
  dir: string,
): Promise<number> {
  for (const item of items) {
    const scratch = await storage.tempPath();
    const got = await copyHashing(createReadStream(inside(dir, filePath(item.key))), scratch);
    if (got.sha256 !== item.sha256 || got.size !== item.size) {
      await rm(scratch, { force: true });
      throw new BackupError(`${item.key}: restored bytes do not match the manifest`);
    }
    // Into the store (disk or bucket) under the key the database names.
    await storage.putAt(item.key, scratch, { sha256: item.sha256 });
  }
  return items.length;
}
