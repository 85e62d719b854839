import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';

/** Why a ZIP could not be read at all (malformed or using features we refuse). */
export type ZipFormatCode =
  | 'not_zip'
  | 'corrupt'
  | 'zip64'
  | 'multi_disk'
  | 'encrypted'
  | 'duplicate_entry'
  | 'unsupported_method'
  | 'crc_mismatch';

/** Which configured limit a ZIP went over. */
export type ZipLimitCode =
  | 'too_many_entries'
  | 'central_directory_too_large'
  | 'declared_size'
  | 'entry_too_large'
  | 'zip_bomb';

/** Thrown when the archive is malformed or uses a feature this reader refuses (ZIP64, encryption). */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
  constructor(
    readonly code: ZipFormatCode,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when the archive would exceed an entry-count or size limit. */
export class ZipLimitError extends Error {
  override readonly name = 'ZipLimitError';
  constructor(
    readonly code: ZipLimitCode,
    message: string,
  ) {
    super(message);
  }
}

/** Limits applied when opening an archive and reading its entries. */
export interface ZipLimits {
  /** Most central-directory entries accepted (checked before the directory is read). */
  maxEntries: number;
  /** Cap on the sum of declared uncompressed sizes, and on the bytes actually inflated. */
  maxUncompressedBytes: number;
  /** Cap on the central directory itself, so a huge directory is never loaded into memory. */
  maxCentralDirectoryBytes: number;
}

/** Defaults sized for office documents: generous for real files, far below a bomb. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCentralDirectoryBytes: 16 * 1024 * 1024,
};

/** One central-directory record. `name` is a lookup key only, never a filesystem path. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; anything else is refused when read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const ZIP64_EXTRA_ID = 0x0001;
const EOCD_SIZE = 22;

/** yauzl keeps where the central directory starts in its read cursor before the first entry. */
interface YauzlInternals {
  readEntryCursor: number;
}

/**
 * A read-only view of a ZIP file on disk, parsed by yauzl (a well-kept reader) under our limits:
 * the entry count and the directory size are checked before the directory is read, the declared
 * total before any entry is inflated, and each entry is inflated one at a time, capped by its
 * declared size and the archive budget, then checked against its CRC. Close it (or use
 * {@link withZip}) to release the file.
 */
export class ZipArchive {
  private inflatedBytes = 0;
  private readonly byName: ReadonlyMap<string, ZipEntry>;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly limits: ZipLimits,
    private readonly dataEnd: number,
    /** Entries in central-directory order. */
    readonly entries: readonly ZipEntry[],
    private readonly raw: ReadonlyMap<ZipEntry, yauzl.Entry>,
  ) {
    this.byName = new Map(entries.map((entry) => [entry.name, entry]));
  }

  /**
   * Opens `path` and reads its central directory.
   * @throws ZipFormatError for malformed, ZIP64, multi-disk or encrypted archives.
   * @throws ZipLimitError when entry count, directory size or declared total size is over a limit.
   */
  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    const zip = await openZip(path);
    try {
      const directoryStart = (zip as unknown as YauzlInternals).readEntryCursor;
      checkDirectory(zip, directoryStart, limits);
      const raw = await readDirectory(zip);
      const entries = [...raw.keys()];
      checkDeclaredTotal(entries, limits);
      return new ZipArchive(zip, limits, directoryStart, entries, raw);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** The entry stored under exactly `name`, if any. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /**
   * Returns the entry's uncompressed bytes. Output never exceeds the entry's declared size, nor
   * `maxBytes`, nor what is left of the archive's `maxUncompressedBytes` budget: a header that
   * under-declares its size (a zip bomb) stops inflating at the declared size and throws.
   */
  async read(entry: ZipEntry, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
    const budget = Math.min(maxBytes, this.limits.maxUncompressedBytes - this.inflatedBytes);
    if (entry.uncompressedSize > budget) {
      throw new ZipLimitError('entry_too_large', `entry ${entry.name} is over the size budget`);
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipFormatError(
        'unsupported_method',
        `entry ${entry.name} uses method ${entry.method}`,
      );
    }
    const raw = this.raw.get(entry);
    if (!raw) throw new ZipFormatError('corrupt', `entry ${entry.name} is not in this archive`);
    const data = await this.inflate(entry, raw);
    if (crc32(data) !== entry.crc32) {
      throw new ZipFormatError('crc_mismatch', `entry ${entry.name} failed its CRC check`);
    }
    this.inflatedBytes += data.length;
    return data;
  }

  /** Releases the file. Safe to call more than once. */
  close(): Promise<void> {
    if (this.zip.isOpen) this.zip.close();
    return Promise.resolve();
  }

  private async inflate(entry: ZipEntry, raw: yauzl.Entry): Promise<Buffer> {
    let stream: Readable;
    try {
      const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(raw, { minimal: true });
      // Entry data must sit before the central directory; anything else is a crafted overlap.
      if (fileDataStart + entry.compressedSize > this.dataEnd) {
        throw new ZipFormatError('corrupt', `entry ${entry.name} runs past the archive data`);
      }
      stream = await this.zip.openReadStreamPromise(raw);
    } catch (error) {
      throw asZipError(error, entry.name);
    }
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (error) {
      stream.destroy();
      throw asZipError(error, entry.name);
    }
    return Buffer.concat(chunks);
  }
}

/** Opens `path`, runs `fn` with the archive and always closes it afterwards. */
export async function withZip<T>(
  path: string,
  limits: ZipLimits,
  fn: (zip: ZipArchive) => Promise<T>,
): Promise<T> {
  const zip = await ZipArchive.open(path, limits);
  try {
    return await fn(zip);
  } finally {
    await zip.close();
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      // Names stay bytes (decoded below by their UTF-8 flag; they are lookup keys, never paths);
      // yauzl checks every entry's sizes against what its stream yields.
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => (error ? reject(asZipError(error)) : resolve(zip)),
    );
  });
}

