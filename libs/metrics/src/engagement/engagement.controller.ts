import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CurrentPrincipal,
  Permission,
  Principal,
  Public,
  RequirePermission,
} from '@lumbung/identity';
import { ApiErrors, ApiUuidParams } from '@lumbung/platform';
import { ClientEventResponseDto } from './dto/client-event-response.dto';
import { ClientEventDto } from './dto/client-event.dto';
import { EndorsementStateDto } from './dto/endorsement-state.dto';
import { ReuseReportResponseDto } from './dto/reuse-report-response.dto';
import { ReuseReportDto } from './dto/reuse-report.dto';
import { EngagementService } from './engagement.service';

@ApiTags('usage')
@ApiBearerAuth()
@Controller()
export class EngagementController {
  constructor(private readonly engagement: EngagementService) {}

  @Get('assets/:id/endorsement')
  @Public()
  @ApiOperation({ summary: 'How many find the asset useful, and whether the caller does' })
  @ApiUuidParams()
  @ApiOkResponse({ type: EndorsementStateDto })
  state(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
  ): Promise<EndorsementStateDto> {
    return this.engagement.endorsement(principal, id);
  }

  @Post('assets/:id/endorsement')
  @HttpCode(200)
  @RequirePermission(Permission.AssetEngage)
  @ApiOperation({ summary: 'Mark a published asset useful ("bermanfaat"); once per person' })
  @ApiUuidParams()
  @ApiOkResponse({ type: EndorsementStateDto })
  @ApiErrors({ 409: 'ASSET_NOT_PUBLISHED; OWN_ASSET: authors do not endorse their own asset' })
  endorse(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<EndorsementStateDto> {
    return this.engagement.endorse(principal, id, req);
  }

  @Delete('assets/:id/endorsement')
  @RequirePermission(Permission.AssetEngage)
  @ApiOperation({ summary: 'Withdraw one’s endorsement' })
  @ApiUuidParams()
  @ApiOkResponse({ type: EndorsementStateDto })
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<EndorsementStateDto> {
    return this.engagement.withdraw(principal, id, req);
  }

  @Get('assets/:id/reuse-reports')
  @Public()
  @ApiOperation({ summary: 'How readers applied the asset ("saya terapkan"), newest first' })
  @ApiUuidParams()
  @ApiOkResponse({ type: [ReuseReportResponseDto] })
  reuse(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
  ): Promise<ReuseReportResponseDto[]> {
    return this.engagement.listReuse(principal, id);
  }

  @Post('assets/:id/reuse-reports')
  @RequirePermission(Permission.AssetEngage)
  @ApiOperation({
    summary: 'Report applying the asset (≥ 30 characters; after reading it; once per person)',
  })
  @ApiUuidParams()
  @ApiCreatedResponse({ type: ReuseReportResponseDto })
  @ApiErrors({
    409:
      'ASSET_NOT_PUBLISHED; OWN_ASSET: authors do not endorse their own asset; VIEW_REQUIRED: read it first; ' +
      'REUSE_REPORT_EXISTS: once per person',
  })
  reportReuse(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: ReuseReportDto,
    @Req() req: Request,
  ): Promise<ReuseReportResponseDto> {
    return this.engagement.reportReuse(principal, id, dto.story, req);
  }

  @Post('events')
  @HttpCode(202)
  @RequirePermission(Permission.AssetEngage)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,100}$' },
    description: 'Retries with the same key store one event',
  })
  @ApiOperation({ summary: 'Report a client-side usage event (share)' })
  @ApiAcceptedResponse({ type: ClientEventResponseDto })
  @ApiErrors({
    400: 'INVALID_IDEMPOTENCY_KEY',
    404: 'NOT_FOUND: no asset the caller can read',
    409: 'ASSET_NOT_PUBLISHED',
    429: 'RATE_LIMITED: more events per minute than USAGE_EVENTS_PER_MINUTE',
  })
  async event(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ClientEventDto,
    @Req() req: Request,
  ): Promise<ClientEventResponseDto> {
    // Read here rather than with @Headers(), which would document the header a second time.
    const key = req.get('idempotency-key');
    return { recorded: await this.engagement.share(principal, dto.assetId, req, key) };
  }
}
