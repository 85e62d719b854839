import { AppError } from '@lumbung/platform';

export const AttachmentErrors = {
  unsupportedType: (name: string): AppError =>
    new AppError(
      'UNSUPPORTED_FILE_TYPE',
      415,
      {
        id: 'Jenis berkas tidak diizinkan (PDF, DOCX, XLSX, PPTX, PNG, JPG, TXT/MD/CSV, MP4).',
        en: 'File type not allowed (PDF, DOCX, XLSX, PPTX, PNG, JPG, TXT/MD/CSV, MP4).',
      },
      { name },
    ),
  extensionMismatch: (name: string, detected: string): AppError =>
    new AppError(
      'FILE_EXTENSION_MISMATCH',
      415,
      {
        id: 'Ekstensi nama berkas tidak sesuai dengan isinya.',
        en: 'The file name extension does not match its content.',
      },
      { name, detected },
    ),
  infected: (name: string): AppError =>
    new AppError(
      'FILE_INFECTED',
      422,
      {
        id: 'Berkas terdeteksi mengandung virus dan ditolak.',
        en: 'The file contains a virus and was refused.',
      },
      { name },
    ),
};
