import { ApiProperty } from '@nestjs/swagger';
import { AssetImportLineDto } from './asset-import-line.dto';
import { AssetImportSummaryDto } from './asset-import-summary.dto';

export class AssetImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: AssetImportSummaryDto }) summary: AssetImportSummaryDto;
  @ApiProperty({ type: [AssetImportLineDto] }) lines: AssetImportLineDto[];
}
