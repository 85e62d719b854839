import { CommonErrors } from '@lumbung/platform';

/** Decodes an uploaded CSV as strict UTF-8 text; binary or mis-encoded files are refused. */
export function decodeCsvUpload(buffer: Buffer): string {
  if (buffer.length === 0 || buffer.includes(0)) {
    throw CommonErrors.validation([{ field: 'file', problems: ['csv_not_text'] }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw CommonErrors.validation([{ field: 'file', problems: ['csv_not_utf8'] }]);
  }
}
