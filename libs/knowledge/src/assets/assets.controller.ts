import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  ApiErrors,
  ApiUuidParams,
  Idempotent,
  IntParamPipe,
  PG_INTEGER_MAX,
} from '@lumbung/platform';
import {
  CurrentPrincipal,
  Permission,
  Principal,
  Public,
  RequirePermission,
} from '@lumbung/identity';
import { AssetUsageRecorder } from '../usage/asset-usage.recorder';
import { readerOf } from './asset-read.rule';
import { AssetViewService } from './asset-view.service';
import { AssetRevisionsService } from './asset-revisions.service';
import { AssetsService } from './assets.service';
import { AssetPageDto } from './dto/asset-page.dto';
import { AssetResponseDto } from './dto/asset-response.dto';
import { RevisionSummaryDto } from './dto/revision-summary.dto';
import { RevisionDto } from './dto/revision.dto';
import { CreateAssetDto } from './dto/create-asset.dto';
import { ListAssetsQueryDto } from './dto/list-assets-query.dto';
import { SetAuthorsDto } from './dto/set-authors.dto';
import { UpdateAssetDto } from './dto/update-asset.dto';
import { ApiRevisionParam } from './revision-param';

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets')
export class AssetsController {
  constructor(
    private readonly assets: AssetsService,
    private readonly view: AssetViewService,
    private readonly revisionsService: AssetRevisionsService,
    private readonly usage: AssetUsageRecorder,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Assets the caller may read (published by default; mine=true: own, any status)',
  })
  @ApiOkResponse({ type: AssetPageDto })
  async list(
    @CurrentPrincipal() principal: Principal | undefined,
    @Query() query: ListAssetsQueryDto,
  ): Promise<AssetPageDto> {
    const page = await this.assets.list(principal, query);
    return { ...page, items: await this.view.summaries(page.items) };
  }

  @Post()
  @RequirePermission(Permission.AssetContribute)
  @Idempotent()
  @ApiOperation({ summary: 'Create a draft asset (the caller becomes an author)' })
  @ApiCreatedResponse({ type: AssetResponseDto })
  @ApiErrors({ 403: 'FORBIDDEN: opdCode of another OPD (admins may choose)' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateAssetDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(await this.assets.create(principal, dto), readerOf(principal));
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary:
      'One asset with completeness, transitions and attachments (404 if not readable); a read of a published asset is a `view` event',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({ 429: 'RATE_LIMITED: more reads per minute than USAGE_EVENTS_PER_MINUTE' })
  async get(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<AssetResponseDto> {
    const { asset, extras } = await this.assets.getForReading(principal, id);
    // The view is recorded while the response is built (a failure of either fails the request).
    const [detail] = await Promise.all([
      this.view.detail(asset, readerOf(principal), extras),
      this.usage.recordRead('view', principal, req, asset),
    ]);
    return detail;
  }

  @Patch(':id')
  @RequirePermission(Permission.AssetContribute)
  @ApiOperation({
    summary:
      'Edit content (authors; verifiers of the OPD on published assets). On a published asset an author’s edit becomes its pending revision (proposedRevision; readers keep the published one); a verifier’s own edit is published as a new revision',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({
    403: 'FORBIDDEN: not an author (or a verifier of the OPD, once published)',
    409: 'VERSION_CONFLICT (details.currentVersion); INVALID_TRANSITION: archived; REVISION_PENDING: a verifier’s edit while an author’s edit waits (details.pendingRevision)',
    422: 'ASSET_INCOMPLETE: an edit of a published asset empties a required part (details.missing)',
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: UpdateAssetDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(await this.assets.update(principal, id, dto), readerOf(principal));
  }

  @Put(':id/authors')
  @RequirePermission(Permission.AssetContribute)
  @ApiOperation({ summary: 'Set the authors (an author only; at least one)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({
    403: 'FORBIDDEN: not an author',
    409: 'INVALID_TRANSITION: archived',
  })
  async setAuthors(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: SetAuthorsDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(
      await this.assets.setAuthors(principal, id, dto.authorIds),
      readerOf(principal),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.AssetContribute)
  @ApiOperation({
    summary: 'Delete a draft or submitted asset (authors); a published one is archived instead',
  })
  @ApiUuidParams()
  @ApiErrors({ 403: 'FORBIDDEN: not an author', 409: 'INVALID_TRANSITION: already archived' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.assets.remove(principal, id);
  }

  @Get(':id/revisions')
  @Public()
  @ApiOperation({
    summary:
      'Revision history (newest first), for whoever can read the asset; its authors and the verifiers of its OPD also see pending and rejected edits',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: [RevisionSummaryDto] })
  async revisions(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
  ): Promise<RevisionSummaryDto[]> {
    const asset = await this.assets.get(principal, id);
    return this.view.revisionSummaries(
      await this.revisionsService.list(readerOf(principal), asset),
    );
  }

  @Get(':id/revisions/:n')
  @Public()
  @ApiOperation({
    summary: 'One revision (a pending or rejected one only for the authors and verifiers)',
  })
  @ApiUuidParams()
  @ApiRevisionParam()
  @ApiOkResponse({ type: RevisionDto })
  async revision(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
    @Param('n', new IntParamPipe(1, PG_INTEGER_MAX)) n: number,
  ): Promise<RevisionDto> {
    const asset = await this.assets.get(principal, id);
    return this.view.revision(await this.revisionsService.one(readerOf(principal), asset, n));
  }
}
