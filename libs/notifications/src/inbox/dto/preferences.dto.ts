import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import {
  EMAIL_MODES,
  type EmailMode,
  NOTIFICATION_TYPES,
  type NotificationType,
} from '../../notification-types';

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES })
  @IsIn(NOTIFICATION_TYPES)
  type: NotificationType;

  @ApiProperty({ description: 'Shown under the bell in the portal' })
  @IsBoolean()
  inApp: boolean;

  @ApiProperty({
    enum: EMAIL_MODES,
    description: 'off, one email each (instant), or in the daily digest',
  })
  @IsIn(EMAIL_MODES)
  email: EmailMode;
}

export class PreferencesDto {
  @ApiProperty({ description: 'Whether this installation sends email at all (SMTP_URL set)' })
  mailEnabled: boolean;
  @ApiProperty({ type: [PreferenceDto], description: 'Every type, stored choice or default' })
  items: PreferenceDto[];
}

export class UpdatePreferencesDto {
  @ApiProperty({ type: [PreferenceDto], description: 'The types to change (others stay)' })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  items: PreferenceDto[];
}
