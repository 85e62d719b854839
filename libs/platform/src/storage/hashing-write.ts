import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Streams `source` into a new file at `path`, hashing (SHA-256) and counting the bytes as they
 * pass, so nothing is held in memory. On any failure (client abort, disk full, a limit) the
 * partial file is removed before the error is rethrown.
 */
export async function writeHashing(
  source: NodeJS.ReadableStream,
  path: string,
  options: { exclusive?: boolean } = {},
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const target = createWriteStream(path, { flags: options.exclusive ? 'wx' : 'w', mode: 0o600 });
  try {
    await pipeline(source, meter, target);
  } catch (error) {
    // An exclusive open that met an existing file leaves that file alone.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(path, { force: true });
    throw error;
  }
  return { sha256: hash.digest('hex'), size };
}
