import { ApiProperty } from '@nestjs/swagger';
import { PopularAssetDto } from './popular-asset.dto';

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
