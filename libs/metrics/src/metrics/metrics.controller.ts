import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { YearQueryDto } from '@lumbung/platform';
import { AssetMetricsDto, AssetMetricsQueryDto, MetricsPeriodQueryDto } from './metrics.dto';
import { type AnomalyFlag, type OpdDetail, MetricsViewService } from './metrics-view.service';
import type { OpdMetrics } from './opd-metrics';

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics')
@RequirePermission(Permission.MetricsRead)
export class MetricsController {
  constructor(private readonly view: MetricsViewService) {}

  @Get('opds')
  @ApiOperation({
    summary:
      'Metric inputs per OPD for a year or Triwulan (assessors and admins: every OPD; others: their own)',
  })
  @ApiOkResponse({ description: 'One row per OPD: opdCode, opdName, headcount, then the inputs' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: MetricsPeriodQueryDto,
  ): Promise<OpdMetrics[]> {
    return this.view.list(principal, {
      year: q.year,
      ...(q.quarter ? { quarter: q.quarter } : {}),
    });
  }

  @Get('opds/:code')
  @ApiOperation({ summary: 'One OPD: the year, each Triwulan, top assets and anomaly flags' })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() q: YearQueryDto,
  ): Promise<OpdDetail> {
    return this.view.detail(principal, code, q.year);
  }

  @Get('anomalies')
  @RequirePermission(Permission.MetricsReadAll)
  @ApiOperation({
    summary: 'Spikes, concentrations and bursts of a year, with evidence (assessors)',
  })
  anomalies(
    @CurrentPrincipal() principal: Principal,
    @Query() q: YearQueryDto,
  ): Promise<AnomalyFlag[]> {
    return this.view.anomalies(principal, q.year);
  }

  @Get('assets/:id')
  @ApiOperation({
    summary: 'Usage of one asset (its authors, its OPD admins, assessors and admins)',
  })
  @ApiOkResponse({ type: AssetMetricsDto })
  asset(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() q: AssetMetricsQueryDto,
  ): Promise<AssetMetricsDto> {
    return this.view.assetMetrics(principal, id, q);
  }
}
