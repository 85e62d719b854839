import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { writeHashing } from './hashing-write';

describe('writeHashing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashing-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the bytes and returns their SHA-256 and size', async () => {
    const bytes = Buffer.from('Notulen rapat 🌾 العربية\u0000akhir');
    const path = join(dir, 'a');
    const got = await writeHashing(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]), path);
    expect(got).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('removes the partial file when the source fails midway', async () => {
    const path = join(dir, 'b');
    const source = new Readable({ read() {} });
    const done = writeHashing(source, path);
    source.push(Buffer.alloc(1024, 1));
    source.destroy(new Error('client went away'));
    await expect(done).rejects.toThrow('client went away');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses to overwrite an existing file when exclusive, and leaves it as it was', async () => {
    const path = join(dir, 'c');
    writeFileSync(path, 'lama');
    await expect(
      writeHashing(Readable.from([Buffer.from('baru')]), path, { exclusive: true }),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('lama');
  });
});
