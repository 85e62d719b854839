import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTextDto } from './localized-text.dto';

export class SectionTemplateDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty({
    type: LocalizedTextDto,
    description: 'What to write here (shown under the field)',
  })
  guidance: LocalizedTextDto;
  @ApiProperty() required: boolean;
  @ApiProperty({ enum: ['text', 'user'] }) kind: string;
}
