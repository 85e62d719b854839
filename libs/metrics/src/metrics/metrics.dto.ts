import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsReportDay, QueryQuarter, YearQueryDto } from '@lumbung/platform';

export class MetricsPeriodQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 4, description: 'Triwulan; omit for the year' })
  @IsOptional()
  @QueryQuarter()
  quarter?: number;
}

export class AssetMetricsQueryDto {
  @ApiPropertyOptional({
    example: '2025-01-01',
    description: 'First WIB day (default: a year ago)',
  })
  @IsOptional()
  @IsReportDay()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last WIB day (default: today)' })
  @IsOptional()
  @IsReportDay()
  to?: string;
}

export class ReadersByOpdDto {
  @ApiProperty() opdCode!: string;
  @ApiProperty({ description: 'Sum of daily unique readers from this OPD' }) readers!: number;
}

export class AssetMetricsDto {
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() views!: number;
  @ApiProperty({ description: 'Sum over WIB days of distinct logged-in readers' })
  uniqueReaders!: number;
  @ApiProperty() downloads!: number;
  @ApiProperty() endorsements!: number;
  @ApiProperty() reuseReports!: number;
  @ApiProperty() searchClicks!: number;
  @ApiProperty({ type: [ReadersByOpdDto] }) readersByOpd!: ReadersByOpdDto[];
}
