import { ApiProperty } from '@nestjs/swagger';

export class AssetImportSummaryDto {
  @ApiProperty() total: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejected: number;
}
