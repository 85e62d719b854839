import { Controller, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CommonErrors, decodeTextUpload, DryRunQueryDto, Idempotent } from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { AssetImportService } from './asset-import.service';
import { AssetImportReportDto } from './dto/asset-import-report.dto';

const JSONL_MAX_BYTES = 100 * 1024 * 1024;

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets/import')
export class AssetImportController {
  constructor(private readonly importer: AssetImportService) {}

  @Post()
  @HttpCode(200)
  @RequirePermission(Permission.AssetImport)
  // Above FileInterceptor, so it runs after the file is read and the file is part of the fingerprint.
  @Idempotent()
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: JSONL_MAX_BYTES, files: 1, fields: 2, parts: 3 },
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description:
            'JSON Lines: { externalId, type, title, summary?, body?, sections?, tags?, opdCode, visibility, publishedAt?, authorNips? }',
        },
      },
    },
  })
  @ApiOperation({
    summary: 'Import existing knowledge as published assets (admins), idempotent by externalId',
  })
  @ApiOkResponse({ type: AssetImportReportDto })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DryRunQueryDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<AssetImportReportDto> {
    if (!file) throw CommonErrors.validation([{ field: 'file', problems: ['required'] }]);
    return this.importer.import(
      principal,
      decodeTextUpload(file.buffer, 'jsonl'),
      query.dryRun ?? false,
    );
  }
}
