import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ASSET_TYPES } from '@lumbung/knowledge';

export class PopularAssetsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit: number = 5;
}

export class PopularAssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ASSET_TYPES }) type!: string;
  @ApiProperty() opdCode!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

/** The assets used most in the current Triwulan (WIB) among those the caller may read. */
export class PopularAssetsDto {
  @ApiProperty() year!: number;
  @ApiProperty({ minimum: 1, maximum: 4, description: 'Triwulan (WIB)' }) quarter!: number;
  @ApiProperty({
    type: [PopularAssetDto],
    description:
      'Most used first: distinct readers, downloads and reuse reports of the Triwulan, then views',
  })
  items!: PopularAssetDto[];
}
