import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES } from '@lumbung/knowledge';

export class AssetEvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty({ enum: ['author', 'narasumber'] }) role: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty() endorsements: number;
  @ApiProperty() reuseReports: number;
  @ApiProperty({ example: '/api/v1/assets/…' }) href: string;
}
