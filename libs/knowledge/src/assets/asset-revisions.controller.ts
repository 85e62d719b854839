import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiUuidParams, IntParamPipe, PG_INTEGER_MAX } from '@lumbung/platform';
import {
  CurrentPrincipal,
  Permission,
  Principal,
  Public,
  RequirePermission,
} from '@lumbung/identity';
import { readerOf } from './asset-read.rule';
import { AssetRevisionsService } from './asset-revisions.service';
import { AssetViewService } from './asset-view.service';
import { AssetsService } from './assets.service';
import { AssetResponseDto } from './dto/asset-response.dto';
import { PendingRevisionPageDto } from './dto/pending-revision-page.dto';
import { PendingRevisionsQueryDto } from './dto/pending-revisions-query.dto';
import { RevisionDiffDto } from './dto/revision-diff.dto';
import { RejectAssetDto } from './dto/reject-asset.dto';
import { TransitionCommentDto } from './dto/transition-comment.dto';
import { ApiRevisionParam } from './revision-param';

/** What a review of a pending revision can be refused with. */
const REVIEW_ERRORS = {
  403: 'FORBIDDEN: not a verifier of the OPD; SELF_REVIEW_FORBIDDEN: an author of the asset',
  409: 'REVISION_NOT_PENDING (details.status); REVISION_OUTDATED (details.publishedRevision); INVALID_TRANSITION: archived',
};

/** The review of authors' edits of published assets (issue #16). */
@ApiTags('assets')
@ApiBearerAuth()
@Controller()
export class AssetRevisionsController {
  constructor(
    private readonly assets: AssetsService,
    private readonly revisions: AssetRevisionsService,
    private readonly view: AssetViewService,
  ) {}

  @Get('review/revisions')
  @RequirePermission(Permission.AssetVerify)
  @ApiOperation({
    summary:
      'Authors’ edits of published assets waiting for a verifier (pending revisions) in the OPDs the caller verifies, the oldest first; GET /review/queue lists new submissions',
  })
  @ApiOkResponse({ type: PendingRevisionPageDto })
  pending(
    @CurrentPrincipal() p: Principal,
    @Query() q: PendingRevisionsQueryDto,
  ): Promise<PendingRevisionPageDto> {
    return this.revisions.pending(p, q);
  }

  @Get('assets/:id/revisions/:n/diff')
  @Public()
  @ApiOperation({
    summary:
      'What revision n changes, section by section, against the published revision it replaces (pending) or was written against',
  })
  @ApiUuidParams()
  @ApiRevisionParam()
  @ApiOkResponse({ type: RevisionDiffDto })
  async diff(
    @CurrentPrincipal() p: Principal | undefined,
    @Param('id') id: string,
    @Param('n', new IntParamPipe(1, PG_INTEGER_MAX)) n: number,
  ): Promise<RevisionDiffDto> {
    const asset = await this.assets.get(p, id);
    return this.revisions.diff(readerOf(p), asset, n);
  }

  @Post('assets/:id/revisions/:n/approve')
  @HttpCode(200)
  @RequirePermission(Permission.AssetVerify)
  @ApiOperation({
    summary:
      'Publish an author’s pending edit (a verifier of the OPD who is not an author): readers and search get it',
  })
  @ApiUuidParams()
  @ApiRevisionParam()
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({
    ...REVIEW_ERRORS,
    422: 'ASSET_INCOMPLETE: the edit leaves a required part empty (details.missing)',
  })
  async approve(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('n', new IntParamPipe(1, PG_INTEGER_MAX)) n: number,
    @Body() dto: TransitionCommentDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(await this.revisions.approve(p, id, n, dto.comment), readerOf(p));
  }

  @Post('assets/:id/revisions/:n/reject')
  @HttpCode(200)
  @RequirePermission(Permission.AssetVerify)
  @ApiOperation({
    summary:
      'Refuse an author’s pending edit with a comment for the authors (a verifier of the OPD); readers never see it',
  })
  @ApiUuidParams()
  @ApiRevisionParam()
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors(REVIEW_ERRORS)
  async reject(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('n', new IntParamPipe(1, PG_INTEGER_MAX)) n: number,
    @Body() dto: RejectAssetDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(await this.revisions.reject(p, id, n, dto.comment), readerOf(p));
  }
}
