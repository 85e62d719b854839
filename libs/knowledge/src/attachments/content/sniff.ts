import { open, type FileHandle } from 'node:fs/promises';
import { ZipArchive, ZipFormatError, ZipLimitError } from './zip';

/** The attachment types Lumbung accepts, decided from file content (never the name). */
export type AttachmentKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'png' | 'jpeg' | 'mp4' | 'text';

/** A sniffed kind and the MIME type to store and serve it with. */
export interface Sniffed {
  kind: AttachmentKind;
  mime: string;
}

/** Allowed extensions per kind (lower-case, no dot). */
export const EXTENSIONS: Record<AttachmentKind, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  mp4: ['mp4'],
  text: ['txt', 'md', 'csv'],
};

/** MIME type stored for each kind; the client's Content-Type is never used. */
export const MIME_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpeg: 'image/jpeg',
  mp4: 'video/mp4',
  text: 'text/plain; charset=utf-8',
};

const HEAD_BYTES = 64;
const TEXT_CHUNK_BYTES = 256 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP_LOCAL_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
// Video brands only: image brands (heic, mif1, avif) and QuickTime/3GPP share the box layout.
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'M4V ',
]);
const OFFICE_PARTS: ReadonlyArray<readonly [AttachmentKind, string]> = [
  ['docx', 'word/document.xml'],
  ['xlsx', 'xl/workbook.xml'],
  ['pptx', 'ppt/presentation.xml'],
];
// Sniffing only reads names, so it tolerates any non-ZIP64 directory; extraction enforces limits.
const SNIFF_ZIP_LIMITS = {
  maxEntries: 0xffff,
  maxUncompressedBytes: Number.MAX_SAFE_INTEGER,
  maxCentralDirectoryBytes: 16 * 1024 * 1024,
};
/**
 * Starts that make "text" markup or active content, refused outright so that nothing uploaded is
 * ever HTML, SVG, XML or PHP. Tags common at the top of Markdown (div, p, img) stay allowed: text
 * is always served as text/plain with nosniff.
 */
const MARKUP_START =
  /^(?:<!doctype|<html|<head|<body|<script|<iframe|<svg)(?:[\s>/]|$)|^<\?(?:xml|php)/i;
const LEADING_SPACE = /^[\t\n\f\r \ufeff]+/;

/**
 * Decides a file's type from its content only. Reads a small head, then at most the central
 * directory of a ZIP, or the whole file (in chunks) for the text check.
 * @returns undefined when the content is not one of the allowed types.
 */
export async function sniffFile(path: string): Promise<Sniffed | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return undefined;
    const head = await readHead(handle, Math.min(size, HEAD_BYTES));
    const kind = binaryKind(head, size) ?? (await containerOrTextKind(handle, head, path));
    return kind ? { kind, mime: MIME_TYPES[kind] } : undefined;
  } finally {
    await handle.close();
  }
}

/** True when the display file name's extension belongs to the sniffed kind. */
export function extensionMatches(kind: AttachmentKind, fileName: string): boolean {
  const extension = effectiveExtension(fileName);
  return extension !== undefined && EXTENSIONS[kind].includes(extension);
}

/**
 * The extension a user or operating system would see, after Unicode (NFKC) and percent-decoding,
 * lower-cased. undefined when the name is unsafe or has no usable extension: control, bidi or
 * zero-width characters, path separators, a trailing dot or space, or nothing before the dot.
 */
export function effectiveExtension(fileName: string): string | undefined {
  const name = percentDecode(fileName.normalize('NFKC'));
  if (name === undefined || hasUnsafeChar(name) || /[. ]$/.test(name)) return undefined;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]+$/.test(extension) ? extension : undefined;
}

/** C0/C1 controls, path separators, zero-width, bidirectional-control characters and BOM. */
function hasUnsafeChar(name: string): boolean {
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || char === '/' || char === '\\') return true;
    if ((code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e)) return true;
    if ((code >= 0x2066 && code <= 0x2069) || code === 0xfeff) return true;
  }
  return false;
}

/** Decodes percent-escapes up to twice, so double-encoded tricks are judged as decoded. */
function percentDecode(name: string): string | undefined {
  let current = name;
  for (let round = 0; round < 2 && /%[0-9a-f]{2}/i.test(current); round++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return undefined;
    }
  }
  return current;
}

async function readHead(handle: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

function binaryKind(head: Buffer, size: number): AttachmentKind | undefined {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  if (startsWith(head, JPEG_SIGNATURE)) return 'jpeg';
  if (isMp4(head, size)) return 'mp4';
  return undefined;
}

function startsWith(head: Buffer, signature: Buffer): boolean {
  return head.length >= signature.length && head.subarray(0, signature.length).equals(signature);
}

function isMp4(head: Buffer, size: number): boolean {
  if (head.length < 16 || head.subarray(4, 8).toString('latin1') !== 'ftyp') return false;
  const boxSize = head.readUInt32BE(0);
  // ftyp = size, type, major brand, minor version, then whole 4-byte compatible brands.
  const wellFormed = boxSize >= 16 && boxSize % 4 === 0 && boxSize <= size;
  return wellFormed && MP4_BRANDS.has(head.subarray(8, 12).toString('latin1'));
}

async function containerOrTextKind(
  handle: FileHandle,
  head: Buffer,
  path: string,
): Promise<AttachmentKind | undefined> {
  if (startsWith(head, ZIP_LOCAL_SIGNATURE)) return officeKind(path);
  return (await isSafeText(handle)) ? 'text' : undefined;
}

async function officeKind(path: string): Promise<AttachmentKind | undefined> {
  let names: Set<string>;
  try {
    const zip = await ZipArchive.open(path, SNIFF_ZIP_LIMITS);
    names = new Set(zip.entries.map((entry) => entry.name));
    await zip.close();
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof ZipLimitError) return undefined;
    throw error;
  }
  if (!names.has('[Content_Types].xml')) return undefined;
  // Macro-enabled documents (docm/xlsm/pptm) carry a VBA project; they are not an allowed type.
  if ([...names].some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return undefined;
  const matches = OFFICE_PARTS.filter(([, part]) => names.has(part));
  // A ZIP claiming two document types at once is ambiguous by construction: refuse it.
  return matches.length === 1 ? matches[0][0] : undefined;
}

/**
 * Control bytes that never occur in real text files (everything in C0 except tab, LF, FF, CR and
 * ESC): a binary renamed `.txt` fails here even when it happens to be valid UTF-8.
 */
// eslint-disable-next-line no-control-regex -- matching control bytes is the point
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/;

/** Whole file valid UTF-8 without binary controls, not markup and not a script (chunk by chunk). */
async function isSafeText(handle: FileHandle): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.alloc(TEXT_CHUNK_BYTES);
  let position = 0;
  let start = '';
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    const chunk = buffer.subarray(0, bytesRead);
    if (chunk.includes(0)) return false;
    let decoded: string;
    try {
      decoded = decoder.decode(chunk, { stream: bytesRead > 0 });
    } catch {
      return false;
    }
    if (BINARY_CONTROL.test(decoded)) return false;
    // Keep the first characters after leading whitespace; the decoder already dropped the BOM.
    if (start.length < HEAD_BYTES) start = (start + decoded).replace(LEADING_SPACE, '');
    if (bytesRead === 0) return !looksExecutable(start);
    position += bytesRead;
  }
}

function looksExecutable(start: string): boolean {
  return start.startsWith('#!') || MARKUP_START.test(start);
}
