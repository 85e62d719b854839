import { ApiProperty } from '@nestjs/swagger';

export class EvidenceAssetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() type: string;
  @ApiProperty() visibility: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) completeness: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ example: '/api/v1/assets/…' }) href: string;
}
