import { open, type FileHandle } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

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

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
// The EOCD record may be followed by a comment of at most 65,535 bytes.
const MAX_EOCD_SEARCH = EOCD_SIZE + 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const ZIP64_EXTRA_ID = 0x0001;

interface EndOfCentralDirectory {
  entryCount: number;
  size: number;
  offset: number;
  eocdOffset: number;
}

/**
 * A read-only view of a ZIP file on disk. Only the central directory is loaded when opened;
 * entries are inflated one at a time, each capped by its declared size and the archive budget.
 * Close it (or use {@link withZip}) to release the file handle.
 */
export class ZipArchive {
  private inflatedBytes = 0;
  private readonly byName: ReadonlyMap<string, ZipEntry>;

  private constructor(
    private readonly handle: FileHandle,
    private readonly limits: ZipLimits,
    private readonly dataEnd: number,
    /** Entries in central-directory order. */
    readonly entries: readonly ZipEntry[],
  ) {
    this.byName = new Map(entries.map((entry) => [entry.name, entry]));
  }

  /**
   * Opens `path` and reads its central directory.
   * @throws ZipFormatError for malformed, ZIP64, multi-disk or encrypted archives.
   * @throws ZipLimitError when entry count, directory size or declared total size is over a limit.
   */
  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const eocd = await readEndOfCentralDirectory(handle, size, limits);
      const directory = await readExactly(handle, eocd.offset, eocd.size);
      const entries = parseCentralDirectory(directory, eocd.entryCount);
      checkDeclaredTotal(entries, limits);
      return new ZipArchive(handle, limits, eocd.offset, entries);
    } catch (error) {
      await handle.close();
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
    const compressed = await this.readCompressed(entry);
    const data = inflateEntry(entry, compressed);
    if (crc32(data) !== entry.crc32) {
      throw new ZipFormatError('crc_mismatch', `entry ${entry.name} failed its CRC check`);
    }
    this.inflatedBytes += data.length;
    return data;
  }

  /** Releases the file handle. Safe to call more than once. */
  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private async readCompressed(entry: ZipEntry): Promise<Buffer> {
    const header = await readExactly(this.handle, entry.localHeaderOffset, LOCAL_HEADER_SIZE);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError('corrupt', `entry ${entry.name} has no local header`);
    }
    if (header.readUInt16LE(6) & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
      throw new ZipFormatError('encrypted', `entry ${entry.name} is encrypted`);
    }
    const start =
      entry.localHeaderOffset +
      LOCAL_HEADER_SIZE +
      header.readUInt16LE(26) +
      header.readUInt16LE(28);
    // Entry data must sit before the central directory; anything else is a crafted overlap.
    if (start + entry.compressedSize > this.dataEnd) {
      throw new ZipFormatError('corrupt', `entry ${entry.name} runs past the archive data`);
    }
    return readExactly(this.handle, start, entry.compressedSize);
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

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError('corrupt', 'unexpected end of file');
    done += bytesRead;
  }
  return buffer;
}

async function readEndOfCentralDirectory(
  handle: FileHandle,
  fileSize: number,
  limits: ZipLimits,
): Promise<EndOfCentralDirectory> {
  if (fileSize < EOCD_SIZE) throw new ZipFormatError('not_zip', 'file is too small for a ZIP');
  const tailLength = Math.min(fileSize, MAX_EOCD_SEARCH);
  const tailStart = fileSize - tailLength;
  const tail = await readExactly(handle, tailStart, tailLength);
  const at = findEocd(tail);
  if (at < 0) throw new ZipFormatError('not_zip', 'no end of central directory record');
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipFormatError('zip64', 'ZIP64 archives are not supported');
  }
  const eocd = {
    entryCount: tail.readUInt16LE(at + 10),
    size: tail.readUInt32LE(at + 12),
    offset: tail.readUInt32LE(at + 16),
    eocdOffset: tailStart + at,
  };
  checkEocd(tail, at, eocd, limits);
  return eocd;
}

/** Searches backwards, so the last plausible record wins (a comment may contain the signature). */
function findEocd(tail: Buffer): number {
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    if (at + EOCD_SIZE + tail.readUInt16LE(at + 20) <= tail.length) return at;
  }
  return -1;
}

