import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ApiErrors } from '@lumbung/platform';
import { MAX_FILES_PER_UPLOAD } from './upload-receiver';

/**
 * OpenAPI for every route that takes files through the safe upload pipeline (field `files`):
 * the body and the pipeline's own errors.
 */
export const ApiFilesUpload = (): MethodDecorator =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['files'],
        properties: {
          files: {
            type: 'array',
            maxItems: MAX_FILES_PER_UPLOAD,
            items: { type: 'string', format: 'binary' },
            description:
              'PDF, DOCX, XLSX, PPTX, PNG, JPG, TXT/MD/CSV or MP4; type decided by content',
          },
        },
      },
    }),
    ApiErrors({
      400:
        'VALIDATION_FAILED (files required); TOO_MANY_FILES; UNEXPECTED_FIELD; UPLOAD_LIMIT; ' +
        'MALFORMED_MULTIPART',
      403: 'FORBIDDEN: may not attach here',
      409: 'INVALID_TRANSITION: archived',
      413: 'FILE_TOO_LARGE (details.maxBytes)',
      415: 'MULTIPART_REQUIRED; UNSUPPORTED_FILE_TYPE; FILE_EXTENSION_MISMATCH',
      422: 'FILE_INFECTED: refused by the virus scanner',
      503: 'UPLOADS_BUSY: too many uploads at once in this process (UPLOAD_CONCURRENCY reading, UPLOAD_QUEUE waiting); nothing was kept; retry after Retry-After seconds',
      507: 'STORAGE_FULL: the file store is out of space; nothing of the upload was kept',
    }),
  );
