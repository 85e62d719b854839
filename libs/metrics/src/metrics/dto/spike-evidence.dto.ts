import { ApiProperty } from '@nestjs/swagger';
import { AnomalyAssetDto } from './anomaly-asset.dto';
import { MonthViewsDto } from './month-views.dto';
import { SpikeMonthDto } from './spike-month.dto';

/** Evidence of a spike: the asset's spiking months against its own 12-month baseline. */
export class SpikeEvidenceDto {
  @ApiProperty({ description: 'Views of the highest spiking month' }) views!: number;
  @ApiProperty({ description: 'Baseline average of the first spiking month' }) average!: number;
  @ApiProperty({ description: 'Threshold of the first spiking month' }) threshold!: number;
  @ApiProperty({ type: [SpikeMonthDto], description: 'The consecutive spiking months' })
  months!: SpikeMonthDto[];
  @ApiProperty({ type: [MonthViewsDto], description: 'The baseline months, oldest first' })
  history!: MonthViewsDto[];
  @ApiProperty({ type: AnomalyAssetDto }) asset!: AnomalyAssetDto;
}
