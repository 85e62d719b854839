import { ApiProperty } from '@nestjs/swagger';
import { ASPECT_KEYS, type AspectKey } from '../scoring';

export class InputChangeDto {
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty({ description: 'Input key' }) input: string;
  @ApiProperty({ description: 'What the input is, in Indonesian' }) label: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: Number, nullable: true }) before: number | null;
  @ApiProperty({ type: Number, nullable: true }) after: number | null;
}
