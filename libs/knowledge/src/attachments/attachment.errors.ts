import { AppError, CommonErrors } from '@lumbung/platform';
import { KnowledgeErrorCode } from '../error-codes';

export const AttachmentErrors = {
  unsupportedType: (name: string): AppError =>
    new AppError(
      KnowledgeErrorCode.UNSUPPORTED_FILE_TYPE,
      415,
      {
        id: 'Jenis berkas tidak diizinkan (PDF, DOCX, XLSX, PPTX, PNG, JPG, TXT/MD/CSV, MP4).',
        en: 'File type not allowed (PDF, DOCX, XLSX, PPTX, PNG, JPG, TXT/MD/CSV, MP4).',
      },
      { name },
    ),
  extensionMismatch: (name: string, detected: string): AppError =>
    new AppError(
      KnowledgeErrorCode.FILE_EXTENSION_MISMATCH,
      415,
      {
        id: 'Ekstensi nama berkas tidak sesuai dengan isinya.',
        en: 'The file name extension does not match its content.',
      },
      { name, detected },
    ),
  /** Every body slot busy and the line full (or waited out): nothing was read or kept. */
  busy: (retryAfterSeconds: number): AppError =>
    new AppError(
      KnowledgeErrorCode.UPLOADS_BUSY,
      503,
      {
        id: 'Server sedang menerima banyak unggahan sekaligus. Berkas belum disimpan; coba lagi beberapa detik lagi.',
        en: 'The server is receiving many uploads at once. The file was not stored; try again in a few seconds.',
      },
      { retryAfterSeconds },
    ),
  tooLarge: (maxBytes: number): AppError =>
    new AppError(
      KnowledgeErrorCode.FILE_TOO_LARGE,
      413,
      { id: 'Berkas melebihi batas ukuran.', en: 'A file is larger than allowed.' },
      { maxBytes },
    ),
  tooManyFiles: (maxFiles: number): AppError =>
    CommonErrors.badRequest(
      KnowledgeErrorCode.TOO_MANY_FILES,
      { id: 'Terlalu banyak berkas dalam satu unggahan.', en: 'Too many files in one upload.' },
      [
        {
          field: 'files',
          problems: ['too_many'],
          messages: [`Paling banyak ${maxFiles} berkas dalam satu unggahan.`],
          details: { maxFiles },
        },
      ],
    ),
  unexpectedField: (): AppError =>
    CommonErrors.badRequest(KnowledgeErrorCode.UNEXPECTED_FIELD, {
      id: 'Berkas harus dikirim pada field "files".',
      en: 'Send files in the "files" field.',
    }),
  uploadLimit: (): AppError =>
    CommonErrors.badRequest(KnowledgeErrorCode.UPLOAD_LIMIT, {
      id: 'Unggahan melanggar batas yang diizinkan.',
      en: 'The upload breaks a limit.',
    }),
  malformedMultipart: (): AppError =>
    CommonErrors.badRequest(KnowledgeErrorCode.MALFORMED_MULTIPART, {
      id: 'Format unggahan tidak valid.',
      en: 'The multipart body is malformed.',
    }),
  multipartRequired: (): AppError =>
    new AppError(KnowledgeErrorCode.MULTIPART_REQUIRED, 415, {
      id: 'Kirim berkas sebagai multipart/form-data.',
      en: 'Send files as multipart/form-data.',
    }),
  infected: (name: string): AppError =>
    new AppError(
      KnowledgeErrorCode.FILE_INFECTED,
      422,
      {
        id: 'Berkas terdeteksi mengandung virus dan ditolak.',
        en: 'The file contains a virus and was refused.',
      },
      { name },
    ),
};
