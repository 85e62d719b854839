import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
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
