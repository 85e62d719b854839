import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsReportDay } from '@lumbung/platform';

export class AssetMetricsQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-01-01',
    description: 'First WIB day (default: a year ago)',
  })
  @IsOptional()
  @IsReportDay()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-12-31',
    description: 'Last WIB day (default: today)',
  })
  @IsOptional()
  @IsReportDay()
  to?: string;
}
