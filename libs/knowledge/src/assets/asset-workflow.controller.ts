import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiUuidParams } from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { readerOf } from './asset-read.rule';
import { AssetViewService } from './asset-view.service';
import { AssetWorkflowService } from './asset-workflow.service';
import { AssetResponseDto } from './dto/asset-response.dto';
import { RejectAssetDto } from './dto/reject-asset.dto';
import { TransitionCommentDto } from './dto/transition-comment.dto';

@ApiTags('assets')
@ApiBearerAuth()
@ApiUuidParams()
@ApiErrors({ 409: 'INVALID_TRANSITION (details.status, details.action)' })
@Controller('assets/:id')
export class AssetWorkflowController {
  constructor(
    private readonly workflow: AssetWorkflowService,
    private readonly view: AssetViewService,
  ) {}

  @Post('submit')
  @HttpCode(200)
  @RequirePermission(Permission.AssetContribute)
  @ApiOperation({
    summary: 'Submit a draft for verification (an author; required sections filled)',
  })
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({
    403: 'FORBIDDEN: not an author',
    422: 'ASSET_INCOMPLETE (details.missing: [{ key, label, labelEn }], the empty required sections or attachment; the message names them by label)',
  })
  async submit(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: TransitionCommentDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(
      await this.workflow.transition(p, id, 'submit', dto.comment),
      readerOf(p),
    );
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission(Permission.AssetVerify)
  @ApiOperation({
    summary: 'Publish a submitted asset (a verifier of the owning OPD, not an author)',
  })
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({ 403: 'FORBIDDEN: not a verifier of the OPD; SELF_REVIEW_FORBIDDEN' })
  async approve(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: TransitionCommentDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(
      await this.workflow.transition(p, id, 'approve', dto.comment),
      readerOf(p),
    );
  }

  @Post('reject')
  @HttpCode(200)
  @RequirePermission(Permission.AssetVerify)
  @ApiOperation({
    summary: 'Send a submitted asset back to draft with a comment (a verifier of the OPD)',
  })
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({ 403: 'FORBIDDEN: not a verifier of the OPD; SELF_REVIEW_FORBIDDEN' })
  async reject(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: RejectAssetDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(
      await this.workflow.transition(p, id, 'reject', dto.comment),
      readerOf(p),
    );
  }

  @Post('archive')
  @HttpCode(200)
  @RequirePermission(Permission.AssetContribute)
  @ApiOperation({ summary: 'Archive a published asset (authors, verifiers of the OPD)' })
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({ 403: 'FORBIDDEN: neither an author nor a verifier of the OPD' })
  async archive(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: TransitionCommentDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(
      await this.workflow.transition(p, id, 'archive', dto.comment),
      readerOf(p),
    );
  }

  @Post('reverify')
  @HttpCode(200)
  @RequirePermission(Permission.AssetVerify)
  @ApiOperation({
    summary: 'Confirm a published asset is still right; renews reviewDueAt (a verifier of the OPD)',
  })
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiErrors({ 403: 'FORBIDDEN: not a verifier of the OPD; SELF_REVIEW_FORBIDDEN' })
  async reverify(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: TransitionCommentDto,
  ): Promise<AssetResponseDto> {
    return this.view.detail(
      await this.workflow.transition(p, id, 'reverify', dto.comment),
      readerOf(p),
    );
  }
}
