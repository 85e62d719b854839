import { fixtureDir } from './testing/fixtures';
import { buildZip, zeroBombDeflate } from './testing/zip-writer';
import {
  DEFAULT_ZIP_LIMITS,
  withZip,
  ZipArchive,
  ZipFormatError,
  ZipLimitError,
  type ZipLimits,
} from './zip';

const MiB = 1024 * 1024;

describe('ZipArchive', () => {
  const files = fixtureDir();
  afterAll(() => files.cleanup());

  async function openError(data: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    const path = files.write(`open-${Math.random()}.zip`, data);
    return ZipArchive.open(path, limits).then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  async function readError(data: Buffer, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    const path = files.write(`read-${Math.random()}.zip`, data);
    return withZip(path, limits, async (zip) => zip.read(zip.entry(name)!)).then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it('lists central-directory entries and reads stored and deflated data', async () => {
    const path = files.write(
      'plain.zip',
      buildZip([
        { name: 'a.txt', data: 'stored text', method: 0 },
        { name: 'dir/b.xml', data: '<b>deflated ünïcode</b>' },
      ]),
    );
    await withZip(path, DEFAULT_ZIP_LIMITS, async (zip) => {
      expect(
        zip.entries.map(({ name, method, uncompressedSize }) => [name, method, uncompressedSize]),
      ).toEqual([
        ['a.txt', 0, 11],
        ['dir/b.xml', 8, 25],
      ]);
      expect((await zip.read(zip.entry('a.txt')!)).toString()).toBe('stored text');
      expect((await zip.read(zip.entry('dir/b.xml')!)).toString()).toBe('<b>deflated ünïcode</b>');
      expect(zip.entry('missing.xml')).toBeUndefined();
    });
  });

  it('finds the end record behind an archive comment', async () => {
    const path = files.write(
      'comment.zip',
      buildZip([{ name: 'x', data: 'y' }], { comment: 'c'.repeat(1000) }),
    );
    const names = await withZip(path, DEFAULT_ZIP_LIMITS, (zip) =>
      Promise.resolve(zip.entries.map((entry) => entry.name)),
    );
    expect(names).toEqual(['x']);
  });

  it('refuses files that are not ZIPs, or are truncated', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'hello' }]);
    expect(await openError(Buffer.from('just text'))).toMatchObject({ code: 'not_zip' });
    expect(await openError(Buffer.from('x'.repeat(100)))).toMatchObject({ code: 'not_zip' });
    expect(await openError(zip.subarray(0, zip.length - 5))).toMatchObject({ code: 'not_zip' });
  });

  it('refuses more entries than maxEntries before reading the directory', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' }));
    const error = await openError(buildZip(entries), { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 });
    expect(error).toBeInstanceOf(ZipLimitError);
    expect(error).toMatchObject({ code: 'too_many_entries' });
  });

  it('refuses a central directory larger than the cap', async () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({ name: `file-${i}.txt`, data: 'x' }));
    const limits = { ...DEFAULT_ZIP_LIMITS, maxCentralDirectoryBytes: 100 };
    expect(await openError(buildZip(entries), limits)).toMatchObject({
      code: 'central_directory_too_large',
    });
  });

  it('refuses an archive that declares more uncompressed bytes than the cap (300 MiB bomb)', async () => {
    const bomb = buildZip([
      { name: 'zeros.bin', compressed: zeroBombDeflate(300), uncompressedSize: 300 * MiB },
    ]);
    expect(bomb.length).toBeLessThan(MiB);
    const error = await openError(bomb);
    expect(error).toBeInstanceOf(ZipLimitError);
    expect(error).toMatchObject({ code: 'declared_size' });
  });

  it('stops inflating at the declared size when the header lies (zip bomb)', async () => {
    const bomb = buildZip([
      { name: 'zeros.bin', compressed: zeroBombDeflate(300), uncompressedSize: 1000 },
    ]);
    const started = Date.now();
    const error = await readError(bomb, 'zeros.bin');
    expect(error).toBeInstanceOf(ZipLimitError);
    expect(error).toMatchObject({ code: 'zip_bomb' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('checks each read against maxBytes and the remaining archive budget', async () => {
    const data = buildZip([{ name: 'sixty.txt', data: 'x'.repeat(60) }]);
    expect(await readError(data, 'sixty.txt', { ...DEFAULT_ZIP_LIMITS })).toBeUndefined();
    const path = files.write('budget.zip', data);
    const limits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 100 };
    await withZip(path, limits, async (zip) => {
      const entry = zip.entry('sixty.txt')!;
      await expect(zip.read(entry, 59)).rejects.toMatchObject({ code: 'entry_too_large' });
      expect((await zip.read(entry)).length).toBe(60);
      // A second read of the same entry would take the total inflated to 120 bytes.
      await expect(zip.read(entry)).rejects.toMatchObject({ code: 'entry_too_large' });
    });
  });

  it('refuses ZIP64 archives and entries', async () => {
    const locator = buildZip([{ name: 'a', data: 'a' }], { zip64Locator: true });
    expect(await openError(locator)).toMatchObject({ code: 'zip64' });
    const sizes = buildZip([{ name: 'a', data: 'a', uncompressedSize: 0xffffffff }]);
    expect(await openError(sizes)).toMatchObject({ code: 'zip64' });
    const extra = Buffer.from([0x01, 0x00, 0x00, 0x00]);
    expect(await openError(buildZip([{ name: 'a', data: 'a', extra }]))).toMatchObject({
      code: 'zip64',
    });
  });

  it('refuses encrypted entries and duplicate names', async () => {
    const encrypted = await openError(buildZip([{ name: 'a', data: 'a', flags: 0x0801 }]));
    expect(encrypted).toBeInstanceOf(ZipFormatError);
    expect(encrypted).toMatchObject({ code: 'encrypted' });
    const duplicate = buildZip([
      { name: 'word/document.xml', data: 'one' },
      { name: 'word/document.xml', data: 'two' },
    ]);
    expect(await openError(duplicate)).toMatchObject({ code: 'duplicate_entry' });
  });

  it('refuses an end record whose entry count does not match the directory', async () => {
    const data = buildZip([{ name: 'a', data: 'a' }], { declaredEntryCount: 3 });
    expect(await openError(data)).toMatchObject({ code: 'corrupt' });
  });

  it('refuses unknown methods, bad deflate data, wrong sizes and CRC mismatches on read', async () => {
    const cases: Array<[Parameters<typeof buildZip>[0][number], string]> = [
      [{ name: 'e', data: 'bzip2?', method: 12 }, 'unsupported_method'],
      [{ name: 'e', compressed: Buffer.from('not deflate'), uncompressedSize: 5 }, 'corrupt'],
      [{ name: 'e', data: 'x'.repeat(1000), uncompressedSize: 2000 }, 'corrupt'],
      [{ name: 'e', data: 'stored', method: 0, uncompressedSize: 3 }, 'corrupt'],
      [{ name: 'e', data: 'checked', crc32: 1234 }, 'crc_mismatch'],
    ];
    for (const [entry, code] of cases) {
      const error = await readError(buildZip([entry]), 'e');
      expect(error).toBeInstanceOf(ZipFormatError);
      expect(error).toMatchObject({ code });
    }
  });

  it('refuses an entry whose data would run into the central directory', async () => {
    const data = buildZip([{ name: 'e', data: 'hello world' }]);
    // Patch the central header's compressed size (offset 20 within it) to overrun.
    const central = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    data.writeUInt32LE(5000, central + 20);
    expect(await readError(data, 'e')).toMatchObject({ code: 'corrupt' });
  });
});
