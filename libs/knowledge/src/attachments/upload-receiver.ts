import { rm } from 'node:fs/promises';
import type { Request, Response } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import {
  AppError,
  type BlobStorage,
  CommonErrors,
  isStorageFull,
  writeHashing,
} from '@lumbung/platform';
import { AttachmentErrors } from './attachment.errors';

export const MAX_FILES_PER_UPLOAD = 10;

export interface ReceivedFile {
  /** Temp path on the store's filesystem; the caller adopts or removes it. */
  path: string;
  size: number;
  sha256: string;
  originalName: string;
}

/**
 * Streams each file part to a temp file, hashing (SHA-256) and counting as it goes, so nothing
 * is held in memory. Partial files are removed on any error (client abort, size limit).
 */
class HashingDiskEngine implements StorageEngine {
  constructor(private readonly storage: BlobStorage) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    cb: (error?: unknown, info?: Partial<Express.Multer.File> & { sha256?: string }) => void,
  ): void {
    void this.write(file).then(
      (info) => cb(null, info),
      (error: unknown) => cb(error),
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => cb(null),
      (error: Error) => cb(error),
    );
  }

  private async write(
    file: Express.Multer.File,
  ): Promise<{ path: string; size: number; sha256: string }> {
    const path = await this.storage.tempPath();
    return { path, ...(await writeHashing(file.stream, path, { exclusive: true })) };
  }
}

/** Maps multer/busboy failures to stable codes; nothing of the upload is kept. */
function mapUploadError(error: unknown, maxBytes: number): AppError {
  if (error instanceof AppError) return error;
  // The temp file was removed when its write failed; nothing of the upload is kept.
  if (isStorageFull(error)) return CommonErrors.storageFull();
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return AttachmentErrors.tooLarge(maxBytes);
      case 'LIMIT_FILE_COUNT':
        return AttachmentErrors.tooManyFiles(MAX_FILES_PER_UPLOAD);
      case 'LIMIT_UNEXPECTED_FILE':
        return AttachmentErrors.unexpectedField();
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
      case 'LIMIT_FIELD_COUNT':
      case 'MISSING_FIELD_NAME':
      default:
        return AttachmentErrors.uploadLimit();
    }
  }
  return AttachmentErrors.malformedMultipart();
}

/**
 * Receives up to MAX_FILES_PER_UPLOAD files from the multipart field `files`, with every multer
 * limit set (size, files, fields, parts, header pairs, field name size, nesting depth).
 */
export function receiveFiles(
  req: Request,
  res: Response,
  storage: BlobStorage,
  maxBytes: number,
): Promise<ReceivedFile[]> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(AttachmentErrors.multipartRequired());
  }
  const limits = {
    fileSize: maxBytes,
    files: MAX_FILES_PER_UPLOAD,
    fields: 5,
    parts: MAX_FILES_PER_UPLOAD + 5,
    headerPairs: 20,
    fieldNameSize: 50,
    fieldSize: 1024,
    fieldNestingDepth: 1,
  } as multer.Options['limits'];
  const handler = multer({ storage: new HashingDiskEngine(storage), limits }).array(
    'files',
    MAX_FILES_PER_UPLOAD,
  );
  return new Promise((resolve, reject) => {
    handler(req, res, (error: unknown) => {
      if (error) return reject(mapUploadError(error, maxBytes));
      const files = (req.files ?? []) as (Express.Multer.File & { sha256: string })[];
      if (files.length === 0) {
        return reject(CommonErrors.validation([{ field: 'files', problems: ['required'] }]));
      }
      resolve(
        files.map((f) => ({
          path: f.path,
          size: f.size,
          sha256: f.sha256,
          originalName: f.originalname,
        })),
      );
    });
  });
}

/** Best-effort removal of temp files after a refused upload. */
export async function discard(files: readonly { path: string }[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
}
