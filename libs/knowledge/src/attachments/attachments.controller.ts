import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BlobStorage } from '@lumbung/platform';
import {
  CurrentPrincipal,
  Permission,
  Principal,
  Public,
  RequirePermission,
} from '@lumbung/identity';
import { AttachmentSummaryDto } from '../assets/dto/asset-response.dto';
import { AttachmentsService } from './attachments.service';
import { AttachmentViewService } from './attachment-view.service';
import { contentDisposition } from './display-name';
import { ApiFilesUpload } from './files-upload.decorator';
import { AssetUsageRecorder } from '../usage/asset-usage.recorder';

@ApiTags('attachments')
@ApiBearerAuth()
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
  @ApiProduces('application/octet-stream')
  @ApiOperation({
    summary: 'Download a file, under its asset’s access rules (always as an attachment)',
  })
  @ApiOkResponse({ description: 'The file bytes with the stored (sniffed) type' })
  async download(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { file: row, asset } = await this.attachments.readable(principal, id);
    const { stream, size } = await this.storage.open(row.storage_key);
    try {
      if (asset) await this.usage.recordRead('download', principal, req, asset, row.id);
    } catch (err) {
      stream.destroy();
      throw err;
    }
    res.status(200);
    res.setHeader('Content-Type', row.mime);
    res.setHeader('Content-Length', String(size));
    res.setHeader('Content-Disposition', contentDisposition(row.display_name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${row.sha256}"`);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @RequirePermission(Permission.AssetContribute)
  @ApiOperation({ summary: 'Remove a file (authors; verifiers of the OPD on published assets)' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.attachments.remove(principal, id);
  }
}
