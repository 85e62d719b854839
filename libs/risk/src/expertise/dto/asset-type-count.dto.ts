import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES } from '@lumbung/knowledge';

export class AssetTypeCountDto {
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty() count: number;
}
