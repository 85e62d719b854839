import { ApiProperty } from '@nestjs/swagger';
import { AssetSummaryDto } from './asset-summary.dto';

export class AssetPageDto {
  @ApiProperty({ type: [AssetSummaryDto] }) items: AssetSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}
