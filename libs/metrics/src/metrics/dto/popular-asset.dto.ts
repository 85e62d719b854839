import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES } from '@lumbung/knowledge';

export class PopularAssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ASSET_TYPES }) type!: string;
  @ApiProperty() opdCode!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}
