import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobStorage } from './blob-storage';
import type { S3BlobStorage } from './s3-storage';

/** What one file's copy came to. */
export type CopyOutcome =
  /** Copied, then read back from the target with the recorded hash. */
  | 'copied'
  /** The target already held it with the recorded hash (an earlier run): nothing sent. */
  | 'present'
  /** The source's bytes do not have the recorded hash: not copied. */
  | 'corrupt'
  /** No source file under the key. */
  | 'missing'
  /** Sent, but what the target holds does not have the recorded hash: removed again. */
  | 'failed';

export interface FileToCopy {
  key: string;
  sha256: string;
  size: number;
}

async function hashOf(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

const matches = (got: { sha256: string; size: number }, want: FileToCopy): boolean =>
  got.sha256 === want.sha256 && got.size === want.size;

async function targetHolds(target: S3BlobStorage, file: FileToCopy): Promise<boolean> {
  const info = await target.stat(file.key);
  if (!info || info.size !== file.size) return false;
  return matches(await hashOf((await target.open(file.key)).stream), file);
}

/**
 * Copies one file from `source` to the bucket under the same key, idempotently: a copy already
 * there is verified by reading it back, a stale or partial one is replaced, and nothing is sent
 * unless the source's bytes have the hash recorded at upload. Every copy is read back and
 * hashed before it counts.
 */
export async function copyBlobToS3(
  source: BlobStorage,
  target: S3BlobStorage,
  file: FileToCopy,
): Promise<CopyOutcome> {
  if (await targetHolds(target, file)) return 'present';
  try {
    return await source.withLocalFile(file.key, async (path) => {
      if (!matches(await hashOf(createReadStream(path)), file)) return 'corrupt';
      await target.upload(file.key, path, { sha256: file.sha256 });
      if (await targetHolds(target, file)) return 'copied';
      await target.delete(file.key);
      return 'failed';
    });
  } catch (error) {
    if (error instanceof BlobNotFoundError) return 'missing';
    throw error;
  }
}
