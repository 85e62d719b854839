import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES } from '../asset-types';
import { LocalizedTextDto } from './localized-text.dto';
import { SectionTemplateDto } from './section-template.dto';

export class AssetTypeDto {
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto, description: 'What the type is for, in plain words' })
  description: LocalizedTextDto;
  @ApiProperty({ type: [SectionTemplateDto] }) sections: SectionTemplateDto[];
  @ApiProperty() requiresAttachment: boolean;
}
