import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, type NotificationType } from '../../notification-types';
import { NotificationParamsDto } from './notification-params.dto';

export class NotificationDto {
  @ApiProperty({ description: 'Numeric id' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty({ type: NotificationParamsDto }) params: NotificationParamsDto;
  @ApiProperty({ description: 'Portal path of the thing it is about', example: '/aset/…' })
  link: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}
