import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { MAX_FILES_PER_UPLOAD } from './upload-receiver';

/** OpenAPI for every route that takes files through the safe upload pipeline (field `files`). */
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
  );
