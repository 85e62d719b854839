import { ApiProperty } from '@nestjs/swagger';
import { OpdMetricsDto } from '@lumbung/metrics';
import type { AspectKey } from '../scoring';
import { AspectDrillDownDto } from './aspect-drill-down.dto';
import { AwardEvidenceDto } from './award-evidence.dto';
import { perAspect } from './award-response.shared';
import { QuarterDataScoresDto } from './quarter-data-scores.dto';

const AspectDrillDownsDto = perAspect('AspectDrillDownsDto', { type: AspectDrillDownDto });

export class DrillDownDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'From the finalised snapshot (not recomputed)' }) frozen: boolean;
  @ApiProperty() rubricVersion: number;
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty() rank: number;
  @ApiProperty() total: number;
  @ApiProperty() winner: boolean;
  @ApiProperty() provisional: boolean;
  @ApiProperty({ type: AspectDrillDownsDto }) aspects: Record<AspectKey, AspectDrillDownDto>;
  @ApiProperty({ type: [QuarterDataScoresDto] }) quarters: QuarterDataScoresDto[];
  @ApiProperty({ type: OpdMetricsDto, description: 'The metric inputs of the year' })
  metrics: OpdMetricsDto;
  @ApiProperty({ type: AwardEvidenceDto }) evidence: AwardEvidenceDto;
}
