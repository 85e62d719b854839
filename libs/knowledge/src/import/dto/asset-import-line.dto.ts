import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AssetImportLineDto {
  @ApiProperty({ description: 'Line number in the file' }) line: number;
  @ApiPropertyOptional() externalId?: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'rejected'] }) status: string;
  @ApiPropertyOptional({ format: 'uuid' }) assetId?: string;
  @ApiPropertyOptional({ example: 'UNKNOWN_OPD' }) code?: string;
  @ApiPropertyOptional() message?: string;
}
