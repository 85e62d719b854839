import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES } from '@lumbung/knowledge';

/** An asset the caller may still read, as their own lists name it. */
export class MyAssetRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ASSET_TYPES }) type!: string;
  @ApiProperty() opdCode!: string;
}
