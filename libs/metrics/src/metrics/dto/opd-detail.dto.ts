import { ApiProperty } from '@nestjs/swagger';
import { AnomalyFlagDto } from './anomaly-flag.dto';
import { MetricDefinitionDto } from './metric-definition.dto';
import { OpdMetricsDto } from './opd-metrics.dto';
import { QuarterMetricsDto } from './quarter-metrics.dto';
import { ReaderOpdRowDto } from './reader-opd-row.dto';
import { TopAssetDto } from './top-asset.dto';

export class OpdDetailDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: OpdMetricsDto }) opd!: OpdMetricsDto;
  @ApiProperty({ type: [QuarterMetricsDto] }) quarters!: QuarterMetricsDto[];
  @ApiProperty({ type: [TopAssetDto], description: 'The 10 most viewed assets of the year' })
  topAssets!: TopAssetDto[];
  @ApiProperty({ type: [AnomalyFlagDto] }) anomalies!: AnomalyFlagDto[];
  @ApiProperty({
    type: [ReaderOpdRowDto],
    description: 'Readers by the OPD they work in, most readers first (OPDs with readers only)',
  })
  readersByOpd!: ReaderOpdRowDto[];
  @ApiProperty({
    type: [MetricDefinitionDto],
    description: 'What the numbers mean (the one definition each place shows beside them)',
  })
  definitions!: MetricDefinitionDto[];
}