function checkEocd(tail: Buffer, at: number, eocd: EndOfCentralDirectory, limits: ZipLimits) {
  const disk = tail.readUInt16LE(at + 4);
  const directoryDisk = tail.readUInt16LE(at + 6);
  const entriesOnDisk = tail.readUInt16LE(at + 8);
  if (eocd.entryCount === 0xffff || eocd.size === 0xffffffff || eocd.offset === 0xffffffff) {
    throw new ZipFormatError('zip64', 'ZIP64 archives are not supported');
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== eocd.entryCount) {
    throw new ZipFormatError('multi_disk', 'multi-disk archives are not supported');
  }
  if (eocd.entryCount > limits.maxEntries) {
    throw new ZipLimitError('too_many_entries', `archive declares ${eocd.entryCount} entries`);
  }
  if (eocd.size > limits.maxCentralDirectoryBytes) {
    throw new ZipLimitError('central_directory_too_large', 'central directory is too large');
  }
  if (eocd.offset + eocd.size > eocd.eocdOffset) {
    throw new ZipFormatError('corrupt', 'central directory overlaps its end record');
  }
}

function parseCentralDirectory(directory: Buffer, entryCount: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = 0;
  for (let index = 0; index < entryCount; index++) {
    const { entry, next } = parseCentralEntry(directory, at);
    // Two entries with one name let different readers see different content (AV bypass).
    if (seen.has(entry.name)) {
      throw new ZipFormatError('duplicate_entry', `duplicate entry ${entry.name}`);
    }
    seen.add(entry.name);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function parseCentralEntry(directory: Buffer, at: number): { entry: ZipEntry; next: number } {
  if (
    at + CENTRAL_HEADER_SIZE > directory.length ||
    directory.readUInt32LE(at) !== CENTRAL_SIGNATURE
  ) {
    throw new ZipFormatError('corrupt', 'truncated central directory');
  }
  const flags = directory.readUInt16LE(at + 8);
  const nameLength = directory.readUInt16LE(at + 28);
  const extraLength = directory.readUInt16LE(at + 30);
  const next =
    at + CENTRAL_HEADER_SIZE + nameLength + extraLength + directory.readUInt16LE(at + 32);
  if (next > directory.length) throw new ZipFormatError('corrupt', 'truncated central directory');
  const nameBytes = directory.subarray(
    at + CENTRAL_HEADER_SIZE,
    at + CENTRAL_HEADER_SIZE + nameLength,
  );
  const extraStart = at + CENTRAL_HEADER_SIZE + nameLength;
  const entry: ZipEntry = {
    name: nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1'),
    method: directory.readUInt16LE(at + 10),
    flags,
    crc32: directory.readUInt32LE(at + 16),
    compressedSize: directory.readUInt32LE(at + 20),
    uncompressedSize: directory.readUInt32LE(at + 24),
    localHeaderOffset: directory.readUInt32LE(at + 42),
  };
  checkEntry(entry, directory.subarray(extraStart, extraStart + extraLength));
  return { entry, next };
}

function checkEntry(entry: ZipEntry, extra: Buffer): void {
  if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
    throw new ZipFormatError('encrypted', `entry ${entry.name} is encrypted`);
  }
  const sizes = [entry.compressedSize, entry.uncompressedSize, entry.localHeaderOffset];
  if (sizes.includes(0xffffffff) || hasExtraField(extra, ZIP64_EXTRA_ID)) {
    throw new ZipFormatError('zip64', `entry ${entry.name} uses ZIP64`);
  }
}

function hasExtraField(extra: Buffer, id: number): boolean {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) === id) return true;
  }
  return false;
}

function checkDeclaredTotal(entries: readonly ZipEntry[], limits: ZipLimits): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new ZipLimitError('declared_size', `archive declares ${total} uncompressed bytes`);
  }
}

function inflateEntry(entry: ZipEntry, compressed: Buffer): Buffer {
  if (entry.method === 0) {
    if (compressed.length !== entry.uncompressedSize) {
      throw new ZipFormatError('corrupt', `stored entry ${entry.name} has inconsistent sizes`);
    }
    return compressed;
  }
  if (entry.method !== 8) {
    throw new ZipFormatError(
      'unsupported_method',
      `entry ${entry.name} uses method ${entry.method}`,
    );
  }
  let data: Buffer;
  try {
    // Never inflate past what the header declared: the declared sizes already passed the budget.
    data = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (isOutputTooLarge(error)) {
      throw new ZipLimitError('zip_bomb', `entry ${entry.name} inflates past its declared size`);
    }
    throw new ZipFormatError('corrupt', `entry ${entry.name} is not valid deflate data`);
  }
  if (data.length !== entry.uncompressedSize) {
    throw new ZipFormatError('corrupt', `entry ${entry.name} has a wrong declared size`);
  }
  return data;
}

// Checked by code, not `instanceof`: zlib's errors may come from another realm (Jest's sandbox).
function isOutputTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}
