import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { NOTIFICATION_TYPES } from '../../notification-types';
import { PreferenceDto } from './preference.dto';

export class UpdatePreferencesDto {
  @ApiProperty({ type: [PreferenceDto], description: 'The types to change (others stay)' })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  items: PreferenceDto[];
}
