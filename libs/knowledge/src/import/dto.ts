import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AssetImportLineDto {
  @ApiProperty({ description: 'Line number in the file' }) line: number;
  @ApiPropertyOptional() externalId?: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'rejected'] }) status: string;
  @ApiPropertyOptional({ format: 'uuid' }) assetId?: string;
  @ApiPropertyOptional({ example: 'UNKNOWN_OPD' }) code?: string;
  @ApiPropertyOptional() message?: string;
}

class AssetImportSummaryDto {
  @ApiProperty() total: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejected: number;
}

export class AssetImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: AssetImportSummaryDto }) summary: AssetImportSummaryDto;
  @ApiProperty({ type: [AssetImportLineDto] }) lines: AssetImportLineDto[];
}
