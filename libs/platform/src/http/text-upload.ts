import { CommonErrors } from './app-error';

/**
 * Decodes an uploaded text file (CSV, JSON Lines) as strict UTF-8, BOM removed. Binary or
 * mis-encoded files are refused with 400 naming the `file` field.
 */
export function decodeTextUpload(buffer: Buffer, kind: 'csv' | 'jsonl'): string {
  if (buffer.length === 0 || buffer.includes(0)) {
    throw CommonErrors.validation([{ field: 'file', problems: [`${kind}_not_text`] }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw CommonErrors.validation([{ field: 'file', problems: [`${kind}_not_utf8`] }]);
  }
}
