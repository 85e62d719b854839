import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Why a PDF yielded no text. */
export type PdfFailure = 'encrypted' | 'corrupt' | 'resource_limit' | 'aborted' | 'pdf_error';

/** Thrown by {@link extractPdfText} with a stable failure code. */
export class PdfTextError extends Error {
  override readonly name = 'PdfTextError';
  constructor(
    readonly code: PdfFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Options for {@link extractPdfText}. */
export interface PdfTextOptions {
  maxChars: number;
  /** Aborting terminates the worker at once, whatever pdf.js is doing. */
  signal: AbortSignal;
  /** Heap cap for the worker, so a hostile PDF cannot exhaust the process. */
  maxHeapMb?: number;
}

// pdfjs-dist is ESM-only. The worker runs outside any module transform (swc's CommonJS output
// turns `import()` into `require()`, which Jest cannot do for ESM), so this `import()` stays a
// real one in the compiled app and under Jest alike. It is plain JavaScript on purpose.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');

async function extract() {
  const pdfjs = await import(workerData.pdfjsUrl);
  const file = await readFile(workerData.path);
  const task = pdfjs.getDocument({
    data: new Uint8Array(file.buffer, file.byteOffset, file.byteLength),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const parts = [];
    let length = 0;
    for (let number = 1; number <= doc.numPages && length < workerData.maxChars; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        const piece = item.hasEOL ? item.str + '\\n' : item.str;
        parts.push(piece);
        length += piece.length;
      }
      parts.push('\\n');
      length += 1;
      page.cleanup();
    }
    return parts.join('');
  } finally {
    await task.destroy();
  }
}

extract().then(
  (text) => parentPort.postMessage({ ok: true, text }),
  (error) => parentPort.postMessage({ ok: false, name: String(error && error.name) }),
);
`;

/**
 * Extracts the text of every page of the PDF at `path` with pdf.js, in a worker thread that is
 * terminated on abort. Scripting and eval are never enabled; fonts are not loaded.
 * @returns the page texts (each page ending in a newline); the worker stops reading pages once
 *   `maxChars` is reached, so the result may run past it by part of a page.
 * @throws PdfTextError with the failure code.
 */
export function extractPdfText(path: string, options: PdfTextOptions): Promise<string> {
  const { signal, maxChars, maxHeapMb = 512 } = options;
  if (signal.aborted) return Promise.reject(new PdfTextError('aborted', 'aborted before start'));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, maxChars, pdfjsUrl: pdfjsUrl() },
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    // pdf.js reports damaged files on the console; the outcome is reported as a code instead.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return settle(worker, signal);
}

function settle(worker: Worker, signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      signal.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      // A late 'error' with no listener would crash the process; the outcome is already decided.
      worker.on('error', () => undefined);
      void worker.terminate();
      outcome();
    };
    const onAbort = () =>
      finish(() => reject(new PdfTextError('aborted', 'PDF extraction aborted')));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (message: unknown) => finish(() => deliver(message, resolve, reject)));
    worker.once('error', (error: Error) => finish(() => reject(workerFailure(error))));
    worker.once('exit', () =>
      finish(() => reject(new PdfTextError('pdf_error', 'PDF worker exited early'))),
    );
  });
}

function deliver(
  message: unknown,
  resolve: (text: string) => void,
  reject: (error: PdfTextError) => void,
): void {
  const reply = message as { ok?: unknown; text?: unknown; name?: unknown };
  if (reply.ok === true && typeof reply.text === 'string') return resolve(reply.text);
  reject(new PdfTextError(failureOf(String(reply.name)), `pdf.js failed: ${String(reply.name)}`));
}

/** Maps pdf.js exception names to our codes. */
function failureOf(name: string): PdfFailure {
  if (name === 'PasswordException') return 'encrypted';
  if (['InvalidPDFException', 'FormatError', 'MissingPDFException'].includes(name))
    return 'corrupt';
  return 'pdf_error';
}

function workerFailure(error: Error): PdfTextError {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? new PdfTextError('resource_limit', 'PDF worker ran out of memory')
    : new PdfTextError('pdf_error', `PDF worker failed: ${error.message}`);
}

/** Resolved lazily so that merely importing this module never touches pdfjs-dist. */
function pdfjsUrl(): string {
  return pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
}
