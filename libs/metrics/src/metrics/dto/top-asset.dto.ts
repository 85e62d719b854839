import { ApiProperty } from '@nestjs/swagger';
import { AnomalyAssetDto } from './anomaly-asset.dto';

export class TopAssetDto extends AnomalyAssetDto {
  @ApiProperty() views!: number;
  @ApiProperty() uniqueReaders!: number;
  @ApiProperty() downloads!: number;
  @ApiProperty() endorsements!: number;
  @ApiProperty() reuseReports!: number;
}
