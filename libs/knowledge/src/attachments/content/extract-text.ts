import { readFile, stat } from 'node:fs/promises';
import { ExtractionAbortedError, extractOfficeText, OfficePartMissingError } from './office-text';
import { extractPdfText, PdfTextError } from './pdf-text';
import { type AttachmentKind } from './sniff';
import { TextSink, truncateChars } from './text-sink';
import { XmlDtdError, XmlFormatError } from './xml-text';
import { DEFAULT_ZIP_LIMITS, withZip, ZipFormatError, ZipLimitError } from './zip';

/** Budgets for one extraction; every one of them is enforced, none is advisory. */
export interface ExtractLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxEntries: number;
  maxTextChars: number;
  timeoutMs: number;
}

/** 50 MB files, 200 MB inflated, 5,000 ZIP entries, 2,000,000 characters, 30 s. */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 5_000,
  maxTextChars: 2_000_000,
  timeoutMs: 30_000,
};

/** Outcome of {@link extractText}; `reason` is one of {@link UnreadableReason}. */
export type ExtractResult =
  | { status: 'extracted'; text: string }
  | { status: 'unreadable'; reason: string }
  | { status: 'not_applicable' };

/** Stable reason codes for an `unreadable` result. */
export type UnreadableReason =
  | 'too_large'
  | 'zip_bomb'
  | 'too_many_entries'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported'
  | 'xml_dtd'
  | 'invalid_utf8'
  | 'resource_limit'
  | 'timeout';

const NO_TEXT: ReadonlySet<AttachmentKind> = new Set(['png', 'jpeg', 'mp4']);

/**
 * Extracts searchable text from an attachment whose kind was sniffed beforehand. Damaged or
 * hostile files resolve to `unreadable` with a reason, never an exception; the promise rejects
 * only when the file cannot be read at all (missing, permissions), which a job may retry.
 * The whole extraction is bounded by `limits.timeoutMs`; PDFs are parsed in a worker thread
 * that is terminated at the deadline.
 */
export async function extractText(
  path: string,
  kind: AttachmentKind,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<ExtractResult> {
  if (NO_TEXT.has(kind)) return { status: 'not_applicable' };
  const { size } = await stat(path);
  if (size > limits.maxFileBytes) return unreadable('too_large');
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ExtractResult>((resolve) => {
    timer = setTimeout(() => resolve(unreadable('timeout')), limits.timeoutMs);
  });
  try {
    return await Promise.race([extractKind(path, kind, limits, controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    // Stops whatever is still running once the race is decided (the PDF worker, further parts).
    controller.abort();
  }
}

async function extractKind(
  path: string,
  kind: AttachmentKind,
  limits: ExtractLimits,
  signal: AbortSignal,
): Promise<ExtractResult> {
  try {
    const text = await extractByKind(path, kind, limits, signal);
    return { status: 'extracted', text };
  } catch (error) {
    // File-system failures are the environment's, not the content's: let the caller retry.
    if (isSystemError(error)) throw error;
    return unreadable(reasonFor(error));
  }
}

async function extractByKind(
  path: string,
  kind: AttachmentKind,
  limits: ExtractLimits,
  signal: AbortSignal,
): Promise<string> {
  const sink = new TextSink(limits.maxTextChars);
  switch (kind) {
    case 'text':
      return decodeText(await readFile(path), limits.maxTextChars);
    case 'pdf':
      sink.push(await extractPdfText(path, { maxChars: limits.maxTextChars, signal }));
      return sink.toString();
    case 'docx':
    case 'xlsx':
    case 'pptx': {
      const zipLimits = {
        ...DEFAULT_ZIP_LIMITS,
        maxEntries: limits.maxEntries,
        maxUncompressedBytes: limits.maxUncompressedBytes,
      };
      await withZip(path, zipLimits, (zip) => extractOfficeText(zip, kind, sink, signal));
      return sink.toString();
    }
    case 'png':
    case 'jpeg':
    case 'mp4':
      throw new Error(`no text in ${kind}`);
  }
}

class InvalidUtf8Error extends Error {}

/** UTF-8 without the BOM (TextDecoder drops it), cut to the character budget. */
function decodeText(bytes: Buffer, maxChars: number): string {
  try {
    return truncateChars(new TextDecoder('utf-8', { fatal: true }).decode(bytes), maxChars);
  } catch {
    throw new InvalidUtf8Error('file is not valid UTF-8');
  }
}

// Duck-typed: Node's errors may come from another realm (Jest's sandbox), defeating instanceof.
function isSystemError(error: unknown): boolean {
  return typeof (error as { syscall?: unknown } | null)?.syscall === 'string';
}

/** Maps the errors of hostile or damaged content to a reason; any other parser error is 'corrupt'. */
function reasonFor(error: unknown): UnreadableReason {
  if (error instanceof ZipLimitError) {
    return error.code === 'too_many_entries' ? 'too_many_entries' : 'zip_bomb';
  }
  if (error instanceof ZipFormatError) return zipFormatReason(error);
  if (error instanceof XmlDtdError) return 'xml_dtd';
  if (error instanceof XmlFormatError || error instanceof OfficePartMissingError) return 'corrupt';
  if (error instanceof InvalidUtf8Error) return 'invalid_utf8';
  if (error instanceof ExtractionAbortedError) return 'timeout';
  if (error instanceof PdfTextError) return pdfReason(error);
  return 'corrupt';
}

function zipFormatReason(error: ZipFormatError): UnreadableReason {
  if (error.code === 'encrypted') return 'encrypted';
  if (error.code === 'zip64' || error.code === 'multi_disk') return 'unsupported';
  if (error.code === 'unsupported_method') return 'unsupported';
  return 'corrupt';
}

function pdfReason(error: PdfTextError): UnreadableReason {
  switch (error.code) {
    case 'encrypted':
      return 'encrypted';
    case 'resource_limit':
      return 'resource_limit';
    case 'aborted':
      return 'timeout';
    case 'corrupt':
    case 'pdf_error':
      return 'corrupt';
  }
}

function unreadable(reason: UnreadableReason): ExtractResult {
  return { status: 'unreadable', reason };
}