/** The entry count and the directory's size, known from the end record, before reading it. */
function checkDirectory(zip: yauzl.ZipFile, directoryStart: number, limits: ZipLimits): void {
  if (zip.entryCount > limits.maxEntries) {
    throw new ZipLimitError('too_many_entries', `archive declares ${zip.entryCount} entries`);
  }
  const comment = zip.comment as unknown as Buffer | string;
  const directorySize = zip.fileSize - directoryStart - EOCD_SIZE - comment.length;
  if (directorySize < 0) throw new ZipFormatError('corrupt', 'central directory out of bounds');
  if (directorySize > limits.maxCentralDirectoryBytes) {
    throw new ZipLimitError('central_directory_too_large', 'central directory is too large');
  }
}

function readDirectory(zip: yauzl.ZipFile): Promise<Map<ZipEntry, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<ZipEntry, yauzl.Entry>();
    const seen = new Set<string>();
    const fail = (error: unknown) => {
      zip.removeAllListeners();
      reject(error instanceof ZipFormatError ? error : asZipError(error));
    };
    zip.on('entry', (raw: yauzl.Entry) => {
      try {
        const entry = toEntry(raw);
        // Two entries with one name let different readers see different content (AV bypass).
        if (seen.has(entry.name)) {
          throw new ZipFormatError('duplicate_entry', `duplicate entry ${entry.name}`);
        }
        seen.add(entry.name);
        entries.set(entry, raw);
        zip.readEntry();
      } catch (error) {
        fail(error);
      }
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', fail);
    zip.readEntry();
  });
}

function toEntry(raw: yauzl.Entry): ZipEntry {
  const flags = raw.generalPurposeBitFlag;
  const nameBytes = raw.fileName as unknown as Buffer;
  const entry: ZipEntry = {
    name: nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1'),
    method: raw.compressionMethod,
    flags,
    crc32: raw.crc32,
    compressedSize: raw.compressedSize,
    uncompressedSize: raw.uncompressedSize,
    localHeaderOffset: raw.relativeOffsetOfLocalHeader,
  };
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
    throw new ZipFormatError('encrypted', `entry ${entry.name} is encrypted`);
  }
  const sizes = [entry.compressedSize, entry.uncompressedSize, entry.localHeaderOffset];
  if (sizes.includes(0xffffffff) || raw.extraFields.some((field) => field.id === ZIP64_EXTRA_ID)) {
    throw new ZipFormatError('zip64', `entry ${entry.name} uses ZIP64`);
  }
  return entry;
}

function checkDeclaredTotal(entries: readonly ZipEntry[], limits: ZipLimits): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new ZipLimitError('declared_size', `archive declares ${total} uncompressed bytes`);
  }
}

/** yauzl's and zlib's errors as our codes (by message: yauzl has no error codes). */
function asZipError(error: unknown, entryName?: string): Error {
  if (error instanceof ZipFormatError || error instanceof ZipLimitError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const about = entryName ? `entry ${entryName}: ${message}` : message;
  if (/too many bytes in the stream/i.test(message)) {
    return new ZipLimitError('zip_bomb', `${about} (inflates past its declared size)`);
  }
  if (/signature not found|invalid comment length/i.test(message)) {
    return new ZipFormatError('not_zip', about);
  }
  if (/zip64/i.test(message)) return new ZipFormatError('zip64', about);
  if (/multi-disk/i.test(message)) return new ZipFormatError('multi_disk', about);
  if (/encrypt/i.test(message)) return new ZipFormatError('encrypted', about);
  if (/unsupported compression method/i.test(message)) {
    return new ZipFormatError('unsupported_method', about);
  }
  return new ZipFormatError('corrupt', about);
}
