import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a test ZIP. Every field after `name` exists to let a spec forge a hostile file. */
export interface ZipFixtureEntry {
  name: string;
  data?: Buffer | string;
  /** 8 (deflate, default) or 0 (stored); other values are written as given. */
  method?: number;
  /** Raw deflate bytes to write instead of compressing `data`. */
  compressed?: Buffer;
  /** Declared uncompressed size; defaults to the real size (set it to lie). */
  uncompressedSize?: number;
  crc32?: number;
  flags?: number;
  extra?: Buffer;
}

/** Archive-level knobs for forging malformed files. */
export interface ZipFixtureOptions {
  comment?: string;
  /** Adds a ZIP64 end-of-central-directory locator before the end record. */
  zip64Locator?: boolean;
  /** Declared entry count in the end record; defaults to the real count. */
  declaredEntryCount?: number;
}

interface WrittenEntry {
  entry: ZipFixtureEntry;
  name: Buffer;
  method: number;
  payload: Buffer;
  size: number;
  crc: number;
  offset: number;
}

/** Builds a ZIP archive in memory (no ZIP64, no data descriptors), for tests only. */
export function buildZip(entries: ZipFixtureEntry[], options: ZipFixtureOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const written: WrittenEntry[] = [];
  let offset = 0;
  for (const entry of entries) {
    const item = prepare(entry, offset);
    const local = localHeader(item);
    parts.push(local, item.payload);
    offset += local.length + item.payload.length;
    written.push(item);
  }
  const directory = Buffer.concat(written.map(centralHeader));
  parts.push(directory);
  if (options.zip64Locator) parts.push(zip64Locator());
  parts.push(endRecord(options, written.length, directory.length, offset));
  return Buffer.concat(parts);
}

/**
 * Raw deflate data that inflates to `mebibytes` MiB of zeros, built by repeating one
 * sync-flushed block, so a 300 MiB bomb costs ~300 KB and a few milliseconds to make.
 */
export function zeroBombDeflate(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  // A final, empty fixed-Huffman block (BFINAL=1, BTYPE=01, end-of-block) closes the stream.
  const finalBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), finalBlock]);
}

function prepare(entry: ZipFixtureEntry, offset: number): WrittenEntry {
  const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
  const raw = data ?? Buffer.alloc(0);
  const method = entry.method ?? 8;
  const payload = entry.compressed ?? (method === 8 ? deflateRawSync(raw) : raw);
  return {
    entry,
    name: Buffer.from(entry.name, 'utf8'),
    method,
    payload,
    size: entry.uncompressedSize ?? raw.length,
    crc: entry.crc32 ?? crc32(raw),
    offset,
  };
}

function localHeader(item: WrittenEntry): Buffer {
  const extra = item.entry.extra ?? Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flagsOf(item), 6);
  header.writeUInt16LE(item.method, 8);
  header.writeUInt32LE(item.crc, 14);
  header.writeUInt32LE(item.payload.length, 18);
  header.writeUInt32LE(item.size, 22);
  header.writeUInt16LE(item.name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, item.name, extra]);
}

function centralHeader(item: WrittenEntry): Buffer {
  const extra = item.entry.extra ?? Buffer.alloc(0);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(flagsOf(item), 8);
  header.writeUInt16LE(item.method, 10);
  header.writeUInt32LE(item.crc, 16);
  header.writeUInt32LE(item.payload.length, 20);
  header.writeUInt32LE(item.size, 24);
  header.writeUInt16LE(item.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE(item.offset, 42);
  return Buffer.concat([header, item.name, extra]);
}

function flagsOf(item: WrittenEntry): number {
  // Bit 11 marks UTF-8 names, as real Office and zip tools write them.
  return item.entry.flags ?? 0x0800;
}

function zip64Locator(): Buffer {
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeUInt32LE(1, 16);
  return locator;
}

function endRecord(options: ZipFixtureOptions, count: number, size: number, offset: number) {
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const record = Buffer.alloc(22);
  const declared = options.declaredEntryCount ?? count;
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(declared, 8);
  record.writeUInt16LE(declared, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  record.writeUInt16LE(comment.length, 20);
  return Buffer.concat([record, comment]);
}
