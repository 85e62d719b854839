import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { ApiErrors, ApiUuidParams, BlobStorage, Idempotent } from '@lumbung/platform';
import {
  CurrentPrincipal,
  Permission,
  Principal,
  Public,
  RequirePermission,
} from '@lumbung/identity';
import { AttachmentSummaryDto } from '../assets/dto/attachment-summary.dto';
import { AttachmentsService } from './attachments.service';
import { AttachmentViewService } from './attachment-view.service';
import { MIME_TYPES } from './content/sniff';
import { contentDisposition } from './display-name';
import { ApiFilesUpload } from './files-upload.decorator';
import { AssetUsageRecorder } from '../usage/asset-usage.recorder';

/** Every type a download may have: the stored (sniffed) type of the file. */
const DOWNLOAD_TYPES = Object.fromEntries(
  Object.values(MIME_TYPES).map((mime) => [
    mime.split(';')[0],
    { schema: { type: 'string', format: 'binary' } },
  ]),
);

@ApiTags('attachments')
@ApiBearerAuth()
@ApiUuidParams()
@Controller()
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly view: AttachmentViewService,
    private readonly storage: BlobStorage,
    private readonly usage: AssetUsageRecorder,
  ) {}

  @Post('assets/:id/attachments')
  @RequirePermission(Permission.AssetContribute)
  @Idempotent()
  @ApiFilesUpload()
  @ApiOperation({
    summary: 'Attach up to 10 files (authors; verifiers of the OPD on published assets)',
  })
  @ApiCreatedResponse({ type: [AttachmentSummaryDto] })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttachmentSummaryDto[]> {
    return this.view.byIds(await this.attachments.upload(principal, id, req, res));
  }

  @Get('attachments/:id')
  @Public()
  @ApiOperation({
    summary: 'Download a file, under its asset’s access rules (always as an attachment)',
  })
  @ApiOkResponse({
    description:
      'The file bytes with the stored (sniffed) type, as Content-Disposition: attachment',
    content: DOWNLOAD_TYPES,
  })
  @ApiErrors({ 429: 'RATE_LIMITED: more downloads per minute than USAGE_EVENTS_PER_MINUTE' })
  async download(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { file: row, asset } = await this.attachments.readable(principal, id);
    const { stream, size } = await this.storage.open(row.storageKey);
    try {
      if (asset) await this.usage.recordRead('download', principal, req, asset, row.id);
    } catch (err) {
      stream.destroy();
      throw err;
    }
    res.status(200);
    res.setHeader('Content-Type', row.mime);
    res.setHeader('Content-Length', String(size));
    res.setHeader('Content-Disposition', contentDisposition(row.displayName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${row.sha256}"`);
    // pipeline destroys both ends when either fails or the client goes away, so a remote
    // store's connection is released instead of idling until it times out.
    pipeline(stream, res).catch(() => undefined);
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @RequirePermission(Permission.AssetContribute)
  @ApiOperation({ summary: 'Remove a file (authors; verifiers of the OPD on published assets)' })
  @ApiErrors({
    403: 'FORBIDDEN: may not edit its asset or meeting',
    409: 'INVALID_TRANSITION: archived',
  })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.attachments.remove(principal, id);
  }
}
