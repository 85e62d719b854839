import { ApiProperty } from '@nestjs/swagger';
import { ASPECT_KEYS, type AspectKey } from '../scoring';

export class AspectChangeDto {
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty() before: number;
  @ApiProperty() after: number;
}
