import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ApiErrors, ApiOpdCodeParam, ApiUuidParams, YearQueryDto } from '@lumbung/platform';
import { AccountEvidenceDto } from './dto/account-evidence.dto';
import { AnomalyFlagDto } from './dto/anomaly-flag.dto';
import { AssetMetricsQueryDto } from './dto/asset-metrics-query.dto';
import { AssetMetricsDto } from './dto/asset-metrics.dto';
import { MetricsPeriodQueryDto } from './dto/metrics-period-query.dto';
import { OpdDetailDto } from './dto/opd-detail.dto';
import { OpdMetricsDto } from './dto/opd-metrics.dto';
import { SpikeEvidenceDto } from './dto/spike-evidence.dto';
import { AnomalyFlagsService } from './anomaly-flags.service';
import { AssetMetricsService } from './asset-metrics.service';
import { MetricsViewService } from './metrics-view.service';
import { PopularAssetsQueryDto } from './dto/popular-assets-query.dto';
import { PopularAssetsDto } from './dto/popular-assets.dto';
import { PopularAssetsService } from './popular-assets.service';

@ApiTags('metrics')
@ApiBearerAuth()
@ApiExtraModels(SpikeEvidenceDto, AccountEvidenceDto)
@Controller('metrics')
@RequirePermission(Permission.MetricsRead)
export class MetricsController {
  constructor(
    private readonly view: MetricsViewService,
    private readonly flags: AnomalyFlagsService,
    private readonly assets: AssetMetricsService,
    private readonly popular: PopularAssetsService,
  ) {}

  @Get('opds')
  @ApiOperation({
    summary:
      'Metric inputs per OPD for a year or Triwulan (assessors and admins: every OPD; others: their own)',
  })
  @ApiOkResponse({ type: [OpdMetricsDto], description: 'One row per OPD' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: MetricsPeriodQueryDto,
  ): Promise<OpdMetricsDto[]> {
    return this.view.list(principal, {
      year: q.year,
      ...(q.quarter ? { quarter: q.quarter } : {}),
    });
  }

  @Get('opds/:code')
  @ApiOperation({ summary: 'One OPD: the year, each Triwulan, top assets and anomaly flags' })
  @ApiOpdCodeParam()
  @ApiOkResponse({ type: OpdDetailDto })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() q: YearQueryDto,
  ): Promise<OpdDetailDto> {
    return this.view.detail(principal, code, q.year);
  }

  @Get('popular-assets')
  @ApiOperation({
    summary:
      'The assets used most this Triwulan (WIB) among the published ones the caller may read (no counts)',
  })
  @ApiOkResponse({ type: PopularAssetsDto })
  popularAssets(
    @CurrentPrincipal() principal: Principal,
    @Query() q: PopularAssetsQueryDto,
  ): Promise<PopularAssetsDto> {
    return this.popular.current(principal, q.limit);
  }

  @Get('anomalies')
  @RequirePermission(Permission.MetricsReadAll)
  @ApiOperation({
    summary: 'Spikes, concentrations and bursts of a year, with evidence (assessors)',
  })
  @ApiOkResponse({ type: [AnomalyFlagDto] })
  anomalies(
    @CurrentPrincipal() principal: Principal,
    @Query() q: YearQueryDto,
  ): Promise<AnomalyFlagDto[]> {
    return this.flags.anomalies(principal, q.year);
  }

  @Get('assets/:id')
  @ApiOperation({
    summary: 'Usage of one asset (its authors, its OPD admins, assessors and admins)',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: AssetMetricsDto })
  @ApiErrors({ 400: 'INVALID_PERIOD: from after to' })
  asset(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() q: AssetMetricsQueryDto,
  ): Promise<AssetMetricsDto> {
    return this.assets.assetMetrics(principal, id, q);
  }
}
