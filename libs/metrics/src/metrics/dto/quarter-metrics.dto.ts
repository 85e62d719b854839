import { ApiProperty } from '@nestjs/swagger';
import { OpdMetricsDto } from './opd-metrics.dto';

export class QuarterMetricsDto extends OpdMetricsDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) quarter!: number;
}
