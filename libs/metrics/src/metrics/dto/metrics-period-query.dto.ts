import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { QueryQuarter, YearQueryDto } from '@lumbung/platform';

export class MetricsPeriodQueryDto extends YearQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 4,
    description: 'Triwulan; omit for the year',
  })
  @IsOptional()
  @QueryQuarter()
  quarter?: number;
}
